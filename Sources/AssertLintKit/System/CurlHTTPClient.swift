import CCurl
import Foundation

/// One HTTP request as the client sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    /// Values that must never appear in an error message (tokens, secrets sent in this request).
    /// Authorization header values are added automatically.
    public var secrets: [String]
    /// Send only the given headers: libcurl's defaults (Accept, Content-Type, Expect) are
    /// suppressed. `probe` uses this to send the user's request as written.
    public var exactHeaders: Bool
    /// The only origin this request may go to (a management credential's origin, named by the
    /// user). Checked on libcurl's own parse of the URL before any connection; a mismatch is refused.
    public var boundTo: Origin?

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
                secrets: [String] = [], exactHeaders: Bool = false, boundTo: Origin? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.secrets = secrets
        self.exactHeaders = exactHeaders
        self.boundTo = boundTo
    }

    var allSecrets: [String] {
        var out = secrets
        for h in headers where h.name.caseInsensitiveCompare("Authorization") == .orderedSame {
            out.append(h.value)
            // The credential without its scheme, in case a server echoes only that part.
            if let space = h.value.firstIndex(of: " ") {
                out.append(String(h.value[h.value.index(after: space)...]).trimmingCharacters(in: .whitespaces))
            }
        }
        return out
    }
}

public struct HTTPResponse: Sendable {
    public let url: String
    public let status: Int
    /// The status line's reason phrase ("Not Found"); empty for HTTP/2.
    public let reason: String
    public let headers: [HTTPHeader]
    public let body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.last(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// The one HTTP client of assertlint, over libcurl. Every transfer gets its own easy handle,
/// freed before the call returns. TLS verification is always on; plain http is accepted only
/// for loopback hosts, checked on libcurl's own parse of the URL before any connection.
/// libcurl never follows a redirect itself: the client follows one only when asked to and only
/// within the origin it started at, so no redirect can take a request to a host nobody named.
/// Copies of a client share one session: the CA file is read once and each GET is made once a run.
public struct HTTPClient: Sendable {
    public struct Options: Sendable {
        /// A PEM file of CA certificates to trust instead of the system store (corporate CAs).
        /// Read once per session (a pipe such as `<(cat ca.pem)` works), at most 1 MiB.
        public var cacert: String?
        public var connectTimeout: Double
        public var timeout: Double
        public var maxResponseBytes: Int
        /// Follow redirects that stay within the request's origin (scheme, host and port).
        public var followRedirects: Bool
        public var userAgent: String

        public init(cacert: String? = nil, connectTimeout: Double = 5, timeout: Double = 15,
                    maxResponseBytes: Int = 1 << 20, followRedirects: Bool = true,
                    userAgent: String = "assertlint/\(AssertLintVersion.string)") {
            self.cacert = cacert
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.followRedirects = followRedirects
            self.userAgent = userAgent
        }
    }

    public var options: Options
    /// Shared by every copy of this client: the CA bundle and the per-run response cache.
    public let session: HTTPSession

    public init(options: Options = Options()) {
        self.options = options
        self.session = HTTPSession()
    }

    /// This client with other options and the same session.
    public func with(_ change: (inout Options) -> Void) -> HTTPClient {
        var copy = self
        change(&copy.options)
        return copy
    }

    /// The largest CA bundle read (a full public-CA bundle is about 200 KiB).
    public static let maxCABytes = 1 << 20

    /// Reads the CA file now (it is read at most once a session), so a bad `--cacert` is one
    /// error before any request.
    public func loadCA() throws(NetworkError) {
        _ = try caBundle(method: "GET", url: "")
    }

    private func caBundle(method: String, url: String) throws(NetworkError) -> [UInt8]? {
        guard let path = options.cacert else { return nil }
        let timeout = min(options.timeout, 10)
        switch session.ca(path: path, load: {
            BoundedFile.read(path, allowing: .fileOrPipe(limit: Self.maxCABytes, deadline: timeout))
        }) {
        case .success(let bytes):
            guard !bytes.isEmpty else { throw NetworkError(method: method, url: url, cause: .caFile(path: path, reason: "the file is empty")) }
            return bytes
        case .failure(let failure):
            throw NetworkError(method: method, url: url, cause: .caFile(path: path, reason: failure.reason))
        }
    }

    /// Loopback: 127.0.0.0/8, `localhost`, `::1`.
    public static func isLoopback(host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "localhost." || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) else {
            return false
        }
        return parts[0] == "127"
    }

    /// The scheme and host policy, judged without any connection.
    public static func checkURL(_ url: String, method: String = "GET") throws(NetworkError) {
        _ = try ParsedURL(url, method: method)
    }

    /// GETs a JSON document. Non-2xx statuses, non-JSON bodies and oversize bodies are errors.
    public func getJSON(_ url: String, headers: [HTTPHeader] = [], secrets: [String] = [], boundTo: Origin? = nil,
                        expecting what: String) throws(NetworkError) -> JSONValue {
        var all = headers
        if !all.contains(where: { $0.name.caseInsensitiveCompare("Accept") == .orderedSame }) {
            all.append(HTTPHeader(name: "Accept", value: "application/json"))
        }
        let request = HTTPRequest(url: url, headers: all, secrets: secrets, boundTo: boundTo)
        let response = try send(request)
        guard response.isSuccess else {
            throw NetworkError(url: url, cause: .httpStatus(response.status, reason: response.reason,
                                                            excerpt: SecretScrubber.excerpt(response.body, secrets: request.allSecrets)))
        }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw NetworkError(url: url, cause: .notJSON(expected: what, reason: error.description))
        }
    }

