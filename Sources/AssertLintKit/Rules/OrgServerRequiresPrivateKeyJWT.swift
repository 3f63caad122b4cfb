import Foundation

/// Some servers mint client_credentials tokens only for clients that authenticate in certain
/// ways (the profile's `grants.client_credentials.requires_auth_method`): Okta's Org
/// authorization server, for Okta's own APIs, only with private_key_jwt, except for the app types
/// the profile names (`app_types`: OIN API service integrations may also use client_secret_basic).
struct OrgServerRequiresPrivateKeyJWT: Rule {
    static let id = "org-server-requires-private-key-jwt"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target, target.endpoint == .token,
              request.grantType == "client_credentials",
              let grant = subject.profile.grants?["client_credentials"] else { return }
        let exception = subject.app.type.flatMap { grant.appTypes?[$0.rawValue] }
        let allowed = (exception?.requiresAuthMethod ?? grant.requiresAuthMethod ?? []).compactMap(AuthMethod.init(rawValue:))
        guard !allowed.isEmpty else { return }
        // An app registered for an accepted method meets the requirement; a request that then sends
        // another credential is auth-method-mismatch's (or alg-not-allowed's) finding.
        if let registered = subject.app.authMethod, allowed.contains(registered) { return }
        let presented = subject.presentedAuthMethods
        let used: AuthMethod
        if presented.isEmpty {
            // No credentials at all is no-credentials' finding, unless the app itself is registered
            // for a method the server refuses here.
            guard request.presentedCredentials.isEmpty, let method = subject.app.authMethod,
                  !allowed.contains(method), method != .none else { return }
            used = method
        } else {
            guard !presented.contains(where: allowed.contains), let first = presented.first else { return }
            used = first
        }
        let how = presented.isEmpty ? "the app is registered for \(used.rawValue)" : "the request authenticates with \(used.rawValue)"
        let origin = EndpointURL(target.endpointURL)?.origin ?? target.endpointURL
        let methods = allowed.map(\.rawValue).joined(separator: " or ")
        let values = ["endpoint": target.endpointURL, "how": how, "methods": methods, "origin": origin]
        let message = subject.profile.message(Self.id, values)
            ?? "grant_type=client_credentials is sent to \(subject.profile.speaker) (\(target.endpointURL)) and \(how); it accepts client_credentials only with \(methods)"
        var fix = ["token_url": target.endpointURL]
        if let other = subject.profile.message("\(Self.id).other-server", values) { fix["custom_token_url"] = other }
        findings.add(Self.id, at: Self.pointer(used, presented.isEmpty), message, fix: fix, variant: exception?.variant)
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
