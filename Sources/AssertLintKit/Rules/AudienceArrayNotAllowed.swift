import Foundation

/// `aud` is a JSON array, even of one member, where the profile takes only a string
/// (`audience.array: forbidden`, an error) or has announced it will (`deprecated`, a warning).
struct AudienceArrayNotAllowed: Rule {
    static let id = "aud-array-not-allowed"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, case .array(let items)? = assertion.claims["aud"],
              let audiences = assertion.audiences,
              // An empty array, or one of empty strings, is aud-missing's.
              audiences.contains(where: { !AudienceMissing.isBlank($0) }) else { return }
        let form = subject.profile.audience?.array
        guard form == "forbidden" || form == "deprecated" else { return }
        let policy = AudiencePolicy(subject)
        let server = subject.profile.speakerCapitalized
        let judged = subject.target == nil ? [] : audiences.map(policy.judge)
        let good = judged.indices.first { judged[$0] == .accepted }.map { audiences[$0] }
        // The value the server accepts, else the one the profile says to send, else the lone member.
        let value = good ?? policy.wanted ?? (audiences.count == 1 ? audiences[0] : nil)
        let state = form == "deprecated"
            ? "\(server) still accepts an array but has announced it will take only a single string"
            : "\(server) takes aud only as a single string"
        let count = items.count == 1 ? "an array of one member" : "an array of \(items.count) members"
        findings.add(Self.id, at: Location.claim("aud"), "aud is \(count); \(state)",
                     fix: ["value": value.map { "\"\($0)\"" } ?? "the one value \(server) accepts"],
                     severity: form == "deprecated" ? .warning : nil)
    }
}
