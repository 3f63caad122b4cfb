import Foundation
import Testing
@testable import AssertLintKit

@Suite("Node debug output and error dumps")
struct NodeTraceTests {
    @Test("NODE_DEBUG=undici: method and URL only, the doubled slash read as one, nothing else judged")
    func undici() throws {
        let r = try Pasted.judge(try TraceSeeds.text("node-undici.txt"))
        let request = try #require(r.subject.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.subject.shows.body == false && r.subject.shows.headers == false)
        #expect(r.ids == [])
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.notes.prefix(2) == ["read as Node's `NODE_DEBUG=undici` output (fetch): the method and URL from line 3; it prints neither the headers nor the body, so the checks that need them are skipped",
                                             "undici writes the URL as origin + `/` + path, so `//` after the host was read as `/`"])
    }

    @Test("an axios error's config: url, method, data and headers, and the response's OAuth error")
    func axios() throws {
        let r = try Pasted.judge(try TraceSeeds.text("axios-error.txt"))
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.header("User-Agent")?.value == "axios/1.6.2")
        #expect(request.form("client_assertion_type")?.value == ClientAssertionType.jwtBearer)
        #expect(r.ids == [])
        #expect(r.subject.reportedAnswer?.status == 401)
        #expect(r.subject.reportedAnswer?.error == "invalid_client")
        #expect(r.subject.notes.first == "read as an axios error printed by console.log: the request from its `config: { … }` (line 4)")
    }

    @Test("a ClientRequest's _header alone: the headers are read, the body is not shown")
    func clientRequestHeader() throws {
        let text = """
          _header: 'POST /oauth2/v1/token HTTP/1.1\\r\\n' +
            'Content-Type: application/json\\r\\n' +
            'Host: dev-123.okta.com\\r\\n' +
            '\\r\\n',
        """
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.subject.request?.mediaType == "application/json")
        #expect(r.subject.shows.body == false && r.subject.shows.headers == true)
        // The declared JSON type decides content-type-invalid without the body; nothing else is judged.
        #expect(r.ids == ["content-type-invalid"])
        #expect(r.subject.notes.first == "read as a Node ClientRequest printed by console.log: the request line and headers from its `_header` (line 1)")
    }

    @Test("NODE_DEBUG=http: the Agent's createConnection options give the method, URL and headers, not the body")
    func createConnection() throws {
        let text = """
        HTTP 4242: call onSocket 0 0
        HTTP 4242: createConnection dev-123.okta.com:443::::::::::::::::::::: {
          protocol: 'https:',
          hostname: 'dev-123.okta.com',
          port: 443,
          method: 'POST',
          path: '/oauth2/v1/token',
          headers: { 'Content-Type': 'application/json' },
          _agentKey: 'dev-123.okta.com:443:::::::::::::::::::::'
        }
        HTTP 4242: write ret = true
        """
        let r = try Pasted.judge(text)
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.mediaType == "application/json")
        #expect(r.subject.shows.body == false && r.subject.shows.headers == true)
        #expect(r.subject.notes.first == "read as Node's `NODE_DEBUG=http` output: the method, URL and headers from the createConnection options (line 2); it does not print the body, so the parameters are not checked")
    }

    @Test("util.inspect values: quoted keys, class names, concatenated strings, [Object]")
    func inspect() throws {
        let v = try #require(JSInspect.object(after: "config", in: "x config: { a: 'p' +\n 'q', 'B-c': Object [H] { d: 1 }, e: [Object] }")?.value)
        #expect(v["a"] == .string("pq"))
        #expect(v["B-c"]?["d"] == .other("1"))
        #expect(v["e"] == .other("[Object]"))
    }
}
