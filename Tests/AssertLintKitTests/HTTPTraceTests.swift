import Foundation
import Testing
@testable import AssertLintKit

/// Debug output pasted the way clients print it. Each case says which rules it must produce.
enum Traces {
    static let type = "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
    static let aud = "https://dev-123.okta.com/oauth2/default/v1/token"

    static let curlVerboseHTTP2 = """
    Note: Unnecessary use of -X or --request, POST is already inferred.
    *   Trying 104.16.1.1:443...
    * Connected to dev-123.okta.com (104.16.1.1) port 443
    * ALPN: curl offers h2,http/1.1
    * TLSv1.3 (OUT), TLS handshake, Client hello (1):
    * SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS
    * ALPN: server accepted h2
    * using HTTP/2
    * [HTTP/2] [1] OPENED stream for https://dev-123.okta.com/oauth2/v1/token
    * [HTTP/2] [1] [:method: POST]
    * [HTTP/2] [1] [:scheme: https]
    * [HTTP/2] [1] [:authority: dev-123.okta.com]
    * [HTTP/2] [1] [:path: /oauth2/v1/token]
    > POST /oauth2/v1/token HTTP/2
    > Host: dev-123.okta.com
    > User-Agent: curl/8.4.0
    > Accept: application/json
    > Content-Type: application/x-www-form-urlencoded
    > Content-Length: 745
    >
    } [745 bytes data]
    < HTTP/2 401
    < date: Tue, 03 Jun 2025 10:12:01 GMT
    < content-type: application/json
    < x-okta-request-id: aBcD1234
    <
    { [121 bytes data]
    {"error":"invalid_client","error_description":"The client_assertion token has an expiration too far into the future."}* Connection #0 to host dev-123.okta.com left intact
    """

    static let curlVerboseGET = """
    *   Trying 104.16.1.1:443...
    * Connected to dev-123.okta.com (104.16.1.1) port 443 (#0)
    > GET /oauth2/v1/token?grant_type=client_credentials&scope=okta.users.read HTTP/1.1
    > Host: dev-123.okta.com
    > User-Agent: curl/7.81.0
    > Accept: */*
    >
    * Mark bundle as not supporting multiuse
    < HTTP/1.1 405 Method Not Allowed
    < Content-Type: application/json
    <
    {"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method","errorLink":"E0000022","errorId":"oae1","errorCauses":[]}
    * Connection #0 to host dev-123.okta.com left intact
    """

    /// `curl --trace-ascii -`: the body in 64-byte lines, offsets in hex.
    static func traceASCII(body: String) -> String {
        let bytes = Array(body.utf8)
        var dataLines: [String] = []
        var offset = 0
        while offset < bytes.count {
            let chunk = bytes[offset..<min(offset + 64, bytes.count)]
            dataLines.append(String(format: "%04x: ", offset) + String(decoding: chunk, as: UTF8.self))
            offset += 64
        }
        return """
        == Info:   Trying 104.16.1.1:443...
        == Info: Connected to dev-123.okta.com (104.16.1.1) port 443 (#0)
        => Send header, 178 bytes (0xb2)
        0000: POST /oauth2/v1/token HTTP/1.1
        0020: Host: dev-123.okta.com
        0038: User-Agent: curl/8.4.0
        004f: Accept: */*
        005c: Content-Length: \(bytes.count)
        0071: Content-Type: application/x-www-form-urlencoded
        00a2: 
        => Send data, \(bytes.count) bytes (0x\(String(bytes.count, radix: 16)))
        \(dataLines.joined(separator: "\n"))
        == Info: upload completely sent off: \(bytes.count) bytes
        <= Recv header, 27 bytes (0x1b)
        0000: HTTP/1.1 401 Unauthorized
        <= Recv header, 32 bytes (0x20)
        0000: Content-Type: application/json
        <= Recv header, 2 bytes (0x2)
        0000: 
        <= Recv data, 87 bytes (0x57)
        0000: {"error":"invalid_client","error_description":"No client credentials found."}
        == Info: Connection #0 to host dev-123.okta.com left intact
        """
    }

    static func python(body: String) -> String {
        """
        send: b'POST /oauth2/v1/token HTTP/1.1\\r\\nHost: dev-123.okta.com\\r\\nUser-Agent: python-requests/2.31.0\\r\\nAccept-Encoding: gzip, deflate\\r\\nAccept: */*\\r\\nConnection: keep-alive\\r\\nContent-Length: \(body.utf8.count)\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\n\\r\\n'
        send: b'\(body)'
        reply: 'HTTP/1.1 401 Unauthorized\\r\\n'
        header: Date: Tue, 03 Jun 2025 10:12:01 GMT
        header: Content-Type: application/json
        header: Transfer-Encoding: chunked
        {'error': 'invalid_client', 'error_description': 'The audience claim for client_assertion must be the endpoint invoked for the request.'}
        """
    }

