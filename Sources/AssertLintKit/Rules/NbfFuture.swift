import Foundation

/// `nbf` further ahead of now than the server allows (`ClaimTime.futureLimits`): the assertion
/// is not valid yet.
struct NbfFuture: Rule {
    static let id = "nbf-future"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let nbf = ClaimTime.seconds(assertion, "nbf") else { return }
        let ahead = nbf - subject.now.timeIntervalSince1970
        guard let verdict = ClaimTime.futureVerdict("nbf", ahead: ahead, subject) else { return }
        let now = ClaimTime.nowSeconds(subject)
        findings.add(Self.id, at: Location.claim("nbf"),
                     ClaimTime.relation("nbf", nbf, to: subject) + ": the assertion is not valid yet" + verdict.limit
                        + ClaimTime.clockNote(subject),
                     fix: ["nbf": String(now), "nbf_utc": ClaimTime.utc(Double(now))],
                     severity: verdict.severity == .error ? nil : verdict.severity)
    }
}
