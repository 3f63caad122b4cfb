import Foundation

/// A JSON value as it appeared in a token or a request: object members keep their order
/// and numbers keep their literal text, so that output shows what the user actually sent
/// and a value such as `1e309` or `2^63` is judged, not silently rounded.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The number as a finite Double, or nil when it is not a number or overflows.
    public var finiteNumber: Double? {
        guard case .number(let text) = self, let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// A short name of the JSON type, for messages ("a string", "an array").
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object with its members in source order. When a key repeats, lookups return the
/// last value (what most JSON libraries do) and `duplicateKeys` names the repeated keys.
public struct JSONObject: Sendable, Equatable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    public subscript(key: String) -> JSONValue? {
        members.last(where: { $0.key == key })?.value
    }

    public var keys: [String] { members.map(\.key) }

    public var duplicateKeys: [String] {
        var seen = Set<String>()
        var dups: [String] = []
        for m in members where !seen.insert(m.key).inserted && !dups.contains(m.key) {
            dups.append(m.key)
        }
        return dups
    }
}

public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes with a nesting limit, so that hostile input
/// (100,000 nested arrays) ends in an error rather than a stack overflow.
public struct JSONParser {
    public static let maxDepth = 256

    fileprivate let bytes: [UInt8]
    fileprivate var i = 0

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw p.fail("unexpected data after the JSON value") }
        return v
    }

    fileprivate init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    fileprivate func fail(_ reason: String) -> JSONParseError {
        JSONParseError(offset: i, reason: reason)
    }

    fileprivate mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
            i += 1
        }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("JSON nested deeper than \(Self.maxDepth) levels") }
        guard i < bytes.count else { throw fail("unexpected end of JSON") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character")
        }
    }

    fileprivate mutating func literal(_ word: String) throws(JSONParseError) {
        let count = word.utf8.count
        guard i + count <= bytes.count, bytes[i..<i + count].elementsEqual(word.utf8) else {
            throw fail("invalid literal")
        }
        i += count
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var members: [JSONMember] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(JSONObject(members))
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            i += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            members.append(JSONMember(key: key, value: v))
            skipSpace()
            guard i < bytes.count else { throw fail("unterminated object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members)) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw fail("unterminated array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    fileprivate mutating func number() throws(JSONParseError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    fileprivate mutating func string() throws(JSONParseError) -> String {
        i += 1
        // Most strings have no escape: validated and made in one step from the bytes between the
        // quotes. Anything else (an escape, a control character, no closing quote) is read below
        // from the start, with the same errors at the same offsets.
        var end = i
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                guard let s = String(validating: bytes[i..<end], as: UTF8.self) else {
                    i = end + 1
                    throw fail("string is not valid UTF-8")
                }
                i = end + 1
                return s
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            end += 1
        }
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw fail("string is not valid UTF-8")
                }
                return s
            }
            if b < 0x20 { throw fail("control character in string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate in string")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in string") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("unpaired surrogate in string")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw fail("invalid escape in string")
                }
                continue
            }
            out.append(b)
            i += 1
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

// MARK: - Fixtures: the same parser, with positions

extension JSONParser {
    /// The text (no spaces around it) is one JSON number: what a YAML plain scalar must be to be
    /// read as a number. The same answer as `parse` giving `.number`, without building a value.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) || first <= 0x20 else { return false }
        var p = JSONParser(bytes: Array(text.utf8))
        p.skipSpace()
        guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "-") || (p.bytes[p.i] >= 0x30 && p.bytes[p.i] <= 0x39),
              (try? p.number()) != nil else { return false }
        p.skipSpace()
        return p.i == p.bytes.count
    }

    /// No byte that YAML reads otherwise than JSON or refuses: control characters other than tab
    /// and line feed (a carriage return included), DEL, C1 controls and NEL, U+2028/U+2029 (YAML
    /// line breaks), U+FFFE/U+FFFF, and `\u` escapes of NUL or of a surrogate (libyaml refuses
    /// those; JSON pairs them).
    static func readsAlikeAsYAML(_ b: [UInt8]) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x20 && c < 0x7F {
                guard c == 0x5C else { i += 1; continue }
                if i + 5 < n, b[i + 1] == UInt8(ascii: "u") {
                    var v: UInt32 = 0
                    var hex = true
                    for k in (i + 2)...(i + 5) {
                        let h = b[k]
                        switch h {
                        case 0x30...0x39: v = v << 4 | UInt32(h - 0x30)
                        case 0x41...0x46: v = v << 4 | UInt32(h - 0x41 + 10)
                        case 0x61...0x66: v = v << 4 | UInt32(h - 0x61 + 10)
                        default: hex = false
                        }
                    }
                    if hex, v == 0 || (0xD800...0xDFFF).contains(v) { return false }
                }
                i += 2
                continue
            }
            switch c {
            case 0x09, 0x0A:
                break
            case 0xC2:
                if i + 1 < n, b[i + 1] >= 0x80, b[i + 1] <= 0x9F { return false }
            case 0xE2:
                if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
            case 0xEF:
                if i + 2 < n, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { return false }
            case 0x80...0xFF:
                break
            default:
                return false
            }
            i += 1
        }
        return true
    }

    /// A JSON object as a fixture tree with positions (see `FixtureNode.readJSON`).
    static func readFixture(_ bytes: [UInt8]) -> FixtureNode.JSONRead {
        var r = FixtureJSONReader(parser: JSONParser(bytes: bytes))
        do throws(FixtureJSONReader.Stop) {
            try r.skipSpace(depth: 0)
            let root = try r.value(depth: 0)
            try r.skipSpace(depth: 0)
            guard r.p.i == bytes.count else { throw .invalid(r.p.fail("unexpected data after the JSON value")) }
            return .parsed(root, duplicateKey: r.duplicate, values: r.values)
        } catch {
            switch error {
            case .unlikeYAML:
                return .unlikeYAML
            case .invalid(let e):
                let (line, column) = FixtureJSONReader.position(ofOffset: e.offset, in: bytes)
                return .invalid(e.reason, FixtureMark(line: line, column: column))
            }
        }
    }

    /// Whether the object the text holds has, at its top level, a key among `names`; nil when the
    /// text is not a `{` object whose keys this quick walk can read (it decodes no escapes and
    /// builds no values; a nested value is skipped by its brackets and strings).
    static func hasTopLevelKey(_ b: [UInt8], among names: Set<String>) -> Bool? {
        let n = b.count
        var i = 0
        func space() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        space()
        guard i < n, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var depth = 1
        var expectKey = true
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let start = i + 1
                var escaped = false
                i += 1
                while i < n, b[i] != UInt8(ascii: "\"") {
                    if b[i] == 0x5C { escaped = true; i += 1 }
                    i += 1
                }
                guard i < n else { return nil }
                if depth == 1, expectKey {
                    guard !escaped else { return nil }
                    if names.contains(String(decoding: b[start..<i], as: UTF8.self)) { return true }
                    expectKey = false
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= maxDepth else { return nil }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return false }
            case UInt8(ascii: ","):
                if depth == 1 { expectKey = true }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}

