import Foundation

/// Node's `util.inspect` output, as `console.log(error)` prints an axios or got error:
/// `{ url: 'https://…', method: 'post', data: 'grant_type=…', headers: AxiosHeaders { … } }`.
/// Keys are bare or quoted, strings single-quoted (long ones split as `'…' +` lines), objects
/// may carry a class name (`AxiosHeaders {`, `Object [AxiosHeaders] {`, `URL {`), and what is
/// too deep reads `[Object]`. Read leniently: what is not a string or an object is kept as text.
indirect enum JSInspect: Sendable, Equatable {
    case string(String)
    case object([(String, JSInspect)])
    case other(String)

    static func == (a: JSInspect, b: JSInspect) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.other(x), .other(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.0) == y.map(\.0) && zip(x, y).allSatisfy { $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(_ key: String) -> JSInspect? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }

    var string: String? {
        switch self {
        case .string(let s): return s
        case .other(let s): return s
        case .object: return nil
        }
    }

    /// The object that follows `key: ` (e.g. `config: {`) in the text, parsed.
    static func object(after key: String, in text: String) -> (value: JSInspect, offset: Int)? {
        let scalars = Array(text.unicodeScalars.prefix(2_000_000))
        let needle = Array((key + ": ").unicodeScalars)
        guard needle.count > 2 else { return nil }
        var k = 0
        while k + needle.count <= scalars.count {
            if scalars[k] == needle[0], Array(scalars[k..<(k + needle.count)]) == needle,
               k == 0 || !(isIdentifier(scalars[k - 1])) {
                var p = Parser(s: scalars, i: k + needle.count)
                p.skipSpace()
                p.skipClassName()
                if p.peek == "{", let v = p.value(depth: 0), case .object = v { return (v, k) }
            }
            k += 1
        }
        return nil
    }

    /// The string value of `key: '…'` (concatenated parts and all), e.g. a ClientRequest's `_header`.
    static func string(after key: String, in text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(2_000_000))
        let needle = Array((key + ": ").unicodeScalars)
        var k = 0
        while k + needle.count <= scalars.count {
            if scalars[k] == needle[0], Array(scalars[k..<(k + needle.count)]) == needle {
                var p = Parser(s: scalars, i: k + needle.count)
                if let v = p.value(depth: 0), case .string(let s) = v { return s }
            }
            k += 1
        }
        return nil
    }

    static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(c) || c == "_" || c == "$"
    }

    struct Parser {
        let s: [Unicode.Scalar]
        var i: Int

        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "\n" || c == "\t" || c == "\r" { i += 1 }
        }

        /// `AxiosHeaders `, `Object [AxiosHeaders] `, `[Object: null prototype] `, `URL ` before a `{`.
        mutating func skipClassName() {
            let save = i
            var k = i
            var n = 0
            while k < s.count, n < 80, s[k] != "{", s[k] != "\n", s[k] != "," , s[k] != "'" {
                k += 1; n += 1
            }
            if k < s.count, s[k] == "{" { i = k } else { i = save }
        }

        mutating func value(depth: Int) -> JSInspect? {
            skipSpace()
            guard let c = peek, depth < 12 else { return nil }
            if c == "'" || c == "\"" || c == "`" {
                var out = ""
                while let part = literal() {
                    out += part
                    // `'…' +` then the next part on the next line.
                    let save = i
                    skipSpace()
                    if peek == "+" {
                        i += 1
                        skipSpace()
                        if let q = peek, q == "'" || q == "\"" || q == "`" { continue }
                    }
                    i = save
                    break
                }
                return .string(out)
            }
            if c == "{" { return object(depth: depth) }
            if classNameThenBrace() {
                skipClassName()
                if peek == "{" { return object(depth: depth) }
            }
            // Anything else (a number, [Object], [Function: x], [Array], undefined) up to `,` or `}`.
            var out = String.UnicodeScalarView()
            var nest = 0
            while let d = peek {
                if nest == 0 && (d == "," || d == "}" || d == "\n") { break }
                if d == "[" || d == "(" { nest += 1 }
                if d == "]" || d == ")" { nest -= 1 }
                out.append(d)
                i += 1
                if out.count > 10_000 { break }
            }
            return .other(String(out).trimmedWhitespace)
        }

        /// `AxiosHeaders {`, `[Object: null prototype] {`: a class name, then the object.
        func classNameThenBrace() -> Bool {
            var k = i
            while k < s.count, k - i < 80, s[k] != "\n", s[k] != ",", s[k] != "'", s[k] != "}" {
                if s[k] == "{" { return true }
                k += 1
            }
            return false
        }

        mutating func object(depth: Int) -> JSInspect? {
            guard peek == "{" else { return nil }
            i += 1
            var entries: [(String, JSInspect)] = []
            while true {
                skipSpace()
                guard let c = peek else { return .object(entries) }
                if c == "}" { i += 1; return .object(entries) }
                if c == "," { i += 1; continue }
                guard let key = key() else { return .object(entries) }
                skipSpace()
                guard peek == ":" else { return .object(entries) }
                i += 1
                guard let v = value(depth: depth + 1) else { return .object(entries) }
                entries.append((key, v))
                if entries.count > 2_000 { return .object(entries) }
            }
        }

        /// `url`, `'Content-Type'`, `[Symbol(kCapture)]`.
        mutating func key() -> String? {
            guard let c = peek else { return nil }
            if c == "'" || c == "\"" { return literal() }
            if c == "[" {
                var out = String.UnicodeScalarView()
                while let d = peek, d != "]" && d != "\n" { out.append(d); i += 1 }
                if peek == "]" { out.append("]"); i += 1 }
                return String(out)
            }
            var out = String.UnicodeScalarView()
            while let d = peek, isIdentifier(d) || d == "-" || d == "." { out.append(d); i += 1 }
            return out.isEmpty ? nil : String(out)
        }

        /// One quoted literal with JavaScript escapes.
        mutating func literal() -> String? {
            guard let q = peek, q == "'" || q == "\"" || q == "`" else { return nil }
            i += 1
            var out = String.UnicodeScalarView()
            while let c = peek {
                i += 1
                if c == q { return String(out) }
                if c == "\\", let e = peek {
                    i += 1
                    switch e {
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "x":
                        if i + 1 < s.count, let v = UInt32(String(String.UnicodeScalarView(s[i...(i + 1)])), radix: 16), let u = Unicode.Scalar(v) {
                            out.append(u); i += 2
                        }
                    case "u":
                        if i + 3 < s.count, let v = UInt32(String(String.UnicodeScalarView(s[i...(i + 3)])), radix: 16), let u = Unicode.Scalar(v) {
                            out.append(u); i += 4
                        }
                    default: out.append(e)
                    }
                    continue
                }
                if c == "\n" { return String(out) } // cut short
                out.append(c)
            }
            return String(out)
        }
    }
}
