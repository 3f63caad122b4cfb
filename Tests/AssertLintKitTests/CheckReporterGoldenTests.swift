import Foundation
import Testing
@testable import AssertLintKit

/// Exact output of the SARIF, JUnit and GitHub formats (and the exit code) over a small tree.
/// `UPDATE_GOLDEN=1 swift test --filter CheckReporterGoldenTests` rewrites the files; review the diff.
@Suite struct CheckReporterGoldenTests {
    static let goldenDir = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Golden/check")

    /// The catalog narrowed to the rules the tree exercises, so new rules do not change the files.
    static let catalog = Catalog(entries: Catalog.bundled.entries.filter { e in BatchFixtures.rules.contains { $0.id == e.id } })

    static func render(_ format: String, _ report: CheckReport) -> String {
        switch format {
        case "sarif": return SARIFReporter(toolVersion: "0.0.0-test", informationURI: nil, catalog: catalog).render(report)
        case "junit": return JUnitReporter().render(report)
        default: return GitHubReporter().render(report)
        }
    }

    static func compare(_ name: String, _ actual: String) throws {
        let url = goldenDir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDir, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "Golden/check/\(name) differs: run UPDATE_GOLDEN=1 swift test --filter CheckReporterGoldenTests and review the diff")
    }

    @Test(arguments: [("sarif", "tree.sarif"), ("junit", "tree.junit.xml"), ("github", "tree.github.txt")])
    func treeGolden(_ format: String, _ file: String) throws {
        let t = try BatchFixtures.tree()
        let report = BatchFixtures.run(t)
        try Self.compare(file, "exit \(report.exitCode)\n" + Self.render(format, report))
    }

    @Test(arguments: [("sarif", "clean.sarif"), ("junit", "clean.junit.xml"), ("github", "clean.github.txt")])
    func cleanTreeGolden(_ format: String, _ file: String) throws {
        let t = try TempTree()
        try t.write("fixtures/a.yaml", BatchFixtures.fixture(jti: "a"))
        try t.write("fixtures/known.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "k", extra: "expect: [aud-mismatch]\n"))
        let report = BatchFixtures.run(t)
        #expect(report.exitCode == 0)
        try Self.compare(file, "exit \(report.exitCode)\n" + Self.render(format, report))
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let (python, reason) = ProcessSupport.python(with: "jsonschema", package: "jsonschema")
        let interpreter = try #require(python, "no Python with jsonschema: \(reason)")
        let t = try BatchFixtures.tree()
        let report = BatchFixtures.run(t)
        let sarif = try t.write("out.sarif", SARIFReporter(informationURI: "https://example.invalid/assertlint").render(report))
        let schema = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Schemas/sarif-schema-2.1.0.json").path
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        doc = json.load(open(sys.argv[2]))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors: print("/".join(map(str, e.path)), e.message)
        sys.exit(1 if errors else 0)
        """
        let out = try ProcessSupport.run(interpreter, ["-c", script, schema, sarif])
        #expect(out.status == 0, "SARIF does not validate:\n\(out.stdout)\(out.stderr)")
    }

    @Test func sarifShape() throws {
        let t = try BatchFixtures.tree()
        let report = BatchFixtures.run(t)
        let doc = try JSONParser.parse(SARIFReporter(catalog: Self.catalog).render(report))
        let run = try #require(doc.objectValue?["runs"]?.arrayValue?.first?.objectValue)
        let rules = try #require(run["tool"]?.objectValue?["driver"]?.objectValue?["rules"]?.arrayValue)
        let ids = rules.compactMap { $0.objectValue?["id"]?.stringValue }
        let resultValues = try #require(run["results"]?.arrayValue)
        let results = resultValues.compactMap { $0.objectValue }
        for r in results {
            let id = try #require(r["ruleId"]?.stringValue)
            let rawIndex = r["ruleIndex"]?.finiteNumber
            let index = try #require(rawIndex.map { Int($0) })
            #expect(ids[index] == id)
            let uri = r["locations"]?.arrayValue?.first?.objectValue?["physicalLocation"]?.objectValue?["artifactLocation"]?.objectValue?["uri"]?.stringValue
            #expect(uri.map { !$0.hasPrefix("/") && !$0.contains(t.root) } == true, "URI not repository-relative: \(uri ?? "nil")")
        }
        #expect(run["invocations"]?.arrayValue?.first?.objectValue?["executionSuccessful"] == .bool(false))
        // Fingerprints ignore line numbers: moving the request down keeps them.
        let fp = { (r: CheckReport) in
            try JSONParser.parse(SARIFReporter(catalog: Self.catalog).render(r)).objectValue?["runs"]?.arrayValue?.first?.objectValue?["results"]?
                .arrayValue?.compactMap { $0.objectValue?["partialFingerprints"]?.compactText }
        }
        let before = try fp(report)
        try t.write("fixtures/bad-aud.yaml", "# a comment moves every line\n\n" + BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "bad-1"))
        #expect(try fp(BatchFixtures.run(t)) == before)
    }

    @Test func junitIsWellFormedWithCounts() throws {
        let t = try BatchFixtures.tree()
        let xml = try t.write("out.xml", JUnitReporter().render(BatchFixtures.run(t)))
        let script = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        print(root.tag, root.get("tests"), root.get("failures"), root.get("errors"))
        for s in root.findall("testsuite"):
            cases = s.findall("testcase")
            assert int(s.get("tests")) == len(cases), s.get("name")
            assert int(s.get("failures")) == sum(1 for c in cases if c.find("failure") is not None), s.get("name")
            assert int(s.get("errors")) == sum(1 for c in cases if c.find("error") is not None), s.get("name")
            print(s.get("name"), s.get("tests"), s.get("failures"), s.get("errors"))
        """
        let out = try ProcessSupport.run("python3", ["-c", script, xml])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == """
        testsuites 8 4 1
        fixtures/bad-aud.yaml 1 1 0
        fixtures/broken.yaml 1 0 1
        fixtures/clean.yaml 1 0 0
        fixtures/known-bad.yaml 1 0 0
        fixtures/live.yaml 1 0 0
        fixtures/wrong-expect.yaml 2 2 0
        keys/leaked.json 1 1 0
        """ + "\n")
    }

    @Test func escaping() {
        #expect(GitHubReporter.escapeData("100% sure\r\nnext") == "100%25 sure%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
        #expect(GitHubReporter.command("warning", file: "d/a,b.yaml", line: 3, column: 5, title: "x: y", message: "m\nn")
            == "::warning file=d/a%2Cb.yaml,line=3,col=5,title=x%3A y::m%0An\n")
        #expect(JUnitReporter.escape("<a href=\"x\">'&'</a>\u{1}\n") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\\u{1}&#10;")
        #expect(SARIFReporter.uri("dir with space/a#1.yaml") == "dir%20with%20space/a%231.yaml")
        #expect(SARIFReporter.fingerprint(["a", "b"]) == SARIFReporter.fingerprint(["a", "b"]))
        #expect(SARIFReporter.fingerprint(["a", "b"]) != SARIFReporter.fingerprint(["ab", ""]))
    }
}
