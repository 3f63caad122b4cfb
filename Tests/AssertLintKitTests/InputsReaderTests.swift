import Foundation
import Testing
@testable import AssertLintKit

@Suite struct InputsReaderTests {
    let jwt = InputSamples.token

    @Test(arguments: ["", "   \n\t\n", "\u{FEFF}"])
    func emptyInput(_ text: String) {
        #expect(throws: InputError("-", "the input is empty")) { try InputReader.subjects(from: text, source: "-") }
    }

    @Test func tooLargeInput() {
        let big = String(repeating: "a", count: InputReader.maxInputBytes + 1)
        #expect(throws: InputError("-", "the input is 16.0 MiB; the limit is 16 MiB")) { try InputReader.subjects(from: big, source: "-") }
    }

    @Test func tenMegabytePasteDoesNotTrap() throws {
        let token = "eyJ" + String(repeating: "A", count: 10 * 1024 * 1024)
        let s = try #require(try InputReader.subjects(from: token, source: "-").first)
        #expect(InputSamples.malformedReason(s)?.hasPrefix("the value is 10485763 bytes long") == true)
        let prose = String(repeating: "word ", count: 2 * 1024 * 1024)
        #expect(throws: InputError.self) { try InputReader.subjects(from: prose, source: "-") }
    }

    @Test func invalidUTF8() throws {
        var bytes = Array(jwt.utf8)
        bytes.insert(0xFF, at: 5)
        let s = try #require(try InputReader.subjects(from: bytes, source: "t.jwt").first)
        #expect(InputSamples.malformedReason(s)?.hasPrefix("the header segment contains") == true)
        #expect(s.notes == ["the input is not valid UTF-8: 1 invalid byte sequence was replaced with U+FFFD"])
    }

    @Test func binaryGarbage() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE]
        #expect(throws: InputError("logo.png", "the input is binary data (14 bytes, 3 invalid UTF-8 sequences), not a token, curl command, HTTP request, HAR or fixture")) {
            try InputReader.subjects(from: bytes, source: "logo.png")
        }
        var random = [UInt8]()
        var seed: UInt32 = 7
        for _ in 0..<4096 {
            seed = seed &* 1_103_515_245 &+ 12345
            random.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        #expect(throws: InputError.self) { try InputReader.subjects(from: random, source: "random.bin") }
    }

    @Test func bareFormBody() throws {
        let body = "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=\(jwt)"
        let s = try #require(try InputReader.subjects(from: body, source: "-").first)
        let r = try #require(s.request)
        // A grant_type is taken only by a token endpoint: the request is read as sent to one on an
        // unnamed server, a placeholder that equals any aud, so only what the paste shows is judged.
        #expect(r.url == "https://{authorizationServer}/token")
        #expect(s.target?.endpoint == .token)
        #expect(s.target?.profile.id == "rfc7523")
        #expect(r.mediaType == "application/x-www-form-urlencoded")
        #expect(InputSamples.fields(r) == ["grant_type=client_credentials @1:1",
                                           "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer @1:31",
                                           "client_assertion=\(jwt) @1:118"])
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes.first == "the body names a grant_type, so it was read as sent to a token endpoint, `https://{authorizationServer}/token`; give --endpoint URL to judge it for your server")
        #expect(Engine().run(s).ruleIDs.filter { $0.hasPrefix("aud") } == [])
        // Without a grant_type nothing says which endpoint the body went to.
        let refresh = try #require(try InputReader.subjects(from: "client_id=0oa1&token=abc&token_type_hint=access_token", source: "-").first)
        #expect(refresh.request?.url == "")
        #expect(refresh.target == nil)
    }

    @Test func browserFormDataView() throws {
        let paste = "grant_type: client_credentials\nclient_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer\nclient_assertion: \(jwt)\n"
        let s = try #require(try InputReader.subjects(from: paste, source: "-").first)
        #expect(s.request?.formFields.map(\.name) == ["grant_type", "client_assertion_type", "client_assertion"])
        #expect(InputSamples.at(s.assertionPosition) == "3:1")
        #expect(InputSamples.issuer(s) == "0oa8f3example")
    }

    @Test func yamlAndJSONFixturesGoToTheFixtureLoader() throws {
        let yaml = "# a fixture\nrequest:\n  url: https://dev-123.okta.com/oauth2/v1/token\n  form: {client_assertion: \(jwt)}\nexpect: []\n"
        let s = try #require(try InputReader.subjects(from: yaml, source: "f.yaml").first)
        #expect(s.expectedRuleIDs == [])
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        let json = #"{"token": "\#(jwt)", "endpoint": "https://dev-123.okta.com/oauth2/v1/token"}"#
        let t = try #require(try InputReader.subjects(from: json, source: "f.json").first)
        #expect(t.target?.endpoint == .token)
        let curlFixture = "curl: |\n  curl https://dev-123.okta.com/oauth2/v1/token -d client_assertion=\(jwt)\n"
        let c = try #require(try InputReader.subjects(from: curlFixture, source: "c.yaml").first)
        #expect(c.request?.url == "https://dev-123.okta.com/oauth2/v1/token")
    }

    @Test func inputSamplesAreAllReadable() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: InputSamples.fixturesDir.path).sorted()
        #expect(names.count >= 10)
        for name in names {
            let subjects = try InputReader.subjects(from: InputSamples.fixture(name), source: name)
            #expect(!subjects.isEmpty, "\(name)")
            #expect(subjects.allSatisfy { $0.request == nil || $0.target != nil }, "\(name)")
        }
    }
}
