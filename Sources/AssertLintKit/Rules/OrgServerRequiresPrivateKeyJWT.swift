import Foundation

/// The Okta Org authorization server mints client_credentials tokens (for Okta's own APIs)
/// only for clients that authenticate with private_key_jwt.
struct OrgServerRequiresPrivateKeyJWT: Rule {
    static let id = "org-server-requires-private-key-jwt"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target,
              target.profile.requiresPrivateKeyJWTForClientCredentials, target.endpoint == .token,
              request.grantType == "client_credentials" else { return }
        // An app registered for private_key_jwt meets the requirement; a request that then sends
        // another credential is auth-method-mismatch's (or alg-not-allowed's) finding.
        if subject.app.authMethod == .privateKeyJWT { return }
        let presented = subject.presentedAuthMethods
        let used: AuthMethod
        if presented.isEmpty {
            // No credentials at all is no-credentials' finding, unless the app itself is registered
            // for a method the Org server refuses here.
            guard request.presentedCredentials.isEmpty, let method = subject.app.authMethod,
                  method != .privateKeyJWT, method != .none else { return }
            used = method
        } else {
            guard !presented.contains(.privateKeyJWT), let first = presented.first else { return }
            used = first
        }
        let how = presented.isEmpty ? "the app is registered for \(used.rawValue)" : "the request authenticates with \(used.rawValue)"
        let origin = EndpointURL(target.endpointURL)?.origin ?? target.endpointURL
        findings.add(Self.id, at: Self.pointer(used, presented.isEmpty),
                     "grant_type=client_credentials is sent to the Org authorization server (\(target.endpointURL)) and \(how); the Org server accepts client_credentials only with private_key_jwt",
                     fix: ["token_url": target.endpointURL, "custom_token_url": "\(origin)/oauth2/default/v1/token"])
    }

    static func pointer(_ m: AuthMethod, _ fromApp: Bool) -> String {
        if fromApp { return Location.form("grant_type") }
        switch m {
        case .clientSecretBasic: return Location.httpHeader("Authorization")
        case .clientSecretPost: return Location.form("client_secret")
        default: return Location.header("alg")
        }
    }
}
