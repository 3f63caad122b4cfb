import Foundation
@testable import AssertLintKit

/// Runs the built binary for the hostile-output suites: any working directory, environment and
/// stdin, stdout and stderr as bytes (so raw control characters can be looked for).
enum HostileRun {
    struct Result {
        let status: Int32
        let signaled: Bool
        let stdout: String
        let stderr: String
        var all: String { stdout + stderr }
    }

    static func run(_ arguments: [String], cwd: String, stdin: String = "", environment extra: [String: String] = [:],
                    clearEnvironment: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = try CLITests.binary()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = clearEnvironment ? [:] : ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ASSERTLINT") && !$0.key.hasPrefix("OKTA_") }
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let r = try CLITests.launch(process, stdin: Data(stdin.utf8))
        return Result(status: r.status, signaled: r.signaled,
                      stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// A shell command line (bash), with `$B` the binary.
    static func shell(_ script: String, cwd: String, environment extra: [String: String] = [:]) throws -> Result {
        var env = extra
        env["B"] = try CLITests.binary().path
        return try run(["-c", script], cwd: cwd, environment: env, bash: true)
    }

    private static func run(_ arguments: [String], cwd: String, environment extra: [String: String], bash: Bool) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ASSERTLINT") && !$0.key.hasPrefix("OKTA_") }
        env["NO_COLOR"] = "1"
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let r = try CLITests.launch(p, stdin: nil)
        return Result(status: r.status, signaled: r.signaled,
                      stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// Lines as a CI runner reads them: ended by LF or CR.
    static func runnerLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }

    /// Lines that a GitHub runner would execute as workflow commands (`::` after whitespace).
    static func workflowCommands(_ text: String) -> [String] {
        runnerLines(text).map { String($0.drop { $0.isWhitespace }) }.filter { $0.hasPrefix("::") }
    }

    /// The github reporter's own annotations: `::error file=…`, `::warning …`, `::notice …`.
    static func isReporterAnnotation(_ line: String) -> Bool {
        ["::error ", "::warning ", "::notice "].contains { line.hasPrefix($0) }
    }

    /// Raw control characters a report must not carry (LF and, in some places, tab are fine).
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            s != "\n" && s != "\t" && Escape.needsEscape(s)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }
}
