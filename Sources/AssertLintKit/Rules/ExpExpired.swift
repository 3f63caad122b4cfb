import Foundation

/// `exp` ≤ now: the assertion has expired (RFC 7519 §4.1.4: it must not be accepted on or after
/// exp). A server that allows clock skew past `exp` (`lifetime.exp_clock_skew`, else
/// `clock_skew`) still takes it within that skew: a warning then, since it is about to fail.
struct ExpExpired: Rule {
    static let id = "exp-expired"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let exp = ClaimTime.seconds(assertion, "exp") else { return }
        let now = subject.now.timeIntervalSince1970
        guard exp <= now else { return }
        let leeway = ClaimTime.expLeeway(subject)
        let server = subject.profile.speaker
        let past = now - exp
        let withinSkew = leeway > 0 && past < leeway
        var message = ClaimTime.relation("exp", exp, to: subject) + ": the assertion has expired"
        if withinSkew {
            message += "; \(server) allows \(ClaimTime.duration(leeway)) of clock skew past exp, so it still accepts it, for \(ClaimTime.duration(leeway - past)) more"
        } else if leeway > 0 {
            message += "; \(server) accepts an expired assertion only within \(ClaimTime.duration(leeway)) of exp"
        }
        findings.add(Self.id, at: Location.claim("exp"),
                     message + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ExpiryFix.values(subject, max: nil), severity: withinSkew ? .warning : nil)
    }
}