    /// Sends a request and returns the answer whatever its status. A GET without a body is made
    /// once per session: later identical requests get the first answer (or the first failure).
    public func send(_ request: HTTPRequest) throws(NetworkError) -> HTTPResponse {
        guard request.method.uppercased() == "GET", request.body == nil else { return try follow(request) }
        let key = ([request.url, options.followRedirects ? "follow" : "stay", request.boundTo?.description ?? ""]
                   + request.headers.map { "\($0.name.lowercased()): \($0.value)" }).joined(separator: "\n")
        return try session.once(key) { () -> Result<HTTPResponse, NetworkError> in
            Result { () throws(NetworkError) in try follow(request) }
        }.get()
    }

    /// Follows redirects within the first URL's origin, at most 5.
    private func follow(_ first: HTTPRequest) throws(NetworkError) -> HTTPResponse {
        var request = first
        let start = try Origin.parse(first.url, method: first.method)
        for _ in 0...5 {
            let response = try perform(request)
            guard options.followRedirects, (300..<400).contains(response.status), response.status != 304,
                  let location = response.header("Location"), !location.isEmpty else { return response }
            guard let next = Origin.resolve(location, against: request.url), let origin = Origin(url: next) else {
                throw NetworkError(method: first.method, url: first.url, cause: .refusedURL("redirected to a URL assertlint cannot read; redirects are followed only within \(start)"))
            }
            guard origin == start else {
                throw NetworkError(method: first.method, url: first.url,
                                   cause: .refusedURL("redirected to another origin (\(origin)); assertlint follows redirects only within \(start)"))
            }
            request.url = next
        }
        throw NetworkError(method: first.method, url: first.url, cause: .other("more than 5 redirects"))
    }

