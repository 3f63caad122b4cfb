import Foundation
import Testing
@testable import AssertLintKit

/// The shipped `.pre-commit-hooks.yaml`, run by the real pre-commit against this checkout: a
/// bad fixture fails the hook naming the rule, the fixed fixture passes. pre-commit comes from
/// PyPI into a temporary virtualenv when it is not installed; the test is skipped (with the
/// reason) only when it cannot be had, or when the built binary has no `check` command yet.
@Suite(.serialized) struct PreCommitTests {
    static let root = GeneratedSourcesTests.root.path

    /// The directory holding the built `assertlint` (ASSERTLINT_BIN_DIR overrides).
    static let binDir: String = {
        if let dir = ProcessInfo.processInfo.environment["ASSERTLINT_BIN_DIR"] { return dir }
        return (root as NSString).appendingPathComponent(".build/debug")
    }()

    static let binarySupportsCheck: Bool = {
        let bin = (binDir as NSString).appendingPathComponent("assertlint")
        guard FileManager.default.isExecutableFile(atPath: bin) else { return false }
        // Before integration `check` is read as diagnose's input argument; only the real
        // subcommand prints its own usage line.
        guard let help = try? ProcessSupport.run(bin, ["check", "--help"]) else { return false }
        return help.status == 0 && help.stdout.contains("USAGE: assertlint check")
    }()

    /// The pre-commit executable, or why there is none.
    static let preCommit: (path: String?, reason: String) = {
        if let found = try? ProcessSupport.run("sh", ["-c", "command -v pre-commit"]), found.status == 0 {
            return (found.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "")
        }
        let (python, reason) = ProcessSupport.python(with: "pre_commit", package: "pre-commit")
        guard python != nil else { return (nil, "pre-commit is not installed and PyPI is unreachable: \(reason)") }
        return ((ProcessSupport.venv as NSString).appendingPathComponent("bin/pre-commit"), "")
    }()

    static var enabled: Bool { binarySupportsCheck && preCommit.path != nil }

    static let badFixture = BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "pc-1")
    static let goodFixture = BatchFixtures.fixture(jti: "pc-1").replacingOccurrences(
        of: "    grant_type: client_credentials\n", with: "    grant_type: client_credentials\n    scope: okta.users.read\n")

    @Test(.enabled(if: PreCommitTests.binarySupportsCheck, "the built assertlint has no `check` command yet (before integration)"),
          .enabled(if: PreCommitTests.preCommit.path != nil, "pre-commit is not available and cannot be installed from PyPI"))
    func systemHookFailsOnBadFixtureAndPassesWhenFixed() throws {
        let preCommit = try #require(Self.preCommit.path)
        let repo = try TempTree()
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Self.binDir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["PRE_COMMIT_HOME"] = repo.path(".pre-commit-cache")
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["NO_COLOR"] = "1"
        func git(_ args: String...) throws {
            let out = try ProcessSupport.run("git", Array(args), cwd: repo.root, environment: env)
            #expect(out.status == 0, "git \(args.joined(separator: " ")): \(out.stderr)")
        }
        try git("init", "-q")
        try git("config", "user.email", "test@example.invalid")
        try git("config", "user.name", "assertlint test")
        try repo.write("fixtures/token-request.yaml", Self.badFixture)
        try git("add", "fixtures/token-request.yaml")

        let args = ["try-repo", Self.root, "assertlint-system", "--files", "fixtures/token-request.yaml"]
        let failing = try ProcessSupport.run(preCommit, args, cwd: repo.root, environment: env)
        #expect(failing.status != 0, "the hook passed a bad fixture:\n\(failing.stdout)\(failing.stderr)")
        #expect(failing.stdout.contains("aud-mismatch"), "the hook output does not name the rule:\n\(failing.stdout)\(failing.stderr)")

        try repo.write("fixtures/token-request.yaml", Self.goodFixture)
        try git("add", "fixtures/token-request.yaml")
        let passing = try ProcessSupport.run(preCommit, args, cwd: repo.root, environment: env)
        #expect(passing.status == 0, "the hook failed a good fixture:\n\(passing.stdout)\(passing.stderr)")
    }

    @Test func hooksFileDeclaresBothHooks() throws {
        let text = try String(contentsOfFile: (Self.root as NSString).appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        for needle in ["- id: assertlint\n", "- id: assertlint-system\n", "language: swift", "language: system",
                       "entry: assertlint check", "pass_filenames: true"] {
            #expect(text.contains(needle), "missing \(needle.debugDescription)")
        }
        let pattern = try NSRegularExpression(pattern: #"\.(ya?ml|json|har|http|rest|curl|jwt|pem|key|jwk|p8|p12|pfx)$"#)
        for name in ["a.yaml", "b.yml", "c.json", "d.har", "e.http", "f.rest", "g.curl", "h.jwt",
                     "keys/signing.pem", "i.key", "j.jwk", "k.p8", "l.p12", "m.pfx"] {
            #expect(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil, "\(name)")
        }
        #expect(text.components(separatedBy: "files: '\\.(ya?ml|json|har|http|rest|curl|jwt|pem|key|jwk|p8|p12|pfx)$'").count == 3,
                "both hooks take fixture and key files")
    }
}
