import Foundation
import Testing
@testable import AssertLintKit

/// One run of the built binary whose output is kept in `Golden/<name>.txt`.
struct GoldenScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var stdin: String?
    /// Working directory relative to the package root (nil: the root).
    var directory: String?

    init(_ name: String, _ arguments: [String], stdin: String? = nil, directory: String? = nil) {
        self.name = name
        self.arguments = arguments
        self.stdin = stdin
        self.directory = directory
    }

    var testDescription: String { name }
}

/// The CLI end to end: exit code, stdout and stderr of the real binary, compared with golden
/// files. `UPDATE_GOLDEN=1 swift test --filter CLITests` rewrites them; review the diff.
@Suite struct CLITests {
    static let audFixture = "Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"
    /// Unsigned: `aud` has a trailing slash the endpoint URL does not have.
    static let token = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2E4ZjNleGFtcGxlIiwic3ViIjoiMG9hOGYzZXhhbXBsZSIsImF1ZCI6Imh0dHBzOi8vZGV2LTEyMy5va3RhLmNvbS9vYXV0aDIvdjEvdG9rZW4vIiwiaWF0IjoxNzQ4ODcyODAwLCJleHAiOjE3NDg4NzMxMDAsImp0aSI6InN0ZGluLTEifQ.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw"

    /// Every golden scenario. Add a row, run with UPDATE_GOLDEN=1, review the new file.
    static let scenarios: [GoldenScenario] = [
        GoldenScenario("diagnose-aud-mismatch", ["diagnose", audFixture]),
        GoldenScenario("diagnose-aud-mismatch-json", ["diagnose", "--format", "json", audFixture]),
        GoldenScenario("diagnose-aud-mismatch-verbose", ["diagnose", "--verbose", audFixture]),
        GoldenScenario("diagnose-aud-mismatch-brief", ["diagnose", "--brief", audFixture]),
        GoldenScenario("diagnose-aud-issuer", ["diagnose", "Fixtures/rules/aud-issuer-instead-of-endpoint/invalid-org-issuer.yaml"]),
        GoldenScenario("diagnose-two-causes-verbose", ["diagnose", "--verbose", "Fixtures/scenarios/introspect-without-assertion.yaml"]),
        GoldenScenario("diagnose-two-causes-brief", ["diagnose", "--brief", "Fixtures/scenarios/introspect-without-assertion.yaml"]),
        GoldenScenario("diagnose-valid", ["diagnose", "Fixtures/rules/aud-mismatch/valid.yaml"]),
        GoldenScenario("diagnose-token-stdin", ["diagnose", "--now", "2025-06-02T14:00:00Z", "--client-id", "0oa8f3example",
                                                "--endpoint", "https://dev-123.okta.com/oauth2/v1/token"], stdin: token + "\n"),
        GoldenScenario("diagnose-malformed-token", ["diagnose", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0"]),
        GoldenScenario("diagnose-missing-file", ["diagnose", "Fixtures/no-such-fixture.yaml"]),
        GoldenScenario("diagnose-empty-stdin", ["diagnose"], stdin: ""),
        GoldenScenario("usage-error", ["diagnose", "--no-such-flag"]),
        GoldenScenario("usage-bad-auth-method", ["diagnose", "--auth-method", "jwt", token]),
        GoldenScenario("scenario-1-org-token-aud-default", ["diagnose", "Fixtures/scenarios/org-token-aud-default.yaml"]),
        GoldenScenario("scenario-2-introspect-without-assertion", ["diagnose", "Fixtures/scenarios/introspect-without-assertion.yaml"]),
        GoldenScenario("scenario-3-org-client-credentials-secret", ["diagnose", "Fixtures/scenarios/org-client-credentials-secret.yaml"]),
        GoldenScenario("scenario-2-curl-fixture", ["diagnose", "Fixtures/scenarios/introspect-without-assertion-curl.yaml"]),
        GoldenScenario("scenario-2-pasted-curl-no-context", ["diagnose", "--now", "2025-06-02T14:00:00Z", "-"],
                       stdin: (try? String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/inputs/introspect-postman.curl"), encoding: .utf8)) ?? ""),
        GoldenScenario("pasted-curl-with-response", ["diagnose", "--now", "2025-06-02T14:00:00Z", "Fixtures/inputs/curl-with-response.txt"]),
        GoldenScenario("scenario-2-json", ["diagnose", "--format", "json", "Fixtures/scenarios/introspect-without-assertion.yaml"]),
        GoldenScenario("rules", ["rules"]),
        GoldenScenario("explain-aud-mismatch", ["explain", "aud-mismatch"], directory: "Tests"),
        GoldenScenario("explain-okta-text", ["explain", "The audience claim for client_assertion must be the endpoint invoked for the request."]),
        GoldenScenario("explain-okta-json-stdin", ["explain", "-"],
                       stdin: #"{"error":"invalid_client","error_description":"The audience claim for client_assertion must be the endpoint invoked for the request."}"#),
        GoldenScenario("explain-unknown-rule", ["explain", "aud-mismatc"]),
        GoldenScenario("explain-no-match", ["explain", "the", "server", "said", "no"]),
    ]

    static let root = GeneratedSourcesTests.root
    static let goldenDir = root.appendingPathComponent("Tests/AssertLintKitTests/Golden")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `assertlint` built with the tests: next to the test bundle, else under .build.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("assertlint"))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("assertlint"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("assertlint"))
        candidates.append(root.appendingPathComponent(".build/debug/assertlint"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CatalogError(file: "assertlint", reason: "binary not found (build with `swift build --build-tests`); looked at \(candidates.map(\.path))")
        }
        return found
    }

    static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil,
                    environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory.map { root.appendingPathComponent($0) } ?? root
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ASSERTLINT") }
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let r = try launch(process, stdin: stdin.map { Data($0.utf8) } ?? Data())
        return Run(status: r.status, stdout: try r.stdout.utf8String(), stderr: try r.stderr.utf8String())
    }

    /// Runs a configured process with stdin from `stdin` (nil: /dev/null) and stdout and stderr
    /// captured in files rather than pipes, so nothing can block on a full pipe buffer.
    static func launch(_ process: Process, stdin: Data?) throws -> (status: Int32, signaled: Bool, stdout: Data, stderr: Data) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        var input: FileHandle?
        if let stdin {
            let inURL = scratch.appendingPathComponent("in")
            try stdin.write(to: inURL)
            input = try FileHandle(forReadingFrom: inURL)
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try input?.close()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal,
                try Data(contentsOf: outURL), try Data(contentsOf: errURL))
    }

    static func shellQuoted(_ s: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@")
        if !s.isEmpty && s.allSatisfy(plain.contains) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func golden(_ scenario: GoldenScenario, _ run: Run) -> String {
        var command = "$ " + (scenario.directory.map { "(cd \($0)) " } ?? "")
        if let stdin = scenario.stdin {
            command += stdin.isEmpty ? "</dev/null " : "printf '%s' \(shellQuoted(stdin.trimmingCharacters(in: .newlines))) | "
        }
        command += (["assertlint"] + scenario.arguments.map(shellQuoted)).joined(separator: " ")
        return "\(command)\nexit: \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
    }

    /// Runs a golden scenario and compares its transcript with `directory/<name>.txt`
    /// (`UPDATE_GOLDEN=1` rewrites the file instead).
    static func expectGolden(_ scenario: GoldenScenario, in directory: URL) throws {
        let result = try run(scenario.arguments, stdin: scenario.stdin, directory: scenario.directory)
        let actual = golden(scenario, result)
        let url = directory.appendingPathComponent("\(scenario.name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(scenario.name) differs from \(url.path) (UPDATE_GOLDEN=1 rewrites it):\n\(actual)")
    }

    @Test(arguments: scenarios)
    func golden(_ scenario: GoldenScenario) throws {
        try Self.expectGolden(scenario, in: Self.goldenDir)
    }

    @Test func everyGoldenFileHasAScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path).filter { $0.hasSuffix(".txt") }
        let known = Set(Self.scenarios.map { "\($0.name).txt" })
        #expect(Set(names).subtracting(known).isEmpty, "stale golden files: \(Set(names).subtracting(known).sorted())")
    }

    @Test func errorsAreOneLineOnStderrWithExit2() throws {
        for arguments in [["diagnose", "--no-such-flag"], ["diagnose", "no/such/file.yaml"], ["explain"],
                          ["diagnose", "--format", "xml", "x"], ["diagnose", "--secret-env", "ASSERTLINT_UNSET_VAR", Self.token],
                          ["diagnose", "--now"], ["explain", "aud-mismatc"], ["diagnose", "Fixtures"]] {
            let r = try Self.run(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stdout.isEmpty, "\(arguments)")
            #expect(r.stderr.hasPrefix("assertlint: ") && r.stderr.hasSuffix("\n")
                        && r.stderr.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count == 1,
                    "\(arguments): \(r.stderr)")
        }
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE") && help.stderr.isEmpty)
        let version = try Self.run(["--version"])
        #expect(version.status == 0 && version.stdout == "\(AssertLintVersion.string)\n")
    }

