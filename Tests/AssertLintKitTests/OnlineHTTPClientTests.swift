import Foundation
import Testing
@testable import AssertLintKit

/// Every network fault the HTTP client maps to a one-line error, against a loopback server.
@Suite struct OnlineHTTPClientTests {
    func fetchError(_ url: String, client: HTTPClient = HTTPClient()) -> NetworkError? {
        do {
            _ = try client.getJSON(url, expecting: "a discovery document")
            return nil
        } catch {
            return error
        }
    }

    @Test func slowServerTimesOutWithinTheLimit() throws {
        let server = try LoopbackHTTPServer { _ in .slow(seconds: 3, then: [.json(200, "{}")]) }
        defer { server.stop() }
        let started = Date()
        let error = try #require(fetchError("\(server.base)/slow", client: HTTPClient(options: .init(timeout: 0.5))))
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(error.cause == .timeout(seconds: 0.5))
        #expect(error.description == "GET \(server.base)/slow: no complete answer within 0.5 s (raise the limit with --timeout)")
    }

    @Test func serverErrorNamesStatusAndExcerpt() throws {
        let server = try LoopbackHTTPServer { _ in .json(500, #"{"errorCode":"E0000009","errorSummary":"Internal Server Error"}"#) }
        defer { server.stop() }
        let error = try #require(fetchError("\(server.base)/x"))
        #expect(error.cause == .httpStatus(500, reason: "Internal Server Error", excerpt: #"{"errorCode":"E0000009","errorSummary":"Internal Server Error"}"#))
        #expect(!error.description.contains("\n"))
    }

    @Test func invalidJSONIsReported() throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html>login</html>".utf8)) }
        defer { server.stop() }
        let error = try #require(fetchError("\(server.base)/x"))
        guard case .notJSON(let expected, _) = error.cause else {
            Issue.record("expected notJSON, got \(error)")
            return
        }
        #expect(expected == "a discovery document")
        #expect(error.description.hasPrefix("GET \(server.base)/x: the response is not JSON (expected a discovery document): "))
    }

    @Test(arguments: [true, false])
    func fiveMebibyteBodyIsCutAtOneMebibyte(framed: Bool) throws {
        let big = [UInt8](repeating: UInt8(ascii: " "), count: 5 << 20)
        let server = try LoopbackHTTPServer { _ in framed ? .respond(status: 200, headers: [], body: big) : .unframed(body: big) }
        defer { server.stop() }
        let error = try #require(fetchError("\(server.base)/big"))
        #expect(error.cause == .tooLarge(limit: 1 << 20))
        #expect(error.description == "GET \(server.base)/big: response larger than 1 MiB; stopped reading")
    }

    @Test func closeMidResponseIsReported() throws {
        let server = try LoopbackHTTPServer { _ in .closeMidResponse(declared: 500, body: Array(#"{"issuer":"#.utf8)) }
        defer { server.stop() }
        let error = try #require(fetchError("\(server.base)/cut"))
        guard case .closedMidResponse = error.cause else {
            Issue.record("expected closedMidResponse, got \(error)")
            return
        }
        #expect(error.description.contains("the server closed the connection mid-response"))
    }

    @Test func refusedConnectionNamesHostAndPort() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, "{}") }
        let port = server.port
        server.stop()
        Thread.sleep(forTimeInterval: 0.3) // the accept loop closes the socket within 100 ms
        let error = try #require(fetchError("http://127.0.0.1:\(port)/x"))
        #expect(error.cause == .connectionRefused(host: "127.0.0.1", port: port))
        #expect(error.description == "GET http://127.0.0.1:\(port)/x: connection refused by 127.0.0.1 port \(port)")
    }

    @Test(arguments: ["http://dev-123.okta.com/.well-known/openid-configuration",
                      "http://no-such-host.invalid/x",
                      "http://127.0.0.1.attacker.example/x",
                      "http://10.0.0.1/x"])
    func plainHTTPToNonLoopbackIsRefusedBeforeAnyConnection(url: String) throws {
        let started = Date()
        let error = try #require(fetchError(url))
        // A DNS or connect error would mean a connection was attempted.
        #expect(error.cause == .refusedURL("refused: plain http is accepted only for loopback hosts (127.0.0.0/8, localhost, [::1]); use https"))
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(throws: NetworkError.self) { try HTTPClient.checkURL(url) }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"])
    func otherSchemesAreRefused(url: String) throws {
        let error = try #require(fetchError(url))
        #expect(error.cause == .refusedURL("refused: only https URLs are fetched (and http on loopback)"))
    }

    @Test func loopbackHostsAreRecognised() {
        for host in ["127.0.0.1", "127.255.0.9", "localhost", "LOCALHOST", "[::1]", "::1"] {
            #expect(HTTPClient.isLoopback(host: host), "\(host)")
        }
        for host in ["128.0.0.1", "127.0.0.1.example.com", "example.com", "[::2]", "0.0.0.0", "127.1", "localhost.example"] {
            #expect(!HTTPClient.isLoopback(host: host), "\(host)")
        }
        #expect((try? HTTPClient.checkURL("http://localhost:8080/x")) != nil)
        #expect((try? HTTPClient.checkURL("https://dev-123.okta.com/oauth2/v1/token")) != nil)
    }

    @Test func localhostNameReachesTheLoopbackServer() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"ok":1}"#) }
        defer { server.stop() }
        let json = try HTTPClient().getJSON("http://localhost:\(server.port)/x", expecting: "JSON")
        #expect(json.objectValue?["ok"] == .number("1"))
    }

    @Test func missingCAFileIsReportedBeforeConnecting() throws {
        let client = HTTPClient(options: .init(cacert: "/nonexistent/ca.pem"))
        let error = try #require(fetchError("https://127.0.0.1:1/x", client: client))
        #expect(error.cause == .caFile(path: "/nonexistent/ca.pem", reason: "no such file"))
    }

    @Test func errorMessagesAreOneLine() {
        let causes: [NetworkError.Cause] = [
            .dns(host: "dev-1.okta.com"), .connectTimeout(seconds: 5), .tls("unable to get local issuer certificate"),
            .notJSON(expected: "a JWKS", reason: "unexpected character at byte 0"), .tooLarge(limit: 1 << 20),
        ]
        for cause in causes {
            let text = NetworkError(url: "https://dev-1.okta.com/x", cause: cause).description
            #expect(!text.contains("\n") && text.hasPrefix("GET https://dev-1.okta.com/x: "), "\(text)")
        }
        #expect(NetworkError(url: "u", cause: .tls("x")).description.contains("--cacert FILE"))
    }
}
