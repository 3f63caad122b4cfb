import Foundation
import Testing
@testable import AssertLintKit

/// Hostile and weird inputs, each with the outcome it must have: a rule id, or a one-line
/// InputError (exit 2 on the command line). Never a trap, never a hang. Time and peak memory
/// per input are printed only when they exceed a bound; the test asserts outcomes, not times.
@Suite(.serialized) struct BadInputTests {
    enum Expected: Sendable {
        /// Read and judged; every listed rule id is among the findings.
        case finds([String])
        /// Read and judged; none of the listed rule ids is among the findings.
        case findsNone(of: [String])
        /// Refused with an InputError whose reason contains the text.
        case refused(String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        var source = "paste.txt"
        let expected: Expected
        var testDescription: String { name }

        init(_ name: String, source: String = "paste.txt", _ expected: Expected, _ text: @escaping @Sendable () -> String) {
            self.name = name
            self.source = source
            self.expected = expected
            self.bytes = { Array(text().utf8) }
        }

        init(_ name: String, bytes: @escaping @Sendable () -> [UInt8], _ expected: Expected) {
            self.name = name
            self.expected = expected
            self.bytes = bytes
        }
    }

    // MARK: Building blocks

    /// 2025-06-02T14:00:00Z, the `now` every case is judged at.
    static let now = Date(timeIntervalSince1970: 1_748_872_800)
    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"
    static let header = #"{"alg":"RS256","kid":"test-rsa-2048"}"#
    static let claims = #"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","iat":1748872800,"exp":1748873100,"jti":"bad-1"}"#
    static let signature = Base64URL.encode(Array(repeating: UInt8(0x5A), count: 256))
    static let jwks = GeneratedSourcesTests.root.appendingPathComponent("Fixtures/keys/test-jwks-rsa.json").path

    static func token(header: String = header, claims: String = claims) -> String {
        Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + signature
    }

