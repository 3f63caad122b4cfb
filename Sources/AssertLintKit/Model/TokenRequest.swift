import Foundation

/// Where something came from in the user's input, 1-based.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int?
    public init(line: Int, column: Int? = nil) {
        self.line = line
        self.column = column
    }
}

public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public var position: SourcePosition?
    public init(name: String, value: String, position: SourcePosition? = nil) {
        self.name = name
        self.value = value
        self.position = position
    }
}

public struct FormField: Sendable, Equatable {
    public var name: String
    public var value: String
    public var position: SourcePosition?
    public init(name: String, value: String, position: SourcePosition? = nil) {
        self.name = name
        self.value = value
        self.position = position
    }
}

public enum RequestBody: Sendable, Equatable {
    case none
    /// application/x-www-form-urlencoded fields, decoded, in order (names may repeat).
    case form([FormField])
    /// Any other body, as text (a JSON body sent by mistake, for instance).
    case raw(String)
}

extension RequestBody {
    /// A body as text, read the one way every input reader reads it: a JSON object or array is
    /// JSON whatever the Content-Type says (a form parser would make the whole JSON text one
    /// field name, secrets included); otherwise a form body is split into fields when the media
    /// type says `application/x-www-form-urlencoded`, and kept as text when not.
    public static func read(_ text: String, mediaType: String?, position: SourcePosition? = nil) -> RequestBody {
        if mediaType == "application/x-www-form-urlencoded", !isJSON(text) {
            return .form(FormEncoding.fields(text, position: position))
        }
        return .raw(text)
    }

    /// Whether the text is a JSON object or array (whitespace around it allowed).
    public static func isJSON(_ text: String) -> Bool {
        let trimmed = text.trimmedWhitespace
        guard let first = trimmed.first, first == "{" || first == "[" else { return false }
        guard let value = try? JSONParser.parse(trimmed) else { return false }
        return value.objectValue != nil || value.arrayValue != nil
    }
}

/// HTTP Basic credentials from an Authorization header or curl's `-u`.
public struct BasicCredentials: Sendable, Equatable {
    public var user: String
    public var password: String
    /// Whether the header value was well-formed base64 of `user:password`.
    public var decodable: Bool
}

/// The request the client sends to the authorization server, as the inputs understood it.
public struct TokenRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: RequestBody
    /// Where the method, URL and body were written, when the input has lines.
    public var methodPosition: SourcePosition?
    public var urlPosition: SourcePosition?
    public var bodyPosition: SourcePosition?
    /// What the input parser wants the user to know: how it read a messy paste, what the
    /// shell would really have run, which parts it could not read.
    public var notes: [String]
    /// Which parts of the request the paste shows (all of them unless a reader says otherwise).
    public var shows: Evidence = .whole
    /// What the reader had to assume to read the paste (see `ReaderGuess`).
    public var guesses: [ReaderGuess] = []

    public init(method: String = "POST", url: String, headers: [HTTPHeader] = [], body: RequestBody = .none,
                methodPosition: SourcePosition? = nil, urlPosition: SourcePosition? = nil,
                bodyPosition: SourcePosition? = nil, notes: [String] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.methodPosition = methodPosition
        self.urlPosition = urlPosition
        self.bodyPosition = bodyPosition
        self.notes = notes
    }

    public func header(_ name: String) -> HTTPHeader? {
        // Rules ask for a header about 30 times per request: compare ASCII names byte by byte
        // (what `lowercased()` does to ASCII) and lowercase only a name that is not ASCII.
        if ASCIIText.isASCII(name) {
            var target: String?
            for h in headers.reversed() {
                if let same = ASCIIText.equalIgnoringCase(h.name, name) {
                    if same { return h }
                } else {
                    if target == nil { target = name.lowercased() }
                    if h.name.lowercased() == target { return h }
                }
            }
            return nil
        }
        let target = name.lowercased()
        return headers.last(where: { $0.name.lowercased() == target })
    }

    public func headers(named name: String) -> [HTTPHeader] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    public var formFields: [FormField] {
        if case .form(let fields) = body { return fields }
        return []
    }

    /// The first value of a form parameter (Okta, like most servers, reads the first).
    public func form(_ name: String) -> FormField? {
        formFields.first(where: { $0.name == name })
    }

    public var contentType: String? { header("Content-Type")?.value }

    /// The media type without parameters, lowercased: `application/x-www-form-urlencoded`.
    public var mediaType: String? {
        guard let ct = contentType else { return nil }
        if let fast = ASCIIText.mediaType(ct) { return fast }
        return ct.split(separator: ";", maxSplits: 1).first.map { $0.trimmedWhitespace.lowercased() }
    }

    public var authorization: HTTPHeader? { header("Authorization") }

    /// Basic credentials carried by the Authorization header, if its scheme is Basic.
    public var basicCredentials: BasicCredentials? {
        guard let auth = authorization else { return nil }
        let v = auth.value.trimmingCharacters(in: .whitespaces)
        guard v.lowercased().hasPrefix("basic") else { return nil }
        let encoded = v.dropFirst(5).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else {
            return BasicCredentials(user: "", password: "", decodable: false)
        }
        let user = String(text[..<colon]).removingPercentEncoding ?? String(text[..<colon])
        let pass = String(text[text.index(after: colon)...]).removingPercentEncoding ?? String(text[text.index(after: colon)...])
        return BasicCredentials(user: user, password: pass, decodable: true)
    }

    public var endpoint: EndpointURL? { EndpointURL(url) }
}

