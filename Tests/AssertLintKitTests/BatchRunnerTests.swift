import Foundation
import Testing
@testable import AssertLintKit

@Suite struct BatchRunnerTests {
    @Test func treeOutcomes() throws {
        let t = try BatchFixtures.tree()
        let report = BatchFixtures.run(t)
        #expect(report.files.map(\.path) == [
            "fixtures/bad-aud.yaml", "fixtures/broken.yaml", "fixtures/clean.yaml", "fixtures/known-bad.yaml",
            "fixtures/live.yaml", "fixtures/notes.txt", "fixtures/settings.yaml", "fixtures/wrong-expect.yaml", "keys/leaked.json",
        ])
        func file(_ p: String) throws -> FileOutcome { try #require(report.files.first { $0.path == p }) }
        #expect(try file("fixtures/bad-aud.yaml").findings.map(\.ruleID) == ["aud-mismatch"])
        #expect(try file("fixtures/bad-aud.yaml").fails(at: .error))
        #expect(try file("fixtures/clean.yaml").findings.isEmpty)
        #expect(try file("fixtures/broken.yaml").errors == [InputError("fixtures/broken.yaml", "`request.url` is required")])
        #expect(try file("fixtures/settings.yaml").skipped == .notAFixture)
        #expect(try file("fixtures/notes.txt").skipped == .noTokenRequest)

        let known = try file("fixtures/known-bad.yaml")
        #expect(known.findings.map(\.ruleID) == ["aud-mismatch"])
        #expect(known.subjects[0].expectation?.isMet == true)
        #expect(!known.fails(at: .error))

        let wrong = try file("fixtures/wrong-expect.yaml")
        #expect(wrong.subjects[0].expectation?.message == "expected [], found [aud-mismatch] (unexpected: aud-mismatch)")
        #expect(wrong.fails(at: .error))
        #expect(!wrong.fails(at: .never))

        let live = try file("fixtures/live.yaml")
        #expect(live.findings.map(\.ruleID) == ["assertion-live"])
        #expect(live.findings[0].message == "the assertion is valid until 2026-01-01T00:05:00Z, 5 min from now (real time); anyone who can read it can replay it until then")
        #expect(!live.fails(at: .error) && live.fails(at: .warning))

        let leaked = try file("keys/leaked.json")
        #expect(leaked.kind == .jwks)
        #expect(leaked.findings.map(\.location.pointer) == ["/app/jwks/keys/0/d"])
        #expect(leaked.findings.first?.location.position?.line == 1)
        #expect(leaked.findings.first?.message.contains("jpsQ") == false)

        #expect(report.exitCode == 2)
        #expect(report.summary == "7 files, 6 requests: 3 errors, 1 warning, 1 expectation not met, 1 unreadable")
    }

    @Test func exitCodes() throws {
        let t = try TempTree()
        try t.write("a/clean.yaml", BatchFixtures.fixture(jti: "c1"))
        #expect(BatchFixtures.run(t).exitCode == 0)
        try t.write("a/live.yaml", BatchFixtures.literalLiveFixture(jti: "l1"))
        #expect(BatchFixtures.run(t).exitCode == 0)
        #expect(BatchFixtures.run(t) { $0.failOn = .warning }.exitCode == 1)
        try t.write("a/bad.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "b1"))
        #expect(BatchFixtures.run(t).exitCode == 1)
        #expect(BatchFixtures.run(t) { $0.failOn = .never }.exitCode == 0)
        #expect(BatchFixtures.run(t, ["a/missing.yaml"]).errors == [InputError("a/missing.yaml", "no such file or directory")])
        #expect(BatchFixtures.run(t, ["a/missing.yaml"]).exitCode == 2)
    }

    @Test func parallelAndSerialRunsAgree() throws {
        let t = try TempTree()
        for i in 0..<60 {
            try t.write("many/f\(i).yaml", BatchFixtures.fixture(aud: i % 3 == 0 ? BatchFixtures.wrongAud : "https://dev-123.okta.com/oauth2/v1/token",
                                                                jti: "j\(i % 50)"))
        }
        let parallel = BatchFixtures.run(t)
        let serial = BatchFixtures.run(t) { $0.parallel = false }
        #expect(parallel.files.map(\.path) == serial.files.map(\.path))
        #expect(parallel.files.map { $0.findings.map(\.message) } == serial.files.map { $0.findings.map(\.message) })
        #expect(SARIFReporter(toolVersion: "test").render(parallel) == SARIFReporter(toolVersion: "test").render(serial))
        // j0..j9 are used twice: the later file (in path order) gets jti-reused.
        #expect(parallel.files.flatMap(\.findings).filter { $0.ruleID == "jti-reused" }.count == 10)
    }

    @Test func jtiReusedAcrossFilesNamesTheFirst() throws {
        let t = try TempTree()
        try t.write("a.yaml", BatchFixtures.fixture(jti: "same"))
        try t.write("b.yaml", BatchFixtures.fixture(jti: "same", exp: "+200"))
        try t.write("c.yaml", "# another client may use the same jti\n" + BatchFixtures.fixture(jti: "same").replacingOccurrences(of: "iss: 0oa1", with: "iss: 0oa2"))
        try t.write("d.yaml", BatchFixtures.fixture(jti: "same", extra: "ignore: [jti-reused]\n"))
        let report = BatchFixtures.run(t)
        let b = report.files[1]
        #expect(b.findings.map(\.ruleID) == ["jti-reused"])
        #expect(b.findings[0].message == "jti \"same\" is already used by a.yaml line 7; the server accepts each jti once, so this request is rejected as a replay")
        #expect(b.findings[0].location.pointer == "/client_assertion/payload/jti")
        #expect(b.findings[0].location.position?.line == 7)
        #expect(report.files[2].findings.isEmpty, "c.yaml has another iss")
        #expect(report.files[3].findings.isEmpty, "d.yaml ignores jti-reused")
        #expect(report.files[0].findings.isEmpty, "the first use is not a finding")
        #expect(report.exitCode == 1)
    }

    @Test func sameAssertionWithoutJTI() throws {
        let t = try TempTree()
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJl"
        try t.write("one.jwt", jwt + "\n")
        try t.write("two.jwt", jwt + "\n")
        let report = BatchFixtures.run(t)
        #expect(report.files[1].findings.map(\.message) == ["this assertion is the same as the one sent by one.jwt line 1; the server accepts an assertion once, so this request is rejected as a replay"])
    }

    @Test func expectCountsOnlyTheFixtureItself() throws {
        // A cross-file reuse does not break a fixture's expect:, which describes it alone.
        let t = try TempTree()
        try t.write("a.yaml", BatchFixtures.fixture(jti: "shared", extra: "expect: []\n"))
        try t.write("b.yaml", BatchFixtures.fixture(jti: "shared", extra: "expect: []\n"))
        let report = BatchFixtures.run(t)
        #expect(report.files[1].findings.map(\.ruleID) == ["jti-reused"])
        #expect(report.files[1].subjects[0].expectation?.isMet == true)
        #expect(report.exitCode == 1, "the reuse itself still fails the run")
    }

    @Test func skippedDirectoriesAndSymlinkLoops() throws {
        let t = try TempTree()
        try t.write("x/a.yaml", BatchFixtures.fixture(jti: "a"))
        try t.write("x/.build/b.yaml", BatchFixtures.fixture(jti: "b"))
        try FileManager.default.createSymbolicLink(atPath: t.path("x/loop"), withDestinationPath: t.path("x"))
        let report = BatchFixtures.run(t, ["x"])
        #expect(report.files.map(\.path) == ["x/a.yaml"])
    }

    @Test func globs() throws {
        let t = try TempTree()
        try t.write("f/one.yaml", BatchFixtures.fixture(jti: "1"))
        try t.write("f/deep/two.yaml", BatchFixtures.fixture(jti: "2"))
        try t.write("f/deep/three.json", #"{"token": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0.c2ln"}"#)
        #expect(BatchFixtures.run(t, ["f/*.yaml"]).files.map(\.path) == ["f/one.yaml"])
        #expect(BatchFixtures.run(t, ["f/**/*.yaml"]).files.map(\.path) == ["f/deep/two.yaml", "f/one.yaml"])
        #expect(BatchFixtures.run(t, ["**/t?o.yaml"]).files.map(\.path) == ["f/deep/two.yaml"])
        #expect(BatchFixtures.run(t, ["f/**"]).files.map(\.path) == ["f/deep/three.json", "f/deep/two.yaml", "f/one.yaml"])
        #expect(BatchFixtures.run(t, ["nothing/*.yaml"]).errors == [InputError("nothing/*.yaml", "no files match this pattern")])
    }

    @Test func standardInput() throws {
        let t = try TempTree()
        let text = BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "stdin")
        let report = BatchFixtures.run(t, ["-"]) { $0.standardInput = { Data(text.utf8) } }
        #expect(report.files.map(\.path) == ["-"])
        #expect(report.files[0].findings.map(\.ruleID) == ["aud-mismatch"])
        #expect(report.exitCode == 1)
    }

    @Test func pemPrivateKeyInText() throws {
        let t = try TempTree()
        try t.write("k.yaml", "# -----BEGIN RSA PRIVATE KEY-----\n# MIIEow...\n# -----END RSA PRIVATE KEY-----\n" + BatchFixtures.fixture(jti: "pem"))
        let f = BatchFixtures.run(t).files[0]
        #expect(f.findings.map(\.message) == ["line 1 starts a PEM private key block (BEGIN RSA PRIVATE KEY); the key itself is not shown"])
        #expect(f.findings[0].location.position?.line == 1)
        #expect(f.findings[0].location.pointer == "/text")
    }

    @Test func globMatching() {
        #expect(Glob("*.yaml").matches("a.yaml"))
        #expect(!Glob("*.yaml").matches("d/a.yaml"))
        #expect(Glob("**/*.yaml").matches("a.yaml"))
        #expect(Glob("**/*.yaml").matches("d/e/a.yaml"))
        #expect(Glob("d/**").matches("d/e/a.yaml"))
        #expect(Glob("d/?.yml").matches("d/a.yml"))
        #expect(!Glob("d/?.yml").matches("d/ab.yml"))
        #expect(Glob("a*b*c").matches("axxbyyc") && !Glob("a*b*c").matches("axxbyy"))
        #expect(Glob("scratch").excludes("f/scratch/a.yaml"))
        #expect(Glob("f/scratch").excludes("f/scratch/a.yaml"))
        #expect(!Glob("g/scratch").excludes("f/scratch/a.yaml"))
        #expect(Glob("./f/*.yaml").matches("f/a.yaml"))
    }
}
