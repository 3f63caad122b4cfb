import Foundation

/// Organisation policy: every assertion carries a `jti` (`policy.require_jti`).
struct PolicyJTIRequired: Rule {
    static let id = "policy-jti-required"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard subject.policy?.requireJTI == true, let assertion = subject.assertion.decoded else { return }
        if let jti = assertion.claims["jti"]?.stringValue, !jti.trimmingCharacters(in: .whitespaces).isEmpty { return }
        let what = assertion.claims["jti"] == nil ? "the assertion has no jti" : "jti is empty or not a string"
        findings.add(Self.id, at: Location.claim("jti"), "\(what); the policy requires a unique jti in every assertion")
    }
}
