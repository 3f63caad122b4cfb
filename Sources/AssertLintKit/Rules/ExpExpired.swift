import Foundation

/// `exp` ≤ now: the assertion has expired (RFC 7519 §4.1.4: it must not be accepted on or after exp).
struct ExpExpired: Rule {
    static let id = "exp-expired"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let exp = ClaimTime.seconds(assertion, "exp"),
              exp <= subject.now.timeIntervalSince1970 else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     ClaimTime.relation("exp", exp, to: subject) + ": the assertion has expired"
                        + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ExpiryFix.values(subject))
    }
}
