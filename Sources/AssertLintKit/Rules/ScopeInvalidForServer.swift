import Foundation

/// Which scopes a client_credentials request may ask for depends on the server: its profile's
/// `grants.client_credentials.scopes` says whether it mints only the server's own API scopes
/// (`scope_prefix`, Okta's Org server), never them (Okta's custom servers), or any.
struct ScopeInvalidForServer: Rule {
    static let id = "scope-invalid-for-server"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target, target.endpoint == .token,
              request.grantType == "client_credentials" else { return }
        let server = subject.profile
        guard let rules = server.grants?["client_credentials"], let policy = rules.scopes, policy != "any",
              let prefix = rules.scopePrefix else { return }
        let written = (request.form("scope")?.value ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        // `{scopes}` stands for scopes the paste does not show: only the others are judged.
        let scopes = written.filter { !Placeholders.isWhole($0) }
        if scopes.count < written.count {
            findings.cannotJudge(Self.id, needs: "the real scopes (the paste has a placeholder in `scope`)")
            if scopes.isEmpty { return }
        }
        let origin = EndpointURL(target.endpointURL)?.origin ?? target.endpointURL
        func say(_ key: String, _ asked: [String]) -> (String, String)? {
            let values = ["scopes": Self.list(asked), "origin": origin]
            guard let message = server.message("\(Self.id).\(key)", values),
                  let advice = server.message("\(Self.id).\(key).advice", values) else { return nil }
            return (message, advice)
        }
        if policy == "okta_api_only" {
            if scopes.isEmpty {
                if let (message, advice) = say("no-scope", []) {
                    findings.add(Self.id, at: Location.form("scope"), message, fix: ["advice": advice], variant: "no-scope")
                }
                return
            }
            let others = scopes.filter { !$0.hasPrefix(prefix) }
            guard !others.isEmpty, let (message, advice) = say("other-scopes", others) else { return }
            findings.add(Self.id, at: Location.form("scope"), message, fix: ["advice": advice])
        } else if policy == "no_okta_api" {
            let api = scopes.filter { $0.hasPrefix(prefix) }
            guard !api.isEmpty, let (message, advice) = say("api-scopes", api) else { return }
            findings.add(Self.id, at: Location.form("scope"), message, fix: ["advice": advice],
                         variant: "api-scopes-at-custom-server")
        }
    }

    static func list(_ scopes: [String]) -> String {
        scopes.map { "`\($0)`" }.joined(separator: ", ")
    }
}
