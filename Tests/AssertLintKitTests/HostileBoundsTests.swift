import Foundation
import Testing
@testable import AssertLintKit

/// Issue 9's "every read has a bound" and "nothing skipped in silence", and issue 10's brace
/// globs and `extend:`, each scenario run through the real `assertlint` binary with a hard
/// timeout: a regression that hangs (a FIFO read, a walk of `/`, a quadratic parse) is killed
/// and fails instead of stalling CI. Exit codes and the exact lines on stderr are asserted.
@Suite(.serialized) struct HostileBoundsTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
        let timedOut: Bool
    }

    /// What a scenario sets up: the command line and where it runs.
    struct Setup {
        var arguments: [String]
        var directory: String
        var stdin: String? = nil
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        let name: String
        /// Seconds before the run is killed and the scenario fails.
        var timeout: Double = 10
        let status: Int32
        /// Each must occur in stderr (or, prefixed `stdout:`, in stdout).
        let expect: [String]
        var absent: [String] = []
        let setup: @Sendable (TempTree) throws -> Setup
        var testDescription: String { name }
    }

    // MARK: - Building blocks

    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"
    static let fixture = BatchFixtures.fixture(jti: "bounds-1")

    static func check(_ t: TempTree, _ arguments: [String]) -> Setup {
        Setup(arguments: ["check", "--fail-on", "never"] + arguments, directory: t.root)
    }

    static func fifo(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard mkfifo(path, 0o644) == 0 else { throw Failure("mkfifo \(path) failed: errno \(errno)") }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    /// A file whose name holds the byte 0xFF (not UTF-8), made with raw bytes since a Swift
    /// String cannot hold it.
    static func nonUTF8File(in directory: String) throws {
        var bytes = Array((directory + "/bad").utf8) + [0xFF] + Array(".yaml".utf8) + [0]
        let fd = bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        guard fd >= 0 else { throw Failure("cannot create the non-UTF-8 file name") }
        let text = Array(fixture.utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// `directory/d…d/d…d/…/deep.yaml` longer than PATH_MAX, made with *at calls one level at a
    /// time (a path that long cannot be passed to mkdir in one piece). Works as root.
    static func overlongTree(in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var fd = open(directory, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw Failure("cannot open \(directory)") }
        let segment = String(repeating: "d", count: 200)
        for _ in 0..<22 {
            guard mkdirat(fd, segment, 0o755) == 0 || errno == EEXIST else { throw Failure("mkdirat failed: errno \(errno)") }
            let next = openat(fd, segment, O_RDONLY | O_DIRECTORY)
            close(fd)
            guard next >= 0 else { throw Failure("openat failed: errno \(errno)") }
            fd = next
        }
        let file = openat(fd, "deep.yaml", O_CREAT | O_WRONLY, 0o644)
        close(fd)
        guard file >= 0 else { throw Failure("cannot create deep.yaml: errno \(errno)") }
        let text = Array(fixture.utf8)
        _ = text.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
    }

    /// A bound UNIX socket at `path` (left bound: the walk only needs it to exist).
    static func unixSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Failure("socket path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        guard bound == 0 else { throw Failure("bind \(path) failed: errno \(errno)") }
    }

    static func removeDeep(_ t: TempTree) {
        // FileManager cannot remove paths over PATH_MAX; rm works level by level.
        _ = try? ProcessSupport.run("rm", ["-rf", t.root])
    }

    static func token(kid: String, signatureBytes: Int) -> String {
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"\#(kid)"}"#)
        let claims = Base64URL.encode(#"{"iss":"0oa1","sub":"0oa1","aud":"\#(endpoint)","iat":1748872800,"exp":1748873100,"jti":"k-1"}"#)
        return header + "." + claims + "." + Base64URL.encode(Array(repeating: UInt8(0x5A), count: signatureBytes))
    }

    /// A random odd modulus with its top bit set: a well-formed RSA public key of exactly `bits`
    /// bits (OpenSSL does not check a public modulus for primality).
    static func modulus(bits: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix(seed: seed)
        var n = (0..<(bits / 8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        n[0] |= 0x80
        n[n.count - 1] |= 1
        return n
    }

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func rsaJWK(kid: String, bits: Int, seed: UInt64) -> String {
        #"{"kty":"RSA","kid":"\#(kid)","e":"AQAB","n":"\#(Base64URL.encode(modulus(bits: bits, seed: seed)))"}"#
    }

    /// A PEM SubjectPublicKeyInfo for an RSA modulus, DER written here.
    static func rsaPublicPEM(bits: Int) -> String {
        func length(_ n: Int) -> [UInt8] {
            if n < 0x80 { return [UInt8(n)] }
            var bytes: [UInt8] = []
            var v = n
            while v > 0 { bytes.insert(UInt8(v & 0xFF), at: 0); v >>= 8 }
            return [0x80 | UInt8(bytes.count)] + bytes
        }
        func tlv(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] { [tag] + length(body.count) + body }
        let n = [0x00] + modulus(bits: bits, seed: 7)
        let rsaKey = tlv(0x30, tlv(0x02, n) + tlv(0x02, [0x01, 0x00, 0x01]))
        let algorithm = tlv(0x30, tlv(0x06, [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]) + [0x05, 0x00])
        let spki = tlv(0x30, algorithm + tlv(0x03, [0x00] + rsaKey))
        let body = Data(spki).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN PUBLIC KEY-----\n\(body)\n-----END PUBLIC KEY-----\n"
    }

    static let form = "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion="

    static func curlScript(commands: Int) -> String {
        let tok = token(kid: "k1", signatureBytes: 64)
        return (0..<commands).map { i in
            "curl -X POST \(endpoint) -H 'Content-Type: application/x-www-form-urlencoded' -d grant_type=client_credentials -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -d client_assertion=\(tok) -d n=\(i)\n"
        }.joined()
    }

    static func har(entries: Int) -> String {
        let tok = token(kid: "k1", signatureBytes: 64)
        let entry = #"{"request":{"method":"POST","url":"\#(endpoint)","headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],"postData":{"mimeType":"application/x-www-form-urlencoded","text":"\#(form)\#(tok)"}},"response":{"status":401,"content":{"text":"{\"error\":\"invalid_client\"}"}}}"#
        return #"{"log":{"entries":["# + Array(repeating: entry, count: entries).joined(separator: ",") + "]}}"
    }

    static func httpFile(requests: Int) -> String {
        let tok = token(kid: "k1", signatureBytes: 64)
        return (0..<requests).map { i in
            "### r\(i)\nPOST \(endpoint)\nContent-Type: application/x-www-form-urlencoded\n\n\(form)\(tok)\n\n"
        }.joined()
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: - The scenarios

    static let scenarios: [Scenario] = [
        // Files that are not regular files.
        Scenario(name: "a FIFO named *.yaml in a tree is named and skipped, not read", status: 0,
                 expect: ["assertlint: fixtures/pipe.yaml: skipped: a named pipe (FIFO), not a regular file\n", "stdout:1 file"]) { t in
            try t.write("fixtures/ok.yaml", fixture)
            try fifo(t.path("fixtures/pipe.yaml"))
            return check(t, ["fixtures"])
        },
        Scenario(name: "a tree holding only a FIFO does not pass in silence", status: 2,
                 expect: ["skipped: a named pipe (FIFO)", "assertlint: check: no file was checked: 1 skipped (named above)\n"]) { t in
            try fifo(t.path("fixtures/pipe.yaml"))
            return check(t, ["fixtures"])
        },
        Scenario(name: "a FIFO named on the command line is an error", status: 2,
                 expect: ["pipe.yaml: is a named pipe (FIFO), not a regular file; assertlint reads regular files only\n"]) { t in
            try fifo(t.path("pipe.yaml"))
            return check(t, ["pipe.yaml"])
        },
        Scenario(name: "a FIFO as diagnose's input", status: 2, expect: ["is a named pipe (FIFO), not a regular file"]) { t in
            try fifo(t.path("pipe.jwt"))
            return Setup(arguments: ["diagnose", t.path("pipe.jwt")], directory: t.root)
        },
        Scenario(name: "a FIFO as --jwks", status: 2, expect: ["is a named pipe (FIFO), not a regular file"]) { t in
            try fifo(t.path("jwks.json"))
            return Setup(arguments: ["diagnose", "--jwks", t.path("jwks.json"), token(kid: "k1", signatureBytes: 256)], directory: t.root)
        },
        Scenario(name: "a FIFO as --private-key", status: 2, expect: ["is a named pipe (FIFO), not a regular file"]) { t in
            try fifo(t.path("key.pem"))
            return Setup(arguments: ["diagnose", "--private-key", t.path("key.pem"), token(kid: "k1", signatureBytes: 256)], directory: t.root)
        },
        Scenario(name: "a FIFO as --config", status: 2,
                 expect: ["assertlint: config.yml: cannot read the config file: is a named pipe (FIFO), not a regular file"]) { t in
            try t.write("ok.yaml", fixture)
            try fifo(t.path("config.yml"))
            return check(t, ["--config", "config.yml", "ok.yaml"])
        },
        Scenario(name: "a FIFO as app.jwks of .assertlint.yml", status: 2,
                 expect: ["cannot read app.jwks file 'jwks.json': is a named pipe (FIFO), not a regular file"]) { t in
            try t.write(".assertlint.yml", "app: {jwks: jwks.json}\n")
            try t.write("ok.yaml", fixture)
            try fifo(t.path("jwks.json"))
            return check(t, ["ok.yaml"])
        },
        Scenario(name: "a FIFO as a fixture's app.jwks", status: 2,
                 expect: ["assertlint: ok.yaml: app.jwks file 'jwks.json': cannot read 'jwks.json': is a named pipe (FIFO), not a regular file"]) { t in
            try t.write("ok.yaml", fixture + "app: {client_id: 0oa1, jwks: jwks.json}\n")
            try fifo(t.path("jwks.json"))
            return check(t, ["--format", "json", "ok.yaml"])
        },
        Scenario(name: "/dev/zero as diagnose's input", status: 2,
                 expect: ["assertlint: /dev/zero: is a character device, not a regular file; assertlint reads regular files only\n"]) { t in
            Setup(arguments: ["diagnose", "/dev/zero"], directory: t.root)
        },
        Scenario(name: "/dev/zero named to check", status: 2, expect: ["/dev/zero: is a character device, not a regular file"]) { t in
            check(t, ["/dev/zero"])
        },
        Scenario(name: "/dev/zero as --jwks", status: 2, expect: ["is a character device, not a regular file"]) { t in
            Setup(arguments: ["diagnose", "--jwks", "/dev/zero", token(kid: "k1", signatureBytes: 256)], directory: t.root)
        },
        Scenario(name: "stdin is still read", status: 0, expect: ["stdout:1 file"]) { t in
            var s = check(t, ["-"])
            s.stdin = fixture
            return s
        },

        // Staying inside the roots.
        Scenario(name: "a symbolic link to / is not followed, and said once", status: 0,
                 expect: ["assertlint: 1 symbolic link leads outside the checked directories and was not followed\n", "stdout:1 file"]) { t in
            try t.write("tree/ok.yaml", fixture)
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/root"), withDestinationPath: "/")
            return check(t, ["tree"])
        },
        Scenario(name: "links out of the root are counted in one line", status: 0,
                 expect: ["assertlint: 3 symbolic links lead outside the checked directories and were not followed\n"]) { t in
            try t.write("tree/ok.yaml", fixture)
            try t.write("outside/secret.yaml", fixture)
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/a.yaml"), withDestinationPath: t.path("outside/secret.yaml"))
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/dir"), withDestinationPath: t.path("outside"))
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/etc"), withDestinationPath: "/etc")
            return check(t, ["tree"])
        },
        Scenario(name: "a link inside the root is followed", status: 0, expect: ["stdout:2 files"], absent: ["symbolic link"]) { t in
            try t.write("tree/a/ok.yaml", fixture)
            try t.write("tree/b/other.yaml", BatchFixtures.fixture(jti: "bounds-2"))
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/a/link"), withDestinationPath: t.path("tree/b"))
            return check(t, ["tree"])
        },
        Scenario(name: "a symbolic link loop ends", status: 0,
                 expect: ["assertlint: tree/loop.yaml: a loop of symbolic links; not followed\n", "stdout:1 file"]) { t in
            try t.write("tree/ok.yaml", fixture)
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/loop.yaml"), withDestinationPath: t.path("tree/loop.yaml"))
            return check(t, ["tree"])
        },
        Scenario(name: "a directory link back up the tree ends", status: 0, expect: ["stdout:1 file"], absent: ["symbolic link"]) { t in
            try t.write("tree/sub/ok.yaml", fixture)
            try FileManager.default.createSymbolicLink(atPath: t.path("tree/sub/up"), withDestinationPath: "..")
            return check(t, ["tree"])
        },
        Scenario(name: "include /**/*.yaml is refused", status: 2,
                 expect: [".assertlint.yml: line 1: include pattern '/**/*.yaml' leaves the config's directory; include patterns are relative to it (no leading /, ~ or ..)\n"]) { t in
            try t.write(".assertlint.yml", "include: [\"/**/*.yaml\"]\n")
            return check(t, [])
        },
        Scenario(name: "include ../** is refused", status: 2, expect: ["include pattern '../**' leaves the config's directory"]) { t in
            try t.write("repo/.assertlint.yml", "include: [\"fixtures/*.yaml\", \"../**\"]\n")
            return Setup(arguments: ["check"], directory: t.path("repo"))
        },
        Scenario(name: "include with a brace alternative that leaves is refused", status: 2,
                 expect: ["include pattern 'fixtures/{a,../../b}/*.yaml' leaves the config's directory"]) { t in
            try t.write(".assertlint.yml", "include: [\"fixtures/{a,../../b}/*.yaml\"]\n")
            return check(t, [])
        },

        // Nothing skipped in silence.
        Scenario(name: "a file name that is not UTF-8 fails the run", status: 2,
                 expect: ["assertlint: fixtures/bad\\xFF.yaml: the file name is not UTF-8; not checked\n"]) { t in
            try t.write("fixtures/ok.yaml", fixture)
            try nonUTF8File(in: t.path("fixtures"))
            return check(t, ["fixtures"])
        },
        Scenario(name: "--skip-unreadable names it and goes on", status: 0,
                 expect: ["assertlint: fixtures/bad\\xFF.yaml: the file name is not UTF-8; not checked (skipped: --skip-unreadable)\n", "stdout:1 file"]) { t in
            try t.write("fixtures/ok.yaml", fixture)
            try nonUTF8File(in: t.path("fixtures"))
            return check(t, ["--skip-unreadable", "fixtures"])
        },
        Scenario(name: "machine formats list it among their errors (json)", status: 2,
                 expect: ["stdout:the file name is not UTF-8; not checked", "the file name is not UTF-8; not checked\n"]) { t in
            try t.write("fixtures/ok.yaml", fixture)
            try nonUTF8File(in: t.path("fixtures"))
            return check(t, ["--format", "json", "fixtures"])
        },
        Scenario(name: "machine formats list it among their errors (sarif)", status: 2,
                 expect: ["stdout:the file name is not UTF-8; not checked"]) { t in
            try t.write("fixtures/ok.yaml", fixture)
            try nonUTF8File(in: t.path("fixtures"))
            return check(t, ["--format", "sarif", "fixtures"])
        },
        Scenario(name: "a socket named *.yaml in a tree is named and skipped", status: 0,
                 expect: ["assertlint: tree/sock.yaml: skipped: a socket, not a regular file\n", "stdout:1 file"]) { t in
            try t.write("tree/ok.yaml", fixture)
            try unixSocket(t.path("tree/sock.yaml"))
            return check(t, ["tree"])
        },
        Scenario(name: "a path over PATH_MAX fails the run", timeout: 20, status: 2,
                 expect: ["the path is longer than 4095 bytes; not checked\n"]) { t in
            try t.write("tree/ok.yaml", fixture)
            try overlongTree(in: t.path("tree"))
            return check(t, ["tree"])
        },
        Scenario(name: "--skip-unreadable with nothing else to check still exits 2", timeout: 20, status: 2,
                 expect: ["(skipped: --skip-unreadable)\n", "assertlint: check: no file was checked: 1 skipped (named above)\n"]) { t in
            try overlongTree(in: t.path("tree"))
            return check(t, ["--skip-unreadable", "tree"])
        },

        // Linear parsing and budgets.
        Scenario(name: "a curl script of 1,000 commands", timeout: 40, status: 1, expect: ["stdout:\"entry\": \"curl on line 1000: POST"]) { t in
            try t.write("script.sh", curlScript(commands: 1000))
            return Setup(arguments: ["diagnose", "--format", "json", "script.sh"], directory: t.root)
        },
        Scenario(name: "a cmd.exe script of 1,000 commands with ^ continuations", timeout: 40, status: 1,
                 expect: ["stdout:\"entry\": \"curl on line 2998: POST"]) { t in
            let tok = token(kid: "k1", signatureBytes: 64)
            let script = (0..<1000).map { i in
                "curl -X POST \(endpoint) ^\n  -H \"Content-Type: application/x-www-form-urlencoded\" ^\n  -d grant_type=client_credentials -d client_assertion=\(tok) -d n=\(i)\n"
            }.joined()
            try t.write("script.txt", script)
            return Setup(arguments: ["diagnose", "--format", "json", "script.txt"], directory: t.root)
        },
        Scenario(name: "a file named with braces is that file", status: 0, expect: ["stdout:1 file"], absent: ["no files match"]) { t in
            try t.write("a{1,2}.yaml", fixture)
            return check(t, ["a{1,2}.yaml"])
        },
        Scenario(name: "a HAR with 2,000 entries", timeout: 40, status: 0, expect: ["stdout:entry 2000: POST"]) { t in
            try t.write("big.har", har(entries: 2000))
            return check(t, ["--format", "json", "big.har"])
        },
        Scenario(name: "a .http file with 2,000 requests", timeout: 40, status: 0, expect: ["stdout:request 2000 (r1999)"]) { t in
            try t.write("big.http", httpFile(requests: 2000))
            return check(t, ["--format", "json", "big.http"])
        },
        Scenario(name: ".http: 20,000 variables of 64 KB each hit the per-file budget", timeout: 40, status: 2,
                 expect: ["big.http: the file's {{variables}} expand to more than 16 MiB in all; a token request is a few kilobytes\n"]) { t in
            var text = "@big = " + String(repeating: "x", count: 64 * 1024 - 16) + "\n"
            for i in 0..<20_000 { text += "@v\(i) = {{big}}\n" }
            text += "###\nPOST \(endpoint)\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&x={{v1}}\n"
            try t.write("big.http", text)
            return check(t, ["big.http"])
        },
        Scenario(name: ".http: variables within the budget still expand", status: 0, expect: ["stdout:1 file"], absent: ["MiB"]) { t in
            try t.write("ok.http", "@host = dev-123.okta.com\n###\nPOST https://{{host}}/oauth2/v1/token\nContent-Type: application/x-www-form-urlencoded\n\n\(form)\(token(kid: "k1", signatureBytes: 64))\n")
            return check(t, ["ok.http"])
        },

        // Keys.
        Scenario(name: "10,000 registered keys: a kid that names none tries 8", timeout: 30, status: 1,
                 expect: ["stdout:assertlint tried 8 of the 10000 registered keys that fit RS256 (at most 8 besides the one the kid names)"]) { t in
            try t.write("jwks.json", "{\"keys\":[" + (0..<10_000).map { rsaJWK(kid: "k\($0)", bits: 2048, seed: UInt64($0)) }.joined(separator: ",") + "]}")
            return Setup(arguments: ["diagnose", "--format", "json", "--jwks", "jwks.json", "--now", "2025-06-02T14:00:00Z", token(kid: "none", signatureBytes: 256)], directory: t.root)
        },
        Scenario(name: "10,000 registered keys: a failed signature tries 8 besides the kid's", timeout: 30, status: 1,
                 expect: ["stdout:assertlint tried 8 of the 9999 registered keys that fit RS256"]) { t in
            try t.write("jwks.json", "{\"keys\":[" + (0..<10_000).map { rsaJWK(kid: "k\($0)", bits: 2048, seed: UInt64($0)) }.joined(separator: ",") + "]}")
            return Setup(arguments: ["diagnose", "--format", "json", "--jwks", "jwks.json", "--now", "2025-06-02T14:00:00Z", token(kid: "k0", signatureBytes: 256)], directory: t.root)
        },
        Scenario(name: "a 16,384-bit RSA key is read", status: 1, expect: ["stdout:RSA 16384-bit"],
                 absent: ["cannot read the RSA modulus", "reads keys up to"]) { t in
            try t.write("jwks.json", "{\"keys\":[" + rsaJWK(kid: "big", bits: 16_384, seed: 3) + "]}")
            return Setup(arguments: ["diagnose", "--format", "json", "--jwks", "jwks.json", "--now", "2025-06-02T14:00:00Z", token(kid: "big", signatureBytes: 2048)], directory: t.root)
        },
        Scenario(name: "a 20,000-bit RSA JWK is refused with its size", status: 1,
                 expect: ["stdout:RSA key of 20000 bits: assertlint reads keys up to 16,384 bits"], absent: ["cannot read the RSA modulus"]) { t in
            try t.write("jwks.json", "{\"keys\":[" + rsaJWK(kid: "huge", bits: 20_000, seed: 4) + "]}")
            return Setup(arguments: ["diagnose", "--format", "json", "--jwks", "jwks.json", "--now", "2025-06-02T14:00:00Z", token(kid: "huge", signatureBytes: 2500)], directory: t.root)
        },
        Scenario(name: "a 20,000-bit RSA PEM is refused with its size", status: 2,
                 expect: ["RSA key of 20000 bits: assertlint reads keys up to 16,384 bits"], absent: ["cannot read the RSA modulus"]) { t in
            try t.write("key.pem", rsaPublicPEM(bits: 20_000))
            return Setup(arguments: ["diagnose", "--jwks", "key.pem", token(kid: "huge", signatureBytes: 2500)], directory: t.root)
        },

        // Brace globs.
        Scenario(name: "include *.{yml,yaml} matches both", status: 0, expect: ["stdout:2 files"]) { t in
            try t.write(".assertlint.yml", "include: [\"fixtures/*.{yml,yaml}\"]\n")
            try t.write("fixtures/a.yaml", fixture)
            try t.write("fixtures/b.yml", BatchFixtures.fixture(jti: "bounds-2"))
            try t.write("fixtures/c.json", "{}")
            return check(t, [])
        },
        Scenario(name: "a brace glob on the command line, nested", status: 0, expect: ["stdout:3 files"]) { t in
            try t.write("f/a.yaml", fixture)
            try t.write("f/b.yml", BatchFixtures.fixture(jti: "bounds-2"))
            try t.write("g/c.yaml", BatchFixtures.fixture(jti: "bounds-3"))
            try t.write("h/d.yaml", BatchFixtures.fixture(jti: "bounds-4"))
            return check(t, ["{f/*.{yml,yaml},g/*.yaml}"])
        },
        Scenario(name: "exclude with braces", status: 0, expect: ["stdout:1 file"]) { t in
            try t.write(".assertlint.yml", "exclude: [\"{scratch,tmp}/**\"]\n")
            try t.write("ok.yaml", fixture)
            try t.write("scratch/a.yaml", BatchFixtures.fixture(jti: "bounds-2"))
            try t.write("tmp/b.yaml", BatchFixtures.fixture(jti: "bounds-3"))
            return check(t, ["."])
        },
        Scenario(name: "a brace bomb is a config error", status: 2,
                 expect: ["include pattern '" + String(repeating: "{a,b}", count: 12) + "': the braces expand to more than 256 patterns\n"]) { t in
            try t.write(".assertlint.yml", "include: [\"" + String(repeating: "{a,b}", count: 12) + "\"]\n")
            return check(t, [])
        },

        // extend:
        Scenario(name: "extend inherits the parent's settings", status: 0, expect: ["stdout:1 file"]) { t in
            try t.write(".assertlint.yml", "fail_on: never\n")
            try t.write("sub/.assertlint.yml", "extend: ../.assertlint.yml\n")
            try t.write("sub/bad.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "bounds-2"))
            return Setup(arguments: ["check", "bad.yaml"], directory: t.path("sub"))
        },
        Scenario(name: "without extend the nested config stands alone", status: 1, expect: ["stdout:aud-mismatch"]) { t in
            try t.write(".assertlint.yml", "fail_on: never\n")
            try t.write("sub/.assertlint.yml", "disable: [jti-missing]\n")
            try t.write("sub/bad.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "bounds-2"))
            return Setup(arguments: ["check", "bad.yaml"], directory: t.path("sub"))
        },
        Scenario(name: "extend keeps the parent's exclude relative to the parent", status: 0, expect: ["stdout:1 file"]) { t in
            try t.write(".assertlint.yml", "exclude: [\"sub/scratch/**\"]\n")
            try t.write("sub/.assertlint.yml", "extend: [../.assertlint.yml]\n")
            try t.write("sub/ok.yaml", fixture)
            try t.write("sub/scratch/x.yaml", BatchFixtures.fixture(jti: "bounds-2"))
            return Setup(arguments: ["check", "--fail-on", "never", "."], directory: t.path("sub"))
        },
        Scenario(name: "an extend cycle is a config error", status: 2, expect: ["`extend` makes a cycle: .assertlint.yml -> base.yml -> .assertlint.yml\n"]) { t in
            try t.write(".assertlint.yml", "extend: base.yml\n")
            try t.write("base.yml", "extend: .assertlint.yml\n")
            try t.write("ok.yaml", fixture)
            return check(t, ["ok.yaml"])
        },
        Scenario(name: "extend by an absolute path is refused", status: 2,
                 expect: ["extend '/etc/assertlint.yml' leaves the config's directory; name a config in it, below it, or in a parent directory (../.assertlint.yml)\n"]) { t in
            try t.write(".assertlint.yml", "extend: /etc/assertlint.yml\n")
            try t.write("ok.yaml", fixture)
            return check(t, ["ok.yaml"])
        },
        Scenario(name: "extend beside a parent is refused", status: 2, expect: ["extend '../other/base.yml' leaves the config's directory"]) { t in
            try t.write("other/base.yml", "fail_on: never\n")
            try t.write("sub/.assertlint.yml", "extend: ../other/base.yml\n")
            try t.write("sub/ok.yaml", fixture)
            return Setup(arguments: ["check", "ok.yaml"], directory: t.path("sub"))
        },
        Scenario(name: "extend chains are bounded", status: 2, expect: ["`extend` chains more than 8 config files\n"]) { t in
            var dir = "a"
            for _ in 0..<10 { dir += "/a" }
            var path = dir
            while path.contains("/") {
                try t.write(path + "/.assertlint.yml", "extend: ../.assertlint.yml\n")
                path = (path as NSString).deletingLastPathComponent
            }
            try t.write("a/.assertlint.yml", "fail_on: never\n")
            try t.write(dir + "/ok.yaml", fixture)
            return Setup(arguments: ["check", "ok.yaml"], directory: t.path(dir))
        },
        Scenario(name: "extend naming a FIFO is refused", status: 2, expect: ["cannot read the config file: is a named pipe (FIFO), not a regular file"]) { t in
            try t.write(".assertlint.yml", "extend: base.yml\n")
            try fifo(t.path("base.yml"))
            try t.write("ok.yaml", fixture)
            return check(t, ["ok.yaml"])
        },
    ]

    @Test(arguments: scenarios)
    func scenario(_ s: Scenario) throws {
        let tree = try TempTree()
        defer { Self.removeDeep(tree) }
        let setup = try s.setup(tree)
        let out = try Self.run(setup, timeout: s.timeout)
        #expect(!out.timedOut, "killed after \(s.timeout) s")
        let stderr = out.stderr.replacingOccurrences(of: tree.root + "/", with: "")
        #expect(out.status == s.status, "stderr: \(stderr.prefix(600))")
        for needle in s.expect {
            if needle.hasPrefix("stdout:") {
                #expect(out.stdout.contains(needle.dropFirst(7)), "stdout: \(out.stdout.prefix(600))")
            } else {
                #expect(stderr.contains(needle), "stderr: \(stderr.prefix(600))")
            }
        }
        for needle in s.absent {
            #expect(!out.stdout.contains(needle) && !out.stderr.contains(needle))
        }
        // Every line on stderr is one line starting with the program's name.
        for line in out.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("assertlint: "), "\(line.prefix(200))")
        }
    }

    /// Counts that prove every request of the big files was read, not just that the run ended.
    @Test(.timeLimit(.minutes(1))) func bigFilesReadEveryRequest() throws {
        let tree = try TempTree()
        try tree.write("script.sh", Self.curlScript(commands: 1000))
        let out = try Self.run(Setup(arguments: ["diagnose", "--format", "json", "script.sh"], directory: tree.root), timeout: 40)
        #expect(!out.timedOut)
        let results = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        #expect((results?["results"] as? [Any])?.count == 1000)
        let subjects = try InputReader.subjects(from: Self.har(entries: 2000), source: "big.har")
        #expect(subjects.count == 2000)
        let requests = try InputReader.subjects(from: Self.httpFile(requests: 2000), source: "big.http")
        #expect(requests.count == 2000)
    }

    static let setpriv = "/usr/bin/setpriv"

    /// As root, chmod 000 does not stop a read, so the run drops to uid 65534 with setpriv.
    /// Whether, as root, the binary can be run as uid 65534 (setpriv present, and the build
    /// directory reachable by that user).
    static var canDropPrivileges: Bool {
        guard FileManager.default.isExecutableFile(atPath: setpriv),
              let probe = try? run(Setup(arguments: ["--version"], directory: "/"), timeout: 10,
                                   wrapper: [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]) else { return false }
        return probe.status == 0
    }

    @Test(.enabled(if: geteuid() != 0 || canDropPrivileges,
                   "runs as root, and cannot run the binary as uid 65534 (no setpriv, or the build directory is private): chmod 000 does not stop root"),
          .timeLimit(.minutes(1)))
    func unreadableDirectoryFailsTheRun() throws {
        let tree = try TempTree()
        try tree.write("tree/ok.yaml", Self.fixture)
        try tree.write("tree/locked/x.yaml", Self.fixture)
        chmod(tree.root, 0o755)
        chmod(tree.path("tree/locked"), 0)
        defer { chmod(tree.path("tree/locked"), 0o755) }
        let wrapper = geteuid() == 0 ? [Self.setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let out = try Self.run(Self.check(tree, ["tree"]), timeout: 10, wrapper: wrapper)
        #expect(out.status == 2, "stderr: \(out.stderr)")
        #expect(out.stderr == "assertlint: tree/locked: cannot read the directory (permission denied); its files are not checked\n")
        #expect(out.stdout.contains("1 file"))
        let skipping = try Self.run(Self.check(tree, ["--skip-unreadable", "tree"]), timeout: 10, wrapper: wrapper)
        #expect(skipping.status == 0, "stderr: \(skipping.stderr)")
        #expect(skipping.stderr.contains("tree/locked: cannot read the directory (permission denied); its files are not checked (skipped: --skip-unreadable)\n"))
    }

    @Test func braceExpansion() {
        #expect(Glob.expandBraces("*.{yml,yaml}") == ["*.yml", "*.yaml"])
        #expect(Glob.expandBraces("{a,{b,c}d}/x") == ["a/x", "bd/x", "cd/x"])
        #expect(Glob.expandBraces("{a}") == ["{a}"])
        #expect(Glob.expandBraces("{a,b") == ["{a,b"])
        #expect(Glob.expandBraces(String(repeating: "{a,b}", count: 20)).count == Glob.maxAlternatives)
        #expect(Glob("**/*.{yml,yaml}").matches("x/y/z.yml"))
        #expect(!Glob("**/*.{yml,yaml}").matches("x/y/z.json"))
        #expect(Glob("{scratch,tmp}/**").excludes("tmp/a/b.yaml"))
        #expect(Glob("../**").leavesBase && Glob("/**/*.yaml").leavesBase && Glob("{a,../b}").leavesBase && !Glob("a/**").leavesBase)
    }

    // MARK: - Running with a hard timeout

    /// `wrapper` runs the binary through another program (setpriv), given as its path and arguments.
    static func run(_ setup: Setup, timeout: Double, wrapper: [String] = []) throws -> Outcome {
        let process = Process()
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [try CLITests.binary().path] + setup.arguments
        } else {
            process.executableURL = try CLITests.binary()
            process.arguments = setup.arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: setup.directory)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ASSERTLINT") && !$0.key.hasPrefix("OKTA_") }
        env["NO_COLOR"] = "1"
        process.environment = env
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err"), inURL = scratch.appendingPathComponent("in")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data((setup.stdin ?? "").utf8).write(to: inURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let started = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        try out.close()
        try err.close()
        try input.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                       stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
                       seconds: seconds, timedOut: timedOut)
    }
}
