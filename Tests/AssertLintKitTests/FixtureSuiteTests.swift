import Foundation
import Testing
@testable import AssertLintKit

/// Every fixture under Fixtures/ states what it must produce (`expect:`); this runs them all.
@Suite struct FixtureSuiteTests {
    static let fixturesDir = GeneratedSourcesTests.root.appendingPathComponent("Fixtures")

    static func fixturePaths() -> [String] {
        guard let e = FileManager.default.enumerator(atPath: fixturesDir.path) else { return [] }
        return e.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json")) && !$0.hasPrefix("keys/") }
            .sorted()
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixturePaths().count > 0)
    }

    @Test(arguments: fixturePaths())
    func fixtureProducesExpectedRules(_ relative: String) throws {
        let path = Self.fixturesDir.appendingPathComponent(relative).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let subjects = try InputReader.subjects(from: text, source: "Fixtures/\(relative)",
                                                loader: FixtureLoader(environment: ["ASSERTLINT_TEST_SECRET": "a-test-secret-that-is-long-enough-for-hs256",
                                                                "ASSERTLINT_TEST_SECRET_LONG": "a-test-secret-that-is-long-enough-for-hs512-it-has-sixty-four-bytes"]))
        for subject in subjects {
            let expected = try #require(subject.expectedRuleIDs, "Fixtures/\(relative) has no `expect:`")
            let found = Engine().run(subject).ruleIDs
            #expect(Set(found) == Set(expected), "Fixtures/\(relative): found \(found), expected \(expected)")
        }
    }
}
