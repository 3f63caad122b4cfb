import Foundation
import Testing
@testable import AssertLintKit

/// Issue 10's CI formats: JUnit that validates against Jenkins xunit's junit-10.xsd (also with
/// hostile file names), SARIF whose messages and fingerprints do not change with the clock,
/// JSON with a `version`, and `--quiet`.
@Suite struct HostileOutputFormatTests {
    static let root = GeneratedSourcesTests.root.path
    static let xsd = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Schemas/junit-10.xsd").path

    static func validateJUnit(_ xml: String) throws -> (Bool, String) {
        let (python, reason) = ProcessSupport.python(with: "xmlschema", package: "xmlschema")
        let interpreter = try #require(python, "no Python with xmlschema: \(reason)")
        let t = try TempTree()
        let file = try t.write("out.xml", xml)
        let script = """
        import sys, xmlschema
        schema = xmlschema.XMLSchema10(sys.argv[1])
        errors = list(schema.iter_errors(sys.argv[2]))
        for e in errors[:20]: print(e.path, e.reason)
        print(len(errors), "errors")
        sys.exit(1 if errors else 0)
        """
        let out = try ProcessSupport.run(interpreter, ["-c", script, xsd, file])
        return (out.status == 0, out.stdout + out.stderr)
    }

    @Test func junitOfTheBundledFixturesValidatesAgainstJunit10XSD() throws {
        let run = try HostileRun.run(["check", "--format", "junit", "Fixtures"], cwd: Self.root)
        #expect(run.stdout.contains("<testsuite "), "\(run.stderr.prefix(300))")
        let (valid, report) = try Self.validateJUnit(run.stdout)
        #expect(valid, "JUnit does not validate against junit-10.xsd:\n\(report)")
        #expect(!run.stdout.contains("<testcase name=\"x\" file="))
    }

