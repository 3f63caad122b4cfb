import Foundation

/// Organisation policy: an assertion may live at most `policy.max_lifetime` seconds.
struct PolicyLifetime: Rule {
    static let id = "policy-lifetime"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let max = subject.policy?.maxLifetime, let assertion = subject.assertion.decoded,
              let exp = assertion.date("exp").seconds else { return }
        let start: Double
        let from: String
        if let iat = assertion.date("iat").seconds {
            (start, from) = (iat, "iat")
        } else {
            (start, from) = (subject.now.timeIntervalSince1970.rounded(.down), "now")
        }
        let lifetime = exp - start
        guard lifetime > Double(max) else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     "the assertion lives \(Int(lifetime)) s (\(from) to exp); the policy allows at most \(max) s",
                     fix: ["max_lifetime": String(max), "exp": String(Int64(start) + Int64(max))])
    }
}