    private func perform(_ request: HTTPRequest) throws(NetworkError) -> HTTPResponse {
        let target = try ParsedURL(request.url, method: request.method)
        defer { target.free() }
        if let bound = request.boundTo, target.origin != bound {
            throw NetworkError(method: request.method, url: request.url,
                               cause: .refusedURL("refused: this request carries a credential that may go only to \(bound)"))
        }
        session.countTransfer()
        let curl: LibCurl
        switch LibCurl.initialised {
        case .success(let loaded): curl = loaded
        case .failure(let problem): throw NetworkError(method: request.method, url: request.url, cause: .other(problem.message(for: "this request")))
        }
        let api = curl.api
        guard let handle = assertlint_curl_easy_init(api) else {
            throw NetworkError(method: request.method, url: request.url, cause: .other("libcurl could not be initialised"))
        }
        defer { assertlint_curl_easy_cleanup(api, handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { assertlint_curl_slist_free_all(api, headerList) }
        let sink = TransferSink(limit: options.maxResponseBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }

        var ok = true
        func set(_ r: CURLcode) { if r != CURLE_OK { ok = false } }
        set(assertlint_curl_setopt_pointer(api, handle, CURLOPT_CURLU, UnsafeMutableRawPointer(target.handle)))
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_NOSIGNAL, 1))
        set(assertlint_curl_setopt_string(api, handle, CURLOPT_PROTOCOLS_STR, target.loopback ? "http,https" : "https"))
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let bundle = try caBundle(method: request.method, url: request.url) {
            bundle.withUnsafeBytes { raw in set(assertlint_curl_setopt_blob(api, handle, CURLOPT_CAINFO_BLOB, raw.baseAddress, raw.count)) }
        }
        // A proxy cannot reach this machine's loopback; everything else honours the standard
        // proxy variables, which libcurl reads by default.
        if target.loopback { set(assertlint_curl_setopt_string(api, handle, CURLOPT_NOPROXY, "*")) }
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)))
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.timeout)))
        set(assertlint_curl_setopt_off_t(api, handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes)))
        // libcurl never follows a redirect: `follow` does, within one origin.
        set(assertlint_curl_setopt_long(api, handle, CURLOPT_FOLLOWLOCATION, 0))

        let method = request.method.uppercased()
        if let body = request.body {
            set(assertlint_curl_setopt_off_t(api, handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // COPYPOSTFIELDS copies the bytes, so the buffer only has to live for this call.
            var bytes = body
            bytes.append(0)
            bytes.withUnsafeMutableBytes { raw in set(assertlint_curl_setopt_pointer(api, handle, CURLOPT_COPYPOSTFIELDS, raw.baseAddress)) }
            if method != "POST" { set(assertlint_curl_setopt_string(api, handle, CURLOPT_CUSTOMREQUEST, method)) }
        } else if method == "GET" {
            set(assertlint_curl_setopt_long(api, handle, CURLOPT_HTTPGET, 1))
        } else if method == "HEAD" {
            set(assertlint_curl_setopt_long(api, handle, CURLOPT_NOBODY, 1))
        } else {
            if method == "POST" { set(assertlint_curl_setopt_off_t(api, handle, CURLOPT_POSTFIELDSIZE_LARGE, 0)) }
            set(assertlint_curl_setopt_string(api, handle, CURLOPT_CUSTOMREQUEST, method))
        }

        var lines: [String] = []
        var given = Set<String>()
        for h in request.headers {
            let name = h.name.lowercased()
            // libcurl frames the body itself; a pasted length would be wrong after re-encoding.
            if name == "content-length" || name == "transfer-encoding" { continue }
            given.insert(name)
            lines.append(h.value.isEmpty ? "\(h.name);" : "\(h.name): \(h.value)")
        }
        if !given.contains("user-agent") { lines.append("User-Agent: \(options.userAgent)") }
        if request.exactHeaders {
            for name in ["Accept", "Content-Type", "Expect"] where !given.contains(name.lowercased()) {
                lines.append("\(name):")
            }
        } else if request.body != nil {
            lines.append("Expect:")
        }
        for line in lines {
            guard let next = assertlint_curl_slist_append(api, headerList, line) else {
                throw NetworkError(method: request.method, url: request.url, cause: .other("out of memory building the request headers"))
            }
            headerList = next
        }
        set(assertlint_curl_setopt_slist(api, handle, CURLOPT_HTTPHEADER, headerList))

        set(assertlint_curl_setopt_callback(api, handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            guard sink.body.count + n <= sink.limit else {
                sink.exceeded = true
                return 0 // anything but n aborts the transfer
            }
            if let data, n > 0 { sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n)) }
            return n
        })
        set(assertlint_curl_setopt_pointer(api, handle, CURLOPT_WRITEDATA, context.toOpaque()))
        set(assertlint_curl_setopt_callback(api, handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            if let data, n > 0 {
                sink.header(String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self))
            }
            return n
        })
        set(assertlint_curl_setopt_pointer(api, handle, CURLOPT_HEADERDATA, context.toOpaque()))
        guard ok else {
            throw NetworkError(method: request.method, url: request.url, cause: .other("libcurl \(SystemLibraries.curlVersion) rejected an option assertlint needs"))
        }

        let code = assertlint_curl_easy_perform(api, handle)
        var status = 0
        assertlint_curl_getinfo_long(api, handle, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            var connectTime = 0.0
            assertlint_curl_getinfo_double(api, handle, CURLINFO_CONNECT_TIME, &connectTime)
            var osErrno = 0
            assertlint_curl_getinfo_long(api, handle, CURLINFO_OS_ERRNO, &osErrno)
            var verify = 0
            assertlint_curl_getinfo_long(api, handle, CURLINFO_SSL_VERIFYRESULT, &verify)
            throw NetworkError(method: request.method, url: request.url,
                               cause: cause(of: code, sink: sink, target: target, connected: connectTime > 0,
                                            refused: osErrno == Int(ECONNREFUSED), verifyResult: verify))
        }
        return HTTPResponse(url: request.url, status: status, reason: sink.reason, headers: sink.headers, body: sink.body)
    }

    /// The cause in assertlint's own words: libcurl's and OpenSSL's texts are never passed on
    /// (they can quote what the server sent).
    private func cause(of code: CURLcode, sink: TransferSink, target: ParsedURL, connected: Bool,
                       refused: Bool, verifyResult: Int) -> NetworkError.Cause {
        if sink.exceeded || code == CURLE_FILESIZE_EXCEEDED { return .tooLarge(limit: options.maxResponseBytes) }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: return .dns(host: target.host)
        case CURLE_COULDNT_RESOLVE_PROXY: return .connectFailed("cannot resolve the proxy; check HTTPS_PROXY / NO_PROXY")
        case CURLE_COULDNT_CONNECT:
            return refused ? .connectionRefused(host: target.host, port: target.port) : .connectFailed("no route to \(target.host) port \(target.port)")
        case CURLE_OPERATION_TIMEDOUT:
            return connected ? .timeout(seconds: options.timeout) : .connectTimeout(seconds: min(options.connectTimeout, options.timeout))
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM:
            return .tls(Self.verifyText(verifyResult, handshake: code == CURLE_SSL_CONNECT_ERROR))
        case CURLE_SSL_CACERT_BADFILE: return .caFile(path: options.cacert ?? "(system store)", reason: "it holds no PEM certificate libcurl can use")
        case CURLE_PARTIAL_FILE: return .closedMidResponse("fewer bytes than announced")
        case CURLE_GOT_NOTHING: return .closedMidResponse("no answer at all")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR: return .closedMidResponse("the connection broke")
        case CURLE_WEIRD_SERVER_REPLY: return .other("the answer is not HTTP")
        default: return .other("libcurl error \(code.rawValue)")
        }
    }

    /// OpenSSL's verify result (X509_V_ERR_*), in words.
    static func verifyText(_ result: Int, handshake: Bool) -> String {
        switch result {
        case 2, 20: return "unable to get local issuer certificate"
        case 9: return "the certificate is not valid yet"
        case 10: return "the certificate has expired"
        case 18: return "self-signed certificate"
        case 19: return "self-signed certificate in the chain"
        case 21: return "unable to verify the first certificate"
        case 62: return "the certificate does not name this host"
        case 64: return "the certificate does not name this IP address"
        default: return handshake ? "the TLS handshake failed" : "the server's certificate was not accepted"
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, 86_400) * 1000)
    }
}

