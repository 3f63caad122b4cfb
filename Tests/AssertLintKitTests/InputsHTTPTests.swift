import Foundation
import Testing
@testable import AssertLintKit

@Suite struct InputsHTTPTests {
    let jwt = InputSamples.token
    func fields(_ r: TokenRequest) -> [String] { InputSamples.fields(r) }
    func headers(_ r: TokenRequest) -> [String] { InputSamples.headers(r) }
    func at(_ p: SourcePosition?) -> String { InputSamples.at(p) }

    @Test func rawRequestWithCRLF() throws {
        let r = try RawHTTPRequest.parse(InputSamples.fixture("raw-crlf.txt"))
        #expect(r.method == "POST")
        #expect(at(r.methodPosition) == "1:1")
        #expect(r.url == "https://dev-123.okta.com/oauth2/default/v1/token")
        #expect(at(r.urlPosition) == "1:6")
        #expect(headers(r) == ["Host: dev-123.okta.com @2:1", "Content-Type: application/x-www-form-urlencoded @3:1", "Content-Length: 12 @4:1"])
        #expect(fields(r) == ["grant_type=client_credentials @6:1",
                              "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer @6:31",
                              "client_assertion=\(jwt) @6:118"])
        #expect(r.notes == ["built the URL from the Host header, assuming https"])
    }

    @Test func absoluteFormWinsOverHost() throws {
        let r = try RawHTTPRequest.parse("POST http://localhost:8080/oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\n\n")
        #expect(r.url == "http://localhost:8080/oauth2/v1/token")
        #expect(r.body == .none)
        #expect(r.notes == [])
    }

    @Test func http2DevtoolsPaste() throws {
        let r = try RawHTTPRequest.parse(InputSamples.fixture("devtools-h2.txt"))
        #expect(r.method == "POST")
        #expect(at(r.methodPosition) == "2:1")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(at(r.urlPosition) == "3:1")
        #expect(headers(r) == ["accept: application/json @5:1", "content-type: application/x-www-form-urlencoded @6:1"])
        #expect(fields(r) == ["grant_type=client_credentials @8:1", "client_assertion=\(jwt) @8:31"])
        #expect(r.notes == [])
    }

    @Test func indentedPasteWithJSONBodyAndResponse() throws {
        let text = """
            POST /oauth2/v1/token HTTP/1.1
            Host: dev-123.okta.com
            Content-Type: application/json
            Content-Length: 99

            {"grant_type":"client_credentials","client_assertion":"\(jwt)"}

            HTTP/1.1 400 Bad Request
            {"error":"invalid_request"}
        """
        let subjects = try InputReader.subjects(from: text, source: "req.txt")
        let s = try #require(subjects.first)
        let r = try #require(s.request)
        #expect(headers(r) == ["Host: dev-123.okta.com @2:5", "Content-Type: application/json @3:5", "Content-Length: 99 @4:5"])
        #expect(r.body == .raw(#"{"grant_type":"client_credentials","client_assertion":"\#(jwt)"}"#))
        #expect(at(r.bodyPosition) == "6:5")
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes == [
            "built the URL from the Host header, assuming https",
            "the paste also holds the response (line 8: `HTTP/1.1 400 Bad Request`); only the request is read",
            "Content-Length says 99 bytes but the body has \(57 + jwt.count) bytes",
            "client_assertion was read from a JSON body; Okta reads it only from an application/x-www-form-urlencoded POST body",
        ])
    }

    @Test func noHostReadsAPlaceholderHost() throws {
        let r = try RawHTTPRequest.parse("POST /oauth2/v1/token HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n&client_assertion=abc")
        #expect(r.url == "https://{yourOktaDomain}/oauth2/v1/token")
        #expect(r.endpoint?.hostIsPlaceholder == true)
        #expect(r.endpoint?.path == "/oauth2/v1/token")
        #expect(fields(r) == ["grant_type=client_credentials @4:1", "client_assertion=abc @5:2"])
        #expect(r.notes == ["the request has no Host header: read as `https://{yourOktaDomain}/oauth2/v1/token`, a placeholder for the host; the path tells the server and the endpoint",
                            "joined the form body's 2 lines (lines 4-5); a request body sent as is would keep the line breaks"])
        #expect(r.guesses == [ReaderGuess(.missingHost, "the host, which the request does not name, was taken as a placeholder", affects: [.url])])
    }

    @Test func colonLinesBodyIsReadAsSentAndExplained() throws {
        let r = try RawHTTPRequest.parse("POST /oauth2/default/v1/token HTTP/1.1\nHost: a.okta.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type: refresh_token\nscope: openid")
        #expect(r.form("grant_type") == nil)
        #expect(r.notes.last == "the body is written as `name: value` lines (lines 5-6), the way some docs print a form: sent as is, it holds no form parameters (no `grant_type`); the fields meant are `grant_type`, `scope`: send them as `grant_type=…&scope=…`")
    }

    @Test func notARequest() {
        #expect(throws: InputError("http", "no request line: expected e.g. `POST /oauth2/v1/token HTTP/1.1` and a Host header")) {
            try RawHTTPRequest.parse("Host: x\nAccept: y")
        }
    }

    @Test func restClientFileWithVariablesCommentsAndTwoRequests() throws {
        let subjects = try InputReader.subjects(from: InputSamples.fixture("two-requests.http"), source: "auth.http")
        #expect(subjects.map(\.entry) == ["request 1 (Get a token): POST https://dev-123.okta.com/oauth2/v1/token",
                                          "request 2 (introspect): POST https://dev-123.okta.com/oauth2/v1/introspect"])
        let first = try #require(subjects.first?.request)
        #expect(at(first.methodPosition) == "6:1")
        #expect(at(first.urlPosition) == "6:6")
        #expect(headers(first) == ["Content-Type: application/x-www-form-urlencoded @7:1"])
        #expect(fields(first) == ["grant_type=client_credentials @10:1",
                                  "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer @11:2",
                                  "client_assertion=\(jwt) @12:2"])
        #expect(first.notes == [])
        #expect(InputSamples.issuer(subjects[0]) == "0oa8f3example")
        #expect(at(subjects[0].assertionPosition) == "12:2")
        let second = try #require(subjects.last?.request)
        #expect(fields(second) == ["token={{accessToken}} @19:1", "client_id=0oa8f3example @19:23"])
        #expect(second.notes == ["`{{accessToken}}` is not defined in the file (an environment file may define it): left as written"])
    }

    @Test func restClientBareURLIsGET() throws {
        let requests = try HTTPFile.requests(in: "# list keys\nhttps://dev-123.okta.com/oauth2/v1/keys\n\n###\nPOST https://dev-123.okta.com/oauth2/v1/token\nContent-Type: application/x-www-form-urlencoded\n\n< ./body.txt\n")
        #expect(requests.map(\.name) == ["request 1: GET https://dev-123.okta.com/oauth2/v1/keys", "request 2: POST https://dev-123.okta.com/oauth2/v1/token"])
        #expect(requests.last?.request.notes == ["line 8: `< ./body.txt` takes the body from a file, which assertlint does not read"])
    }

    @Test func harUsesParamsOrText() throws {
        let subjects = try InputReader.subjects(from: InputSamples.fixture("browser-export.har"), source: "export.har")
        #expect(subjects.map(\.entry) == ["entry 2: POST https://dev-123.okta.com/oauth2/v1/token",
                                          "entry 3: POST https://dev-123.okta.com/oauth2/default/v1/token"])
        let viaParams = try #require(subjects.first?.request)
        #expect(viaParams.formFields.map { "\($0.name)=\($0.value)" } == [
            "grant_type=client_credentials", "scope=okta.users.read",
            "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion=\(jwt)",
        ])
        #expect(viaParams.headers.map(\.name) == ["content-type"])
        #expect(subjects[0].notes == [#"recorded response: 401 {"error":"invalid_client","error_description":"The audience claim for client_assertion must be the endpoint invoked for the request."}"#])
        let viaText = try #require(subjects.last?.request)
        #expect(viaText.formFields.map { "\($0.name)=\($0.value)" } == ["grant_type=client_credentials", "client_assertion=\(jwt)"])
        #expect(subjects[1].notes == [
            "the entry records no Content-Type header; used postData.mimeType `application/x-www-form-urlencoded`",
            #"recorded response: 200 {"token_type":"Bearer","access_token":"<redacted>"}"#,
        ])
        #expect(subjects.allSatisfy { InputSamples.issuer($0) == "0oa8f3example" })
    }

    @Test func harThatIsNotJSONOrHasNoAuthCalls() {
        #expect(throws: InputError.self) {
            try InputReader.subjects(from: #"{"log": {"entries": [ {"request": }"#, source: "broken.har")
        }
        #expect(throws: InputError("a.har", "the HAR file has 1 entry, and none calls an authorization server's token, introspect, revoke or PAR endpoint or sends a client_assertion")) {
            try InputReader.subjects(from: #"{"log":{"entries":[{"request":{"method":"GET","url":"https://example.com/"}}]}}"#, source: "a.har")
        }
    }
}
