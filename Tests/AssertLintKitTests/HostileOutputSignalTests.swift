import Foundation
import Testing
@testable import AssertLintKit

/// Issue 9, item 5: signals and descriptors. A closed pipe on stdout ends the run quietly with
/// the exit code it would have had; a closed or dead stderr never traps; too few descriptors is
/// one line; `--output-file` is written atomically, so SIGINT never leaves half a report.
@Suite(.serialized) struct HostileOutputSignalTests {
    static let root = GeneratedSourcesTests.root.path
    static let aud = "Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"

    /// Commands with their output; each is run with and without `| head -c 1`.
    static let piped: [[String]] = [
        ["check", "--format", "text", "Fixtures"], ["check", "--format", "json", "Fixtures"],
        ["check", "--format", "sarif", "Fixtures"], ["check", "--format", "junit", "Fixtures"],
        ["check", "--format", "github", "Fixtures"], ["diagnose", aud], ["diagnose", "--format", "json", aud],
        ["rules"], ["explain", "aud-mismatch"], ["check", "--format", "sarif", "Fixtures/nonexistent", "Fixtures/rules"],
    ]

    static func quoted(_ args: [String]) -> String { args.map(CLITests.shellQuoted).joined(separator: " ") }

    @Test(arguments: piped.map { $0.joined(separator: " ") })
    func brokenPipeOnStdoutKeepsTheExitCode(_ joined: String) throws {
        let args = try #require(Self.piped.first { $0.joined(separator: " ") == joined })
        let plain = try HostileRun.run(args, cwd: Self.root)
        // Run from the repository (relative paths), stderr kept apart.
        let t = try TempTree()
        let run = try HostileRun.shell("cd \(CLITests.shellQuoted(Self.root)); set -o pipefail; \"$B\" \(Self.quoted(args)) 2>\(CLITests.shellQuoted(t.path("err"))) | head -c 1 >/dev/null; echo \"status ${PIPESTATUS[0]}\"",
                                       cwd: t.root)
        #expect(run.stdout == "status \(plain.status)\n", "\(joined): \(run.stdout) (without the pipe: \(plain.status))")
        let err = (try? String(contentsOfFile: t.path("err"), encoding: .utf8)) ?? ""
        #expect(err == plain.stderr, "\(joined): stderr differs with a closed pipe: \(err.prefix(300))")
    }

    @Test func closedStdoutKeepsTheExitCode() throws {
        let run = try HostileRun.shell("cd \(CLITests.shellQuoted(Self.root)); \"$B\" diagnose \(Self.aud) >&-; echo \"status $?\"", cwd: Self.root)
        #expect(run.stdout == "status 1\n", "\(run.stdout) \(run.stderr)")
    }

    @Test(arguments: [["check", "/nonexistent/x.yaml"], ["diagnose", "/nonexistent/x.yaml"], ["diagnose", "--bogus"],
                      ["check", "--format", "github", "/nonexistent/x.yaml"], ["explain", "no-such-rule-id"]])
    func closedStderrWithAnErrorExitsTwo(_ args: [String]) throws {
        let run = try HostileRun.shell("\"$B\" \(Self.quoted(args)) >/dev/null 2>&-; echo \"status $?\"", cwd: Self.root)
        #expect(run.stdout == "status 2\n", "\(args): \(run.stdout)")
    }