/// What a transfer received. A class, because libcurl's callbacks reach it through a pointer.
private final class TransferSink {
    let limit: Int
    var body: [UInt8] = []
    var exceeded = false
    var headers: [HTTPHeader] = []
    var reason = ""

    init(limit: Int) { self.limit = limit }

    func header(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new response (after a redirect or a 100 Continue): keep only the last one's headers.
            headers = []
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            reason = parts.count == 3 ? String(parts[2]) : ""
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        headers.append(HTTPHeader(name: String(trimmed[..<colon]),
                                  value: String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }
}

/// Scheme, host (lowercased) and port: what a credential is bound to. Two origins are the same
/// only when all three are equal; no suffix or "same org" matching.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port
    }

    /// The origin of an absolute URL as libcurl parses it (the host connected to); nil when it has none.
    public init?(url: String) {
        guard let parts = URLParts(url), let scheme = parts.scheme, let host = parts.host, !host.isEmpty, let port = parts.port else { return nil }
        self.init(scheme: scheme, host: host, port: port)
    }

    public var isLoopback: Bool { HTTPClient.isLoopback(host: host) }

    /// `https://host`, with the port only when it is not the scheme's default.
    public var description: String {
        let isDefault = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        return isDefault ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }

    /// The origin of a URL the client may fetch (scheme and host policy applied).
    static func parse(_ url: String, method: String) throws(NetworkError) -> Origin {
        let parsed = try ParsedURL(url, method: method)
        defer { parsed.free() }
        return parsed.origin
    }

