import Foundation

/// A committed assertion that has not expired at the real current time can be replayed by
/// anyone who reads the file, whatever `now` the fixture pretends.
struct AssertionLive: Rule {
    static let id = "assertion-live"
    static let scope = RuleScope.committedFiles

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard !subject.assertionIsGenerated, let assertion = subject.assertion.decoded,
              let exp = assertion.date("exp").seconds else { return }
        let remaining = exp - subject.realNow.timeIntervalSince1970
        guard remaining > 0 else { return }
        let until = ClaimTime.utc(exp)
        findings.add(Self.id, at: Location.claim("exp"),
                     "the assertion is valid until \(until), \(ClaimTime.duration(remaining)) from now (real time); anyone who can read it can replay it until then",
                     fix: ["until": until])
    }
}
