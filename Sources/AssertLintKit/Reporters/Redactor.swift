import Foundation

/// The one redaction step on the way out. It is told every credential the input holds (form
/// fields, headers, URL userinfo, query and fragment parameters, JSON bodies at any depth and in
/// any naming style, private keys and private JWK members, signatures, Basic credentials and the
/// decoded password) and every management token in the environment, and `Output` passes every
/// byte written to stdout and stderr through `redact(_:)`, which replaces each occurrence of such
/// a value with `•••`, wherever it reappears: in a library's message, in a name, in a note.
///
/// Reporters keep their own per-field display (the first 12 characters of a token, then `…`);
/// this step catches whatever a reporter, a rule or an error message lets through.
/// A value shorter than `anywhereLength` (or a plain word) is replaced only where it stands as a
/// field's value (`=value`, `: value`, `"value"`), so that a short secret such as `abc12345`
/// does not mask the same letters inside ordinary text.
public final class Redactor: @unchecked Sendable {
    public static let shared = Redactor()

    /// Where a secret came from: `--show-secrets` prints the input's, never the environment's.
    public enum Origin: Sendable { case input, environment }

    /// Values at least this long (and not plain words) are replaced wherever they appear.
    public static let anywhereLength = 8
    /// Shorter values are not worth hiding (`1`, `abc`), and hiding them would mask text.
    public static let minimumLength = 4
    public static let mask = "•••"

    private let lock = NSLock()
    /// Secrets replaced anywhere, as digests (see `SecretIndex`).
    private var anywhere = SecretIndex()
    /// Every value `learn(_:origin:)` was given, as a digest with its origin: the same signature,
    /// JWKS member or header value reaches it from the file's text and again from the parsed
    /// request, and each form is computed once.
    private var learned: Set<UInt64> = []
    /// Secrets replaced where they stand as a field value.
    private var fieldValues: [String: Origin] = [:]
    private var showInputSecrets = false

    public init() {}

    /// `--show-secrets`: the values the user's input holds are printed; API tokens never are.
    public func showSecrets(_ on: Bool) {
        lock.lock(); defer { lock.unlock() }
        showInputSecrets = on
    }

    public var isEmpty: Bool {
        lock.lock(); defer { lock.unlock() }
        return anywhere.isEmpty && fieldValues.isEmpty
    }

    // MARK: Learning

    /// Records one credential value, with the forms it takes once encoded for output
    /// (percent-encoding, JSON, XML, the escapes of `Escape.line` and of workflow commands).
    public func learn(_ raw: String, origin: Origin = .input) {
        let seen = SecretIndex.digest(raw) ^ (origin == .environment ? 0x5A5A_5A5A_5A5A_5A5A : 0)
        lock.lock()
        let isNew = learned.insert(seen).inserted
        lock.unlock()
        guard isNew else { return }
        let value = Self.trimmed(raw, Self.whitespacesAndNewlinesBytes, .whitespacesAndNewlines)
        // An ASCII value has as many characters as bytes: no grapheme walk over a 342-byte signature.
        guard value.utf8.count >= Self.minimumLength, Self.asciiDots(value) != nil || value.count >= Self.minimumLength,
              !Self.isNotASecret(value) else { return }
        var forms: Set<String> = [value]
        // A value of unreserved characters only (a base64url signature, most tokens) is its own
        // percent, form, JSON, XML and escaped form.
        if !value.utf8.allSatisfy(Self.isUnreserved) {
            if let p = value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) { forms.insert(p) }
            forms.insert(FormEncoding.encode(value))
            forms.insert(JSONValue.string(value).compactText.dropFirst().dropLast().description)
            forms.insert(Escape.line(value))
            forms.insert(value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;"))
            forms.insert(value.replacingOccurrences(of: "%", with: "%25"))
        }
        lock.lock(); defer { lock.unlock() }
        for form in forms where !form.isEmpty {
            if Self.replacedAnywhere(form) {
                anywhere.insert(Array(form.utf8), origin: origin)
            } else if fieldValues[form] == nil || origin == .environment {
                fieldValues[form] = origin
            }
        }
    }

