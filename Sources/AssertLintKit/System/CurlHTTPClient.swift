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

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
                secrets: [String] = [], exactHeaders: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.secrets = secrets
        self.exactHeaders = exactHeaders
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
public struct HTTPClient: Sendable {
    public struct Options: Sendable {
        /// A PEM file of CA certificates to trust instead of the system store (corporate CAs).
        public var cacert: String?
        public var connectTimeout: Double
        public var timeout: Double
        public var maxResponseBytes: Int
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

    public init(options: Options = Options()) {
        self.options = options
    }

    /// curl_global_init must run once before any handle exists; a static let runs exactly
    /// once, thread-safely.
    private static let globalInit: Bool = assertlint_curl_global_init() == CURLE_OK

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
    public func getJSON(_ url: String, headers: [HTTPHeader] = [], secrets: [String] = [],
                        expecting what: String) throws(NetworkError) -> JSONValue {
        var all = headers
        if !all.contains(where: { $0.name.caseInsensitiveCompare("Accept") == .orderedSame }) {
            all.append(HTTPHeader(name: "Accept", value: "application/json"))
        }
        let request = HTTPRequest(url: url, headers: all, secrets: secrets)
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

    /// Sends a request and returns the answer whatever its status.
    public func send(_ request: HTTPRequest) throws(NetworkError) -> HTTPResponse {
        let target = try ParsedURL(request.url, method: request.method)
        defer { target.free() }
        guard Self.globalInit, let handle = curl_easy_init() else {
            throw NetworkError(method: request.method, url: request.url, cause: .other("libcurl could not be initialised"))
        }
        defer { curl_easy_cleanup(handle) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let sink = TransferSink(limit: options.maxResponseBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }

        var ok = true
        func set(_ r: CURLcode) { if r != CURLE_OK { ok = false } }
        set(assertlint_curl_setopt_pointer(handle, CURLOPT_CURLU, UnsafeMutableRawPointer(target.handle)))
        set(assertlint_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(assertlint_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(assertlint_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, target.loopback ? "http,https" : "https"))
        set(assertlint_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(assertlint_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let cacert = options.cacert {
            guard FileManager.default.isReadableFile(atPath: cacert) else {
                throw NetworkError(method: request.method, url: request.url, cause: .caFile(path: cacert, reason: "no readable file there"))
            }
            set(assertlint_curl_setopt_string(handle, CURLOPT_CAINFO, cacert))
        }
        // A proxy cannot reach this machine's loopback; everything else honours the standard
        // proxy variables, which libcurl reads by default.
        if target.loopback { set(assertlint_curl_setopt_string(handle, CURLOPT_NOPROXY, "*")) }
        set(assertlint_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)))
        set(assertlint_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.timeout)))
        set(assertlint_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes)))
        if options.followRedirects {
            set(assertlint_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
            set(assertlint_curl_setopt_long(handle, CURLOPT_MAXREDIRS, 5))
            // A redirect may not downgrade to plain http, even from a loopback start.
            set(assertlint_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "https"))
        } else {
            set(assertlint_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        }

        let method = request.method.uppercased()
        if let body = request.body {
            set(assertlint_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // COPYPOSTFIELDS copies the bytes, so the buffer only has to live for this call.
            var bytes = body
            bytes.append(0)
            bytes.withUnsafeMutableBytes { raw in set(assertlint_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, raw.baseAddress)) }
            if method != "POST" { set(assertlint_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        } else if method == "GET" {
            set(assertlint_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        } else if method == "HEAD" {
            set(assertlint_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
        } else {
            if method == "POST" { set(assertlint_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0)) }
            set(assertlint_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
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
            guard let next = curl_slist_append(headerList, line) else {
                throw NetworkError(method: request.method, url: request.url, cause: .other("out of memory building the request headers"))
            }
            headerList = next
        }
        set(assertlint_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))

        set(assertlint_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
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
        set(assertlint_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()))
        set(assertlint_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            if let data, n > 0 {
                sink.header(String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self))
            }
            return n
        })
        set(assertlint_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context.toOpaque()))
        guard ok else {
            throw NetworkError(method: request.method, url: request.url, cause: .other("libcurl \(SystemLibraries.curlVersion) rejected an option assertlint needs"))
        }

        let code = curl_easy_perform(handle)
        var status = 0
        assertlint_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            let detail = SecretScrubber.scrub(String(cString: errorBuffer), request.allSecrets)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            var connectTime = 0.0
            assertlint_curl_getinfo_double(handle, CURLINFO_CONNECT_TIME, &connectTime)
            var osErrno = 0
            assertlint_curl_getinfo_long(handle, CURLINFO_OS_ERRNO, &osErrno)
            throw NetworkError(method: request.method, url: request.url,
                               cause: cause(of: code, reason: reason, sink: sink, target: target, connected: connectTime > 0,
                                            refused: osErrno == Int(ECONNREFUSED)))
        }
        return HTTPResponse(url: request.url, status: status, reason: sink.reason, headers: sink.headers, body: sink.body)
    }

