import Foundation

/// Placeholders people paste where a value belongs: docs' `{yourOktaDomain}` and
/// `${yourOktaDomain}`, Postman's `{{domain}}`, `<your-okta-domain>`, shell `$CLIENT_ID`, cmd
/// `%CLIENT_ID%`. A placeholder stands for a value the paste does not show: it keeps the shape of
/// what it sits in (a URL's path still tells the server and endpoint), and it is never compared.
public enum Placeholders {
    /// Longer texts are not scanned (a token or a body is no placeholder; the scan stays cheap).
    static let maxScanned = 8 * 1024

    /// The placeholders in `text`, in order, each once. One pass over the bytes, looking at most
    /// 68 bytes ahead of each: hostile input stays linear.
    public static func find(_ text: String) -> [String] {
        guard text.utf8.count <= maxScanned, mayHold(text) else { return [] }
        let b = Array(text.utf8)
        var out: [String] = []
        var i = 0
        while i < b.count {
            if let end = match(b, at: i) {
                let token = String(decoding: b[i..<end], as: UTF8.self)
                if !out.contains(token) { out.append(token) }
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    static func isNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == UInt8(ascii: "_") }
    static func isName(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 48 && c <= 57) }

    /// The end of the placeholder that starts at `i`, if one does: `{{x}}`, `${x}`, `{x}`, `<x>`,
    /// `$X`, `%X%`, tried in that order.
    static func match(_ b: [UInt8], at i: Int) -> Int? {
        let c = b[i]
        func at(_ k: Int) -> UInt8? { k < b.count ? b[k] : nil }
        /// `open` + name + `close`: the name starts with a letter (or `_`), then `more` characters.
        func enclosed(from start: Int, close: [UInt8], first: (UInt8) -> Bool, more: (UInt8) -> Bool) -> Int? {
            var k = start
            guard let f = at(k), first(f) else { return nil }
            k += 1
            while k - start <= 64, let ch = at(k), more(ch) { k += 1 }
            guard k + close.count <= b.count, Array(b[k..<(k + close.count)]) == close else { return nil }
            return k + close.count
        }
        let dotted = { (ch: UInt8) in isName(ch) || ch == UInt8(ascii: ".") || ch == UInt8(ascii: "-") }
        let spaced = { (ch: UInt8) in dotted(ch) || ch == UInt8(ascii: " ") }
        switch c {
        case UInt8(ascii: "{"):
            if at(i + 1) == UInt8(ascii: "{") {
                var k = i + 2
                while at(k) == UInt8(ascii: " ") { k += 1 }
                if let end = enclosed(from: k, close: Array("}}".utf8), first: isNameStart, more: spaced) { return end }
            }
            return enclosed(from: i + 1, close: [UInt8(ascii: "}")], first: isNameStart, more: dotted)
        case UInt8(ascii: "$"):
            if at(i + 1) == UInt8(ascii: "{") {
                return enclosed(from: i + 2, close: [UInt8(ascii: "}")], first: isNameStart, more: dotted)
            }
            guard let f = at(i + 1), isNameStart(f) else { return nil }
            var k = i + 2
            while k - i <= 64, let ch = at(k), isName(ch) { k += 1 }
            return k
        case UInt8(ascii: "<"):
            return enclosed(from: i + 1, close: [UInt8(ascii: ">")], first: isLetter, more: spaced)
        case UInt8(ascii: "%"):
            // `%E2%80%` is percent-encoding, not a cmd variable: the name needs a letter that is
            // no hex digit (or `_`), and two characters at least.
            guard let end = enclosed(from: i + 1, close: [UInt8(ascii: "%")], first: isNameStart, more: isName),
                  end - i >= 4 else { return nil }
            let name = b[(i + 1)..<(end - 1)]
            let hex = Set("0123456789ABCDEFabcdef".utf8)
            return name.contains { !hex.contains($0) } ? end : nil
        default:
            return nil
        }
    }

    public static func contains(_ text: String) -> Bool { !find(text).isEmpty }

    /// True when the whole value (trimmed) is one placeholder.
    public static func isWhole(_ text: String) -> Bool {
        let t = text.trimmedWhitespace
        return find(t) == [t]
    }

    /// A placeholder that can be shown even where the value is a credential: written in braces or
    /// angle brackets, or an upper-case shell variable. (`$ecret1` in a client_secret is more
    /// likely a secret that starts with `$` than a variable, and is never printed.)
    public static func isShowable(_ token: String) -> Bool {
        if token.hasPrefix("{") || token.hasPrefix("${") || token.hasPrefix("<") { return true }
        let name = token.hasPrefix("$") ? token.dropFirst() : token.hasPrefix("%") ? token.dropFirst().dropLast() : token[...]
        return !name.isEmpty && name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }
    }

