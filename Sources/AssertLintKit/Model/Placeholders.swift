import Foundation

/// Placeholders people paste where a value belongs: docs' `{yourOktaDomain}` and
/// `${yourOktaDomain}`, Postman's `{{domain}}`, `<your-okta-domain>`, shell `$CLIENT_ID`, cmd
/// `%CLIENT_ID%`. A placeholder stands for a value the paste does not show: it keeps the shape of
/// what it sits in (a URL's path still tells the server and endpoint), and it is never compared.
public enum Placeholders {
    /// Longer texts are not scanned (a token or a body is no placeholder; the scan stays cheap).
    static let maxScanned = 8 * 1024

    /// One pattern, alternatives in order: `{{x}}` before `{x}`, `${x}` before `$X`.
    static let pattern = [
        #"\{\{\s*[A-Za-z_][A-Za-z0-9_.\- ]{0,63}\}\}"#,
        #"\$\{[A-Za-z_][A-Za-z0-9_.\-]{0,63}\}"#,
        #"\{[A-Za-z_][A-Za-z0-9_.\-]{0,63}\}"#,
        #"<[A-Za-z][A-Za-z0-9_.\- ]{0,63}>"#,
        #"\$[A-Za-z_][A-Za-z0-9_]{0,63}"#,
        #"%[A-Za-z_][A-Za-z0-9_]{1,63}%"#,
    ].joined(separator: "|")

    /// The placeholders in `text`, in order, each once.
    public static func find(_ text: String) -> [String] {
        guard text.utf8.count <= maxScanned, mayHold(text) else { return [] }
        var out: [String] = []
        var rest = text.startIndex..<text.endIndex
        while let r = text.range(of: pattern, options: .regularExpression, range: rest) {
            let token = String(text[r])
            if accept(token), !out.contains(token) { out.append(token) }
            rest = r.upperBound..<text.endIndex
        }
        return out
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

    static func fits(template: String, _ value: String) -> Bool {
        let tokens = find(template)
        guard !tokens.isEmpty, value.utf8.count <= maxScanned else { return false }
        // Each placeholder is a `.+`; more than a few would make the match backtrack without end,
        // and a value with that many unknowns cannot be told apart from anything anyway.
        guard tokens.count <= 4 else { return true }
        var regex = "^"
        var rest = template[...]
        while !rest.isEmpty {
            guard let range = tokens.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
                regex += NSRegularExpression.escapedPattern(for: String(rest))
                break
            }
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<range.lowerBound])) + ".+"
            rest = rest[range.upperBound...]
        }
        regex += "$"
        return value.range(of: regex, options: .regularExpression) != nil
    }

    /// `text` with every placeholder replaced by a marker that any URL parser accepts in a host or
    /// a path, and the placeholders in marker order.
    static func masked(_ text: String) -> (text: String, tokens: [String]) {
        let tokens = find(text)
        guard !tokens.isEmpty else { return (text, []) }
        var out = text
        for (i, t) in tokens.enumerated() { out = out.replacingOccurrences(of: t, with: marker(i)) }
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

    /// `%E2%80%` is percent-encoding, not a cmd variable: a `%NAME%` needs a letter that is no hex digit.
    static func accept(_ token: String) -> Bool {
        guard token.hasPrefix("%") else { return true }
        return token.dropFirst().dropLast().contains { $0 == "_" || ($0.isLetter && !$0.isHexDigit) }
    }
}
