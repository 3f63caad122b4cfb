import Foundation

/// Organisation policy: only the algorithms in `policy.allowed_algs` are used.
struct PolicyAlgorithm: Rule {
    static let id = "policy-alg"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let allowed = subject.policy?.allowedAlgorithms, !allowed.isEmpty,
              let assertion = subject.assertion.decoded else { return }
        let alg = assertion.alg
        guard alg.map(allowed.contains) != true else { return }
        let shown = alg.map { "alg is \"\($0)\"" } ?? "the header has no alg"
        findings.add(Self.id, at: Location.header("alg"),
                     "\(shown); the policy allows only \(allowed.joined(separator: ", "))",
                     fix: ["allowed_algs": allowed.joined(separator: ", ")])
    }
}
