import Foundation

/// The request must authenticate the way the app is registered (`token_endpoint_auth_method`).
/// An assertion's method is told by its `alg`: HS* is client_secret_jwt, RS/ES/PS is private_key_jwt.
struct AuthMethodMismatch: Rule {
    static let id = "auth-method-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target else { return }
        guard let registered = subject.app.authMethod else {
            if !request.presentedCredentials.isEmpty {
                findings.cannotJudge(Self.id, needs: "the app's client authentication (--auth-method or app.auth_method)")
            }
            return
        }
        guard let presented = subject.presentedAuthMethod, !Self.compatible(registered, presented) else { return }
        // An HS* assertion for a private_key_jwt app (or RS*/ES* for client_secret_jwt) is a wrong
        // `alg` for the app: alg-not-allowed reports it, with the key material in view.
        if registered.usesAssertion && presented.usesAssertion { return }
        var variant: String?
        let server = subject.profile
        let console = server.consoleName(registered).map { " (\"\($0)\")" } ?? ""
        var message = "The app is registered for \(registered.rawValue)\(console) but the request authenticates with \(presented.rawValue) (\(Self.describe(presented, subject)))"
        switch (registered, presented) {
        case (_, .privateKeyJWT) where subject.app.jwks == nil:
            let alg = subject.assertion.decoded?.alg ?? "RS256"
            message += (server.keys?.lookup ?? []).contains("alg")
                ? ". \(server.speakerCapitalized) chooses the key by the assertion's `alg`; for an \(alg) assertion it needs a registered public key, which this app does not have"
                : ". \(server.speakerCapitalized) verifies an \(alg) assertion with a registered public key, which this app does not have"
            variant = "jwks-not-configured"
        case (.none, .clientSecretJWT):
            message += ". A public client has no client secret to sign an HS assertion with; it sends only `client_id`"
            variant = "no-secret"
        case (.privateKeyJWT, _), (.clientSecretJWT, .clientSecretBasic), (.clientSecretJWT, .clientSecretPost):
            message += ". An app registered for a signed JWT does not accept its credential in any other form"
        case (.none, _):
            message += ". A public client (no client authentication) sends only `client_id`"
        default:
            break
        }
        let pointer = Self.pointer(presented)
        findings.add(Self.id, at: pointer, message, fix: [
            "registered": registered.rawValue,
            "how": ClientAuthentication.howTo(registered, endpoint: target.endpointURL),
            "presented": presented.rawValue,
            "console": server.consoleName(presented) ?? presented.rawValue,
        ], variant: variant)
    }

    /// The Admin Console offers one "Client secret" setting; a secret in the header or in the
    /// body is the same registration to it, so assertlint does not report basic against post.
    static func compatible(_ a: AuthMethod, _ b: AuthMethod) -> Bool {
        if a == b { return true }
        let secret: Set<AuthMethod> = [.clientSecretBasic, .clientSecretPost]
        return secret.contains(a) && secret.contains(b)
    }

    static func describe(_ m: AuthMethod, _ subject: Subject) -> String {
        switch m {
        case .clientSecretBasic: return "a client secret in the Basic Authorization header"
        case .clientSecretPost: return "`client_secret` in the body"
        case .clientSecretJWT, .privateKeyJWT: return "a client assertion signed with \(subject.assertion.decoded?.alg ?? "?")"
        case .none: return "no credentials"
        }
    }

    static func pointer(_ m: AuthMethod) -> String {
        switch m {
        case .clientSecretBasic: return Location.httpHeader("Authorization")
        case .clientSecretPost: return Location.form("client_secret")
        case .clientSecretJWT, .privateKeyJWT: return Location.header("alg")
        case .none: return Location.body
        }
    }
}
