import Foundation

/// `exp - iat` over the server's cap (`lifetime.max_exp_minus_iat`): the lifetime the assertion
/// declares is too long, whenever it is sent. Without `iat` there is nothing to measure.
struct LifetimeTooLong: Rule {
    static let id = "lifetime-too-long"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let cap = subject.profile.lifetime?.maxExpMinusIat, let assertion = subject.assertion.decoded,
              let exp = ClaimTime.seconds(assertion, "exp"), let iat = ClaimTime.seconds(assertion, "iat") else { return }
        let lifetime = exp - iat
        guard lifetime > cap else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     "exp \(ClaimTime.shown(exp)) is \(ClaimTime.duration(lifetime)) after iat \(ClaimTime.shown(iat))"
                        + ClaimTime.millisecondsHint("exp", exp)
                        + "; \(subject.profile.speaker) allows at most \(ClaimTime.duration(cap)) from iat to exp",
                     fix: ExpiryFix.valuesWithIat(subject, max: cap))
    }
}
