import Foundation

/// `exp` further ahead of now than the server allows, with no leeway: `lifetime.max_exp_ahead`,
/// or `max_exp_ahead_without_iat` when the assertion has no `iat` (with one, such a server limits
/// the time since `iat` instead: iat-too-old).
struct ExpTooFar: Rule {
    static let id = "exp-too-far"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let exp = ClaimTime.seconds(assertion, "exp"),
              let (cap, withoutIat) = ExpiryFix.cap(subject).map({ ($0.seconds, $0.withoutIat) }) else { return }
        guard exp - subject.now.timeIntervalSince1970 > cap else { return }
        let server = ExpiryFix.serverName(subject)
        var limit = "; \(server) allows at most \(ClaimTime.duration(cap))"
        if withoutIat {
            limit = "; without iat, \(server) allows exp at most \(ClaimTime.duration(cap)) ahead"
            if let age = subject.profile.lifetime?.maxUseAfterIat {
                limit += " (with iat, it limits the time since iat instead, to \(ClaimTime.duration(age)))"
            }
            if let origin = subject.profile.message("exp-too-far.limit", ["limit": ClaimTime.duration(cap)]) {
                limit += "; \(origin)"
            }
        }
        findings.add(Self.id, at: Location.claim("exp"),
                     ClaimTime.relation("exp", exp, to: subject) + limit
                        + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ExpiryFix.values(subject, max: cap))
    }
}
