import Foundation

/// The server must find out which client is calling: from `client_id`, the Basic user, or the
/// assertion's `iss`/`sub`. With none of them it cannot even look the client up.
struct ClientIDMissing: Rule {
    static let id = "client-id-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let assertion = subject.assertion.decoded else { return }
        if let id = request.form("client_id"), !id.value.trimmingEdges(.whitespaces).isEmpty { return }
        if let basic = request.basicCredentials, basic.decodable, !basic.user.isEmpty { return }
        let iss = Self.nonEmpty(assertion.issuer)
        let sub = Self.nonEmpty(assertion.subject)
        guard iss == nil, sub == nil else { return }
        let iv = assertion.claims["iss"], sv = assertion.claims["sub"]
        let what = iv == nil && sv == nil ? "`iss` and `sub` are missing"
            : [("iss", iv), ("sub", sv)].map { name, value in
                value == nil ? "`\(name)` is missing" : "`\(name)` is \(value?.compactText ?? "empty")"
            }.joined(separator: " and ")
        let clientID = subject.app.clientID.flatMap(Self.nonEmpty) ?? "<your client id>"
        findings.add(Self.id, at: Location.claim("sub"),
                     "Nothing in the request names the client: there is no `client_id` parameter, no Basic user, and the assertion's \(what)",
                     fix: ["client_id": clientID])
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingEdges(.whitespaces).isEmpty else { return nil }
        return s
    }
}
