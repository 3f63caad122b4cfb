import Foundation
import Testing
@testable import AssertLintKit

/// The seeds the traces fuzz harness starts from, read as pastes.
enum TraceSeeds {
    static func text(_ name: String) throws -> String {
        try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Tests/Fuzz/corpus/traces/\(name)"), encoding: .utf8)
    }
}

@Suite("OkHttp and Apache HttpClient logs")
struct JavaHTTPLogTests {
    @Test("OkHttp BODY level with a logcat prefix: request, body and the answer read")
    func okhttp() throws {
        let r = try Pasted.judge(try TraceSeeds.text("okhttp.txt"))
        let request = try #require(r.subject.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.form("client_assertion_type")?.value == ClientAssertionType.jwtBearer)
        #expect(request.form("grant_type")?.position?.line == 5)
        #expect(r.subject.shows == Evidence(source: "the OkHttp log"))
        #expect(r.ids == [])
        #expect(r.subject.reportedAnswer == ReportedAnswer(status: 401, error: "invalid_client", errorDescription: "The client_assertion token is expired.", line: 7))
        #expect(r.subject.notes.first == "read as OkHttp HttpLoggingInterceptor output: the request from its `--> POST` line (line 1) with the log prefix `D/OkHttp:` stripped")
    }

    @Test("OkHttp HEADERS level: the body is not shown, so no rule judges the parameters")
    func okhttpHeadersOnly() throws {
        let text = """
        --> POST https://dev-123.okta.com/oauth2/v1/token
        Content-Type: application/x-www-form-urlencoded
        Content-Length: 745
        --> END POST
        <-- 401 Unauthorized https://dev-123.okta.com/oauth2/v1/token (120ms)
        """
        let r = try Pasted.judge(text)
        #expect(r.subject.shows.body == false)
        #expect(r.ids == [])
        #expect(r.unjudged["grant-type-invalid"] != nil)
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.notes.contains("the log shows no body (the interceptor's level is HEADERS or BASIC; 745 bytes were sent), so the parameters are not checked: set `HttpLoggingInterceptor.Level.BODY` to see it"))
    }

    @Test("OkHttp: a body right after the headers (logcat dropped the empty line), a redacted Authorization")
    func okhttpNoBlankRedacted() throws {
        let text = """
        D/OkHttp: --> POST https://dev-123.okta.com/oauth2/v1/token
        D/OkHttp: Authorization: ██
        D/OkHttp: Content-Type: application/x-www-form-urlencoded
        D/OkHttp: grant_type=client_credentials&scope=okta.users.read
        D/OkHttp: --> END POST (51-byte body)
        """
        let read = try #require(HTTPTrace.read(text))
        #expect(read.request.formFields.map(\.name) == ["grant_type", "scope"])
        #expect(read.request.header("Authorization") == nil)
        #expect(read.request.shows.headers == false)
        #expect(read.request.notes.contains("OkHttp redacted `Authorization` (`██`): its value is not in the paste, so the headers are not checked"))
    }

    @Test("HttpClient wire log: bytes decoded, the scheme from the connect line, the answer")
    func wire() throws {
        let r = try Pasted.judge(try TraceSeeds.text("httpclient-wire.txt"))
        let request = try #require(r.subject.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.header("User-Agent")?.value == "Apache-HttpClient/4.5.13 (Java/11.0.19)")
        #expect(request.form("client_assertion")?.position?.line == 9)
        #expect(r.ids == [])
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.reportedAnswer?.errorDescription == "The client_assertion token is expired.")
        #expect(r.subject.notes.first == "read as Apache HttpClient's wire log: the bytes of its `>> \"…\"` lines from line 2 (http-outgoing-0); the log does not show the scheme: https was assumed (the log connects to port 443)")
    }

    @Test("a wire log with a discovery GET first: the token POST is read")
    func wirePrefersPOST() throws {
        let get = """
        DEBUG org.apache.http.wire - http-outgoing-0 >> "GET /oauth2/default/.well-known/openid-configuration HTTP/1.1[\\r][\\n]"
        DEBUG org.apache.http.wire - http-outgoing-0 >> "Host: dev-123.okta.com[\\r][\\n]"
        DEBUG org.apache.http.wire - http-outgoing-0 >> "[\\r][\\n]"
        DEBUG org.apache.http.wire - http-outgoing-0 << "HTTP/1.1 200 OK[\\r][\\n]"

        """
        let read = try #require(HTTPTrace.read(get + (try TraceSeeds.text("httpclient-wire.txt"))))
        #expect(read.request.method == "POST")
        #expect(read.request.form("grant_type")?.value == "client_credentials")
    }

    @Test("Spring RestTemplate writing the map as JSON: the body is JSON, content-type-invalid")
    func springJSON() throws {
        let text = """
        o.s.web.client.RestTemplate : HTTP POST https://dev-123.okta.com/oauth2/v1/token
        o.s.web.client.RestTemplate : Writing [{grant_type=client_credentials, scope=okta.users.read}] as "application/json"
        """
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.mediaType == "application/json")
        #expect(r.ids.contains("content-type-invalid"))
    }

    @Test("wire escapes: [\\r][\\n] and [0xNN]")
    func wireDecode() {
        #expect(HttpClientWireLog.decode(#"a[\r][\n][0x9]b[0xc3][0xa9]""#) == [97, 13, 10, 9, 98, 0xC3, 0xA9])
        #expect(HttpClientWireLog.decode("no closing quote") == nil)
    }
}
