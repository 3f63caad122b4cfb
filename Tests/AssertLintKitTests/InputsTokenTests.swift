import Foundation
import Testing
@testable import AssertLintKit

@Suite struct InputsTokenTests {
    let jwt = InputSamples.token

    func read(_ text: String) throws -> Subject {
        let subjects = try InputReader.subjects(from: text, source: "<argument>")
        #expect(subjects.count == 1)
        return try #require(subjects.first)
    }

    @Test func bareToken() throws {
        let s = try read(jwt)
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.request == nil)
        #expect(s.notes == [])
        #expect(InputSamples.at(s.assertionPosition) == "1:1")
    }

    @Test(arguments: [
        ("'TOKEN'", ["removed surrounding quotes"]),
        ("\"TOKEN\",\n", ["removed a trailing comma", "removed surrounding quotes"]),
        ("`TOKEN`", ["removed surrounding quotes"]),
        ("“TOKEN”", ["removed surrounding quotes"]),
        ("Bearer TOKEN", ["removed the `Bearer ` prefix"]),
        ("Authorization: Bearer TOKEN", ["removed the `Authorization:` header name", "removed the `Bearer ` prefix"]),
        ("client_assertion=TOKEN", ["removed the `client_assertion=` prefix"]),
        ("client_assertion=TOKEN&client_assertion_type=urn%3Aietf", ["removed the `client_assertion=` prefix", "ignored `&client_assertion_type=…` after the token"]),
        ("TOKEN&grant_type=client_credentials", ["ignored `&grant_type=…` after the token"]),
        ("\"client_assertion\": \"TOKEN\",", ["read the value of `client_assertion` from a JSON or YAML fragment"]),
        ("{\"client_assertion\": \"TOKEN\"}", ["read the value of `client_assertion` from a JSON or YAML fragment"]),
        ("  \u{200B}TOKEN\u{FEFF} ", ["removed 2 invisible characters (zero-width space, byte order mark or soft hyphen)"]),
    ])
    func tokenPastes(_ paste: String, _ notes: [String]) throws {
        let s = try read(paste.replacingOccurrences(of: "TOKEN", with: jwt))
        #expect(InputSamples.issuer(s) == "0oa8f3example", "\(paste)")
        #expect(s.notes == notes, "\(paste)")
    }

    @Test func urlEncodedAssertionValue() throws {
        let padded = jwt + "%3D"
        let s = try read("client_assertion=" + padded)
        #expect(s.notes == ["removed the `client_assertion=` prefix", "URL-decoded the value"])
        #expect(s.assertion.decoded?.compact == jwt + "=")
    }

    @Test func tokenWrappedOverLinesAndSpaces() throws {
        let s = try read(InputSamples.fixture("wrapped-token.jwt"))
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes == ["joined 4 lines"])
        let spaced = try read(String(jwt.prefix(50)) + " \u{00A0}" + String(jwt.dropFirst(50)))
        #expect(InputSamples.issuer(spaced) == "0oa8f3example")
        #expect(spaced.notes == ["read 1 non-breaking space as ordinary space", "removed 2 spaces inside the token"])
    }

    /// A sentence is letters and dots too, but its words are not the pieces of a wrapped token
    /// (auth0/express-openid-connect#641 pasted as prose was read as a 4-segment "token").
    @Test func proseWithFullStopsIsNotAToken() {
        let prose = "To align with FAPI 2.0 this changes the assertion to use a single audience string value. The value itself is the issuer identifier."
        #expect(throws: InputError.self) { try InputReader.subjects(from: prose, source: "<argument>") }
        #expect(TokenText.read(prose) == nil)
    }

    @Test func quotedTokenFile() throws {
        let s = try read(InputSamples.fixture("quoted-token.jwt"))
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(InputSamples.at(s.assertionPosition) == "1:2")
    }

    @Test func tokenInALogLine() throws {
        let log = "2025-06-02T14:00:01Z DEBUG okta.client: POST /oauth2/v1/token failed 401, client_assertion=\(jwt) elapsed=12ms"
        let s = try read(log)
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes == ["found one JWT in the text (line 1, column 92) and read it; the rest of the text was ignored"])
    }

    @Test func tokenInAPythonSnippetWithAnAccessTokenToo() throws {
        let access = InputSamples.jwt(claims: #"{"iss":"https://dev-123.okta.com","scp":["okta.users.read"]}"#)
        let code = """
        headers = {"Authorization": "Bearer \(access)"}
        data = {
            "grant_type": "client_credentials",
            "client_assertion": "\(jwt)",
        }
        """
        let s = try read(code)
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes == ["found 2 JWTs in the text; read the one after `client_assertion` (line 4, column 26)"])
        #expect(InputSamples.at(s.assertionPosition) == "4:26")
    }

    @Test func brokenTokensAreMalformedNotErrors() throws {
        let two = try read("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0")
        #expect(InputSamples.malformedReason(two) == "it has 2 segments separated by '.'; a compact JWS has exactly 3 (header.payload.signature)")
        let five = try read("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d")
        #expect(InputSamples.malformedReason(five) == "it has 5 segments: this is a JWE (an encrypted token); Okta expects a signed JWS with 3 segments")
        let control = try read("eyJhbGciOi\u{1}JSUzI1NiJ9.e30.c2ln")
        #expect(InputSamples.malformedReason(control) != nil)
        let opaque = try read("00Dxx0000001gPL.AR8AQJXg5oj8jXSgxJfA0lBog")
        #expect(InputSamples.malformedReason(opaque) != nil)
    }

    /// Decoded claims are judged (DecodedClaimsTests); a decoded header alone is judged for its
    /// parameters, with the header shown and the claims and signature not shown.
    @Test func decodedHeaderIsAHeaderWithoutClaims() throws {
        let subjects = try InputReader.subjects(from: #"{"alg":"RS256","kid":"k1"}"#, source: "x")
        let subject = try #require(subjects.first)
        #expect(subjects.count == 1 && subject.request == nil)
        #expect(subject.assertion.decoded?.kid == "k1" && subject.assertion.decoded?.claims.members.isEmpty == true)
        #expect(subject.shows.header && !subject.shows.claims && !subject.shows.signature)
    }

    @Test func proseIsNotAToken() {
        #expect(throws: InputError("x", "not a token, curl command, HTTP request, HAR, .http file or fixture (expected e.g. a compact JWT `eyJ….….…`, `curl …`, or `POST /oauth2/v1/token HTTP/1.1`)")) {
            try InputReader.subjects(from: "Hello, my token does not work. Any idea why?", source: "x")
        }
    }
}
