import Foundation

/// `exp` more than the server's cap ahead of now (`lifetime.max_exp_ahead`, no leeway).
struct ExpTooFar: Rule {
    static let id = "exp-too-far"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let exp = ClaimTime.seconds(assertion, "exp"),
              let cap = ExpiryFix.cap(subject) else { return }
        guard exp - subject.now.timeIntervalSince1970 > cap else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     ClaimTime.relation("exp", exp, to: subject)
                        + "; \(ExpiryFix.serverName(subject)) allows at most \(ClaimTime.duration(cap))"
                        + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ExpiryFix.values(subject))
    }
}