    @Test func junitWithHostileNamesAndErrorsValidates() throws {
        let t = try TempTree()
        let fixture = BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "j")
        try t.write("a\nb\u{1B}[31m\u{202E}<&>\".yaml", fixture)
        try t.write("broken.yaml", "request: {url: [\n")
        try t.write("known.yaml", fixture + "expect: [aud-mismatch]\n")
        let run = try HostileRun.run(["check", "--format", "junit", ".", "missing.yaml"], cwd: t.root)
        #expect(run.status == 2)
        let (valid, report) = try Self.validateJUnit(run.stdout)
        #expect(valid, "\(report)\n\(run.stdout.prefix(2000))")
        // The only raw line breaks are the document's own: one element per line.
        for line in run.stdout.split(separator: "\n") {
            #expect(line.hasPrefix("<") || line.hasPrefix(" "), "a line of the document starts with input text: \(line.prefix(120))")
        }
        #expect(HostileRun.rawControls(run.stdout).isEmpty)
    }

    // MARK: SARIF across clocks

    static func sarifResults(_ realNow: Date, _ t: TempTree) throws -> [(message: String, fingerprint: String, properties: String)] {
        let report = BatchFixtures.run(t) { $0.realNow = realNow; $0.rules = Registry.all }
        let doc = try JSONParser.parse(SARIFReporter(toolVersion: "0.0.0-test").render(report))
        let results = try #require(doc.objectValue?["runs"]?.arrayValue?.first?.objectValue?["results"]?.arrayValue)
        return results.compactMap { r in
            guard let o = r.objectValue, let text = o["message"]?.objectValue?["text"]?.stringValue,
                  let fp = o["partialFingerprints"]?.compactText else { return nil }
            return (text, fp, o["properties"]?.compactText ?? "")
        }
    }

    @Test func sarifMessagesAndFingerprintsDoNotChangeWithTheClock() throws {
        let t = try TempTree()
        // Judged at the machine's clock (no `now:`): long expired, and exp far ahead.
        func fixture(_ jti: String, iat: Int, exp: Int) -> String {
            """
            request:
              url: https://dev-123.okta.com/oauth2/v1/token
              form:
                grant_type: client_credentials
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  header: {alg: RS256, kid: key-2025}
                  claims: {iss: 0oa1, sub: 0oa1, aud: "https://dev-123.okta.com/oauth2/v1/token", iat: \(iat), exp: \(exp), jti: \(jti)}

            """
        }
        try t.write("expired.yaml", fixture("e", iat: 1_600_000_000, exp: 1_600_000_300))
        try t.write("future.yaml", fixture("f", iat: 1_600_000_000, exp: 4_102_444_800))
        try t.write("nbf.yaml", fixture("n", iat: 4_102_444_000, exp: 4_102_444_800))
        // A committed literal assertion valid until 2100: assertion-live, judged at real time.
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"key-2025"}"#)
        let claims = Base64URL.encode(#"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","iat":1600000000,"exp":4102444800,"jti":"l"}"#)
        try t.write("live.yaml", """
            request:
              url: https://dev-123.okta.com/oauth2/v1/token
              form: {grant_type: client_credentials, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: \(header).\(claims).c2lnbmF0dXJl}

            """)
        let a = try Self.sarifResults(BatchFixtures.realNow, t)
        let b = try Self.sarifResults(BatchFixtures.realNow.addingTimeInterval(47 * 86_400 + 123), t)
        #expect(a.count >= 4, "\(a.map(\.message))")
        #expect(a.map(\.message) == b.map(\.message))
        #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
        // The run-time values were moved, not lost: they differ between the runs.
        #expect(a.map(\.properties) != b.map(\.properties))
        #expect(a.contains { $0.properties.contains("runTimeValues") && $0.properties.contains("before now") }, "\(a.map(\.properties))")
        for m in a.map(\.message) {
            #expect(!m.contains(" days before now") && !m.contains("from now (real"), "\(m)")
        }
    }

    @Test func stableMessageRemovesOnlyRunTimeParts() {
        let s = SARIFReporter.stableMessage("exp 2020-09-13T12:31:40Z is 1935 days before now 2026-01-01T00:00:00Z (now is this machine's clock; use --now to judge at another time). Fix: Add `exp` a few minutes after the request is sent, e.g. now + 5 minutes = 1767225900 (2026-01-01T00:05:00Z), at most 60 minutes ahead", clockIsReal: true)
        #expect(s.text == "exp 2020-09-13T12:31:40Z is before now (now is this machine's clock; use --now to judge at another time). Fix: Add `exp` a few minutes after the request is sent, e.g. now + 5 minutes, at most 60 minutes ahead")
        #expect(s.runTime == ["is 1935 days before now 2026-01-01T00:00:00Z", "1767225900 (2026-01-01T00:05:00Z)"])
        let fixed = SARIFReporter.stableMessage("exp 2025-06-02T14:05:00Z is 5 min after now 2025-06-02T14:00:00Z", clockIsReal: false)
        #expect(fixed.text == "exp 2025-06-02T14:05:00Z is 5 min after now 2025-06-02T14:00:00Z" && fixed.runTime.isEmpty)
    }

    // MARK: JSON version, --quiet

    @Test func jsonOutputHasAVersion() throws {
        for args in [["diagnose", "--format", "json", HostileOutputSignalTests.aud], ["check", "--format", "json", "Fixtures/rules"]] {
            let run = try HostileRun.run(args, cwd: Self.root)
            let doc = try #require(try JSONParser.parse(run.stdout).objectValue)
            #expect(doc.keys.first == "version")
            #expect(doc["version"] == .number(String(JSONReporter.formatVersion)))
            #expect(JSONReporter.formatVersion == 3)
        }
    }

    @Test func quietCheckTextPrintsFindingsOnly() throws {
        let t = try TempTree()
        try t.write("bad.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "b"))
        let loud = try HostileRun.run(["check", "bad.yaml"], cwd: t.root)
        let quiet = try HostileRun.run(["check", "--quiet", "bad.yaml"], cwd: t.root)
        #expect(loud.status == 1 && quiet.status == 1)
        let summary = try #require(loud.stdout.split(separator: "\n").last)
        #expect(summary.hasPrefix("1 file, 1 request: "), "\(loud.stdout)")
        #expect(quiet.stdout + summary + "\n" == loud.stdout)
        let clean = try HostileRun.run(["check", "--quiet", "Fixtures/rules/aud-mismatch"], cwd: Self.root)
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        // Machine formats are whole documents: --quiet does not change them.
        for format in ["json", "sarif", "junit", "github"] {
            let a = try HostileRun.run(["check", "--format", format, "bad.yaml"], cwd: t.root)
            let b = try HostileRun.run(["check", "--format", format, "--quiet", "bad.yaml"], cwd: t.root)
            #expect(a.stdout == b.stdout, "\(format)")
        }
    }

    @Test func quietDiagnosePrintsOneLinePerFinding() throws {
        let run = try HostileRun.run(["diagnose", "--quiet", HostileOutputSignalTests.aud], cwd: Self.root)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix(HostileOutputSignalTests.aud + ":") && line.contains("error[") || line.contains("warning[") || line.contains("info["), "\(line)")
        }
        #expect(run.stdout.contains("error[aud-mismatch]"), "\(run.stdout)")
    }
}