/// `JSONParser` reading a fixture: the same strings, numbers and literals, with each value's
/// line and column, the duplicate key Yams would report, and the number of values. Refuses what
/// YAML would read otherwise (`Stop.unlikeYAML`), so the caller can leave that text to Yams.
struct FixtureJSONReader {
    enum Stop: Error {
        case invalid(JSONParseError)
        case unlikeYAML
    }

    /// Longer than this from a key's opening quote to its `:`, YAML no longer reads the key as a
    /// key (libyaml's simple keys end at 1,024 characters); such text is left to Yams.
    static let maxKeySpan = 1000

    var p: JSONParser
    var line = 1
    var lineStart = 0
    private var columnIndex = 0
    private var column = 1
    var values = 0
    var duplicate: FixtureMark?

    init(parser: JSONParser) {
        p = parser
    }

    /// The position of the byte the parser is at (columns counted from the last position asked
    /// for on the same line, so a long line is walked once).
    mutating func mark() -> FixtureMark {
        if columnIndex < lineStart {
            columnIndex = lineStart
            column = 1
        }
        while columnIndex < p.i {
            if p.bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
            columnIndex += 1
        }
        return FixtureMark(line: line, column: column)
    }

    mutating func skipSpace(depth: Int) throws(Stop) {
        while p.i < p.bytes.count {
            switch p.bytes[p.i] {
            case 0x20:
                p.i += 1
            case 0x0A:
                p.i += 1
                line += 1
                lineStart = p.i
            case 0x09:
                // Tabs separate tokens inside `{ }` in YAML too, but not around the document.
                guard depth > 0 else { throw .unlikeYAML }
                p.i += 1
            case 0x0D:
                throw .unlikeYAML
            default:
                return
            }
        }
    }

    private func invalid(_ reason: String) -> Stop { .invalid(p.fail(reason)) }

