import Foundation

/// Which scopes a client_credentials request may ask for depends on the server: the Okta Org
/// server mints only Okta API scopes (`okta.*`), custom servers never do.
struct ScopeInvalidForServer: Rule {
    static let id = "scope-invalid-for-server"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target, target.endpoint == .token,
              request.grantType == "client_credentials" else { return }
        let written = (request.form("scope")?.value ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        // `{scopes}` stands for scopes the paste does not show: only the others are judged.
        let scopes = written.filter { !Placeholders.isWhole($0) }
        if scopes.count < written.count {
            findings.cannotJudge(Self.id, needs: "the real scopes (the paste has a placeholder in `scope`)")
            if scopes.isEmpty { return }
        }
        let origin = EndpointURL(target.endpointURL)?.origin ?? target.endpointURL
        switch target.profile.scopePolicy {
        case .oktaAPIOnly:
            if scopes.isEmpty {
                findings.add(Self.id, at: Location.form("scope"),
                             "The request asks the Org authorization server for a client_credentials token without `scope`; the Org server mints tokens only for the Okta API scopes (okta.*) granted to the app, and they must be requested",
                             fix: ["advice": "add `scope` with the Okta API scopes granted to the app on its Okta API Scopes tab, for example `scope=okta.users.read`"],
                             variant: "no-scope")
                return
            }
            let custom = scopes.filter { !$0.hasPrefix("okta.") }
            guard !custom.isEmpty else { return }
            findings.add(Self.id, at: Location.form("scope"),
                         "The Org authorization server mints only Okta API scopes (okta.*), and the request asks for \(Self.list(custom))",
                         fix: ["advice": "to call your own API, request \(Self.list(custom)) from a custom authorization server at \(origin)/oauth2/default/v1/token (or your own server's token URL, with `aud` set to it); at the Org server, request only okta.* scopes"])
        case .noOktaAPI:
            let okta = scopes.filter { $0.hasPrefix("okta.") }
            guard !okta.isEmpty else { return }
            findings.add(Self.id, at: Location.form("scope"),
                         "A custom authorization server cannot mint Okta API scopes, and the request asks for \(Self.list(okta))",
                         fix: ["advice": "request Okta API scopes from the Org authorization server at \(origin)/oauth2/v1/token (which requires private_key_jwt and an assertion with that `aud`), and only your own scopes here"],
                         variant: "okta-scopes-at-custom-server")
        case .any:
            return
        }
    }

    static func list(_ scopes: [String]) -> String {
        scopes.map { "`\($0)`" }.joined(separator: ", ")
    }
}
