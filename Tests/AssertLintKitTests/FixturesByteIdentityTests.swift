import Foundation
import Testing
@testable import AssertLintKit

/// `check --format json|sarif|junit|github|text Fixtures/` renders byte for byte what it rendered
/// before the issue 13 speed work (goldens made from the code before the first optimisation), with
/// every rule and a fixed clock. `UPDATE_GOLDEN=1 swift test --filter FixturesByteIdentityTests`
/// rewrites them: only do that for an intended output change, and review the diff.
@Suite struct FixturesByteIdentityTests {
    static let goldenDir = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Golden/fixtures-check")

    /// One run over the bundled fixtures, shared by the five formats (the run is the expensive part).
    static let report: CheckReport = {
        let options = CheckOptions(paths: ["Fixtures"], workingDirectory: GeneratedSourcesTests.root.path,
                                   realNow: BatchFixtures.realNow, environment: [:], standardInput: { nil })
        return CheckRunner(options).run()
    }()

    static func render(_ format: String, _ report: CheckReport) -> String {
        switch format {
        case "json": return JSONReporter().report(report)
        case "sarif": return SARIFReporter(toolVersion: "0.0.0-test", informationURI: nil).render(report)
        case "junit": return JUnitReporter().render(report)
        case "github": return GitHubReporter().render(report)
        default: return CheckTextReporter(options: ReportOptions(color: false)).render(report)
        }
    }

    @Test(arguments: ["json", "sarif", "junit", "github", "text"])
    func sameBytesAsBefore(_ format: String) throws {
        // One message names a discovery file by its absolute path: the checkout's root is left out.
        let actual = ("exit \(Self.report.exitCode), \(Self.report.files.count) files\n" + Self.render(format, Self.report))
            .replacingOccurrences(of: GeneratedSourcesTests.root.path + "/", with: "<root>/")
        let url = Self.goldenDir.appendingPathComponent("fixtures.\(format)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDir, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("Golden/fixtures-check/fixtures.\(format) differs first at line \(line + 1):\n- \(line < e.count ? String(e[line]) : "<end>")\n+ \(line < a.count ? String(a[line]) : "<end>")")
        }
    }
}
