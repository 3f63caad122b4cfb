import Foundation

/// The `client_id` parameter (or the Basic user) must name the same client as the assertion
/// and as the app being diagnosed. The assertion's own iss/sub against the app are the claim
/// rules' (iss-mismatch, sub-mismatch) to judge.
struct ClientIDMismatch: Rule {
    static let id = "client-id-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest else { return }
        var named: [(value: String, origin: String, pointer: String)] = []
        if let f = request.form("client_id"), !f.value.isEmpty {
            // `{clientId}` names a client without saying which one: it is not compared.
            guard !Placeholders.contains(f.value) else {
                findings.cannotJudge(Self.id, needs: "the real client_id (the paste has the placeholder \(Self.shown(f.value)))")
                return
            }
            named.append((f.value, "the `client_id` parameter", Location.form("client_id")))
        }
        if let b = request.basicCredentials, b.decodable, !b.user.isEmpty {
            named.append((b.user, "the Basic credentials' user", Location.httpHeader("Authorization")))
        }
        guard let first = named.first else { return }
        let assertion = subject.assertion.decoded
        let assertionClient = ClientIDMissing.nonEmpty(assertion?.subject).map { ($0, "the assertion's `sub`") }
            ?? ClientIDMissing.nonEmpty(assertion?.issuer).map { ($0, "the assertion's `iss`") }
        let registered = subject.app.clientID.flatMap(ClientIDMissing.nonEmpty)

        for n in named {
            if let registered, n.value != registered {
                findings.add(Self.id, at: n.pointer,
                             "\(Self.capitalized(n.origin)) is \"\(n.value)\" but the app's client_id is \"\(registered)\"\(Self.closeness(n.value, registered))",
                             fix: ["client_id": registered])
                return
            }
        }
        // With a registered id, a differing sub is sub-mismatch's finding; without one, the
        // parameter is the only thing to compare the assertion with.
        if registered == nil, let claimed = assertionClient, let n = named.first(where: { $0.value != claimed.0 }) {
            findings.add(Self.id, at: n.pointer,
                         "\(Self.capitalized(n.origin)) is \"\(n.value)\" but \(claimed.1) is \"\(claimed.0)\"\(Self.closeness(n.value, claimed.0))",
                         fix: ["client_id": claimed.0])
            return
        }
        if named.count == 2, named[0].value != named[1].value {
            findings.add(Self.id, at: named[1].pointer,
                         "The `client_id` parameter is \"\(named[0].value)\" but the Basic credentials' user is \"\(named[1].value)\"",
                         fix: ["client_id": registered ?? first.value])
        }
    }

    static func shown(_ value: String) -> String {
        Placeholders.find(value).filter(Placeholders.isShowable).map { "`\($0)`" }.first ?? "in `client_id`"
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Hints at the usual slips: whitespace, letter case, an app's other id.
    static func closeness(_ a: String, _ b: String) -> String {
        if a.trimmingCharacters(in: .whitespacesAndNewlines) == b { return " (they differ only in surrounding whitespace)" }
        if a.lowercased() == b.lowercased() { return " (they differ in letter case; client ids are compared exactly)" }
        return ""
    }
}
