import Foundation
import Testing
import Yams
@testable import AssertLintKit

/// JSON fixtures are read by the project's JSON parser, not composed as YAML: the tree, the
/// subject and every error must be what Yams gave.
@Suite struct FixtureNodeTests {
    static let token = "eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QtcnNhLTIwNDgiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiIwb2FiZW5jaCIsInN1YiI6IjBvYWJlbmNoIiwiYXVkIjoiaHR0cHM6Ly9kZXYtMTIzLm9rdGEuY29tL29hdXRoMi92MS90b2tlbiIsImlhdCI6MTc0ODg3MjgwMCwiZXhwIjoxNzQ4ODczMTAwLCJqdGkiOiJiZW5jaC0wIn0.c2lnbmF0dXJl"

    /// Fixture texts in the shapes users write: pretty, one-line, tabs inside, non-ASCII before a
    /// key on its line, every scalar kind, escapes, empty containers.
    static let texts: [String] = [
        """
        {
          "now": "2025-06-02T14:00:00Z",
          "app": {
            "client_id": "0oabench",
            "auth_method": "private_key_jwt",
            "type": "service",
            "seen_jtis": ["a", "b"]
          },
          "request": {
            "url": "https://dev-123.okta.com/oauth2/v1/token",
            "headers": {"Accept": "application/json"},
            "form": {
              "grant_type": "client_credentials",
              "scope": "okta.users.read",
              "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
              "client_assertion": "\(token)"
            }
          },
          "expect": ["jti-reused"],
          "policy": {"max_lifetime": 300, "require_jti": true, "require_kid": false, "allowed_algs": ["RS256", "ES256"]}
        }

        """,
        #"{"now":"2025-06-02T14:00:00Z","token":"\#(token)","endpoint":"https://idp.example.com/token","ignore":["exp-expired"]}"#,
        "{\n\t\"now\": 1748872800,\n\t\"token\": \"\(token)\",\n\t\"description\": \"tabs\\tand \\\"quotes\\\" \\/ \\u00e9 \\n\"\n}\n",
        "  \n{ \"description\": \"déjà vu 😀 — naïve\", \"token\": \"\(token)\", \"nums\": [-1, 0, 1.5e3, 2E-2, 12345678901234567890],\n  \"flags\": [true, false, null], \"empty\": {}, \"none\": [], \"deep\": [[[{\"a\": [1]}]]] }\n",
        """
        {"request": {"method": "POST", "url": "https://idp.example.com/token", "body": "a=b&c=d",
                     "headers": ["Content-Type: application/x-www-form-urlencoded"]},
         "server": {"issuer": "https://idp.example.com", "token_endpoint": "https://idp.example.com/token"}}
        """,
        #"{"request": {"url": "https://idp.example.com/token", "form": {"client_assertion": {"header": {"alg": "none"}, "claims": {"iss": "a", "exp": "+300", "iat": "now"}}}}}"#,
        #"{"token": "x", "ключ": "значение", "emoji😀key": "v", "k": "\u2028 escaped line separator"}"#,
    ]

    static func yamsNode(_ text: String) throws -> FixtureNode {
        guard let node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else { throw InputError("t", "empty") }
        return FixtureNode(node)
    }

    static func jsonNode(_ text: String) -> FixtureNode? {
        guard case .parsed(let node, nil, _) = FixtureNode.readJSON(text) else { return nil }
        return node
    }

    static var bundledJSON: [URL] {
        let root = GeneratedSourcesTests.root.appendingPathComponent("Fixtures")
        let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walk?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    @Test(arguments: texts.indices)
    func jsonTreeIsYamsTree(_ n: Int) throws {
        let text = Self.texts[n]
        let json = try #require(Self.jsonNode(text), "the JSON parser refused text #\(n)")
        #expect(json == (try Self.yamsNode(text)))
    }

    @Test func everyBundledJSONFileReadsAsYamsReadsIt() throws {
        let files = Self.bundledJSON
        #expect(files.count >= 17)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let json = try #require(Self.jsonNode(text), "the JSON parser refused \(file.lastPathComponent)")
            #expect(json == (try Self.yamsNode(text)), "\(file.lastPathComponent)")
            // The JSON value is what JSONParser gives.
            #expect(FixtureLoader.json(json) == (try JSONParser.parse(text)), "\(file.lastPathComponent)")
        }
    }