    @Test(arguments: [["check", "/nonexistent/x.yaml"], ["diagnose", "/nonexistent/x.yaml"], ["mint", "--lifetime", "0"]])
    func deadPipeOnStderrExitsTwo(_ args: [String]) throws {
        let p = Process()
        p.executableURL = try CLITests.binary()
        p.arguments = args
        let err = Pipe()
        try err.fileHandleForReading.close() // nobody reads: every write is EPIPE
        p.standardError = err.fileHandleForWriting
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 2, "\(args): \(p.terminationReason) \(p.terminationStatus)")
    }

    @Test(arguments: [4, 8, 12])
    func tooFewDescriptorsIsOneLine(_ limit: Int) throws {
        for args in [["check", "Fixtures/rules"], ["diagnose", Self.aud], ["rules"]] {
            let run = try HostileRun.shell("ulimit -n \(limit) && exec \"$B\" \(Self.quoted(args))", cwd: Self.root)
            #expect(run.status == 2 && !run.signaled, "ulimit -n \(limit) \(args): \(run.status) \(run.stderr.prefix(300))")
            #expect(run.stderr == "assertlint: ulimit -n: \(limit) open files is too few; assertlint needs at least 16 (raise it with ulimit -n)\n",
                    "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func enoughDescriptorsRunsAsUsual() throws {
        let plain = try HostileRun.run(["check", "--format", "json", "Fixtures/rules"], cwd: Self.root)
        let limited = try HostileRun.shell("ulimit -n 16 && exec \"$B\" check --format json Fixtures/rules", cwd: Self.root)
        #expect(limited.status == plain.status && limited.stdout == plain.stdout, "\(limited.stderr.prefix(300))")
    }

    // MARK: --output-file

    @Test func outputFileHoldsWhatStdoutWouldHave() throws {
        let t = try TempTree()
        // Fixtures judged at a fixed `now`, so two runs print the same bytes.
        try t.write("in/bad.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "b"))
        try t.write("in/ok.yaml", BatchFixtures.fixture(jti: "o"))
        for (args, name) in [(["check", "--format", "sarif", "in"], "out.sarif"), (["diagnose", "--format", "json", "in/bad.yaml"], "d.json"),
                             (["check", "--format", "junit", "in/nonexistent", "in"], "j.xml"), (["check", "in"], "t.txt")] {
            let plain = try HostileRun.run(args, cwd: t.root)
            let file = t.path(name)
            let run = try HostileRun.run(args + ["--output-file", file], cwd: t.root)
            #expect(run.status == plain.status, "\(args): exit \(run.status), without --output-file \(plain.status)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == plain.stderr)
            #expect((try? String(contentsOfFile: file, encoding: .utf8)) == plain.stdout, "\(name) differs from stdout")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: t.root).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func outputFileInAMissingDirectoryIsOneLine() throws {
        let t = try TempTree()
        for target in [t.path("no/such/dir/out.sarif"), t.root] {
            let run = try HostileRun.run(["check", "--format", "sarif", "--output-file", target, "Fixtures/rules"], cwd: Self.root)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("assertlint: --output-file: ") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: t.path("no")))
    }

    /// SIGINT at several moments of a run that writes SARIF to a file: the file is the old one
    /// or the complete new one, never a part, and no temporary file is left.
    @Test func interruptedOutputFileIsNeverPartial() throws {
        let t = try TempTree()
        for copy in 0..<6 {
            try FileManager.default.copyItem(atPath: GeneratedSourcesTests.root.appendingPathComponent("Fixtures").path, toPath: t.path("tree/\(copy)"))
        }
        let out = t.path("out/report.sarif")
        try FileManager.default.createDirectory(atPath: t.path("out"), withIntermediateDirectories: true)
        var outcomes: [String] = []
        for delay in [0.05, 0.3, 0.8, 1.5, 2.5, 4.0] {
            try "OLD".write(toFile: out, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = try CLITests.binary()
            p.arguments = ["check", "--format", "sarif", "--output-file", out, "tree"]
            p.currentDirectoryURL = URL(fileURLWithPath: t.root)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGINT)
            p.waitUntilExit()
            let text = try String(contentsOfFile: out, encoding: .utf8)
            if text == "OLD" {
                outcomes.append("old")
            } else {
                let doc = try JSONParser.parse(text)
                #expect(doc.objectValue?["runs"]?.arrayValue?.first?.objectValue?["results"]?.arrayValue?.isEmpty == false,
                        "after SIGINT at \(delay) s the SARIF is not a complete report")
                outcomes.append("complete")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: t.path("out")).filter { $0 != "report.sarif" }
            #expect(leftovers.isEmpty, "after SIGINT at \(delay) s: \(leftovers) left")
        }
        #expect(outcomes.count == 6)
    }
}
