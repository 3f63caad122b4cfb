import Foundation

/// `aud` holds more values than the server takes (`audience.max_values`, or 1 where an array must
/// have one member), even when one of them is a value it accepts. Where the profile forbids
/// arrays altogether, an array of any size is `aud-array-not-allowed`'s: one cause, one finding.
struct AudienceMultipleValues: Rule {
    static let id = "aud-multiple-values"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let audiences = assertion.audiences else { return }
        let policy = AudiencePolicy(subject)
        guard let max = policy.maxValues, audiences.count > max, policy.rules?.array != "forbidden" else { return }
        let server = subject.profile.speakerCapitalized
        let judged = subject.target == nil ? [] : audiences.map(policy.judge)
        let good = judged.indices.first { judged[$0] == .accepted }.map { audiences[$0] }
        var message = "aud holds \(audiences.count) values; \(server) takes at most \(max)"
        if let good { message += ", even though \(ClaimText.quoted(good)) is one it accepts" }
        let value = good ?? policy.wanted
        findings.add(Self.id, at: Location.claim("aud"), message,
                     fix: ["value": value.map { "\"\($0)\"" } ?? "the one value \(server) accepts"])
    }
}
