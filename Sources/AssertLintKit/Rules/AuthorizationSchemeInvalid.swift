import Foundation

/// At endpoints that authenticate clients, the Authorization header carries client credentials
/// only as Basic. A Bearer header there (often the client assertion itself, or an access token at
/// /introspect) authenticates nothing.
struct AuthorizationSchemeInvalid: Rule {
    static let id = "authorization-scheme-invalid"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target,
              let header = request.authorization else { return }
        let value = header.value.trimmingCharacters(in: .whitespaces)
        let scheme = value.prefix(while: { !$0.isWhitespace })
        guard !scheme.isEmpty, scheme.lowercased() != "basic" else { return }
        let credential = value.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        var message = "The Authorization header uses the \(scheme) scheme; at the \(target.endpoint.displayName) \(subject.profile.speakerCapitalized) takes client credentials in that header only as Basic"
        var fix = "send the client's own credential instead: a signed assertion as `client_assertion` with `client_assertion_type=\(ClientAssertionType.jwtBearer)` in the form body (aud \"\(target.endpointURL)\"), or the client id and secret as `Authorization: Basic`"
        if case .success(let jwt) = AssertionDecoding.decode(credential) {
            if let iss = jwt.issuer, iss == jwt.subject {
                // iss == sub: a self-signed client assertion, put in the wrong place.
                message += ". The Bearer value is a JWT with iss = sub = \"\(iss)\": a client assertion, sent in the wrong place"
                fix = "move the JWT from the Authorization header to the form body as `client_assertion=<the JWT>` together with `client_assertion_type=\(ClientAssertionType.jwtBearer)`, and remove the header; its `aud` must be \"\(target.endpointURL)\""
            } else if target.endpoint == .introspect || target.endpoint == .revoke {
                message += ". The Bearer value looks like an access token: the token to \(target.endpoint == .introspect ? "introspect" : "revoke") goes in the `token` form parameter, and the client authenticates itself"
                fix = "send the token as the `token` form parameter and authenticate the client as its app is registered (a `client_assertion` with aud \"\(target.endpointURL)\", or `Authorization: Basic`)"
            }
        }
        findings.add(Self.id, at: Location.httpHeader("Authorization"), message, fix: ["fix": fix])
    }
}