/// A parsed absolute URL, kept as its parts so rules can say which part differs.
public struct EndpointURL: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int?
    public let path: String
    public let query: String?
    /// Placeholders written in the URL (`{yourOktaDomain}`, `${OKTA_DOMAIN}`, `{{domain}}`), kept
    /// as written in `host`, `path` and `query`: the URL's shape is read, its placeholders are not judged.
    public let placeholders: [String]

    public init?(_ text: String) {
        // Placeholders are masked for the parser (braces are not allowed in a host) and put back.
        let (masked, tokens) = Placeholders.masked(text.trimmingEdges(.whitespaces))
        guard let comps = URLComponents(string: masked),
              let scheme = comps.scheme?.lowercased(), let host = comps.host, !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = Placeholders.unmasked(host, tokens)
        self.port = comps.port
        self.path = Placeholders.unmasked(comps.percentEncodedPath, tokens)
        self.query = comps.percentEncodedQuery.map { Placeholders.unmasked($0, tokens) }
        self.placeholders = tokens
    }

    /// True when the host is (or holds) a placeholder: nothing about the real host is known.
    public var hostIsPlaceholder: Bool { placeholders.contains { host.contains($0) } }

    /// The URL without query or fragment: what an assertion's `aud` must name.
    public var withoutQuery: String {
        var s = "\(scheme)://\(host)"
        if let port, !(scheme == "https" && port == 443) && !(scheme == "http" && port == 80) { s += ":\(port)" }
        return s + path
    }

    public var origin: String {
        var s = "\(scheme)://\(host)"
        if let port { s += ":\(port)" }
        return s
    }
}

/// Percent-decoding for application/x-www-form-urlencoded (`+` is a space).
public enum FormEncoding {
    public static func decode(_ s: Substring) -> String {
        // ASCII without `%`: only `+` changes (the common case: names, grant types, tokens).
        if !s.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "%") }) {
            return String(decoding: s.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }
        // ASCII with escapes (`urn%3Aietf%3A...`): decoded over the bytes, as Foundation would.
        if ASCIIText.isASCII(s) { return ASCIIText.formDecoded(s) }
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Splits `a=1&b=2` into fields. Positions are left to the caller.
    public static func fields(_ body: String, position: SourcePosition? = nil) -> [FormField] {
        if ASCIIText.isASCII(body) {
            // In ASCII each Character is one byte ("\r\n" aside, which holds no `&` or `=`).
            return ASCIIText.pieces(body[...], separator: UInt8(ascii: "&"), omittingEmpty: true).map { pair in
                if let eq = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                    return FormField(name: decode(pair[..<eq]), value: decode(pair[pair.utf8.index(after: eq)...]), position: position)
                }
                return FormField(name: decode(pair), value: "", position: position)
            }
        }
        return body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let eq = pair.firstIndex(of: "=") {
                return FormField(name: decode(pair[..<eq]), value: decode(pair[pair.index(after: eq)...]), position: position)
            }
            return FormField(name: decode(pair), value: "", position: position)
        }
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}

/// The `client_assertion_type` value for a JWT client assertion (RFC 7523 §2.2).
public enum ClientAssertionType {
    public static let jwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    /// The grant-type URN of RFC 7523 §2.1, often pasted here by mistake.
    public static let jwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer"
}

/// One way a request presents client credentials. Okta accepts exactly one per request.
public enum PresentedCredential: String, Sendable, CaseIterable {
    /// An `Authorization` header (Basic, or any other scheme).
    case authorizationHeader
    /// `client_secret` in the form body.
    case clientSecret
    /// `client_assertion` in the form body.
    case clientAssertion

    public var displayName: String {
        switch self {
        case .authorizationHeader: return "an Authorization header"
        case .clientSecret: return "`client_secret` in the body"
        case .clientAssertion: return "`client_assertion` in the body"
        }
    }
}

extension TokenRequest {
    /// The client credentials the request carries, in a fixed order. Empty parameters do not count.
    public var presentedCredentials: [PresentedCredential] {
        var out: [PresentedCredential] = []
        if let auth = authorization, !auth.value.allSatisfy(\.isWhitespace) { out.append(.authorizationHeader) }
        if let s = form("client_secret"), !s.value.isEmpty { out.append(.clientSecret) }
        if let a = form("client_assertion"), !a.value.allSatisfy(\.isWhitespace) {
            out.append(.clientAssertion)
        }
        return out
    }