    @Test func colourFollowsTheFlagAndNoColor() throws {
        let always = try Self.run(["diagnose", "--color", "always", Self.audFixture])
        #expect(always.stdout.contains("\u{1B}["))
        let auto = try Self.run(["diagnose", Self.audFixture])
        #expect(!auto.stdout.contains("\u{1B}["))
        let never = try Self.run(["diagnose", "--color", "never", Self.audFixture], environment: ["NO_COLOR": ""])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test func secretsStayHidden() throws {
        let secret = "an-env-secret-that-must-not-print-0123456789"
        let r = try Self.run(["diagnose", "--verbose", "--secret-env", "ASSERTLINT_TEST_CLI_SECRET", "--now", "2025-06-02T14:00:00Z", Self.token],
                             environment: ["ASSERTLINT_TEST_CLI_SECRET": secret])
        #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret))
        #expect(!r.stdout.contains("AAECAwQFBgcICQoL"), "the signature was printed")
        #expect(r.stdout.contains("client secret  \(secret.utf8.count) bytes, not shown (--secret-env)"))
        let shown = try Self.run(["diagnose", "--verbose", "--show-secrets", Self.token])
        #expect(shown.stdout.contains("AAECAwQFBgcICQoL"))
    }
}

struct NotUTF8: Error {}

extension Data {
    /// The bytes as UTF-8 text; an error when they are not (a golden must not hide stray bytes).
    func utf8String() throws -> String {
        guard let text = String(data: self, encoding: .utf8) else { throw NotUTF8() }
        return text
    }
}
