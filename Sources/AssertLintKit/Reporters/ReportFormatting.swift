import Foundation

/// `--color`: `auto` colours only a terminal, and not when `NO_COLOR` is set or `TERM=dumb`.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never

    /// Whether to colour, given where the output goes and the environment.
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = environment["NO_COLOR"], !v.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}

/// How much a text diagnosis says.
public enum ReportDetail: String, Sendable, CaseIterable {
    /// The server's answer and the fix lines only (`--brief`).
    case brief
    /// One block per cause, then the verdict: fits a terminal (the command line's default).
    case concise
    /// Everything: the decoded request, app and assertion, explanations, how the input was read
    /// (`--verbose`).
    case verbose
}

/// What every reporter needs to know about how to print.
public struct ReportOptions: Sendable {
    public var color: Bool
    /// Print full signatures, secrets and credentials (only with `--show-secrets`).
    public var showSecrets: Bool
    /// The width text is wrapped to, in terminal columns.
    public var width: Int
    /// How much `TextReporter` prints. The library's default is everything; the command line
    /// chooses `.concise` unless asked.
    public var detail: ReportDetail

    public init(color: Bool = false, showSecrets: Bool = false, width: Int = 80, detail: ReportDetail = .verbose) {
        self.color = color
        self.showSecrets = showSecrets
        self.width = width
        self.detail = detail
    }
}

/// ANSI styles, or nothing when colour is off.
struct Style {
    let on: Bool

    private func sgr(_ code: String, _ s: String) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { sgr("1", s) }
    func dim(_ s: String) -> String { sgr("2", s) }
    func red(_ s: String) -> String { sgr("31", s) }
    func green(_ s: String) -> String { sgr("32", s) }
    func yellow(_ s: String) -> String { sgr("33", s) }
    func cyan(_ s: String) -> String { sgr("36", s) }

    func severity(_ s: Severity, _ text: String) -> String {
        switch s {
        case .error: return bold(red(text))
        case .warning: return bold(yellow(text))
        case .info: return bold(cyan(text))
        }
    }
}

/// Shared pieces of text output: wrapping, counts, times, redaction.
enum Text {
    /// Reflows paragraphs (separated by blank lines; list items kept on their own lines) to
    /// `width` terminal columns, each line prefixed by `indent` (the first by `first` when given).
    /// No line is wider than `width`, except a value that must stay copyable (a URL, a token, a
    /// quoted value) longer than the room left: it gets a line of its own, whole. Any other word
    /// longer than the room is cut at the width.
    static func wrap(_ text: String, width: Int, indent: String, first: String? = nil) -> [String] {
        var out: [String] = []
        var paragraphs: [[String]] = [[]]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                paragraphs.append([line])
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        for (n, paragraph) in paragraphs.enumerated() where !paragraph.isEmpty {
            if n > 0 && !out.isEmpty && !(paragraph.first?.hasPrefix("- ") ?? false) { out.append("") }
            var line = ""
            var lineColumns = 0
            func prefix() -> String { out.isEmpty && line.isEmpty ? (first ?? indent) : indent }
            func flush() {
                if !line.isEmpty { out.append(line) }
                line = ""
                lineColumns = 0
            }
            for word in paragraph.joined(separator: " ").split(separator: " ").map(String.init) {
                let wordColumns = columns(word)
                if !line.isEmpty && lineColumns + 1 + wordColumns <= width {
                    line += " " + word
                    lineColumns += 1 + wordColumns
                    continue
                }
                flush()
                var lead = prefix()
                let room = width - columns(lead)
                if wordColumns > room, isCopyableValue(word) {
                    // A value to copy whole: indented less, so that it still fits if it can.
                    lead = String(repeating: " ", count: max(0, min(columns(lead), width - wordColumns)))
                }
                if wordColumns <= room || isCopyableValue(word) || room < 1 {
                    line = lead + word
                    lineColumns = columns(lead) + wordColumns
                    continue
                }
                // Prose longer than the line: cut it at the width.
                var rest = Substring(word)
                while !rest.isEmpty {
                    let l = prefix()
                    let (head, tail) = split(rest, columns: max(1, width - columns(l)))
                    line = l + head
                    lineColumns = columns(line)
                    rest = tail
                    if !rest.isEmpty { flush() }
                }
            }
            flush()
        }
        return out.map { $0.trimmingTrailingSpaces }
    }

    /// The longest head of `text` that fits in `columns` (at least one character), and the rest.
    private static func split(_ text: Substring, columns limit: Int) -> (Substring, Substring) {
        var used = 0
        var end = text.startIndex
        for c in text.indices {
            let w = columns(String(text[c]))
            if used + w > limit && end > text.startIndex { break }
            used += w
            end = text.index(after: c)
        }
        return (text[..<end], text[end...])
    }