    @Test func positionsAreYamsPositions() throws {
        let text = "{\n  \"now\": \"2025-06-02T14:00:00Z\",\n  \"é😀\": [1, {\"k\": true}]\n}"
        let node = try #require(Self.jsonNode(text))
        let map = try #require(node.mapping)
        #expect(map.mark == FixtureMark(line: 1, column: 1))
        #expect(map.pairs[0].key.mark == FixtureMark(line: 2, column: 3))
        #expect(map["now"]?.mark == FixtureMark(line: 2, column: 10))
        let list = try #require(map["é😀"])
        #expect(list.mark == FixtureMark(line: 3, column: 9))
        #expect(list.sequence?[1].mapping?["k"]?.mark == FixtureMark(line: 3, column: 19))
        #expect(list.sequence?[1].mapping?["k"]?.scalar == FixtureNode.Scalar("true", isPlain: true, mark: FixtureMark(line: 3, column: 19)))
        #expect(node == (try Self.yamsNode(text)))
    }

    static let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_748_872_800))

    static func described(_ subject: Subject) -> String {
        var out = ""
        var s = subject
        // A dictionary's order is not the subject's: its pairs are listed sorted.
        let provenance = s.app.provenance.map { "\($0.key)=\($0.value)" }.sorted()
        s.app.provenance = [:]
        dump(s, to: &out)
        return out + provenance.joined(separator: "\n")
    }

    /// The first line where two dumps differ (nil: none), for a readable failure.
    static func difference(_ a: String, _ b: String) -> String? {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, (l, r)) in zip(x, y).enumerated() where l != r { return "line \(n + 1): \(l) ≠ \(r)" }
        return x.count == y.count ? nil : "\(x.count) lines ≠ \(y.count) lines"
    }

    /// The subject as the Yams reader made it.
    static func yamsSubject(_ text: String) throws -> Subject {
        var subject = try loader.load(node: try yamsNode(text), path: "f.json")
        subject.rawText = text
        return subject
    }

    @Test(arguments: texts.indices.filter { $0 != 3 && $0 != 6 })
    func subjectIsTheYamsSubject(_ n: Int) throws {
        let text = Self.texts[n]
        let difference = Self.difference(Self.described(try Self.loader.load(text: text, path: "f.json")), Self.described(try Self.yamsSubject(text)))
        #expect(difference == nil)
        // Read as a file is read (InputReader), the same again.
        let read = try InputReader.subjects(from: text, source: "f.json", loader: Self.loader)
        var expected = try Self.yamsSubject(text)
        if expected.reportedAnswer == nil { expected.reportedAnswer = ReportedAnswer.find(in: text) }
        #expect(read.count == 1)
        let readDifference = Self.difference(read.first.map(Self.described) ?? "", Self.described(expected))
        #expect(readDifference == nil)
    }

    static func error(_ body: () throws(InputError) -> Subject) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.description
        }
    }

    static func yamsError(_ text: String) -> String? {
        do {
            _ = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
            return nil
        } catch {
            return "f.json: not valid YAML or JSON: \(YAMLProblem.describe(error))"
        }
    }

    @Test(arguments: [
        // key, line 3 column 5 (its first occurrence)
        ("{\n  \"request\": {\n    \"url\": \"https://a.example/token\",\n    \"url\": \"https://b.example/token\"\n  }\n}", "line 3, column 5"),
        // of two repeated keys, the least ("a"), where it first appears
        (#"{"token": "x", "b": 1, "a": 2, "b": 3, "a": 4}"#, "line 1, column 24"),
        // the inner mapping closes first
        (#"{"token": "x", "token": {"k": 1, "k": 2}}"#, "line 1, column 26"),
        // 17 keys: the dictionary path
        ("{\"token\": \"x\", " + (0..<17).map { "\"k\($0)\": 1, " }.joined() + "\"k3\": 2}", "line 1, column 43"),
    ])
    func duplicateKeyIsYamsError(_ text: String, _ at: String) throws {
        let expected = "f.json: not valid YAML or JSON: \(at): the mapping that starts here has the same key twice"
        #expect(Self.yamsError(text) == expected)
        #expect(Self.error { () throws(InputError) in try Self.loader.load(text: text, path: "f.json") } == expected)
        #expect(Self.error { () throws(InputError) in try InputReader.subjects(from: text, source: "f.json", loader: Self.loader)[0] } == expected)
    }

    @Test func invalidJSONThatIsNoYAMLNamesLineAndColumn() throws {
        let text = "{\n  \"now\": \"2025-06-02T14:00:00Z\"\n  \"token\": \"x\"\n}\n"
        #expect(Self.yamsError(text) != nil)
        let message = try #require(Self.error { () throws(InputError) in try Self.loader.load(text: text, path: "f.json") })
        #expect(message == "f.json: not valid JSON: line 3, column 3: expected ',' or '}'")
        let unclosed = "{\"token\": \"x\",\n \"app\": {\"client_id\": \"a\"}"
        #expect(Self.error { () throws(InputError) in try Self.loader.load(text: unclosed, path: "f.json") }
                == "f.json: not valid JSON: line 2, column 27: unterminated object")
    }

    @Test func jsonThatOnlyYAMLReadsStillLoads() throws {
        // Trailing commas and a comment: not JSON, but YAML flow syntax, read as before.
        let text = "{\n  \"now\": \"2025-06-02T14:00:00Z\",  # a comment\n  \"token\": \"\(Self.token)\",\n}\n"
        guard case .invalid = FixtureNode.readJSON(text) else {
            Issue.record("the JSON parser read trailing commas")
            return
        }
        let subject = try Self.loader.load(text: text, path: "f.json")
        #expect(Self.described(subject) == Self.described(try Self.yamsSubject(text)))
        #expect(subject.clockIsReal == false)
        let flow = "{token: \(Self.token), now: 1748872800}"
        #expect(Self.described(try Self.loader.load(text: flow, path: "f.json")) == Self.described(try Self.yamsSubject(flow)))
    }

    /// Valid JSON that YAML reads otherwise or refuses is left to Yams, which answers as it did.
    @Test(arguments: [
        "{\"token\": \"a\u{7F}b\"}",                       // DEL: YAML refuses it
        "{\"token\": \"x\", \"description\": \"\u{2028}\"}",         // a YAML line break inside a string
        "{\"token\": \"x\", \"description\": \"\\ud83d\\ude00\"}",   // a surrogate pair escape
        "{\"token\": \"x\", \"description\": \"\\u0000\"}",          // NUL
        "{\"token\"\n: \"x\"}",                            // the `:` on the next line
        "\t{\"token\": \"x\"}",                            // a tab before the document
        "{\"token\": \"x\", \"" + String(repeating: "k", count: 1100) + "\": 1}",  // a key YAML does not read as one
    ])
    func jsonYAMLReadsOtherwiseIsLeftToYams(_ text: String) throws {
        #expect(FixtureNode.readJSON(text) == .unlikeYAML)
        let fast = Self.error { () throws(InputError) in try Self.loader.load(text: text, path: "f.json") }
        if let yams = Self.yamsError(text) {
            #expect(fast == yams)
        } else {
            #expect(Self.described(try Self.loader.load(text: text, path: "f.json")) == Self.described(try Self.yamsSubject(text)))
        }
    }

    @Test func tooManyValuesIsRefusedAsYamsRefusesIt() throws {
        let text = "{\"token\": \"x\", \"a\": [" + Array(repeating: "0", count: FixtureLoader.maxValues).joined(separator: ",") + "]}"
        #expect(Self.error { () throws(InputError) in try Self.loader.load(text: text, path: "f.json") }
                == "f.json: the fixture expands to more than 200000 YAML values (aliases that repeat aliases?); a fixture holds a few dozen")
        let fits = "{\"token\": \"x\", \"a\": [" + Array(repeating: "0", count: FixtureLoader.maxValues - 5).joined(separator: ",") + "]}"
        guard case .parsed(_, nil, let values) = FixtureNode.readJSON(fits) else {
            Issue.record("not parsed")
            return
        }
        #expect(values == FixtureLoader.maxValues - 5 + 5)
    }

    @Test func numbersAsJSONParserReadsThem() {
        for t in ["0", "-1", "1.5e3", "2E-2", "12345678901234567890", " 7 "] { #expect(JSONParser.isNumber(t), "\(t)") }
        for t in ["", "-", "01", "1.", ".5", "0x10", "1e", "+1", "inf", "1 2", "~"] { #expect(!JSONParser.isNumber(t), "\(t)") }
    }
}

/// The byte scans that decide what a `.json`/`.yaml` file is answer as the patterns did.
@Suite struct InputKindScanTests {
    static let texts: [String] = [
        #"{"log": {"entries": []}}"#, #"{"log" : 1, "entries"  :2}"#, #"{"keys": [ ]}"#, #"{"keys" : {}}"#,
        "  {\n \"kty\" : \"RSA\"}", #"{"a": 1, "kty": "RSA"}"#, #"{"request": {}}"#, #"{"x": "\"token\": 1"}"#,
        "{\"curl\"\n:\n\"curl x\"}", #"{"http"\u00A0: 1}"#, "{\"token\"\u{00A0}: 1}", "{\"token\"\u{0B}: 1}", "{\"keys\":\u{2003}[1]}",
        "request:\n  url: x\n", "# c\ncurl : x", "description: a\ntoken:\n  x", "requests: 1", " token: 1", "a: 1\r\ntoken: 2",
        "a: 1\u{2028}token: 2", "a: 1\u{0C}token: 2", "tokenx: 1", "token\u{00A0}: 1", "é: 1\nhttp: 2", "",
        "\u{FEFF}{\"token\": 1}", " \u{0301}{\"token\": 1}", "{\u{0301}\"token\": 1}", "\n\t{", "x{",
    ]

    @Test func scansAnswerAsThePatterns() {
        func regex(_ text: String, _ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }
        for text in Self.texts {
            let b = Array(text.utf8)
            let cases: [(Bool?, String)] = [
                (KeyScan.quoted(b, KeyScan.fixtureKeys), #""(request|curl|http|token)"\s*:"#),
                (KeyScan.quoted(b, [KeyScan.log]), #""log"\s*:"#),
                (KeyScan.quoted(b, [KeyScan.entries]), #""entries"\s*:"#),
                (KeyScan.quoted(b, [KeyScan.keys], thenBracket: true), #""keys"\s*:\s*\["#),
                (KeyScan.opensWithKty(b), #"^\s*\{\s*"kty"\s*:"#),
                (KeyScan.lineStartKey(b, KeyScan.fixtureKeys), #"(?m)^(request|curl|http|token)\s*:"#),
            ]
            for (scan, pattern) in cases {
                if let scan { #expect(scan == regex(text, pattern), "\(pattern) on \(text.debugDescription)") }
            }
            #expect(InputKind.isJSONObject(text) == (text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"), "\(text.debugDescription)")
        }
        // The scans answer themselves for plain ASCII fixtures (the regexes are not asked).
        #expect(KeyScan.quoted(Array(#"{"request": {}}"#.utf8), KeyScan.fixtureKeys) == true)
        #expect(KeyScan.lineStartKey(Array("request:\n  url: x\n".utf8), KeyScan.fixtureKeys) == true)
    }

    @Test func sniffDecidesAsBefore() {
        #expect(InputKind.sniff(#"{"log": {"entries": []}}"#, path: "a.json", named: .fixture) == .success(.har))
        #expect(InputKind.sniff(#"{"keys": [{"kty": "RSA"}]}"#, path: "a.json", named: .fixture) == .success(.jwks))
        #expect(InputKind.sniff(#"{"kty": "RSA", "n": "x"}"#, path: "a.json", named: .fixture) == .success(.jwks))
        #expect(InputKind.sniff(#"{"keys": [], "token": "x"}"#, path: "a.json", named: .fixture) == .success(.fixture))
        #expect(InputKind.sniff(#"{"a": 1}"#, path: "a.json", named: .fixture) == .failure(.notAFixture))
        #expect(InputKind.sniff("token: x\n", path: "a.yaml", named: .fixture) == .success(.fixture))
        #expect(InputKind.sniff("tokens: x\n", path: "a.yaml", named: .fixture) == .failure(.notAFixture))
    }

    @Test func binaryByBytesIsBinaryByScalars() {
        let texts = ["", "plain text", "a\u{0}b", String(repeating: "\u{1}", count: 3) + "abcdefghijklmnopqrstuvwxyz",
                     String(repeating: "\u{1}", count: 4) + "abcdefghijklmnopqrstuvwxyz", String(repeating: "\u{FFFD}", count: 2) + "é😀abcdefghijklmno",
                     String(repeating: "\u{FFFD}", count: 3) + "é😀abcdefghijklmno", "\u{7F}\u{7F}x", "tab\tand\r\nlines",
                     String(repeating: "é", count: 65_530) + String(repeating: "\u{1}", count: 20),
                     String(repeating: "\u{1}", count: 7_000) + String(repeating: "😀", count: 60_000) + String(repeating: "\u{FFFD}", count: 2_000)]
        for text in texts {
            #expect(InputReader.looksBinary(text) == InputReader.looksBinaryByScalars(text), "\(text.prefix(40).debugDescription)")
        }
        #expect(InputReader.looksBinary("a\u{0}b"))
        #expect(!InputReader.looksBinary("plain text"))
    }

    @Test func topLevelKeyWalk() {
        func has(_ s: String) -> Bool? { JSONParser.hasTopLevelKey(Array(s.utf8), among: InputReader.fixtureKeys) }
        #expect(has(#"{"now": 1, "token": "x"}"#) == true)
        #expect(has(#"{"log": {"entries": [{"request": {}}]}}"#) == false)
        #expect(has(#"{"a": "token", "b": ["token"]}"#) == false)
        #expect(has(#"{"a\"b": 1, "token": 2}"#) == nil)
        #expect(has(#"[{"token": 1}]"#) == nil)
        #expect(has(#"{"a": "}", "token": 1}"#) == true)
    }

    @Test func stringsWithAndWithoutEscapesParseAsBefore() throws {
        #expect(try JSONParser.parse(#"["plain", "é😀", "a\"b", "\u00e9\n", ""]"#) == .array([.string("plain"), .string("é😀"), .string("a\"b"), .string("é\n"), .string("")]))
        #expect(throws: JSONParseError(offset: 4, reason: "control character in string")) { try JSONParser.parse("[\"ab\u{1}\"]") }
        #expect(throws: JSONParseError(offset: 4, reason: "unterminated string")) { try JSONParser.parse("[\"ab") }
        #expect(throws: JSONParseError(offset: 5, reason: "string is not valid UTF-8")) { try JSONParser.parse([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) }
        #expect(throws: JSONParseError(offset: 1, reason: "invalid literal")) { try JSONParser.parse("[tru]") }
    }
}