    static func spring(fields: String) -> String {
        """
        2025-06-03 10:12:01.123 DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [5f1c2a7b] HTTP POST https://dev-123.okta.com/oauth2/v1/token
        2025-06-03 10:12:01.130 DEBUG 1 --- [ctor-http-nio-2] o.s.http.codec.FormHttpMessageWriter     : [5f1c2a7b] Writing form fields [\(fields)]
        2025-06-03 10:12:01.402 DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [5f1c2a7b] [a1b2c3d4-1] Response 401 UNAUTHORIZED
        """
    }
}

@Suite("HTTP debug and trace readers")
struct HTTPTraceTests {
    @Test("curl -v (HTTP/2): headers read, body not shown, the answer recorded, no finding about the hidden body")
    func curlVerbose() throws {
        let r = try Pasted.judge(Traces.curlVerboseHTTP2)
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.header("Content-Length")?.value == "745")
        #expect(request.header("Content-Type")?.position == SourcePosition(line: 18, column: 3))
        #expect(r.subject.shows.body == false && r.subject.shows.headers == true)
        #expect(r.ids == [])
        #expect(r.unjudged["no-credentials"]?.contains("which `curl -v` output does not show") == true)
        #expect(r.subject.reportedAnswer == ReportedAnswer(status: 401, error: "invalid_client",
                                                            errorDescription: "The client_assertion token has an expiration too far into the future.", line: 22))
        #expect(r.subject.notes.first == "read as `curl -v` output: the request line and headers from the `> ` lines (line 14); curl -v does not print the request body (745 bytes were sent), so the parameters are not checked: add `--trace-ascii -` to see it, or paste the curl command")
    }

    @Test("curl -v of a GET: method-not-post from the request line, Okta's 405 recorded")
    func curlVerboseGET() throws {
        let r = try Pasted.judge(Traces.curlVerboseGET)
        #expect(r.ids == ["method-not-post"])
        #expect(r.subject.reportedAnswer?.status == 405)
        #expect(r.subject.reportedAnswer?.error == "E0000022")
    }

    @Test("curl -v on another port keeps the port in the URL")
    func curlVerbosePort() throws {
        let text = Traces.curlVerboseGET.replacingOccurrences(of: "port 443 (#0)", with: "port 8443 (#0)")
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.url.hasPrefix("https://dev-123.okta.com:8443/oauth2/v1/token?") == true)
    }

    @Test("curl --trace-ascii: the body's 64-byte lines are joined and judged")
    func traceASCII() throws {
        let body = "grant_type=client_credentials&scope=okta.users.read&client_assertion=\(Pasted.token())"
        let r = try Pasted.judge(Traces.traceASCII(body: body))
        let request = try #require(r.subject.request)
        #expect(request.form("client_assertion")?.value == Pasted.token())
        #expect(request.form("client_assertion")?.position?.line == 12)
        #expect(r.ids == ["assertion-type-missing"])
        // 11 lines before the data, the data's 64-byte lines, then the upload note and `<= Recv header`.
        let statusLine = 11 + (body.utf8.count + 63) / 64 + 3
        #expect(r.subject.reportedAnswer == ReportedAnswer(status: 401, error: "invalid_client", errorDescription: "No client credentials found.", line: statusLine))
        #expect(r.subject.notes.first == "read as `curl --trace-ascii` output: the request from its `=> Send header` and `=> Send data` sections; the body's 64-byte lines were joined")
    }

    @Test("Python http.client debug: send: lines decoded, the reply recorded, aud judged")
    func pythonDebug() throws {
        let body = "grant_type=client_credentials&scope=okta.users.read&client_assertion_type=\(Traces.type)&client_assertion=\(Pasted.token(aud: Traces.aud))"
        let r = try Pasted.judge(Traces.python(body: body))
        let request = try #require(r.subject.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.header("User-Agent")?.value == "python-requests/2.31.0")
        #expect(request.form("client_assertion_type")?.value == ClientAssertionType.jwtBearer)
        #expect(r.ids == ["aud-mismatch"])
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.reportedAnswer?.errorDescription == "The audience claim for client_assertion must be the endpoint invoked for the request.")
    }

    @Test("Python http.client debug with the headers alone: the parameters are not judged")
    func pythonHeadersOnly() throws {
        let text = Traces.python(body: "x").split(separator: "\n").filter { !$0.hasPrefix("send: b'x'") }.joined(separator: "\n")
        let r = try Pasted.judge(text)
        #expect(r.subject.shows.body == false)
        #expect(r.ids == [])
        #expect(r.unjudged["grant-type-invalid"] != nil)
    }

    @Test("Python bytes literals: escapes and a cut-short line")
    func pythonBytes() {
        #expect(PythonBytesLiteral.decode(#"'a\r\nb\'c\\d\x41'"#) == "a\r\nb'c\\dA")
        #expect(PythonBytesLiteral.decode(#""it's""#) == "it's")
        #expect(PythonBytesLiteral.decode("'unterminated") == "unterminated")
        #expect(PythonBytesLiteral.decode("no quote") == nil)
    }

    @Test("Spring's Writing form fields line: the form judged, headers and method not")
    func springForm() throws {
        let r = try Pasted.judge(Traces.spring(fields: "grant_type=client_credentials, scope=okta.users.read, client_assertion=\(Pasted.token())"))
        let request = try #require(r.subject.request)
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_assertion"])
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.subject.shows.headers == false && r.subject.shows.body == true)
        #expect(r.ids == ["assertion-type-missing"])
        #expect(r.subject.notes.first == "read Spring's `Writing form fields [...]` line (line 2) as the form body: grant_type, scope, client_assertion; the method and URL from line 1")
    }

    @Test("Spring fields split on `, ` only before a name=")
    func springSplit() {
        let fields = SpringFormLog.split("scope=a, b c, client_id=0oa1, x=1=2", restTemplate: false)
        #expect(fields.map(\.name) == ["scope", "client_id", "x"])
        #expect(fields.map(\.value) == ["a, b c", "0oa1", "1=2"])
        let rt = SpringFormLog.split("grant_type=[client_credentials], client_assertion=[eyJ.a.b]", restTemplate: true)
        #expect(rt.map(\.value) == ["client_credentials", "eyJ.a.b"])
    }

    @Test("Spring RestTemplate's Writing [{…}] line, with no URL line: --endpoint is used")
    func springRestTemplate() throws {
        let line = #"2025-06-03 10:12:01 DEBUG o.s.web.client.RestTemplate : Writing [{grant_type=[client_credentials], scope=[okta.users.read], client_assertion_type=[urn:ietf:params:oauth:client-assertion-type:jwt-bearer], client_assertion=["# + Pasted.token(aud: Traces.aud) + #"]}] as "application/x-www-form-urlencoded""#
        let overrides = try ContextOverrides.parse(endpoint: Pasted.endpoint)
        let r = try Pasted.judge(line, overrides: overrides)
        #expect(r.subject.target?.endpointURL == Pasted.endpoint)
        #expect(r.ids == ["aud-mismatch"])
    }

    @Test("a raw request with a line of prose above it is read from its request line")
    func rawBelowProse() throws {
        let text = """
        This is the request my app sends (copied from Fiddler):

        POST https://dev-123.okta.com/oauth2/v1/token HTTP/1.1
        Host: dev-123.okta.com
        Content-Type: application/x-www-form-urlencoded

        grant_type=client_credentials&scope=okta.users.read&client_assertion_type=\(Traces.type)&client_assertion=\(Pasted.token())
        """
        let r = try Pasted.judge(text)
        #expect(r.ids == [])
        #expect(r.subject.request?.form("client_assertion")?.position?.line == 7)
        #expect(r.subject.notes.first == "skipped 1 line of text above the request; read the HTTP request from line 3")
    }

    @Test("text that is none of these is not read as a trace")
    func notATrace() {
        #expect(HTTPTrace.read("> quoted mail\n> POST is what I use\n") == nil)
        #expect(HTTPTrace.read("send: nothing\nreply: none") == nil)
        #expect(HTTPTrace.read("Writing form fields [] done") == nil)
        #expect(HTTPTrace.rawRequestBelowProse("no request here\nat all") == nil)
    }
}

