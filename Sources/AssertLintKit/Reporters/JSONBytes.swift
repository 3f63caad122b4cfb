/// Pretty JSON written straight into bytes, for the reporters of a large `check` (issue 13):
/// building a `JSONValue` tree for every finding and printing it into a `String` was 18% of a
/// run over pasted curl files. The bytes are those of `JSONValue.prettyText` (two-space indent,
/// members in order, the same string escapes), so a document can mix both writers.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Text with no escaping (punctuation, a number, a key known to need none).
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// A line break and `level` two-space indents.
    mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        for _ in 0..<(level * 2) { bytes.append(0x20) }
    }

    /// `,` unless first, then the member's line and its key: `"key": `. `key` needs no escape.
    mutating func key(_ key: StaticString, _ first: inout Bool, level: Int) {
        if !first { bytes.append(0x2C) }
        first = false
        newline(level)
        bytes.append(0x22)
        raw(key)
        raw("\": ")
    }

    /// The end of an object or array whose members sat at `level + 1`.
    mutating func close(_ c: UInt8, level: Int) {
        newline(level)
        bytes.append(c)
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        let u = s.utf8
        if !u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            bytes.append(contentsOf: u)
        } else {
            for c in u {
                switch c {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0..<0x20:
                    // `\u` and four lowercase hex digits, as `JSONWriter.quote` writes them.
                    raw("\\u00")
                    bytes.append(Self.hex[Int(c >> 4)])
                    bytes.append(Self.hex[Int(c & 0xF)])
                default: bytes.append(c)
                }
            }
        }
        bytes.append(0x22)
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ n: Int?) {
        if let n { bytes.append(contentsOf: String(n).utf8) } else { raw("null") }
    }

    mutating func bool(_ b: Bool) {
        if b { raw("true") } else { raw("false") }
    }

    /// An array of strings whose items sit at `level + 1`.
    mutating func strings(_ items: [String], level: Int) {
        guard !items.isEmpty else { raw("[]"); return }
        bytes.append(0x5B)
        for (n, item) in items.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            newline(level + 1)
            string(item)
        }
        close(0x5D, level: level)
    }

    /// Any value, exactly as `JSONWriter.write(_:into:indent: "  ", level:)` writes it.
    mutating func value(_ v: JSONValue, level: Int) {
        switch v {
        case .null: raw("null")
        case .bool(let b): bool(b)
        case .number(let n): raw(n)
        case .string(let s): string(s)
        case .array(let items):
            guard !items.isEmpty else { raw("[]"); return }
            bytes.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { bytes.append(0x2C) }
                newline(level + 1)
                value(item, level: level + 1)
            }
            close(0x5D, level: level)
        case .object(let o):
            guard !o.members.isEmpty else { raw("{}"); return }
            bytes.append(0x7B)
            for (n, m) in o.members.enumerated() {
                if n > 0 { bytes.append(0x2C) }
                newline(level + 1)
                string(m.key)
                raw(": ")
                value(m.value, level: level + 1)
            }
            close(0x7D, level: level)
        }
    }
}
