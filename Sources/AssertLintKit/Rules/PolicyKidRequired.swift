import Foundation

/// Organisation policy: the header names its key (`policy.require_kid`).
struct PolicyKidRequired: Rule {
    static let id = "policy-kid-required"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard subject.policy?.requireKid == true, let assertion = subject.assertion.decoded else { return }
        if let kid = assertion.kid, !kid.isEmpty { return }
        findings.add(Self.id, at: Location.header("kid"),
                     "\(assertion.header["kid"] == nil ? "the header has no kid" : "kid is empty or not a string"); the policy requires every assertion to name its signing key")
    }
}
