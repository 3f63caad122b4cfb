import Foundation
import Testing
@testable import AssertLintKit

@Suite("Proxy captures and DevTools copies")
struct ProxyCaptureTests {
    @Test("mitmproxy's [m:URLEncoded form] view: the table is the form, the request line above it")
    func mitmproxy() throws {
        let r = try Pasted.judge(try TraceSeeds.text("mitmproxy.txt"))
        let request = try #require(r.subject.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.form("client_assertion")?.value == Pasted.token())
        #expect(request.form("grant_type")?.position == SourcePosition(line: 6, column: 1))
        #expect(r.ids == [])
        #expect(r.subject.notes.prefix(2) == ["read mitmproxy's form view (line 5) as the form body, values decoded: grant_type, scope, client_assertion_type, client_assertion",
                                             "the method and URL from line 1"])
    }

    @Test("Fiddler's raw view: an absolute URL on the request line, the response pasted below it")
    func fiddlerRaw() throws {
        let text = """
        POST https://dev-123.okta.com/oauth2/v1/token HTTP/1.1
        Host: dev-123.okta.com
        Content-Type: application/x-www-form-urlencoded
        Content-Length: 40

        grant_type=client_credentials&scope=okta.users.read

        HTTP/1.1 401 Unauthorized
        Content-Type: application/json

        {"error":"invalid_client","error_description":"No client credentials found."}
        """
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.subject.request?.formFields.map(\.name) == ["grant_type", "scope"])
        #expect(r.ids == ["no-credentials"])
        #expect(r.subject.reportedAnswer?.errorDescription == "No client credentials found.")
    }

    @Test("DevTools Copy as fetch: JSON options read, the assertion judged")
    func fetch() throws {
        let text = try TraceSeeds.text("devtools-fetch.txt").replacingOccurrences(of: "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", with: "")
        let r = try Pasted.judge(text)
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.header("content-type")?.value == "application/x-www-form-urlencoded")
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_assertion"])
        #expect(r.ids == ["assertion-type-missing"])
        #expect(r.subject.notes.first == "read as a browser's DevTools \"Copy as fetch\" (line 1): the URL, headers, body and method from the fetch call")
    }

    @Test("Firefox's copy with await and a trailing comma")
    func firefoxFetch() throws {
        let text = """
        await fetch("https://dev-123.okta.com/oauth2/v1/token", {
            "headers": {
                "Content-Type": "application/x-www-form-urlencoded",
            },
            "body": "grant_type=client_credentials",
            "method": "POST",
        });
        """
        let read = try #require(HTTPTrace.read(text))
        #expect(read.request.formFields.map(\.name) == ["grant_type"])
    }

    @Test("DevTools Copy as PowerShell: -UseBasicParsing, pseudo-headers dropped, -Body string as the form")
    func copyAsPowerShell() throws {
        let r = try Pasted.judge(try TraceSeeds.text("devtools-powershell.txt"))
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.header("authority") == nil)
        #expect(request.header("accept")?.value == "application/json")
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(request.form("client_assertion")?.value == Pasted.token())
        #expect(r.ids == [])
        #expect(r.subject.notes.first == "read as a browser's DevTools \"Copy as PowerShell\": the `$session` it builds carries the browser's cookies and User-Agent, not client credentials")
        #expect(r.subject.notes.contains("dropped the HTTP/2 pseudo-headers `authority`, `method`, `path`, `scheme` that DevTools copies into -Headers: they name the request line, which -Method and -Uri already give"))
    }

    @Test("a curl command followed by its -v output: the command judged, the -v lines confirm it, the answer read")
    func curlWithVerbose() throws {
        let text = """
        curl -v -X POST https://dev-123.okta.com/oauth2/v1/token -d grant_type=client_credentials -d scope=okta.users.read -d client_assertion=\(Pasted.token())
        * Connected to dev-123.okta.com (104.16.1.1) port 443 (#0)
        > POST /oauth2/v1/token HTTP/1.1
        > Host: dev-123.okta.com
        > Content-Type: application/x-www-form-urlencoded
        >
        < HTTP/1.1 401 Unauthorized
        <
        {"error":"invalid_client","error_description":"No client credentials found."}
        """
        let r = try Pasted.judge(text)
        #expect(r.ids == ["assertion-type-missing"])
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.reportedAnswer?.errorDescription == "No client credentials found.")
        #expect(r.subject.notes.contains("the `curl -v` output below the command (line 3) confirms the request line `POST /oauth2/v1/token`; the request was read from the command, which also shows the body"))
    }
}
