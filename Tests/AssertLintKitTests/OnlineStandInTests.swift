import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import AssertLintKit

/// A test-only HTTP/1.1 server on 127.0.0.1 (port chosen by the kernel): one request per
/// connection, one thread per connection, `Connection: close`. It stops itself after
/// `lifetime` seconds even if a test forgets to stop it.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        var query: String? { target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) }
        func header(_ name: String) -> String? {
            headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Waits, then answers.
        case slow(seconds: Double, then: [Reply])
        /// Declares `declared` bytes, sends `body`, then closes.
        case closeMidResponse(declared: Int, body: [UInt8])
        /// No Content-Length: the body ends when the connection closes.
        case unframed(body: [UInt8])

        static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Reply {
            .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
        }
    }

    typealias Handler = @Sendable (Request) -> Reply

    let port: Int
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var stopped = false
    private var received: [Request] = []

    /// The IPv4 loopback address it listens on (127.0.0.1 unless asked for another).
    let host: String
    var base: String { "http://\(host):\(port)" }

    var requests: [Request] { lock.withLock { received } }

    /// `address`: another loopback address (127.0.0.2) for a server that differs from another only
    /// by host; `port`: a given port (0: the kernel's choice).
    init(lifetime: Double = 60, address: UInt32 = 0x7F00_0001, port wanted: UInt16 = 0, handler: @escaping Handler) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = wanted.bigEndian
        addr.sin_addr.s_addr = in_addr_t(address).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ServerError("bind/listen on a loopback address failed")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        host = "127.\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in acceptLoop(until: deadline) }
        thread.start()
    }

    deinit { stop() }

    func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !isStopped, Date() < deadline {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let conn = accept(listener, nil, nil)
            guard conn >= 0 else { continue }
            let worker = Thread { [self] in serve(conn) }
            worker.start()
        }
        lock.withLock { stopped = true }
    }

    private func serve(_ conn: Int32) {
        defer { close(conn) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(conn) else { return }
        lock.withLock { received.append(request) }
        write(handler(request), to: conn)
    }

    private func write(_ reply: Reply, to conn: Int32) {
        switch reply {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
            for (n, v) in headers { head += "\(n): \(v)\r\n" }
            head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            guard sendAll(Array(head.utf8), conn) else { return }
            _ = sendAll(body, conn)
        case .slow(let seconds, let then):
            Thread.sleep(forTimeInterval: seconds)
            for r in then { write(r, to: conn) }
        case .unframed(let body):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
            guard sendAll(Array(head.utf8), conn) else { return }
            _ = sendAll(body, conn)
        case .closeMidResponse(let declared, let body):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(declared)\r\nConnection: close\r\n\r\n"
            _ = sendAll(Array(head.utf8) + body, conn)
        }
    }

    private func sendAll(_ bytes: [UInt8], _ conn: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that aborts (size cap) must not kill the test process.
            let n = bytes[offset...].withUnsafeBytes { send(conn, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private func readRequest(_ conn: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = chunk.withUnsafeMutableBytes { recv(conn, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
            if buffer.count >= 4 {
                headerEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<($0 + 4)]) == separator }
            }
            if buffer.count > 1 << 20 { return nil }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        let length = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            let n = chunk.withUnsafeMutableBytes { recv(conn, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { break }
            body += chunk[0..<n]
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}

/// A loopback imitation of an Okta org: the Org and a custom (`default`) authorization
/// server's discovery documents, the OAuth Clients and Apps APIs, the client's keys, and
/// token/introspect endpoints that answer with Okta-shaped errors. Response shapes follow
/// Okta's API reference (Clients API: `token_endpoint_auth_method`, `application_type`,
/// `grant_types`, `jwks`; Apps API: `credentials.oauthClient`, `settings.oauthClient`).
enum OktaStandIn {
    static let apiToken = "00TESTtokenDoNotPrint-abcdefghijklmnopqrstu"
    static let clientID = "0oa8f3example"
    static let jwks = #"{"keys":[{"kty":"RSA","kid":"key-2025","use":"sig","e":"AQAB","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw"}]}"#

    struct Options: Sendable {
        var clientsAPIHasJWKS = true
        var authMethod = "private_key_jwt"
        var applicationType = "service"
        var hostedJWKSURI: Bool = false
    }

    /// Starts the stand-in. `issuerHost` lets a test announce a custom URL domain.
    static func start(_ options: Options = Options()) throws -> LoopbackHTTPServer {
        let box = PortBox()
        let server = try LoopbackHTTPServer { request in
            answer(request, base: "http://127.0.0.1:\(box.port)", options: options)
        }
        box.port = server.port
        return server
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var port: Int {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    static func discovery(issuer: String, base: String) -> String {
        """
        {"issuer":"\(issuer)","authorization_endpoint":"\(base)/v1/authorize","token_endpoint":"\(base)/v1/token",\
        "userinfo_endpoint":"\(base)/v1/userinfo","registration_endpoint":"\(issuer.components(separatedBy: "/oauth2/").first ?? issuer)/oauth2/v1/clients",\
        "jwks_uri":"\(base)/v1/keys","response_types_supported":["code","token"],\
        "grant_types_supported":["authorization_code","client_credentials","refresh_token"],\
        "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","client_secret_jwt","private_key_jwt","none"],\
        "introspection_endpoint":"\(base)/v1/introspect",\
        "introspection_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","client_secret_jwt","private_key_jwt","none"],\
        "revocation_endpoint":"\(base)/v1/revoke",\
        "revocation_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","client_secret_jwt","private_key_jwt","none"],\
        "pushed_authorization_request_endpoint":"\(base)/v1/par",\
        "request_object_signing_alg_values_supported":["HS256","HS384","HS512","RS256","RS384","RS512","ES256","ES384","ES512"],\
        "dpop_signing_alg_values_supported":["RS256","RS384","RS512","ES256","ES384","ES512"]}
        """
    }

    static func answer(_ r: LoopbackHTTPServer.Request, base: String, options: Options) -> LoopbackHTTPServer.Reply {
        let authorized = r.header("Authorization") == "SSWS \(apiToken)"
        let unauthorized = LoopbackHTTPServer.Reply.json(401, #"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeTEST","errorCauses":[]}"#)
        switch (r.method, r.path) {
        case ("GET", "/.well-known/openid-configuration"):
            return .json(200, discovery(issuer: base, base: "\(base)/oauth2"))
        case ("GET", "/oauth2/default/.well-known/openid-configuration"):
            return .json(200, discovery(issuer: "\(base)/oauth2/default", base: "\(base)/oauth2/default"))
        case ("GET", "/oauth2/v1/clients/\(clientID)"):
            guard authorized else { return unauthorized }
            let jwksMember = options.clientsAPIHasJWKS ? #","jwks":\#(jwks)"# : ""
            return .json(200, """
                {"client_id":"\(clientID)","client_id_issued_at":1570131438,"client_name":"Reporting service",\
                "client_uri":null,"logo_uri":null,"redirect_uris":[],"response_types":["token"],\
                "grant_types":["client_credentials"],"token_endpoint_auth_method":"\(options.authMethod)",\
                "application_type":"\(options.applicationType)"\(jwksMember)}
                """)
        case ("GET", "/api/v1/apps/\(clientID)"):
            guard authorized else { return unauthorized }
            let keys = options.hostedJWKSURI ? #""jwks_uri":"\#(base)/client-keys.json""# : #""jwks":\#(jwks)"#
            return .json(200, """
                {"id":"\(clientID)","name":"oidc_client","label":"Reporting service","status":"ACTIVE","signOnMode":"OPENID_CONNECT",\
                "credentials":{"oauthClient":{"autoKeyRotation":true,"client_id":"\(clientID)","token_endpoint_auth_method":"\(options.authMethod)"}},\
                "settings":{"app":{},"oauthClient":{"response_types":["token"],"grant_types":["client_credentials"],\
                \(keys),"application_type":"\(options.applicationType)","consent_method":"REQUIRED","issuer_mode":"DYNAMIC"}}}
                """)
        case ("GET", "/client-keys.json"):
            return .json(200, jwks)
        case ("POST", "/oauth2/v1/introspect"), ("POST", "/oauth2/v1/token"), ("POST", "/oauth2/default/v1/token"):
            let form = FormEncoding.fields(r.bodyText)
            if let field = form.first(where: { $0.name == "client_assertion" }) {
                let invoked = base + r.path
                if case .success(let a) = AssertionDecoding.decode(field.value), !(a.audiences ?? []).contains(invoked) {
                    return .json(401, #"{"error":"invalid_client","error_description":"The audience claim for client_assertion must be the endpoint invoked for the request."}"#)
                }
                return .json(401, #"{"error":"invalid_client","error_description":"The client_assertion signature is invalid."}"#)
            }
            // Okta's catalog: a request that names its client but sends no credential is answered
            // invalid_token_endpoint_auth_method; one that names none, missing_client_credentials.
            let named = form.contains { $0.name == "client_id" && !$0.value.isEmpty }
            return .json(401, named
                         ? #"{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}"#
                         : #"{"error":"invalid_client","error_description":"No client credentials found."}"#,
                         headers: [("WWW-Authenticate", #"Bearer realm="Okta", error="invalid_client""#)])
        default:
            return .json(404, #"{"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method","errorLink":"E0000022","errorId":"oaeTEST","errorCauses":[]}"#)
        }
    }
}

@Suite struct OnlineStandInTests {
    @Test func serverAnswersOnLoopbackAndRecordsTheRequest() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, #"{"ok":true}"#) }
        defer { server.stop() }
        #expect(server.port > 0)
        let json = try HTTPClient().getJSON("\(server.base)/hello?x=1", expecting: "a test document")
        #expect(json.objectValue?["ok"] == .bool(true))
        let seen = try #require(server.requests.first)
        #expect(seen.method == "GET")
        #expect(seen.target == "/hello?x=1")
        #expect(seen.header("User-Agent") == "assertlint/\(AssertLintVersion.string)")
        #expect(seen.header("Accept") == "application/json")
    }

    @Test func standInServesBothDiscoveryDocuments() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let org = try Discovery(client: HTTPClient()).fetch("\(server.base)/.well-known/openid-configuration")
        #expect(org.issuer == server.base)
        #expect(org.tokenEndpoint == "\(server.base)/oauth2/v1/token")
        let custom = try Discovery(client: HTTPClient()).fetch("\(server.base)/oauth2/default/.well-known/openid-configuration")
        #expect(custom.issuer == "\(server.base)/oauth2/default")
        #expect(custom.introspectionEndpoint == "\(server.base)/oauth2/default/v1/introspect")
    }
}
