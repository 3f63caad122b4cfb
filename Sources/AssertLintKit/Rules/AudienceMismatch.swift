import Foundation

/// `aud` must be one of the values the server's audience policy accepts (`audience.accepts`).
struct AudienceMismatch: Rule {
    static let id = "aud-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        guard let target = subject.target else {
            findings.cannotJudge(Self.id, needs: "the request URL, or --endpoint URL for a bare token")
            return
        }
        // An empty or blank `aud` is `aud-missing`'s: reporting it here too would say the same twice.
        guard let audiences = assertion.audiences, audiences.contains(where: { !AudienceMissing.isBlank($0) }) else { return }
        let accepted = AudiencePolicyCheck.accepted(by: target)
        guard !audiences.contains(where: { AudiencePolicyCheck.accepts(accepted, $0) }) else { return }
        let shown = audiences.count == 1 ? "\"\(audiences[0])\"" : "[" + audiences.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let differences = audiences.map { AudienceDifference(audience: $0, target: target, accepted: accepted).description }
        let reason = Array(Set(differences)).sorted().joined(separator: "; ")
        findings.add(Self.id, at: Location.claim("aud"),
                     "aud is \(shown) but the request goes to \"\(target.endpointURL)\": \(reason)",
                     fix: ["endpoint": accepted[0]])
    }
}