    /// Whether `a` and `b` can name the same value: equal, or equal once the placeholders of one
    /// of them are filled in. Rules that compare values use it so that a placeholder is never
    /// reported as a difference, while what the paste does show (the path around a placeholder
    /// host) is still compared.
    public static func mayEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        return fits(template: a, b) || fits(template: b, a)
    }

    /// Whether `value` is `template` with each placeholder replaced by at least one character.
    /// Literal parts are matched leftmost in order, which is exact for patterns whose only
    /// wildcards are placeholders, and linear in practice (no backtracking).
    static func fits(template: String, _ value: String) -> Bool {
        let tokens = find(template)
        guard !tokens.isEmpty, value.utf8.count <= maxScanned else { return false }
        // The literal parts between placeholders.
        var literals: [[UInt8]] = []
        let t = Array(template.utf8)
        var i = 0, literal: [UInt8] = []
        while i < t.count {
            if let end = match(t, at: i) {
                literals.append(literal)
                literal = []
                i = end
            } else {
                literal.append(t[i])
                i += 1
            }
        }
        literals.append(literal)
        let v = Array(value.utf8)
        guard let first = literals.first, let last = literals.last,
              v.count >= first.count + last.count + (literals.count - 1),
              v.starts(with: first), v.suffix(last.count).elementsEqual(last) else { return false }
        var pos = first.count
        let limit = v.count - last.count
        for lit in literals.dropFirst().dropLast() {
            // At least one character for the placeholder before this literal.
            guard let found = index(of: lit, in: v, from: pos + 1, before: limit) else { return false }
            pos = found + lit.count
        }
        return limit - pos >= 1
    }

    /// The first index ≥ `from` where `needle` starts and ends at or before `before`.
    static func index(of needle: [UInt8], in hay: [UInt8], from: Int, before: Int) -> Int? {
        guard !needle.isEmpty else { return from <= before ? from : nil }
        var k = from
        while k + needle.count <= before {
            if hay[k] == needle[0], hay[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }

    /// `text` with every placeholder replaced by a marker that any URL parser accepts in a host or
    /// a path, and the placeholders in marker order.
    static func masked(_ text: String) -> (text: String, tokens: [String]) {
        let tokens = find(text)
        guard !tokens.isEmpty else { return (text, []) }
        var out = text
        // Longer first: `{x}` is inside `${x}` and `{{x}}`.
        for (i, t) in tokens.enumerated().sorted(by: { $0.element.utf8.count > $1.element.utf8.count }) {
            out = out.replacingOccurrences(of: t, with: marker(i))
        }
        return (out, tokens)
    }

    static func marker(_ i: Int) -> String { "assertlintplaceholder\(i)x" }

    /// Puts the placeholders back where `masked` put markers.
    static func unmasked(_ text: String, _ tokens: [String]) -> String {
        var out = text
        for (i, t) in tokens.enumerated().reversed() { out = out.replacingOccurrences(of: marker(i), with: t) }
        return out
    }

    /// Cheap first look: no placeholder without one of these characters.
    static func mayHold(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "%") }
    }
}