    /// The credentials a read request, assertion and app registration hold.
    public func learn(subject: Subject) {
        if let compact = subject.assertion.decoded?.compact {
            // ASCII (every real token): the last dot is a byte. Otherwise by characters, as before.
            if let ascii = Self.asciiDots(compact) {
                learn(ascii.lastDot < 0 ? compact : String(decoding: compact.utf8.dropFirst(ascii.lastDot + 1), as: UTF8.self))
            } else if let signature = compact.split(separator: ".", omittingEmptySubsequences: false).last {
                learn(String(signature))
            }
        }
        if let secret = subject.app.clientSecret?.value { learn(secret) }
        if let jwks = subject.app.jwks { learn(json: jwks, parentIsKey: false) }
        if let request = subject.request { learn(request: request) }
        if let raw = subject.rawText { learn(text: raw) }
    }

    public func learn(request: TokenRequest) {
        for field in request.formFields where Self.namesCredential(field.name) { learnToken(field.value) }
        for header in request.headers {
            let name = header.name.lowercased()
            if name == "authorization" || name == "proxy-authorization" {
                let parts = header.value.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                if parts.count == 2 { learnToken(String(parts[1]).trimmingCharacters(in: .whitespaces)) } else { learnToken(header.value) }
            } else if Text.secretHeaders.contains(name) || Self.namesCredential(name) || name == "dpop" {
                learnToken(header.value)
            }
        }
        if let basic = request.basicCredentials, basic.decodable {
            learn(basic.password)
            learn(basic.user + ":" + basic.password)
        }
        learn(url: request.url)
        switch request.body {
        case .raw(let text): learn(text: text)
        case .form, .none: break
        }
    }