    /// The longest head of `text` that fits in `columns`.
    static func cut(_ text: String, columns limit: Int) -> String {
        var used = 0
        var out = ""
        for c in text {
            let w = columns(String(c))
            if used + w > limit { break }
            used += w
            out.append(c)
        }
        return out
    }

    /// A word a reader copies whole: a URL, a JWT or other token, a quoted or backticked value.
    /// Cutting one in two makes it useless, so it may run past the width on a line of its own.
    static func isCopyableValue(_ word: String) -> Bool {
        if word.contains("://") { return true }
        if let f = word.first, "\"'`(<[".contains(f) { return true }
        let tokenCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=:%@")
        return word.count >= 16 && word.allSatisfy(tokenCharacters.contains) && word.contains { !$0.isLetter }
    }

    /// How many terminal columns `text` takes: East Asian wide and fullwidth characters (and
    /// emoji shown as emoji) take two, combining marks, zero-width and control characters none,
    /// and ANSI colour sequences nothing.
    static func columns(_ text: String) -> Int {
        var total = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let u = scalars.next() {
            if u == "\u{1B}" {
                // CSI ... final byte (0x40-0x7E): a colour or other control sequence.
                if let next = scalars.next(), next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                }
                continue
            }
            total += columns(u)
        }
        return total
    }

    static func columns(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x7F { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if wideRanges.contains(where: { $0.contains(v) }) { return 2 }
        if u.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East_Asian_Width W and F (Unicode 15), as ranges.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// "2 errors, 1 warning" or "no problems found".
    static func summary(errors: Int, warnings: Int, infos: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if infos > 0 { parts.append(plural(infos, "info")) }
        return parts.isEmpty ? "no problems found" : parts.joined(separator: ", ")
    }

    /// Latest date the formatter prints sensibly (9999-12-31T23:59:59Z).
    static let maxEpoch = 253_402_300_799.0

    static func utc(_ seconds: Double) -> String? {
        guard seconds.isFinite, abs(seconds) <= maxEpoch else { return nil }
        return Timestamps.format(Date(timeIntervalSince1970: seconds))
    }

    /// "in 5 min", "2 h 3 min ago", "now".
    static func relative(_ seconds: Double, to now: Date) -> String {
        let delta = seconds - now.timeIntervalSince1970
        let magnitude = abs(delta).rounded()
        if magnitude < 1 { return "now" }
        let text: String
        let s = Int(magnitude)
        if s < 60 {
            text = "\(s) s"
        } else if s < 3600 {
            text = s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s"
        } else if s < 86_400 {
            text = (s % 3600) / 60 == 0 ? "\(s / 3600) h" : "\(s / 3600) h \((s % 3600) / 60) min"
        } else if s < 86_400 * 365 * 2 {
            text = plural(s / 86_400, "day")
        } else {
            text = plural(s / (86_400 * 365), "year")
        }
        return delta > 0 ? "in \(text)" : "\(text) ago"
    }

    /// A credential-like value shown as its first 12 characters.
    /// A short value is hidden entirely: its first 12 characters would be all of it.
    static func prefix(_ value: String, showSecrets: Bool) -> String {
        if showSecrets { return value }
        if value.count <= 12 { return "•••" }
        return String(value.prefix(12)) + "…"
    }

    /// Form parameters whose values are credentials or grants.
    static let secretFields: Set<String> = ["client_secret", "password"]
    static let tokenFields: Set<String> = ["client_assertion", "assertion", "token", "refresh_token", "code",
                                           "code_verifier", "subject_token", "actor_token", "device_code"]

    /// Names that say their value is a credential, beyond the OAuth ones (`OKTA_API_TOKEN`,
    /// `api_key`, `X-Okta-Api-Token`): people paste whatever their code sends.
    static func namesSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        // An API token (OKTA_API_TOKEN, X-Okta-Api-Token) shows no prefix at all.
        if n.contains("api") && n.contains("token") { return true }
        return secretFields.contains(n) || ["secret", "password", "passwd", "apikey", "api_key", "api-key", "private_key", "private-key"].contains { n.contains($0) }
    }

    static func namesToken(_ name: String) -> Bool {
        let n = name.lowercased()
        if tokenFields.contains(n) { return true }
        // token_type_hint, subject_token_type: names of token kinds, not tokens.
        if n.hasSuffix("_type") || n.hasSuffix("_hint") || n.hasSuffix("-type") { return false }
        return n.contains("token") || n.hasSuffix("assertion")
    }

    static func formValue(_ field: FormField, showSecrets: Bool) -> String {
        if showSecrets { return field.value }
        if namesSecret(field.name) {
            return field.value.isEmpty ? "" : "••• (\(field.value.utf8.count) bytes, not shown)"
        }
        if namesToken(field.name) {
            return field.value.isEmpty ? "" : prefix(field.value, showSecrets: false) + " (\(field.value.utf8.count) chars)"
        }
        return field.value
    }

    static let secretHeaders: Set<String> = ["cookie", "proxy-authorization", "x-api-key", "x-okta-api-key"]

    /// A header value with its credential hidden: `Basic 0oa1:•••`, `Bearer eyJhbGciOiJS…`.
    static func headerValue(_ header: HTTPHeader, request: TokenRequest, showSecrets: Bool) -> String {
        if showSecrets { return header.value }
        let name = header.name.lowercased()
        if name == "authorization" {
            let v = header.value.trimmingCharacters(in: .whitespaces)
            let parts = v.split(separator: " ", maxSplits: 1)
            let scheme = parts.first.map(String.init) ?? ""
            let credential = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            if scheme.lowercased() == "basic" {
                guard let basic = request.basicCredentials, basic.decodable else {
                    return "\(scheme) ••• (not valid base64 of user:password)"
                }
                return "\(scheme) \(basic.user):•••"
            }
            if credential.isEmpty { return scheme }
            // An SSWS management token shows nothing of itself: its first characters are not a token prefix but the token.
            if scheme.lowercased() == "ssws" { return "\(scheme) ••• (\(credential.utf8.count) chars, not shown)" }
            return "\(scheme) \(prefix(credential, showSecrets: false))"
        }
        if name == "dpop" { return prefix(header.value, showSecrets: false) }
        if secretHeaders.contains(name) || namesSecret(name) { return "•••" }
        if namesToken(name) { return prefix(header.value, showSecrets: false) }
        return header.value
    }

    /// A URL with its userinfo password hidden and credential parameters in the query and the
    /// fragment (`#access_token=`) cut short (curl -G puts the form in the query).
    static func url(_ url: String, showSecrets: Bool) -> String {
        guard !showSecrets else { return url }
        var out = url
        if let scheme = out.range(of: "://") {
            let rest = out[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                let user = userinfo.prefix { $0 != ":" }
                out = String(out[..<scheme.upperBound]) + user + (user.count < userinfo.count ? ":•••" : "") + String(out[at...])
            }
        }
        func params(_ part: Substring) -> String {
            part.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
                let field = FormField(name: FormEncoding.decode(pair[..<eq]), value: String(pair[pair.index(after: eq)...]))
                guard namesSecret(field.name) || namesToken(field.name) else { return String(pair) }
                return String(pair[..<eq]) + "=" + formValue(field, showSecrets: false)
            }.joined(separator: "&")
        }
        let hash = out.firstIndex(of: "#")
        let beforeFragment = hash.map { out[..<$0] } ?? out[...]
        var result: String
        if let q = beforeFragment.firstIndex(of: "?") {
            result = String(beforeFragment[...q]) + params(beforeFragment[beforeFragment.index(after: q)...])
        } else {
            result = String(beforeFragment)
        }
        if let hash { result += "#" + params(out[out.index(after: hash)...]) }
        return result
    }

    /// The time claims, with what they mean.
    static let timeClaims = ["iat", "nbf", "exp"]
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// JSON building for machine output.
enum JSONBuild {
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }

    static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func int(_ n: Int?) -> JSONValue { n.map { .number(String($0)) } ?? .null }
}