    /// The `grant_type` parameter, trimmed; nil when absent.
    public var grantType: String? {
        form("grant_type").map { $0.value.trimmedWhitespace }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without the trip through NSString, which
    /// dominated `check` profiles (it ran on every fixture's whole text and every header read).
    /// Foundation's set also holds U+200B (zero-width space), which pastes from chat tools carry.
    var trimmedWhitespace: String {
        let blank = { (c: Character) in c.isWhitespace || c == "\u{200B}" }
        guard let first = firstIndex(where: { !blank($0) }),
              let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: set)` without Foundation's bridging when neither end is in `set`
    /// (a URL or a claim as written nearly always): the same scalars are trimmed, so the same
    /// result, at a fraction of the cost (`EndpointURL` alone trimmed 4% of a `check`).
    func trimmingEdges(_ set: CharacterSet) -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !set.contains(first), !set.contains(last) {
            return String(self)
        }
        return trimmingCharacters(in: set)
    }
}

/// Byte-level answers for ASCII text, where every Character is one byte (save "\r\n", which
/// callers exclude or which cannot change the answer), so each equals its Character-level
/// counterpart. The hot paths use them and keep the Character-level code for other text.
enum ASCIIText {
    static func isASCII<S: StringProtocol>(_ s: S) -> Bool { !s.utf8.contains { $0 >= 0x80 } }

    static func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }

    /// `a.lowercased() == b.lowercased()` when both are ASCII; nil otherwise.
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool? {
        guard isASCII(a), isASCII(b) else { return nil }
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
    }

    /// What `Character.isWhitespace` says of an ASCII byte.
    static func isWhitespace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }

    /// `ct.split(separator: ";", maxSplits: 1).first.map { $0.trimmedWhitespace.lowercased() }`
    /// for ASCII `ct`, as `.some(nil)` when that is nil; nil when `ct` is not ASCII.
    static func mediaType(_ ct: String) -> String?? {
        // Over the UTF-8 view itself: the only allocation is the result.
        let u = ct.utf8
        guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
        let semicolon = UInt8(ascii: ";")
        var start = u.startIndex
        while start != u.endIndex && u[start] == semicolon { u.formIndex(after: &start) }
        guard start != u.endIndex else { return .some(nil) }
        var end = start
        while end != u.endIndex && u[end] != semicolon { u.formIndex(after: &end) }
        while start != end && isWhitespace(u[start]) { u.formIndex(after: &start) }
        while end != start && isWhitespace(u[u.index(before: end)]) { u.formIndex(before: &end) }
        let slice = u[start..<end]
        guard slice.contains(where: { $0 >= 65 && $0 <= 90 }) else { return .some(String(decoding: slice, as: UTF8.self)) }
        return .some(String(decoding: slice.map(lower), as: UTF8.self))
    }

    /// `FormEncoding.decode` of ASCII text: `+` becomes a space, then `removingPercentEncoding`,
    /// which gives up (and the spaced text is kept) on a `%` not followed by two hex digits or
    /// on escapes that decode to bytes that are not UTF-8 (overlong forms and surrogates too).
    static func formDecoded(_ s: Substring) -> String {
        let spaced = s.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        return percentDecoded(spaced) ?? String(decoding: spaced, as: UTF8.self)
    }

    /// `removingPercentEncoding` over bytes: nil on a malformed escape or when the result is not
    /// well-formed UTF-8.
    static func percentDecoded(_ b: [UInt8]) -> String? {
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            let c = b[k]
            guard c == UInt8(ascii: "%") else {
                out.append(c)
                k += 1
                continue
            }
            guard k + 2 < b.count, let hi = hex(b[k + 1]), let lo = hex(b[k + 2]) else { return nil }
            out.append(hi << 4 | lo)
            k += 3
        }
        // String(decoding:) repairs bad UTF-8 with U+FFFD: the bytes change exactly when it was bad.
        let text = String(decoding: out, as: UTF8.self)
        return text.utf8.elementsEqual(out) ? text : nil
    }

    /// `text.split(separator: Character(separator), omittingEmptySubsequences:)` for ASCII text
    /// whose separator is not "\r" or "\n".
    static func pieces(_ text: Substring, separator: UInt8, omittingEmpty: Bool) -> [Substring] {
        var out: [Substring] = []
        let u = text.utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            if u[i] == separator {
                if !(omittingEmpty && start == i) { out.append(text[start..<i]) }
                i = u.index(after: i)
                start = i
            } else {
                i = u.index(after: i)
            }
        }
        if !(omittingEmpty && start == u.endIndex) { out.append(text[start..<u.endIndex]) }
        return out
    }

    /// Whether `hay` holds `needle` (both byte sequences).
    static func contains<S: StringProtocol>(_ hay: S, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        func search(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let f = n.first else { return true }
            guard h.count >= n.count else { return false }
            var k = 0
            while k + n.count <= h.count {
                if h[k] == f && h[k..<(k + n.count)].elementsEqual(n) { return true }
                k += 1
            }
            return false
        }
        if let found = hay.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(hay.utf8).withUnsafeBufferPointer(search)
    }
}
