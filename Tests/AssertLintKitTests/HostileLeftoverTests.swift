import Foundation
import Testing
@testable import AssertLintKit

extension Result {
    /// The failure's `reason`, for tests that compare the words of a refused read.
    var failureReason: String? {
        guard case .failure(let failure) = self else { return nil }
        return (failure as? BoundedFile.Failure)?.reason
    }
}

/// Issue 9, what was left: one bounded reader, no library error text, secrets fixed where
/// they are made, escaping in the text diagnosis, a named --config that is missing, and machine
/// documents written whole.
@Suite(.serialized) struct HostileLeftoverTests {
    static let root = GeneratedSourcesTests.root.path
    static let secret = "Lftvr-S3cret-0123456789abcdef"
    static let token = "https://dev-123.okta.com/oauth2/v1/token"

    // MARK: 1. One bounded reader

    @Test func oneReaderTakesWhatTheCallerAllows() throws {
        let t = try TempTree()
        let fifo = t.path("pipe.yaml")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Regular files only (inputs, keys, configs): the FIFO is refused before any read.
        let refused = BoundedFile.read(fifo)
        #expect(refused.failureReason == "is a named pipe (FIFO), not a regular file; assertlint reads regular files only")
        // A pipe allowed (`--cacert <(…)`, token files): read until its writer closes it.
        // The writer has written and closes a moment later: the read waits for the close.
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        #expect(writer >= 0)
        _ = "-----BEGIN CERTIFICATE-----\n".withCString { write(writer, $0, strlen($0)) }
        let closer = Thread {
            usleep(200_000)
            close(writer)
        }
        closer.start()
        let read = BoundedFile.read(fifo, allowing: .fileOrPipe(limit: 1 << 10, deadline: 5))
        #expect((try? read.get()).map { String(decoding: $0, as: UTF8.self) } == "-----BEGIN CERTIFICATE-----\n")
        // The limit is the caller's, in the words of each kind of caller.
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: t.path("big.pem")))
        #expect(BoundedFile.read(t.path("big.pem"), allowing: .fileOrPipe(limit: 1024, deadline: 1)).failureReason == "larger than 1 KiB")
        #expect(BoundedFile.read("/dev/zero", allowing: .fileOrPipe(limit: 1024, deadline: 1)).failureReason == "not a regular file or pipe")
        #expect(BoundedFile.read("/dev/zero").failureReason == "is a character device, not a regular file; assertlint reads regular files only")
    }

    @Test func theSecondReaderIsGone() {
        let sources = URL(fileURLWithPath: Self.root).appendingPathComponent("Sources/AssertLintKit")
        #expect(!FileManager.default.fileExists(atPath: sources.appendingPathComponent("Batch/BoundedFile.swift").path))
        #expect(!FileManager.default.fileExists(atPath: sources.appendingPathComponent("System/BoundedFileRead.swift").path))
        #expect(FileManager.default.fileExists(atPath: sources.appendingPathComponent("System/BoundedFile.swift").path))
    }

    // MARK: 2. No library error text

    static let libraryWords = ["error:", "routines", "DECODER", "unsupported:", "OpenSSL", "lib(", "reason("]

    @Test func aDamagedPEMIsNamedInAssertlintsWords() throws {
        let pem = "-----BEGIN PUBLIC KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n-----END PUBLIC KEY-----\n"
        guard case .failure(let e) = KeyFile.publicKeySet(Array(pem.utf8)) else { Issue.record("a damaged PEM was read"); return }
        #expect(e.description == "the PEM block 'PUBLIC KEY' is not a key or certificate assertlint can read (damaged base64, a cut-off block or an unsupported key type)")
        let priv = "-----BEGIN PRIVATE KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n-----END PRIVATE KEY-----\n"
        guard case .failure(let p) = KeyFile.signingKey(Array(priv.utf8), origin: "k.pem") else { Issue.record("a damaged key was read"); return }
        #expect(p.description == "the private key cannot be read (damaged base64 or DER, a cut-off key or an unsupported key type)")
    }

    @Test func aJWKOffTheCurveIsNamedInAssertlintsWords() throws {
        let x = Base64URL.encode([UInt8](repeating: 1, count: 32)), y = Base64URL.encode([UInt8](repeating: 2, count: 32))
        let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","x":"\#(x)","y":"\#(y)"}]}"#
        let set = try #require(try? JWKSet.parse(JSONParser.parse(jwks)).get())
        guard case .failure(let e) = try #require(set.keys.first).key() else { Issue.record("a point off the curve was read"); return }
        #expect(e.description == "the point (x, y) is not on P-256, or the JWK's d does not fit it")
        let rsa = #"{"kty":"RSA","n":"AQ","e":"AQAB"}"#
        let rsaSet = try #require(try? JWKSet.parse(JSONParser.parse(#"{"keys":[\#(rsa)]}"#)).get())
        if case .failure(let r) = try #require(rsaSet.keys.first).key() {
            for w in Self.libraryWords { #expect(!r.description.contains(w), "\(r.description)") }
        }
    }

    @Test func theCLINeverPrintsOpenSSLsWords() throws {
        let t = try TempTree()
        try t.write("bad.pem", "-----BEGIN PUBLIC KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n-----END PUBLIC KEY-----\n")
        try t.write("bad-key.pem", "-----BEGIN PRIVATE KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n-----END PRIVATE KEY-----\n")
        let aud = Self.root + "/Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"
        for args in [["diagnose", aud, "--jwks", t.path("bad.pem")], ["mint", "--private-key", t.path("bad-key.pem"), "--client-id", "0oa1",
                                                                      "--aud", Self.token]] {
            let run = try HostileRun.run(args, cwd: t.root)
            #expect(run.status == 2, "\(args): \(run.status) \(run.all.prefix(300))")
            #expect(run.stderr.hasPrefix("assertlint: ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
            for w in Self.libraryWords { #expect(!run.all.contains(w), "\(args): \(run.stderr)") }
        }
    }

    // MARK: 3. Secrets fixed where they are made

    @Test func aJSONBodyIsJSONWhateverTheContentTypeSays() throws {
        let json = #"{"grant_type":"client_credentials","client_id":"0oa1","client_secret":"\#(Self.secret)"}"#
        // curl -d without a header sends it as a form: the whole JSON text was one field name.
        let curl = try InputReader.subjects(from: "curl \(Self.token) -d '\(json)'", source: "-")
        let request = try #require(curl.first?.request)
        #expect(request.body == .raw(json))
        #expect(request.formFields.isEmpty)
        for yaml in ["request: {url: \"\(Self.token)\", headers: {Content-Type: application/x-www-form-urlencoded}, body: '\(json)'}",
                     "request: {url: \"\(Self.token)\", body: '\(json)'}"] {
            let s = try FixtureLoader(environment: [:]).load(text: yaml, path: "t.yaml")
            #expect(s.request?.body == .raw(json))
            let d = Engine(rules: [ContentTypeInvalid()]).run(s)
            #expect(d.ruleIDs == ["content-type-invalid"], "\(yaml)")
            let f = try #require(d.findings.first)
            #expect(f.message.contains("is JSON; Okta reads only form-encoded parameters"), "\(f.message)")
            #expect(f.fix?.hasSuffix("grant_type=client_credentials&client_id=0oa1&client_secret=<client_secret>") == true, "\(f.fix ?? "")")
        }
        // A raw HTTP request that says form but sends JSON.
        let raw = "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\nContent-Type: application/x-www-form-urlencoded\n\n\(json)\n"
        let http = try #require(try InputReader.subjects(from: raw, source: "-").first?.request)
        #expect(http.body == .raw(json))
    }

    @Test func theContentTypeFixShowsCredentialsAsPlaceholders() throws {
        let body = #"{"grant_type":"client_credentials","clientSecret":"\#(Self.secret)1","client-secret":"\#(Self.secret)2","#
            + #""auth":{"client_secret":"\#(Self.secret)3","user":"u","password":["\#(Self.secret)6"]},"client_assertion":"eyJ\#(Self.secret)4","assertions":["\#(Self.secret)5"],"scope":"a"}"#
        let request = TokenRequest(url: Self.token, headers: [HTTPHeader(name: "Content-Type", value: "application/json")], body: .raw(body))
        let d = Engine(rules: [ContentTypeInvalid()]).run(Subject(source: "-", request: request, assertion: .absent))
        let fix = try #require(d.findings.first?.fix)
        #expect(!fix.contains(Self.secret), "\(fix)")
        #expect(fix.hasSuffix("grant_type=client_credentials&clientSecret=<clientSecret>&client-secret=<client-secret>"
            + "&auth=%7B%22client_secret%22%3A%22%3Cclient_secret%3E%22%2C%22user%22%3A%22u%22%2C%22password%22%3A%5B%22%3Cpassword%3E%22%5D%7D&client_assertion=<client_assertion>"
            + "&assertions=<assertions>&scope=a"), "\(fix)")
    }

    @Test func repeatedCredentialsAreNotQuoted() throws {
        let fields = ["access_token", "clientSecret", "client_secret", "client_assertion", "password", "api_key"].flatMap { name in
            [FormField(name: name, value: "\(Self.secret)-\(name)-a"), FormField(name: name, value: "\(Self.secret)-\(name)-b")]
        } + [FormField(name: "scope", value: "a"), FormField(name: "scope", value: "b")]
        let request = TokenRequest(url: Self.token, headers: [HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                                   body: .form(fields))
        let d = Engine(rules: [ParameterRepeated()]).run(Subject(source: "-", request: request, assertion: .absent))
        #expect(d.findings.count == 7)
        for f in d.findings { #expect(!f.message.contains(Self.secret), "\(f.message)") }
        let access = try #require(d.findings.first { $0.location.pointer == Location.form("access_token") })
        let n = "\(Self.secret)-access_token-a".utf8.count
        #expect(access.message == "`access_token` is sent 2 times (<access_token, \(n) bytes, not shown>, <access_token, \(n) bytes, not shown>); the server may read a different one than you intend, or reject the request")
        let scope = try #require(d.findings.first { $0.location.pointer == Location.form("scope") })
        #expect(scope.message.hasPrefix("`scope` is sent 2 times ('a', 'b')"))
    }

    // MARK: 4. The text diagnosis escapes at interpolation

    static let hostile = "\u{1B}[31m\u{202E}"

    static func har() -> String {
        let method = "PO\\nST\\r::error::method\\u001b\\u202e"
        let url = "https://dev-123.okta.com/oauth2/v1/token?x=1%0A::warning::url\\n::notice::raw\\u202e"
        return #"""
        {"log":{"version":"1.2","entries":[{"request":{"method":"\#(method)","url":"\#(url)","headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"},{"name":"X-Note\n::error::h","value":"v\n::error::hv\u202e"}],"postData":{"mimeType":"application/x-www-form-urlencoded","text":"grant_type=client_credentials&client_id=0oa1%0A::error::form&x%0A::error::name=1&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer%0A::error::cat"}},"response":{"status":401,"content":{"text":"{\"error\":\"invalid_client\",\"error_description\":\"x\\n::error::answer\"}"}}}]}}
        """#
    }

    @Test(arguments: [[], ["--verbose"], ["--brief"]])
    func aHostileHAREntryPrintsNoRawControlAndNoCommand(_ mode: [String]) throws {
        let t = try TempTree()
        try t.write("entry.har", Self.har())
        let run = try HostileRun.run(["diagnose"] + mode + ["entry.har"], cwd: t.root)
        #expect(run.status == 1, "\(mode): \(run.status) \(run.stderr)")
        for line in run.all.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = line.drop { $0 == " " }
            #expect(!lead.hasPrefix("::") && !lead.hasPrefix("\\::"), "\(mode): a line starts a workflow command: \(line)")
        }
        let controls = run.all.unicodeScalars.filter { $0 != "\n" && Escape.needsEscape($0) }
        #expect(controls.isEmpty, "\(mode): raw control characters \(controls.map { String($0.value, radix: 16) })")
        if mode != ["--brief"] {
            // The method is shown escaped on the request line, not broken over two lines.
            #expect(run.stdout.contains(#"PO\nST\r::ERROR::METHOD\u{1B}\u{202E} https://"#), "\(mode): \(run.stdout.prefix(1500))")
        }
    }

    // MARK: 5. A named --config that is missing

    @Test(arguments: [[], ["."], ["a.yaml"]])
    func aMissingConfigIsOneLineExitTwo(_ paths: [String]) throws {
        let t = try TempTree()
        if paths == ["a.yaml"] { try t.write("a.yaml", "request: {url: \"\(Self.token)\"}\n") }
        for config in ["/nonexistent/assertlint.yml", t.root] {
            for format in ["text", "json", "sarif"] {
                let run = try HostileRun.run(["check", "--format", format, "--config", config] + paths, cwd: t.root)
                #expect(run.status == 2, "\(paths) \(config) \(format): \(run.status) \(run.all.prefix(300))")
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].hasPrefix("assertlint: \(config)"), "\(paths) \(format): \(run.stderr)")
            }
        }
    }

    // MARK: 6. Machine documents are written whole

    @Test func aSignalBeforeTheWriteWritesNothing() throws {
        // SIGINT while the run is under way (a large tree): the pipe gets no byte of SARIF.
        let t = try TempTree()
        let fixture = try String(contentsOfFile: Self.root + "/Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml", encoding: .utf8)
        for i in 0..<400 { try t.write("f\(i).yaml", fixture) }
        // `set -m`: a background job of a script otherwise starts with SIGINT ignored.
        for (format, signal, status) in [("sarif", "INT", 130), ("json", "TERM", 143), ("junit", "INT", 130)] {
            let run = try HostileRun.shell("set -m; \"$B\" check --format \(format) . > out.txt & pid=$!; sleep 0.3; kill -\(signal) $pid; wait $pid; echo \"status $?\"; wc -c < out.txt",
                                           cwd: t.root)
            #expect(run.stdout == "status \(status)\n0\n", "\(format): \(run.stdout) \(run.stderr.prefix(200))")
        }
    }
}