/// `YYYY-MM-DDTHH:MM:SSZ` written by hand (issue 13): an `ISO8601DateFormatter` made for each
/// message was 31% of a `check` over pasted curl files. Whole seconds from 1583 to 9999 only, the
/// range where the formatter's calendar is the proleptic Gregorian one computed here; anything
/// else (fractions, earlier dates) returns nil and goes to the formatter.
enum UTCTimestamp {
    /// 1583-01-01T00:00:00Z; before it Foundation counts Julian days.
    static let firstEpoch = -12_212_553_600.0

    static func format(_ date: Date) -> String? {
        let t = date.timeIntervalSince1970
        guard t.isFinite, t >= firstEpoch, t <= Text.maxEpoch, t.rounded(.down) == t else { return nil }
        let seconds = Int(t)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let second = seconds - days * 86_400
        // The civil date of a day count (H. Hinnant's algorithm), proleptic Gregorian.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var out = [UInt8]()
        out.reserveCapacity(20)
        func put(_ n: Int, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var v = n
            for i in stride(from: width - 1, through: 0, by: -1) {
                digits[i] = UInt8(0x30 + v % 10)
                v /= 10
            }
            out.append(contentsOf: digits)
        }
        put(year, 4); out.append(0x2D); put(month, 2); out.append(0x2D); put(day, 2); out.append(0x54)
        put(second / 3600, 2); out.append(0x3A); put(second / 60 % 60, 2); out.append(0x3A); put(second % 60, 2); out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }
}