    private func cause(of code: CURLcode, reason: String, sink: TransferSink, target: ParsedURL, connected: Bool,
                       refused: Bool) -> NetworkError.Cause {
        if sink.exceeded || code == CURLE_FILESIZE_EXCEEDED { return .tooLarge(limit: options.maxResponseBytes) }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: return .dns(host: target.host)
        case CURLE_COULDNT_RESOLVE_PROXY: return .connectFailed("cannot resolve the proxy (\(reason)); check HTTPS_PROXY / NO_PROXY")
        case CURLE_COULDNT_CONNECT:
            return refused || reason.lowercased().contains("refused") ? .connectionRefused(host: target.host, port: target.port) : .connectFailed(reason)
        case CURLE_OPERATION_TIMEDOUT:
            return connected ? .timeout(seconds: options.timeout) : .connectTimeout(seconds: min(options.connectTimeout, options.timeout))
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM: return .tls(reason)
        case CURLE_SSL_CACERT_BADFILE: return .caFile(path: options.cacert ?? "(system store)", reason: reason)
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR: return .closedMidResponse(reason)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .refusedURL("redirected to a URL assertlint will not follow (only https redirects are followed): \(reason)")
        case CURLE_TOO_MANY_REDIRECTS: return .other("too many redirects (\(reason))")
        default: return .other(reason)
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

/// A URL parsed by libcurl itself (so the host judged is the host connected to), with the
/// scheme and host policy applied.
private struct ParsedURL {
    let handle: OpaquePointer
    let host: String
    let port: Int
    let loopback: Bool

    init(_ url: String, method: String) throws(NetworkError) {
        func refuse(_ why: String) -> NetworkError { NetworkError(method: method, url: url, cause: .refusedURL(why)) }
        guard let h = curl_url() else { throw refuse("libcurl could not parse the URL") }
        guard curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK else {
            curl_url_cleanup(h)
            throw refuse("not an absolute http(s) URL")
        }
        func part(_ p: CURLUPart, _ flags: UInt32 = 0) -> String? {
            var out: UnsafeMutablePointer<CChar>?
            guard curl_url_get(h, p, &out, flags) == CURLUE_OK, let out else { return nil }
            defer { curl_free(out) }
            return String(cString: out)
        }
        let scheme = part(CURLUPART_SCHEME)?.lowercased() ?? ""
        let host = part(CURLUPART_HOST) ?? ""
        let loopback = Self.isLoopbackHost(host)
        switch scheme {
        case "https": break
        case "http" where loopback: break
        case "http":
            curl_url_cleanup(h)
            throw refuse("refused: plain http is accepted only for loopback hosts (127.0.0.0/8, localhost, [::1]); use https")
        default:
            curl_url_cleanup(h)
            throw refuse("refused: only https URLs are fetched (and http on loopback)")
        }
        self.handle = h
        self.host = host
        self.port = part(CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap(Int.init) ?? (scheme == "https" ? 443 : 80)
        self.loopback = loopback
    }

    private static func isLoopbackHost(_ host: String) -> Bool { HTTPClient.isLoopback(host: host) }

    func free() { curl_url_cleanup(handle) }
}