    /// `claims` with one member replaced by raw JSON text.
    static func claims(_ name: String, _ json: String) -> String {
        var members = [#""iss":"0oa1""#, #""sub":"0oa1""#, #""aud":"\#(endpoint)""#, #""iat":1748872800"#, #""exp":1748873100"#, #""jti":"bad-1""#]
        members.removeAll { $0.hasPrefix("\"\(name)\":") }
        members.append("\"\(name)\":\(json)")
        return "{" + members.joined(separator: ",") + "}"
    }

    static func header(_ json: String) -> String { "{" + json + "}" }

    /// A fixture judging `assertion` as sent to the org token endpoint by a private_key_jwt app.
    static func fixture(_ assertion: String, jwks jwksPath: String = jwks) -> String {
        """
        now: 2025-06-02T14:00:00Z
        app: {client_id: 0oa1, auth_method: private_key_jwt, jwks: "\(jwksPath)"}
        request:
          url: \(endpoint)
          form:
            grant_type: client_credentials
            scope: okta.users.read
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion: \(assertion)
        """
    }

    static func form(_ assertion: String) -> String {
        "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" + assertion
    }

    static func curl(_ flags: String) -> String { "curl -X POST \(endpoint) " + flags }

    static func har(_ entries: String) -> String { #"{"log":{"version":"1.2","entries":["# + entries + "]}}" }

    static func harEntry(url: String, body: String = "") -> String {
        #"{"request":{"method":"POST","url":"\#(url)","headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],"postData":{"mimeType":"application/x-www-form-urlencoded","text":"\#(body)"}},"response":{"status":401}}"#
    }

    static func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }

    static func jwksJSON(keys count: Int) -> String {
        let key = #"{"kty":"EC","crv":"P-256","kid":"k%d","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#
        return #"{"keys":["# + (0..<count).map { String(format: key, $0) }.joined(separator: ",") + "]}"
    }

    static let notInput = "not a token, curl command, HTTP request, HAR, .http file or fixture"

    // MARK: The catalogue

    static let cases: [Case] = [
        // Nothing, or nothing but blanks.
        Case("empty", .refused("the input is empty")) { "" },
        Case("spaces and tabs", .refused("the input is empty")) { "   \t  \t " },
        Case("only newlines", .refused("the input is empty")) { "\n\n\r\n\n" },
        Case("only a byte order mark", .refused("the input is empty")) { "\u{FEFF}" },
        Case("only zero-width spaces", .refused("the input is empty")) { "\u{200B}\u{200B}\u{200B}" },

        // Token shape.
        Case("1 segment", .finds(["jwt-malformed"])) { Base64URL.encode(header) },
        Case("2 segments", .finds(["jwt-malformed"])) { Base64URL.encode(header) + "." + Base64URL.encode(claims) },
        Case("4 segments", .finds(["jwt-malformed"])) { token() + ".AAAA" },
        Case("5 segments (a JWE)", .finds(["jwt-malformed"])) {
            Base64URL.encode(#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#) + ".AAAA.AAAA.AAAA.AAAA"
        },
        Case("standard base64 (+ and /) in the signature", .finds(["base64url-lenient"])) {
            Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + "ab+/" + signature.dropFirst(4)
        },
        Case("= padding on the payload", .finds(["base64url-lenient"])) {
            Base64URL.encode(header) + "." + Base64URL.encode(claims + " ") + "=." + signature
        },
        Case("a character outside base64 in the header", .finds(["jwt-malformed"])) { "eyJ*" + token().dropFirst(4) },
        Case("header is not JSON", .finds(["jwt-malformed"])) { Base64URL.encode("alg=RS256") + "." + Base64URL.encode(claims) + "." + signature },
        Case("payload is a JSON array", .finds(["jwt-malformed"])) { token(claims: #"["iss","0oa1"]"#) },
        Case("payload is a JSON string", .finds(["jwt-malformed"])) { token(claims: #""0oa1""#) },
        Case("empty header and payload segments", .finds(["jwt-malformed"])) { "eyJ.." },
        Case("payload decodes to invalid UTF-8", .finds(["jwt-malformed"])) {
            Base64URL.encode(header) + "." + Base64URL.encode([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) + "." + signature
        },
        Case("invalid UTF-8 around a token (read leniently)", bytes: {
            Array(token().utf8) + [0x0A, 0xC3, 0x28]
        }, .findsNone(of: ["jwt-malformed"])),
        Case("NUL bytes after a token", bytes: { Array(token().utf8) + [0, 0, 0] + Array("x".utf8) }, .finds(["jwt-malformed"])),
        Case("NUL bytes", bytes: { Array("curl -d x=".utf8) + [0, 0, 0] + Array("x".utf8) }, .refused("binary data")),
        Case("binary noise", bytes: { (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) } }, .refused("binary")),
        Case("NUL escaped inside a claim", .findsNone(of: ["jwt-malformed"])) { token(claims: claims("jti", #""a\u0000b""#)) },
        Case("lone surrogate escape in a claim", .finds(["jwt-malformed"])) { token(claims: claims("jti", #""\ud800""#)) },
        Case("zero-width spaces and an RTL mark inside a token", .finds(["jwt-malformed"])) {
            let t = token()
            return String(t.prefix(10)) + "\u{200B}" + String(t.dropFirst(10).prefix(20)) + "\u{200F}" + String(t.dropFirst(30))
        },

        // Deep and duplicated JSON.
        Case("payload nested 100,000 deep", .finds(["jwt-malformed"])) { token(claims: claims("x", nested(100_000))) },
        Case("header nested 100,000 deep", .finds(["jwt-malformed"])) { token(header: header(#""alg":"RS256","x":"# + nested(100_000))) },
        Case("a paste of JSON nested 100,000 deep", .refused(notInput)) { nested(100_000) },
        Case("HAR-looking JSON nested 100,000 deep", .refused("not valid JSON")) { #"{"log":{"entries":"# + nested(100_000) + "}}" },
        Case("duplicate kid in the header", .finds(["json-duplicate-key"])) { token(header: #"{"alg":"RS256","kid":"a","kid":"b"}"#) },
        Case("duplicate exp in the payload", .finds(["json-duplicate-key"])) { token(claims: claims("exp", "1748873100,\"exp\":4102444800")) },
        Case("duplicate alg, none last", .finds(["json-duplicate-key", "alg-none"])) { token(header: #"{"alg":"RS256","alg":"none"}"#) },

        // exp, iat, nbf of the wrong type or out of range.
        Case("exp as a string", .finds(["claim-type-invalid"])) { token(claims: claims("exp", #""1748873100""#)) },
        Case("exp as a float", .findsNone(of: ["claim-type-invalid", "exp-expired"])) { token(claims: claims("exp", "1748873100.5")) },
        Case("exp negative", .finds(["claim-type-invalid"])) { token(claims: claims("exp", "-1")) },
        Case("exp 1e309 (beyond Double)", .finds(["claim-type-invalid"])) { token(claims: claims("exp", "1e309")) },
        // Sent to Okta, whose profile caps exp (a bare token is judged by the generic profile, which does not).
        Case("exp 2^63", .finds(["exp-too-far"])) {
            "curl \(endpoint) -d grant_type=client_credentials -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -d client_assertion=" + token(claims: claims("exp", "9223372036854775808"))
        },
        Case("exp -2^63 - 1", .finds(["claim-type-invalid"])) { token(claims: claims("exp", "-9223372036854775809")) },
        Case("exp null", .finds(["claim-type-invalid"])) { token(claims: claims("exp", "null")) },
        Case("exp with 400 digits", .finds(["claim-type-invalid"])) { token(claims: claims("exp", String(repeating: "9", count: 400))) },
        Case("iat 1e308", .finds(["iat-future"])) { token(claims: claims("iat", "1e308")) },
        Case("nbf as an object", .finds(["claim-type-invalid"])) { token(claims: claims("nbf", #"{"t":1}"#)) },

        // aud, alg, crit, kid.
        Case("aud as a number", .finds(["claim-type-invalid"])) { token(claims: claims("aud", "42")) },
        Case("aud as an object", .finds(["claim-type-invalid"])) { token(claims: claims("aud", #"{"url":"x"}"#)) },
        Case("aud as an empty array", .finds(["aud-missing"])) { fixture(token(claims: claims("aud", "[]"))) },
        Case("aud array of 10,000 strings (over the 64 KiB assertion cap)", .finds(["jwt-malformed"])) {
            fixture(token(claims: claims("aud", "[" + Array(repeating: #""https://x.example/""#, count: 10_000).joined(separator: ",") + "]")))
        },
        Case("alg missing", .finds(["jwt-malformed"])) { token(header: #"{"kid":"test-rsa-2048"}"#) },
        Case("alg a number", .finds(["jwt-malformed"])) { token(header: #"{"alg":256,"kid":"test-rsa-2048"}"#) },
        Case("alg none in capitals", .finds(["alg-none"])) { token(header: #"{"alg":"NONE"}"#) },
        Case("crit with an unknown extension", .finds(["crit-unsupported"])) {
            token(header: #"{"alg":"RS256","kid":"test-rsa-2048","crit":["urn:x:ext"],"urn:x:ext":1}"#)
        },
        Case("crit not an array", .finds(["crit-unsupported"])) { token(header: #"{"alg":"RS256","crit":"b64","b64":false}"#) },
        Case("crit empty", .finds(["crit-unsupported"])) { token(header: #"{"alg":"RS256","crit":[]}"#) },
        Case("kid with path traversal", .finds(["kid-unknown"])) {
            fixture(token(header: #"{"alg":"RS256","kid":"../../../../etc/passwd"}"#))
        },
        Case("kid with SQL", .finds(["kid-unknown"])) { fixture(token(header: #"{"alg":"RS256","kid":"x' OR '1'='1' --"}"#)) },
        Case("kid of 100,000 characters (over the 64 KiB assertion cap)", .finds(["jwt-malformed"])) {
            fixture(token(header: #"{"alg":"RS256","kid":""# + String(repeating: "k", count: 100_000) + #""}"#))
        },
        Case("kid with newlines and ANSI escapes", .finds(["kid-unknown"])) {
            fixture(token(header: #"{"alg":"RS256","kid":"a\n\u001b[31mred\u001b[0m"}"#))
        },
        Case("jti of 1 MB (over the 64 KiB assertion cap)", .finds(["jwt-malformed"])) { token(claims: claims("jti", "\"" + String(repeating: "j", count: 1_000_000) + "\"")) },

        // curl.
        Case("curl with an unterminated single quote", .refused("quote")) { curl("-d 'client_assertion=" + token()) },
        Case("curl with an unterminated double quote", .refused("quote")) { curl("--data \"grant_type=client_credentials") },
        Case("curl with 10,000 -d flags", .finds(["parameter-repeated"])) {
            curl(String(repeating: "-d client_id=0oa1 ", count: 10_000) + "-d " + form(token()))
        },
        Case("curl that is only a backslash continuation", .refused("has no URL")) { "curl \\\n" },
        Case("curl with no URL", .refused("has no URL")) { "curl -X POST -d " + form(token()) },
        Case("curl with 10,000 headers", .finds(["scope-invalid-for-server"])) {
            curl(String(repeating: "-H 'X-A: b' ", count: 10_000) + "-d '" + form(token()) + "'")
        },

        // Raw HTTP, .http files, form bodies.
        Case("request line only", .finds(["grant-type-invalid"])) { "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\n\n" },
        Case("a 1 MB header line", .finds(["scope-invalid-for-server"])) {
            "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\nX-Big: " + String(repeating: "b", count: 1_000_000)
                + "\nContent-Type: application/x-www-form-urlencoded\n\n" + form(token())
        },
        Case(".http variable that refers to itself", source: "loop.http", .findsNone(of: ["jwt-malformed"])) {
            "@a = {{a}}\n### t\nPOST https://dev-123.okta.com/oauth2/v1/token?x={{a}}\nContent-Type: application/x-www-form-urlencoded\n\n" + form(token())
        },
        Case(".http variables in a cycle", source: "cycle.http", .findsNone(of: ["jwt-malformed"])) {
            "@a = {{b}}{{b}}\n@b = {{a}}{{a}}\n### t\nPOST https://dev-123.okta.com/oauth2/v1/token?x={{a}}\nContent-Type: application/x-www-form-urlencoded\n\n" + form(token())
        },
        // Found by the httpfile fuzzer (an out-of-memory): a variable whose value refers to itself doubled
        // on every substitution round.
        Case(".http variable that refers to itself four times", source: "self.http", .findsNone(of: ["jwt-malformed"])) {
            "@host = https://dev-123.okta.com{{host}}{{host}}{{host}}{{host}}\nPOST {{host}}/oauth2/v1/token?a={{host}}{{host}}{{host}}{{host}}{{host}}{{host}}\nContent-Type: application/x-www-form-urlencoded\n\n" + form(token())
        },
        Case("form body with broken percent escapes", .finds(["jwt-malformed"])) { form("%E0%A4%A" + token()) + "&x=%%%" },
        Case("Basic credentials that are not base64", .finds(["multiple-credentials"])) {
            "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\nAuthorization: Basic ***not-base64***\nContent-Type: application/x-www-form-urlencoded\n\n" + form(token())
        },

        // HAR.
        Case("HAR that is not JSON", .refused("not valid JSON")) { #"{"log": {"entries": [ {"request": "# },
        Case("HAR whose entries is not an array", .refused(notInput)) { #"{"log":{"entries":{"0":1}}}"# },
        Case("HAR with 100,000 unrelated entries", .refused("100000 entries")) {
            har(Array(repeating: #"{"request":{"method":"GET","url":"https://e.example/"}}"#, count: 100_000).joined(separator: ","))
        },
        Case("HAR entry with a status of 1e300", .finds(["scope-invalid-for-server"])) {
            har(harEntry(url: endpoint, body: form(token())).replacingOccurrences(of: #""status":401"#, with: #""status":1e300"#))
        },

        // Fixtures and keys.
        Case("YAML that is not a fixture", .refused(notInput)) { "foo: [bar\n" },
        Case("fixture with invalid YAML", .refused("not valid YAML")) { "now: 2025-06-02T14:00:00Z\nrequest: {url: [\n" },
        Case("fixture with a bad now", .refused("now")) { fixture(token()).replacingOccurrences(of: "now: 2025-06-02T14:00:00Z", with: "now: yesterday") },
        Case("YAML alias bomb (a billion laughs) in the claims", .refused("expands to more than 200000 YAML values")) {
            """
            description:
              a: &a [x,x,x,x,x,x,x,x,x,x]
              b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
              c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
              d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
              e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
              f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
              g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
            now: 2025-06-02T14:00:00Z
            request:
              url: \(endpoint)
              form:
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion: {header: {alg: RS256}, claims: {iss: 0oa1, x: *g}}
            """
        },
        Case("YAML nested 100,000 deep", .refused("nested deeper than assertlint reads")) {
            "now: 2025-06-02T14:00:00Z\nrequest: " + nested(100_000) + "\n"
        },
        Case("relative time +inf", .finds(["claim-type-invalid"])) {
            fixture("{header: {alg: RS256}, claims: {iss: 0oa1, exp: \"+inf\"}}")
        },
        Case("relative time -1e300", .finds(["claim-type-invalid"])) {
            fixture("{header: {alg: RS256}, claims: {iss: 0oa1, exp: \"-1e300\"}}")
        },
        Case("relative time of 30 digits", .finds(["exp-too-far"])) {
            """
            now: 2025-06-02T14:00:00Z
            request:
              url: \(endpoint)
              form:
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  header: {alg: RS256}
                  claims: {iss: 0oa1, exp: "+999999999999999999999999999999"}
            """
        },
        Case("JWKS with 10,000 keys", .finds(["jwks-too-many-keys"])) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-bad-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("jwks.json").path
            FileManager.default.createFile(atPath: path, contents: Data(jwksJSON(keys: 10_000).utf8))
            return fixture(token(), jwks: path)
        },
        Case("app.jwks pointing at a directory", .refused("app.jwks")) { fixture(token(), jwks: "/") },
        Case("app.jwks pointing at /dev/zero", .refused("app.jwks")) { fixture(token(), jwks: "/dev/zero") },

        // Size.
        Case("10 MB of one letter (one oversized token segment)", .finds(["jwt-malformed"])) { String(repeating: "A", count: 10_000_000) },
        Case("a token with a 10 MB payload", .finds(["jwt-malformed"])) {
            token(claims: claims("pad", "\"" + String(repeating: "p", count: 7_500_000) + "\""))
        },
        Case("17 MB (over the 16 MiB cap)", .refused("the limit is 16 MiB")) { String(repeating: "A", count: 17_000_000) },
    ]

    @Test(arguments: cases)
    func hostileInput(_ c: Case) throws {
        let measured = Measurement.start()
        let bytes = c.bytes()
        let loader = FixtureLoader(environment: [:], realNow: Self.now)
        var outcome: Result<[String], InputError>
        do {
            let subjects = try InputReader.subjects(from: bytes, source: c.source, loader: loader)
            outcome = .success(subjects.flatMap { Engine().run($0).ruleIDs })
        } catch {
            outcome = .failure(error)
        }
        measured.report(c.name)
        if ProcessInfo.processInfo.environment["BAD_INPUT_TRACE"] != nil {
            print("TRACE \(c.name): \(outcome.map { Set($0).sorted() })")
        }
        switch (c.expected, outcome) {
        case (.finds(let ids), .success(let found)):
            for id in ids { #expect(found.contains(id), "\(c.name): expected \(id), found \(Set(found).sorted())") }
        case (.findsNone(let ids), .success(let found)):
            for id in ids { #expect(!found.contains(id), "\(c.name): did not expect \(id), found \(Set(found).sorted())") }
        case (.refused(let reason), .failure(let error)):
            #expect(error.reason.contains(reason), "\(c.name): \(error.reason)")
            #expect(!error.description.contains("\n"), "\(c.name): the error must be one line: \(error.description)")
        case (.refused, .success(let found)):
            Issue.record("\(c.name): expected an input error, was judged: \(Set(found).sorted())")
        case (_, .failure(let error)):
            Issue.record("\(c.name): expected a judgement, was refused: \(error.description)")
        }
    }

    @Test func catalogueIsLargeEnough() {
        #expect(Self.cases.count + Self.cliCases.count >= 60)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    /// The fast path for fixture times must agree with ISO8601DateFormatter, and refuse what it refuses.
    @Test func fastTimestampsAgreeWithTheFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for s in ["1970-01-01T00:00:00Z", "2025-06-02T14:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z", "1999-12-31T23:59:59Z",
                  "2038-01-19T03:14:08Z", "2100-03-01T00:00:00Z", "1583-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            #expect(Timestamps.utc(s) == formatter.date(from: s), "\(s)")
        }
        for s in ["2100-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-06-31T00:00:00Z", "2025-06-02T24:00:00Z", "2025-06-02 14:00:00Z",
                  "2025-06-02T14:00:0xZ", "2025-06-02T14:00:00+01:00", "1582-10-15T00:00:00Z", "0001-01-01T00:00:00Z"] {
            #expect(Timestamps.utc(s) == nil, "\(s)")
        }
        #expect(Timestamps.parse("2025-06-02T15:00:00+01:00") == Timestamps.parse("2025-06-02T14:00:00Z"))
        #expect(Timestamps.parse("0001-01-01T00:00:00Z") == formatter.date(from: "0001-01-01T00:00:00Z"))
    }

    // MARK: The command line's reading path

    struct CLICase: Sendable, CustomTestStringConvertible {
        let name: String
        /// Builds the input in `dir` and returns the arguments (and stdin).
        let setUp: @Sendable (_ dir: URL) throws -> (arguments: [String], stdin: String?)
        let status: Int32
        /// Text stderr must contain (empty: anything).
        let stderr: String
        var skipAsRoot = false
        var testDescription: String { name }
    }

    static func write(_ dir: URL, _ name: String, bytes count: Int, byte: UInt8 = 0x41) throws -> String {
        let url = dir.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let chunk = Data(repeating: byte, count: 1 << 20)
        var left = count
        while left > 0 {
            let n = min(left, chunk.count)
            try handle.write(contentsOf: chunk.prefix(n))
            left -= n
        }
        try handle.close()
        return url.path
    }

    static let cliCases: [CLICase] = [
        CLICase(name: "diagnose: 10 MB file of one letter (one oversized token segment)", setUp: { dir in
            (["diagnose", try write(dir, "ten.txt", bytes: 10_000_000)], nil)
        }, status: 1, stderr: ""),
        CLICase(name: "diagnose: 100 MB file (read at most 16 MiB + 1)", setUp: { dir in
            (["diagnose", try write(dir, "hundred.txt", bytes: 100_000_000)], nil)
        }, status: 2, stderr: "larger than 16 MiB"),
        CLICase(name: "diagnose: 100 MB on stdin", setUp: { _ in
            (["diagnose", "-"], String(repeating: "A", count: 100_000_000))
        }, status: 2, stderr: "larger than 16 MiB"),
        CLICase(name: "check: 100 MB file in a directory", setUp: { dir in
            _ = try write(dir, "big.jwt", bytes: 100_000_000)
            return (["check", dir.path], nil)
        }, status: 2, stderr: "larger than 16 MiB"),
        CLICase(name: "diagnose: invalid UTF-8 file", setUp: { dir in
            (["diagnose", try write(dir, "bad.txt", bytes: 64, byte: 0xFF)], nil)
        }, status: 2, stderr: "not UTF-8"),
        CLICase(name: "diagnose: a directory", setUp: { dir in (["diagnose", dir.path + "/"], nil) }, status: 2, stderr: "is a directory"),
        CLICase(name: "check: symlink loops", setUp: { dir in
            let sub = dir.appendingPathComponent("a/b")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: dir.path)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("self").path, withDestinationPath: "self")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("x.jwt").path, withDestinationPath: "y.jwt")
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("y.jwt").path, withDestinationPath: "x.jwt")
            FileManager.default.createFile(atPath: sub.appendingPathComponent("t.jwt").path, contents: Data(token().utf8))
            return (["check", "--format", "json", dir.path], nil)
        }, status: 1, stderr: ""),
        CLICase(name: "diagnose: unreadable file (chmod 000)", setUp: { dir in
            let path = try write(dir, "secret.jwt", bytes: 10)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
            return (["diagnose", path], nil)
        }, status: 2, stderr: "permission denied", skipAsRoot: true),
        CLICase(name: "check: unreadable file (chmod 000)", setUp: { dir in
            let path = try write(dir, "secret.jwt", bytes: 10)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
            return (["check", dir.path], nil)
        }, status: 2, stderr: "permission denied", skipAsRoot: true),
        CLICase(name: "diagnose: 120 KB argument (Linux allows 128 KiB per argument)", setUp: { _ in (["diagnose", String(repeating: "eyJ", count: 40_000)], nil) },
                status: 1, stderr: ""),
    ]

    @Test(arguments: cliCases)
    func commandLine(_ c: CLICase) throws {
        if c.skipAsRoot && geteuid() == 0 {
            // root reads files whatever their mode: chmod 000 cannot make one unreadable.
            print("BadInputTests: skipped '\(c.name)': running as root, which can read a chmod 000 file")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir.appendingPathComponent("secret.jwt").path)
            try? FileManager.default.removeItem(at: dir)
        }
        let (arguments, stdin) = try c.setUp(dir)
        let measured = Measurement.start()
        let run = try CLITests.run(arguments, stdin: stdin)
        measured.report(c.name, children: true)
        #expect(run.status == c.status, "\(c.name): exit \(run.status), stderr: \(run.stderr.prefix(300))")
        #expect(c.stderr.isEmpty || run.stderr.contains(c.stderr), "\(c.name): stderr: \(run.stderr.prefix(300))")
        if run.status == 2 {
            #expect(run.stderr.split(separator: "\n").count <= 2, "\(c.name): an input error is one line: \(run.stderr.prefix(300))")
        }
        #expect(!run.stderr.contains("Fatal error"), "\(c.name): trapped: \(run.stderr.prefix(300))")
    }
}

/// Wall time and peak RSS (getrusage), printed only past the bounds.
struct Measurement {
    static let timeBound = 2.0
    static let memoryBoundMB = 256.0
    let start: Date
    let peakBefore: Double

    static func peakMB(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024 // Linux reports KiB
    }

    static func start() -> Measurement { Measurement(start: Date(), peakBefore: peakMB(RUSAGE_SELF)) }

    /// `children`: the peak of the largest child process (the CLI), else this process's peak,
    /// which is shared with tests running in parallel, so it is an upper bound.
    func report(_ name: String, children: Bool = false) {
        let seconds = Date().timeIntervalSince(start)
        let peak = children ? Self.peakMB(RUSAGE_CHILDREN) : Self.peakMB(RUSAGE_SELF)
        // In-process: the growth of this process's high-water mark (tests run in parallel, so an upper bound).
        let grown = children ? peak : peak - peakBefore
        if seconds > Self.timeBound || grown > Self.memoryBoundMB {
            print(String(format: "BadInputTests: '%@' took %.2f s, peak RSS %.0f MB%@ (bounds %.0f s, %.0f MB)",
                         name, seconds, peak, children ? " (largest child)" : "", Self.timeBound, Self.memoryBoundMB))
        }
    }
}
