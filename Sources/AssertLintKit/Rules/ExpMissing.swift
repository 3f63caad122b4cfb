import Foundation

/// No `exp`: RFC 7523 §3 requires it. A present `exp` of the wrong type is `claim-type-invalid`'s.
/// A server that does not require it (`lifetime.exp_required: false`) bounds the assertion by
/// `iat` instead, so without `iat` too it has nothing to judge by: an error then, else a warning.
struct ExpMissing: Rule {
    static let id = "exp-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, case .absent = assertion.date("exp") else { return }
        var message = "exp is missing; a client assertion must carry an expiry (RFC 7523 §3)"
        var severity: Severity? = nil
        if subject.profile.lifetime?.expRequired == false {
            if case .absent = assertion.date("iat") {
                message += "; \(subject.profile.speaker) does without exp only when iat is present, and neither is"
            } else {
                message += "; \(subject.profile.speaker) does not require it and bounds the assertion by iat instead, but other servers refuse it"
                severity = .warning
            }
        }
        findings.add(Self.id, at: Location.claim("exp"), message, fix: ExpiryFix.values(subject), severity: severity)
    }
}