@Suite("HTTP trace readers end to end")
struct HTTPTraceCLITests {
    @Test("diagnose reads curl --trace-ascii output and shows Okta's recorded answer")
    func traceASCIIEndToEnd() throws {
        let body = "grant_type=client_credentials&scope=okta.users.read&client_assertion=\(Pasted.token())"
        let run = try CLITests.run(["diagnose", "--now", "2025-06-02T14:01:40Z", "--format", "json", "-"], stdin: Traces.traceASCII(body: body))
        #expect(run.status == 1)
        let json = try JSONParser.parse(run.stdout)
        let findings = json.objectValue?["results"]?.arrayValue?.first?.objectValue?["findings"]?.arrayValue ?? []
        #expect(findings.compactMap { $0.objectValue?["rule"]?.stringValue } == ["assertion-type-missing"])
        #expect(run.stdout.contains("No client credentials found."))
    }

    @Test("diagnose of a log line with only the assertion: exit 0, the hidden parts listed as not checked")
    func logLineEndToEnd() throws {
        let line = "2025-06-02 14:01:39 DEBUG TokenClient - POST \(Pasted.endpoint) client_assertion=\(Pasted.token())\n"
        let run = try CLITests.run(["diagnose", "--now", "2025-06-02T14:01:40Z", "--verbose", "-"], stdin: line)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("grant-type-invalid]"))
        #expect(!run.stdout.contains("assertion-type-missing]"))
        #expect(run.stdout.contains("assertion-type-missing needs the `client_assertion_type` parameter"))
    }

    @Test("diagnose of curl -v output: method-not-post, exit 1")
    func curlVerboseEndToEnd() throws {
        let run = try CLITests.run(["diagnose", "--now", "2025-06-02T14:01:40Z", "--format", "json", "-"], stdin: Traces.curlVerboseGET)
        #expect(run.status == 1)
        let json = try JSONParser.parse(run.stdout)
        let findings = json.objectValue?["results"]?.arrayValue?.first?.objectValue?["findings"]?.arrayValue ?? []
        #expect(findings.compactMap { $0.objectValue?["rule"]?.stringValue } == ["method-not-post"])
    }
}
