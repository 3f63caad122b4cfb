import Foundation
import Testing
@testable import AssertLintKit

/// Reads a code paste the way `assertlint diagnose` does, at a fixed clock, and judges it.
enum CodePaste {
    static let now = Date(timeIntervalSince1970: 1_748_872_800) // 2025-06-02T14:00:00Z

    struct Judged {
        let ids: [String]
        let notes: [String]
        let unjudged: [String: String]
        let subject: Subject
    }

    /// `server` is `--server ID`: code that names no URL is judged by it rather than by the generic profile.
    static func judge(_ text: String, server: String? = nil) throws -> Judged {
        let subjects = try InputReader.subjects(from: text, source: "snippet", loader: FixtureLoader(realNow: now))
        var subject = try #require(subjects.first)
        if let server {
            let profile = try ProfileSet.bundled.resolve(server).get()
            try ProfileSelection(forced: (profile, "--server \(server)")).apply(to: &subject)
        }
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        return Judged(ids: d.ruleIDs.sorted(), notes: subject.notes,
                      unjudged: Dictionary(d.unjudged.map { ($0.ruleID, $0.needs) }, uniquingKeysWith: { a, _ in a }), subject: subject)
    }

    /// The rebuilt assertion's claims.
    static func claims(_ j: Judged) throws -> JSONObject {
        try #require(j.subject.assertion.decoded?.claims)
    }
}
