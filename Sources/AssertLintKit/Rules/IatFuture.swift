import Foundation

/// `iat` further ahead of now than the server allows (`ClaimTime.futureLimits`: its clock skew,
/// or FAPI 2.0's accept/reject pair): the assertion claims to be issued in the future, which
/// usually means the client's clock is fast. A server that does not judge `iat` (`lifetime.iat_checked:
/// false`) accepts it: a warning then.
struct IatFuture: Rule {
    static let id = "iat-future"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let iat = ClaimTime.seconds(assertion, "iat") else { return }
        let ahead = iat - subject.now.timeIntervalSince1970
        guard var verdict = ClaimTime.futureVerdict("iat", ahead: ahead, subject) else { return }
        if subject.profile.lifetime?.iatChecked == false {
            verdict = (.warning, "; \(subject.profile.speaker) does not judge iat and accepts it, but servers that do refuse it")
        }
        let now = ClaimTime.nowSeconds(subject)
        findings.add(Self.id, at: Location.claim("iat"),
                     ClaimTime.relation("iat", iat, to: subject)
                        + ": the assertion claims to be issued in the future (the clock that set it looks \(ClaimTime.duration(ahead)) fast)"
                        + verdict.limit + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ["iat": String(now), "iat_utc": ClaimTime.utc(Double(now))],
                     severity: verdict.severity == .error ? nil : verdict.severity)
    }
}
