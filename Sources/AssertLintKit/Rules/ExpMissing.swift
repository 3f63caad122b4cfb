import Foundation

/// No `exp`: RFC 7523 §3 requires it. A present `exp` of the wrong type is `claim-type-invalid`'s.
struct ExpMissing: Rule {
    static let id = "exp-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, case .absent = assertion.date("exp") else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     "exp is missing; a client assertion must carry an expiry (RFC 7523 §3)",
                     fix: ExpiryFix.values(subject))
    }
}