    /// Userinfo, and credential parameters in the query and the fragment.
    public func learn(url: String) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                if let colon = userinfo.firstIndex(of: ":") {
                    let password = String(userinfo[userinfo.index(after: colon)...])
                    learn(password)
                    learn(password.removingPercentEncoding ?? password)
                }
                learn(String(userinfo))
            }
        }
        for separator in ["?", "#"] as [Character] {
            guard let start = url.firstIndex(of: separator) else { continue }
            let part = url[url.index(after: start)...].prefix { separator == "#" || $0 != "#" }
            for pair in part.split(separator: "&") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                let name = FormEncoding.decode(pair[..<eq])
                guard Self.namesCredential(name) else { continue }
                let value = String(pair[pair.index(after: eq)...])
                learnToken(value)
                learnToken(FormEncoding.decode(Substring(value)))
            }
        }
    }

    /// A JWS is shown by its header and claims, so only its signature is a secret; any other
    /// token is secret as a whole.
    func learnToken(_ value: String) {
        let v = Self.trimmed(value, Self.tokenTrimBytes, Self.tokenTrim)
        // ASCII (every real token): the dots are bytes. Otherwise by characters, as before.
        if let ascii = Self.asciiDots(v) {
            if ascii.dots == 2, v.utf8.starts(with: [0x65, 0x79, 0x4A]) {
                learn(String(decoding: v.utf8.dropFirst(ascii.lastDot + 1), as: UTF8.self))
            } else {
                learn(v)
            }
            return
        }
        let parts = v.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, v.hasPrefix("eyJ") {
            learn(String(parts[2]))
        } else {
            learn(v)
        }
    }

    /// For an ASCII string, how many `.` it holds and the byte offset of the last (-1 if none),
    /// in one pass over its bytes; nil when it holds anything else.
    static func asciiDots(_ s: String) -> (dots: Int, lastDot: Int)? {
        var copy = s
        return copy.withUTF8 { b -> (dots: Int, lastDot: Int)? in
            var dots = 0, lastDot = -1
            for i in 0..<b.count {
                let c = b[i]
                if c >= 0x80 { return nil }
                if c == 0x2E { dots += 1; lastDot = i }
            }
            return (dots, lastDot)
        }
    }

    /// JSON at any depth: members whose name says credential in any naming style
    /// (`client_secret`, `clientSecret`, `client-secret`, `auth.client_secret`), and the
    /// private members of a JWK.
    public func learn(json: JSONValue, parentIsKey: Bool = false) {
        switch json {
        case .object(let o):
            let isKey = o["kty"] != nil
            for m in o.members {
                if isKey, Self.privateJWKMembers.contains(m.key), let s = m.value.stringValue {
                    learn(s)
                    continue
                }
                let credential = Self.namesCredential(m.key)
                if credential, let s = m.value.stringValue {
                    learnToken(s)
                } else if credential, case .number(let n) = m.value {
                    learn(n)
                } else {
                    learn(json: m.value)
                }
            }
        case .array(let items):
            for item in items { learn(json: item) }
        case .string(let s):
            // A JSON string holding JSON (a body in a HAR entry).
            // The first byte before the first character: most strings start with neither bracket.
            if let byte = s.utf8.first, byte == 0x7B || byte == 0x5B, let first = s.first, first == "{" || first == "[",
               s.utf8.count < 1_048_576, let inner = try? JSONParser.parse(s) {
                learn(json: inner)
            }
        default: break
        }
    }

    /// Any text the user gave (a file, a paste, a body, a config): what it writes as a
    /// credential, whether or not it parses. This is what keeps a secret out of the message
    /// about a file that could not be read. One pass over the UTF-8 bytes, line by line.
    public func learn(text: String) {
        guard !text.isEmpty else { return }
        // A small JSON document is parsed (strings holding JSON, members split over lines); a large
        // one (a HAR of thousands of entries) is left to the line scan below, which sees the same
        // `"name": "value"` pairs without a second parse.
        if text.utf8.count <= 262_144, let first = text.trimmedWhitespace.first, first == "{" || first == "[",
           let json = try? JSONParser.parse(text.trimmedWhitespace) {
            learn(json: json)
        }
        var copy = text
        copy.withUTF8 { all in
            var inPrivateKey = false
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count, all[end] != 0x0A, all[end] != 0x0D { end += 1 }
                let (from, to) = Self.trimmedRange(all, start, end)
                start = end + 1
                guard from < to else { continue }
                let line = UnsafeBufferPointer(rebasing: all[from..<to])
                if Self.starts(line, with: Self.pemBegin) && Self.find(Self.privateKeyWords, in: line, from: 0) != nil {
                    inPrivateKey = true
                    continue
                }
                if Self.starts(line, with: Self.pemEnd) { inPrivateKey = false; continue }
                if inPrivateKey {
                    // Base64 lines of a PEM body (also when the PEM sits in a YAML block or a JSON string).
                    let l = String(decoding: line, as: UTF8.self)
                    for piece in l.split(whereSeparator: { !Self.base64.contains($0) }) where piece.count >= 16 { learn(String(piece)) }
                    continue
                }
                scanPairs(line)
            }
            // A PEM body inside one JSON string or YAML flow line: `\n`-joined.
            if Self.find(Self.pemInString, in: all, from: 0) != nil {
                for block in text.components(separatedBy: "PRIVATE KEY-----\\n").dropFirst() {
                    let body = block.components(separatedBy: "-----END").first ?? ""
                    for piece in body.components(separatedBy: "\\n") where piece.count >= 16 { learn(piece) }
                }
            }
        }
    }

    /// `name=value`, `name: value`, `"name": "value"`, `Authorization: Basic …`, compact JWS
    /// signatures: anywhere on a line (trimmed, without its line break). Works on UTF-8 bytes:
    /// every file of a large `check` passes here.
    private func scanPairs(_ b: UnsafeBufferPointer<UInt8>) {
        func isName(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D || c == 0x2E
        }
        func isQuote(_ c: UInt8) -> Bool { c == 0x22 || c == 0x27 }
        func isEnd(_ c: UInt8) -> Bool {
            switch c {
            case 0x26, 0x20, 0x2C, 0x7D, 0x23, 0x22, 0x27, 0x3B, 0x09, 0x5D, 0x29: return true
            default: return false
            }
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        var i = 0
        while i < b.count {
            guard isName(b[i]) else { i += 1; continue }
            let start = i
            while i < b.count, isName(b[i]) { i += 1 }
            let nameRange = start..<i
            var j = i
            if j + 1 < b.count, b[j] == 0x5C, isQuote(b[j + 1]) { j += 1 } // `\"name\":` inside a JSON string
            if j < b.count, isQuote(b[j]) { j += 1 }
            while j < b.count, b[j] == 0x20 { j += 1 }
            guard j < b.count, b[j] == 0x3D || b[j] == 0x3A else { continue }
            j += 1
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            var quote: UInt8?
            if j + 1 < b.count, b[j] == 0x5C, isQuote(b[j + 1]) { j += 1 }
            if j < b.count, isQuote(b[j]) { quote = b[j]; j += 1 }
            let valueStart = j
            while j < b.count {
                if let quote { if b[j] == quote { break } } else if isEnd(b[j]) { break }
                j += 1
            }
            let name = text(nameRange)
            var valueEnd = j
            if quote != nil, valueEnd > valueStart, b[valueEnd - 1] == 0x5C { valueEnd -= 1 }
            let valueBytes = b[valueStart..<valueEnd]
            let lower = name.lowercased()
            if lower == "authorization" || lower == "proxy-authorization" || lower.hasSuffix("authorization") {
                let rest = text(valueStart..<b.count).split(separator: " ")
                if rest.count >= 2 {
                    let credential = rest[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"',"))
                    learnToken(credential)
                    if rest[0].lowercased() == "basic", let data = Data(base64Encoded: credential),
                       let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":") {
                        learn(String(decoded[decoded.index(after: colon)...]))
                    }
                } else if let only = rest.first {
                    learnToken(String(only))
                }
            } else if Self.privateJWKMembers.contains(name), valueBytes.count >= 16, valueBytes.allSatisfy(Self.isBase64URL) {
                learn(text(valueStart..<valueEnd))
            } else if valueBytes.count >= Self.minimumLength, Self.namesCredential(name) {
                let value = text(valueStart..<valueEnd)
                learnToken(value)
                if valueBytes.contains(0x25) || valueBytes.contains(0x2B) { learnToken(FormEncoding.decode(Substring(value))) }
            }
            i = max(i, valueStart)
        }
        // Compact JWS anywhere (a log line, a code snippet): its signature.
        var k = 0
        while k + 3 <= b.count {
            guard b[k] == 0x65, b[k + 1] == 0x79, b[k + 2] == 0x4A else { k += 1; continue } // "eyJ"
            var e = k
            var dots = 0, lastDot = 0
            while e < b.count, isName(b[e]) || b[e] == 0x2E {
                if b[e] == 0x2E { dots += 1; lastDot = e }
                e += 1
            }
            if dots == 2, e - lastDot - 1 >= 16 { learn(text((lastDot + 1)..<e)) }
            k = max(e, k + 1)
        }
        // SSWS / Bearer / Basic credentials written without a header name.
        for scheme in Self.schemes {
            var from = 0
            while let hit = Self.find(scheme, in: b, from: from) {
                let credentialStart = hit + scheme.count
                var e = credentialStart
                while e < b.count, Self.isCredentialByte(b[e]) { e += 1 }
                if e < b.count, b[e] >= 0x80 {
                    // A combining mark may join the last character: judge characters, as people see them.
                    let rest = text(credentialStart..<b.count)
                    let credential = rest.prefix { Self.base64URL.contains($0) || $0 == "+" || $0 == "/" || $0 == "=" || $0 == "." }
                    if credential.count >= Self.anywhereLength { learnToken(String(credential)) }
                } else if e - credentialStart >= Self.anywhereLength {
                    learnToken(text(credentialStart..<e))
                }
                from = credentialStart
            }
        }
    }

    /// The management tokens in the environment (`OKTA_API_TOKEN`, `OKTA_ACCESS_TOKEN`) and the
    /// contents of the files their `_FILE` forms name (regular files only, bounded, never a FIFO).
    public func learn(environment: [String: String]) {
        for name in ["OKTA_API_TOKEN", "OKTA_ACCESS_TOKEN", "OKTA_CLIENT_SECRET", "OKTA_CLIENT_TOKEN"] {
            if let v = environment[name] { learnEnvironmentToken(v) }
            if let path = environment[name + "_FILE"], let text = Self.smallRegularFile(path) {
                learnEnvironmentToken(text)
            }
        }
    }

    private func learnEnvironmentToken(_ value: String) {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !v.isEmpty else { return }
        learn(v, origin: .environment)
        for piece in v.split(whereSeparator: \.isWhitespace) { learn(String(piece), origin: .environment) }
    }

    /// At most 64 KiB of a regular file, opened without blocking (a FIFO is not read).
    static func smallRegularFile(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }

    // MARK: Redacting

    /// `text` with every known secret replaced by `•••`.
    public func redact(_ text: String) -> String {
        lock.lock(); defer { lock.unlock() }
        if anywhere.isEmpty && fieldValues.isEmpty { return text }
        var result = text
        if !anywhere.isEmpty, let replaced = anywhere.redact(Array(text.utf8), mask: Self.maskBytes, onlyEnvironment: showInputSecrets) {
            result = String(decoding: replaced, as: UTF8.self)
        }
        if !fieldValues.isEmpty {
            for (value, origin) in fieldValues where visible(origin) && result.contains(value) {
                result = Self.replaceFieldValue(value, in: result)
            }
        }
        return result
    }

    /// `redact(_:)` for UTF-8 bytes (a piece of a spooled document): the same result, without
    /// a `String` when no short field value is known.
    public func redact(bytes: [UInt8]) -> [UInt8] {
        lock.lock()
        let onlyIndex = fieldValues.isEmpty
        if onlyIndex {
            defer { lock.unlock() }
            guard !anywhere.isEmpty else { return bytes }
            return anywhere.redact(bytes, mask: Self.maskBytes, onlyEnvironment: showInputSecrets) ?? bytes
        }
        lock.unlock()
        return Array(redact(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    private func visible(_ origin: Origin?) -> Bool {
        origin == .environment || !showInputSecrets
    }

    /// Replaces `value` where it stands as a value: after `=`, `:` or a quote, before an end
    /// (`&`, a quote, a space, `,`, `}`, `;`, end of line).
    static func replaceFieldValue(_ value: String, in text: String) -> String {
        var out = ""
        var rest = text[...]
        while let r = rest.range(of: value) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let opens = before.map { "=:\"'".contains($0) || ($0 == " " && precededByColon(text, r.lowerBound)) } ?? false
            let closes = after.map { "&\"' ,};\n\r)".contains($0) } ?? true
            out += rest[..<r.lowerBound]
            out += opens && closes ? mask : String(text[r])
            rest = text[r.upperBound...]
        }
        return out + rest
    }

    private static func precededByColon(_ text: String, _ i: String.Index) -> Bool {
        var j = text.index(before: i)
        while j > text.startIndex, text[j] == " " { j = text.index(before: j) }
        return text[j] == ":" || text[j] == "="
    }

    // MARK: Helpers

    /// Long enough and not a plain word: replaced wherever it appears.
    static func replacedAnywhere(_ value: String) -> Bool {
        guard value.utf8.count >= anywhereLength else { return false }
        if value.utf8.count >= 16, value.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        let plainWord = value.count < 16 && value.allSatisfy { $0.isLetter }
        return !plainWord
    }

    /// Values that name no secret: booleans, numbers of a few digits, placeholders, variables,
    /// file names, URLs.
    static func isNotASecret(_ v: String) -> Bool {
        let lower = v.lowercased()
        if ["true", "false", "null", "none", "yes", "no", "redacted", "secret", "password", "changeme"].contains(lower) { return true }
        if v.allSatisfy(\.isNumber) && v.count < 8 { return true }
        // A placeholder the paste shows instead of a value (`{signedAssertion}`, `{{assertion}}`,
        // `<your-secret>`, a shell variable or `$(command)`).
        if Placeholders.isWhole(v) && Placeholders.isShowable(v) { return true }
        // The same cut at its closing brace by a scan that stops there (`{signedAssertion`).
        if v.hasPrefix("{"), v.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "_-.}".contains($0) }) { return true }
        // `…` (U+2026) is E2 80 A6 in UTF-8: without a 0xE2 byte the Foundation search cannot match.
        if v.hasPrefix("$") || v.hasPrefix("{{") || v.hasPrefix("<") || (v.utf8.contains(0xE2) && v.contains("…")) || v.hasPrefix("•") {
            return true
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("urn:") { return true }
        if v.hasPrefix("eyJ") && v.hasSuffix("...") { return true }
        return false
    }

    /// A member or field name that says its value is a credential, in any naming style:
    /// `client_secret`, `clientSecret`, `client-secret`, `CLIENT_SECRET`, `password`, `api_key`,
    /// `access_token`, `client_assertion`; not names of kinds or files (`*_type`, `*_hint`,
    /// `*_env`, `*_file`, `*_uri`, `*_method`).
    public static func namesCredential(_ name: String) -> Bool {
        // The same few dozen names recur in every file of a large `check`.
        nameCacheLock.lock()
        if let known = nameCache[name] {
            nameCacheLock.unlock()
            return known
        }
        nameCacheLock.unlock()
        let answer = judgeName(name)
        nameCacheLock.lock()
        if nameCache.count < 65_536 { nameCache[name] = answer }
        nameCacheLock.unlock()
        return answer
    }

    nonisolated(unsafe) private static var nameCache: [String: Bool] = [:]
    private static let nameCacheLock = NSLock()

    private static func judgeName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let last = lower.split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? lower
        let flat = last.filter { $0 != "_" && $0 != "-" }
        let kinds = ["type", "hint", "env", "file", "uri", "url", "method", "path", "expiresat", "expiresin", "endpoint", "id", "name",
                     "length", "kind", "format", "with", "alg", "algorithm"]
        if kinds.contains(where: { flat.hasSuffix($0) && flat != $0 }) { return false }
        if flat == "code" { return true }
        let words = ["secret", "password", "passwd", "pwd", "apikey", "privatekey", "token", "assertion", "credential", "signature",
                     "codeverifier", "devicecode", "cookie", "ssws", "bearer", "authorization"]
        return words.contains { flat.contains($0) }
    }

    static let maskBytes = Array(mask.utf8)
    static let tokenTrim = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))

    /// ASCII bytes of `.whitespacesAndNewlines` (tab, LF, VT, FF, CR, space), and of the token trim (also quotes).
    static func whitespacesAndNewlinesBytes(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    static func tokenTrimBytes(_ c: UInt8) -> Bool { whitespacesAndNewlinesBytes(c) || c == 0x22 || c == 0x27 }

    /// `s` trimmed of `set`; when both ends are ASCII and not in it (a token, a signature), `s`
    /// itself without asking Foundation.
    static func trimmed(_ s: String, _ ascii: (UInt8) -> Bool, _ set: CharacterSet) -> String {
        if let first = s.utf8.first, let last = s.utf8.last, first < 0x80, last < 0x80, !ascii(first), !ascii(last) { return s }
        return s.trimmingCharacters(in: set)
    }

    /// `line` (start..<end of `b`) without the `.whitespaces` at either end: tab, space, and the
    /// Unicode space separators (U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000).
    static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        func blank(at i: Int, limit: Int) -> Int {
            let c = b[i]
            if c == 0x20 || c == 0x09 { return 1 }
            guard c >= 0xC2 else { return 0 }
            func at(_ k: Int) -> UInt8 { i + k < limit ? b[i + k] : 0 }
            switch c {
            case 0xC2: return at(1) == 0xA0 ? 2 : 0
            case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
            case 0xE2:
                if at(1) == 0x80, at(2) >= 0x80, at(2) <= 0x8A || at(2) == 0xAF { return 3 }
                return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0
            case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
            default: return 0
            }
        }
        var from = start
        while from < end {
            let n = blank(at: from, limit: end)
            guard n > 0 else { break }
            from += n
        }
        var to = end
        while to > from {
            // The last character: a 1-byte blank, or a 2- or 3-byte space separator.
            if blank(at: to - 1, limit: to) == 1 { to -= 1; continue }
            if to - from >= 2, blank(at: to - 2, limit: to) == 2 { to -= 2; continue }
            if to - from >= 3, blank(at: to - 3, limit: to) == 3 { to -= 3; continue }
            break
        }
        return (from, to)
    }

    static func starts(_ b: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        b.count >= prefix.count && b.prefix(prefix.count).elementsEqual(prefix)
    }

    /// The first index at or after `from` where `needle` starts in `b`.
    static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= b.count else { return nil }
        var i = from
        while i + needle.count <= b.count {
            if b[i] == first, b[(i + 1)..<(i + needle.count)].elementsEqual(needle.dropFirst()) { return i }
            i += 1
        }
        return nil
    }

    static let pemBegin = Array("-----BEGIN".utf8)
    static let pemEnd = Array("-----END".utf8)
    static let privateKeyWords = Array("PRIVATE KEY".utf8)
    static let pemInString = Array("PRIVATE KEY-----\\n".utf8)
    static let schemes = ["SSWS ", "Bearer ", "Basic "].map { Array($0.utf8) }

    static func isUnreserved(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E
    }

    static func isBase64URL(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
    }

    /// A character of a credential after `Bearer `: base64url, `+`, `/`, `=` or `.`.
    static func isCredentialByte(_ c: UInt8) -> Bool {
        isBase64URL(c) || c == 0x2B || c == 0x2F || c == 0x3D || c == 0x2E
    }

    static let privateJWKMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "k", "oth", "r", "t"]
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    static let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
    static let base64URL = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func nameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".")
    }
}