    /// A `Location` header resolved against the URL that answered with it.
    static func resolve(_ location: String, against base: String) -> String? {
        guard case .success(let curl) = LibCurl.shared, let h = assertlint_curl_url(curl.api) else { return nil }
        let api = curl.api
        defer { assertlint_curl_url_cleanup(api, h) }
        guard assertlint_curl_url_set(api, h, CURLUPART_URL, base, 0) == CURLUE_OK,
              assertlint_curl_url_set(api, h, CURLUPART_URL, location, 0) == CURLUE_OK else { return nil }
        var out: UnsafeMutablePointer<CChar>?
        guard assertlint_curl_url_get(api, h, CURLUPART_URL, &out, 0) == CURLUE_OK, let out else { return nil }
        defer { assertlint_curl_free(api, out) }
        return String(cString: out)
    }
}

/// The parts of a URL as libcurl reads it, for judging a URL the user named and for showing one
/// without its credentials.
public struct URLParts: Sendable, Equatable {
    public var scheme: String?
    public var user: String?
    public var password: String?
    public var host: String?
    public var port: Int?
    public var path: String?
    public var query: String?
    public var fragment: String?

    /// Nil when libcurl cannot read it as a URL (or cannot be loaded: the commands that read
    /// URLs check for it first, see SystemLibraries.libcurlProblem).
    public init?(_ url: String) {
        guard case .success(let curl) = LibCurl.shared, let h = assertlint_curl_url(curl.api) else { return nil }
        let api = curl.api
        defer { assertlint_curl_url_cleanup(api, h) }
        guard assertlint_curl_url_set(api, h, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK else { return nil }
        func part(_ p: CURLUPart, _ flags: UInt32 = 0) -> String? {
            var out: UnsafeMutablePointer<CChar>?
            guard assertlint_curl_url_get(api, h, p, &out, flags) == CURLUE_OK, let out else { return nil }
            defer { assertlint_curl_free(api, out) }
            return String(cString: out)
        }
        scheme = part(CURLUPART_SCHEME)?.lowercased()
        user = part(CURLUPART_USER)
        password = part(CURLUPART_PASSWORD)
        host = part(CURLUPART_HOST)
        port = part(CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap(Int.init)
        path = part(CURLUPART_PATH)
        query = part(CURLUPART_QUERY)
        fragment = part(CURLUPART_FRAGMENT)
    }
}

/// What copies of one `HTTPClient` share during a run: the CA bundle, read once, and one
/// answer per GET (the first caller fetches; callers asking for the same request meanwhile
/// wait for its answer), so 200 files naming one server make one request, not 200.
public final class HTTPSession: @unchecked Sendable {
    private let condition = NSCondition()
    private var answers: [String: Result<HTTPResponse, NetworkError>] = [:]
    private var pending: Set<String> = []
    private var caResult: Result<[UInt8], BoundedFile.Failure>?
    private var transfers = 0

    public init() {}

    /// How many transfers libcurl made in this session.
    public var transferCount: Int { condition.withLock { transfers } }

    func countTransfer() { condition.withLock { transfers += 1 } }

    func ca(path: String, load: () -> Result<[UInt8], BoundedFile.Failure>) -> Result<[UInt8], BoundedFile.Failure> {
        condition.lock()
        defer { condition.unlock() }
        if let caResult { return caResult }
        let loaded = load()
        caResult = loaded
        return loaded
    }

    func once(_ key: String, _ fetch: () -> Result<HTTPResponse, NetworkError>) -> Result<HTTPResponse, NetworkError> {
        condition.lock()
        while true {
            if let answer = answers[key] {
                condition.unlock()
                return answer
            }
            guard pending.contains(key) else { break }
            condition.wait()
        }
        pending.insert(key)
        condition.unlock()
        let answer = fetch()
        condition.lock()
        answers[key] = answer
        pending.remove(key)
        condition.broadcast()
        condition.unlock()
        return answer
    }
}

/// A URL parsed by libcurl itself (so the host judged is the host connected to), with the
/// scheme and host policy applied.
private struct ParsedURL {
    let handle: OpaquePointer
    let api: UnsafePointer<assertlint_curl>
    let host: String
    let port: Int
    let loopback: Bool

    init(_ url: String, method: String) throws(NetworkError) {
        func refuse(_ why: String) -> NetworkError { NetworkError(method: method, url: url, cause: .refusedURL(why)) }
        let curl: LibCurl
        switch LibCurl.shared {
        case .success(let loaded): curl = loaded
        case .failure(let problem): throw NetworkError(method: method, url: url, cause: .other(problem.message(for: "this request")))
        }
        let api = curl.api
        guard let h = assertlint_curl_url(api) else { throw refuse("libcurl could not parse the URL") }
        guard assertlint_curl_url_set(api, h, CURLUPART_URL, url, 0) == CURLUE_OK else {
            assertlint_curl_url_cleanup(api, h)
            throw refuse("not an absolute http(s) URL")
        }
        func part(_ p: CURLUPart, _ flags: UInt32 = 0) -> String? {
            var out: UnsafeMutablePointer<CChar>?
            guard assertlint_curl_url_get(api, h, p, &out, flags) == CURLUE_OK, let out else { return nil }
            defer { assertlint_curl_free(api, out) }
            return String(cString: out)
        }
        let scheme = part(CURLUPART_SCHEME)?.lowercased() ?? ""
        let host = part(CURLUPART_HOST) ?? ""
        let loopback = Self.isLoopbackHost(host)
        switch scheme {
        case "https": break
        case "http" where loopback: break
        case "http":
            assertlint_curl_url_cleanup(api, h)
            throw refuse("refused: plain http is accepted only for loopback hosts (127.0.0.0/8, localhost, [::1]); use https")
        default:
            assertlint_curl_url_cleanup(api, h)
            throw refuse("refused: only https URLs are fetched (and http on loopback)")
        }
        self.handle = h
        self.api = api
        self.host = host
        self.port = part(CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap(Int.init) ?? (scheme == "https" ? 443 : 80)
        self.loopback = loopback
        self.origin = Origin(scheme: scheme, host: host, port: port)
    }

    let origin: Origin

    private static func isLoopbackHost(_ host: String) -> Bool { HTTPClient.isLoopback(host: host) }

    func free() { assertlint_curl_url_cleanup(api, handle) }
}