    mutating func value(depth: Int) throws(Stop) -> FixtureNode {
        guard depth < JSONParser.maxDepth else { throw invalid("JSON nested deeper than \(JSONParser.maxDepth) levels") }
        guard p.i < p.bytes.count else { throw invalid("unexpected end of JSON") }
        values += 1
        let at = mark()
        switch p.bytes[p.i] {
        case UInt8(ascii: "{"): return try object(depth: depth, at: at)
        case UInt8(ascii: "["): return try array(depth: depth, at: at)
        default: break
        }
        do throws(JSONParseError) {
            switch p.bytes[p.i] {
            case UInt8(ascii: "\""): return .scalar(.init(try p.string(), isPlain: false, mark: at))
            case UInt8(ascii: "t"): try p.literal("true"); return .scalar(.init("true", isPlain: true, mark: at))
            case UInt8(ascii: "f"): try p.literal("false"); return .scalar(.init("false", isPlain: true, mark: at))
            case UInt8(ascii: "n"): try p.literal("null"); return .scalar(.init("null", isPlain: true, mark: at))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .scalar(.init(try p.number(), isPlain: true, mark: at))
            default: throw p.fail("unexpected character")
            }
        } catch {
            throw .invalid(error)
        }
    }

    private mutating func object(depth: Int, at: FixtureMark) throws(Stop) -> FixtureNode {
        p.i += 1
        var pairs: [FixtureNode.Mapping.Element] = []
        try skipSpace(depth: depth + 1)
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "}") {
            p.i += 1
            return .mapping(.init(pairs, mark: at))
        }
        while true {
            try skipSpace(depth: depth + 1)
            guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "\"") else { throw invalid("expected a member name") }
            values += 1
            let keyAt = mark()
            let keyLine = line
            let keyStart = p.i
            let key: String
            do throws(JSONParseError) { key = try p.string() } catch { throw .invalid(error) }
            try skipSpace(depth: depth + 1)
            guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: ":") else { throw invalid("expected ':'") }
            guard line == keyLine, p.i - keyStart <= Self.maxKeySpan else { throw .unlikeYAML }
            p.i += 1
            try skipSpace(depth: depth + 1)
            let v = try value(depth: depth + 1)
            pairs.append((.scalar(.init(key, isPlain: false, mark: keyAt)), v))
            try skipSpace(depth: depth + 1)
            guard p.i < p.bytes.count else { throw invalid("unterminated object") }
            if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
            if p.bytes[p.i] == UInt8(ascii: "}") {
                p.i += 1
                if duplicate == nil { duplicate = Self.duplicateKey(pairs) }
                return .mapping(.init(pairs, mark: at))
            }
            throw invalid("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int, at: FixtureMark) throws(Stop) -> FixtureNode {
        p.i += 1
        var items: [FixtureNode] = []
        try skipSpace(depth: depth + 1)
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") {
            p.i += 1
            return .sequence(items, at)
        }
        while true {
            try skipSpace(depth: depth + 1)
            items.append(try value(depth: depth + 1))
            try skipSpace(depth: depth + 1)
            guard p.i < p.bytes.count else { throw invalid("unterminated array") }
            if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
            if p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; return .sequence(items, at) }
            throw invalid("expected ',' or ']'")
        }
    }

    /// The key Yams names when a mapping has a key twice: of the repeated keys the least (as
    /// Swift orders strings), at its first occurrence.
    static func duplicateKey(_ pairs: [FixtureNode.Mapping.Element]) -> FixtureMark? {
        guard pairs.count > 1 else { return nil }
        var repeated: [FixtureNode.Scalar] = []
        if pairs.count <= 16 {
            for a in pairs.indices {
                guard let ka = pairs[a].key.scalar, !repeated.contains(where: { $0.string == ka.string }) else { continue }
                if pairs[(a + 1)...].contains(where: { $0.key.string == ka.string }) { repeated.append(ka) }
            }
        } else {
            var first: [String: Int] = [:]
            var seen: Set<Int> = []
            for (n, pair) in pairs.enumerated() {
                guard let k = pair.key.scalar else { continue }
                if let f = first[k.string] {
                    if seen.insert(f).inserted, let s = pairs[f].key.scalar { repeated.append(s) }
                } else {
                    first[k.string] = n
                }
            }
        }
        return repeated.min { $0.string < $1.string }?.mark
    }

    /// Line and column of a byte offset (line feeds end lines; columns count Unicode scalars).
    static func position(ofOffset offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[0..<min(max(offset, 0), bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

extension JSONValue {
    /// Compact JSON text, members in order.
    public var compactText: String {
        var out = ""
        JSONWriter.write(self, into: &out, indent: nil, level: 0)
        return out
    }

    /// Pretty JSON text, two-space indent, members in order.
    public var prettyText: String {
        var out = ""
        JSONWriter.write(self, into: &out, indent: "  ", level: 0)
        return out
    }
}

enum JSONWriter {
    static func write(_ v: JSONValue, into out: inout String, indent: String?, level: Int) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let o):
            if o.members.isEmpty { out += "{}"; return }
            out += "{"
            for (n, m) in o.members.enumerated() {
                if n > 0 { out += "," }
                newline(&out, indent, level + 1)
                out += quote(m.key)
                out += indent == nil ? ":" : ": "
                write(m.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
