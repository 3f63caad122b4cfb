import Foundation

/// `exp` just inside the server's cap on `exp - now` (the last twelfth of it, at most 5 minutes):
/// valid by this clock, but a clock that runs a little ahead of the server's pushes it over (the
/// classic `exp = now + 1 h` at a one-hour cap).
struct ExpNearCap: Rule {
    static let id = "exp-near-cap"
    static let margin: Double = 300

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let exp = ClaimTime.seconds(assertion, "exp"),
              let cap = ExpiryFix.cap(subject)?.seconds else { return }
        let lifetime = exp - subject.now.timeIntervalSince1970
        guard lifetime > cap - min(Self.margin, cap / 12), lifetime <= cap else { return }
        let server = ExpiryFix.serverName(subject)
        let slack = cap - lifetime
        let clock = slack < 1
            ? "any clock difference at all makes \(server) reject it"
            : "if the clock that set exp runs more than \(ClaimTime.duration(slack)) ahead of \(server)'s, \(server) rejects it as too far in the future"
        findings.add(Self.id, at: Location.claim("exp"),
                     ClaimTime.relation("exp", exp, to: subject)
                        + "; \(server) allows at most \(ClaimTime.duration(cap)), and \(clock)",
                     fix: ExpiryFix.values(subject, max: cap))
    }
}
