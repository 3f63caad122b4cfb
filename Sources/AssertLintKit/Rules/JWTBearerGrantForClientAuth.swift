import Foundation

/// RFC 7523 defines two uses of a JWT: as an authorization grant (§2.1, `grant_type=...jwt-bearer`
/// with `assertion`) and as client authentication (§2.2, `client_assertion`). A self-signed JWT
/// (iss = sub) sent as the grant is almost always meant as client authentication for
/// client_credentials.
struct JWTBearerGrantForClientAuth: Rule {
    static let id = "jwt-bearer-grant-for-client-auth"
    static let jwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// The self-issued JWT in `assertion`, when the request is such a grant without client credentials.
    static func selfIssuedGrantAssertion(_ request: TokenRequest) -> ClientAssertion? {
        guard request.grantType == jwtBearerGrant, request.presentedCredentials.isEmpty,
              let field = request.form("assertion"),
              case .success(let jwt) = AssertionDecoding.decode(field.value.trimmingCharacters(in: .whitespacesAndNewlines)),
              let iss = jwt.issuer, !iss.isEmpty, iss == jwt.subject else { return nil }
        return jwt
    }

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target, target.endpoint == .token,
              let jwt = Self.selfIssuedGrantAssertion(request) else { return }
        findings.add(Self.id, at: Location.form("grant_type"),
                     "grant_type is the JWT bearer grant (RFC 7523 section 2.1) and `assertion` is a JWT with iss = sub = \"\(jwt.issuer ?? "")\": that is a client assertion, which authenticates the client (section 2.2) and is sent as `client_assertion`; as a grant it identifies a user from a trusted issuer, and the request carries no client authentication",
                     fix: ["token_url": target.endpointURL])
    }
}
