import Foundation

/// A network failure, as one line naming the request and the cause. Never carries a
/// credential: the client scrubs every secret it sent from anything the server echoed.
public struct NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        /// Refused before any connection (scheme or host policy).
        case refusedURL(String)
        case dns(host: String)
        case connectionRefused(host: String, port: Int)
        case connectFailed(String)
        case connectTimeout(seconds: Double)
        case timeout(seconds: Double)
        case tls(String)
        case caFile(path: String, reason: String)
        case httpStatus(Int, reason: String, excerpt: String)
        case notJSON(expected: String, reason: String)
        /// JSON, but not the document that was asked for (no `issuer`, no `keys`).
        case unexpectedDocument(String)
        case tooLarge(limit: Int)
        case closedMidResponse(String)
        case other(String)
    }

    public let method: String
    public let url: String
    public let cause: Cause

    public init(method: String = "GET", url: String, cause: Cause) {
        self.method = method
        self.url = url
        self.cause = cause
    }

    /// One line: the URL without the credentials it may carry (userinfo, `client_secret=` and the
    /// like), and the method, URL and server excerpt with control characters made visible (all
    /// three can come from the input or the server).
    public var description: String { Escape.line("\(method) \(URLDisplay.withoutCredentials(url)): \(causeText)") }

    public var causeText: String {
        switch cause {
        case .refusedURL(let why): return why
        case .dns(let host): return "DNS lookup failed for '\(host)' (check the domain name, or set HTTPS_PROXY if this network needs a proxy)"
        case .connectionRefused(let host, let port): return "connection refused by \(host) port \(port)"
        case .connectFailed(let why): return "could not connect: \(why)"
        case .connectTimeout(let s): return "no connection within \(Self.seconds(s)) (connect timeout)"
        case .timeout(let s): return "no complete answer within \(Self.seconds(s)) (raise the limit with --timeout)"
        case .tls(let why):
            return "TLS certificate verification failed (\(why)); if a corporate proxy or private CA signs this site, pass its CA certificate with --cacert FILE"
        case .caFile(let path, let why): return "cannot use the CA file '\(path)': \(why)"
        case .httpStatus(let status, let reason, let excerpt):
            let head = reason.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(reason)"
            return excerpt.isEmpty ? head : "\(head): \(excerpt)"
        case .notJSON(let expected, let why): return "the response is not JSON (expected \(expected)): \(why)"
        case .unexpectedDocument(let why): return why
        case .tooLarge(let limit): return "response larger than \(Self.size(limit)); stopped reading"
        case .closedMidResponse(let why): return "the server closed the connection mid-response (\(why))"
        case .other(let why): return why
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// A URL as it may be shown: userinfo and the values of credential-like query and fragment
/// parameters replaced with `(redacted)`. The rest stays as written, so the user recognises it.
public enum URLDisplay {
    public static func withoutCredentials(_ url: String) -> String {
        var text = url
        var tail = ""
        // Query and fragment: parameter by parameter.
        if let mark = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            tail = redactParameters(String(text[mark...]))
            text = String(text[..<mark])
        }
        // Userinfo: everything between "://" and the last "@" of the authority.
        if let scheme = text.range(of: "://") {
            let authorityEnd = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
            if let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(scheme.upperBound..<at, with: "(redacted)")
            }
        }
        return text + tail
    }

    /// `?a=1&client_secret=x#access_token=y` with the credential values replaced.
    static func redactParameters(_ text: String) -> String {
        var out = ""
        var current = ""
        func flush() {
            if let eq = current.firstIndex(of: "="), isCredentialName(String(current[..<eq])) {
                out += current[...eq] + "(redacted)"
            } else {
                out += current
            }
            current = ""
        }
        for c in text {
            if c == "?" || c == "#" || c == "&" || c == ";" {
                flush()
                out.append(c)
            } else {
                current.append(c)
            }
        }
        flush()
        return out
    }

    /// Names that carry a credential in any naming style (`client_secret`, `clientSecret`, `api-key`).
    public static func isCredentialName(_ name: String) -> Bool {
        let n = FormEncoding.decode(Substring(name)).lowercased().filter { $0.isLetter || $0.isNumber }
        return credentialWords.contains { n.contains($0) }
    }

    static let credentialWords = ["secret", "token", "password", "passwd", "assertion", "apikey", "credential", "signature",
                                  "code", "authorization", "auth", "sig", "key", "session", "cookie", "otp", "pin"]
}

/// Removes secrets from text that leaves the client (error excerpts, server echoes).
enum SecretScrubber {
    static func scrub(_ text: String, _ secrets: [String]) -> String {
        var out = text
        // Longest first, so a token is removed before a prefix of it could leave a tail.
        for secret in secrets.filter({ $0.count >= 4 }).sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: secret, with: "(redacted)")
        }
        return out
    }

    /// A short single-line excerpt of a response body.
    static func excerpt(_ body: [UInt8], secrets: [String], limit: Int = 160) -> String {
        let text = String(decoding: body.prefix(4096), as: UTF8.self)
        let oneLine = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        let clean = scrub(oneLine, secrets)
        return clean.count > limit ? String(clean.prefix(limit)) + "..." : clean
    }
}
