import Foundation

/// Reads a pasted token the way people paste it: quoted, wrapped over lines, with `Bearer ` or
/// `client_assertion=` in front, inside a JSON fragment, or somewhere in a log line. Every
/// cleaning step leaves a note so the user sees how the paste was read.
enum TokenText {
    struct Reading: Sendable, Equatable {
        var compact: String
        var notes: [String]
        var position: SourcePosition?
    }

    static let base64URL = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    static let tokenCharacters = base64URL.union(CharacterSet(charactersIn: ".=+/"))

    /// Characters that paste in from chat and documents and cannot be seen.
    static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
    static let wideSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{202F}", "\u{2007}", "\u{3000}"]

    /// A compact-JWS-shaped string (two to five dot-separated parts of token characters).
    static func isTokenShaped(_ t: String) -> Bool {
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ tokenCharacters.contains($0) }) else { return false }
        let dots = t.unicodeScalars.filter { $0 == "." }.count
        return dots >= 1 && dots <= 4
    }

    /// Reads `text` as a token paste; nil when it is not one.
    static func read(_ text: String, firstLine: Int = 1) -> Reading? {
        // Far larger than any assertion: no cleaning, just a verdict (jwt-malformed says it is too long).
        if text.utf8.count > 4 * AssertionDecoding.maxLength {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.utf8.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
                return Reading(compact: t, notes: [], position: SourcePosition(line: firstLine, column: 1))
            }
            return embedded(in: text, firstLine: firstLine)
        }
        var notes: [String] = []
        var scalars = String.UnicodeScalarView()
        var invisibleCount = 0
        var wide = 0
        for c in text.unicodeScalars {
            if invisible.contains(c) {
                invisibleCount += 1
                continue
            }
            if wideSpaces.contains(c) {
                wide += 1
                scalars.append(" ")
                continue
            }
            scalars.append(c)
        }
        if invisibleCount > 0 {
            notes.append("removed \(invisibleCount) invisible character\(invisibleCount == 1 ? "" : "s") (zero-width space, byte order mark or soft hyphen)")
        }
        if wide > 0 {
            notes.append("read \(wide) non-breaking space\(wide == 1 ? "" : "s") as ordinary space\(wide == 1 ? "" : "s")")
        }
        let cleaned = String(scalars)
        var t = cleaned.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return nil }

        // Peel wrappers until nothing changes.
        for _ in 0..<8 {
            let before = t
            t = peel(t, notes: &notes)
            if t == before { break }
        }

        // Line breaks and spaces inside the token (a terminal or e-mail wrapped it).
        if t.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) }) {
            let joined = String(String.UnicodeScalarView(t.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }))
            let parts = t.split(whereSeparator: { $0.isNewline }).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if isTokenShaped(joined) && looksLikeOneToken(t) {
                if parts.count > 1 {
                    notes.append("joined \(parts.count) lines")
                }
                let spaces = t.unicodeScalars.filter { $0 == " " || $0 == "\t" }.count
                if spaces > 0 {
                    notes.append("removed \(spaces) space\(spaces == 1 ? "" : "s") inside the token")
                }
                t = joined
            }
        }

        if isTokenShaped(t) || (t.hasPrefix("eyJ") && !t.contains(" ") && !t.contains("\n")) {
            return Reading(compact: t, notes: notes, position: locate(t, in: cleaned, firstLine: firstLine))
        }

        // One JWT among other text: a log line, a code snippet, an error report.
        if let found = embedded(in: cleaned, firstLine: firstLine) {
            return Reading(compact: found.compact, notes: notes + found.notes, position: found.position)
        }

        // A single word that is none of the above is still a token attempt (an opaque token, a
        // JWT cut short): the jwt-malformed rule says what is wrong with it.
        if !t.contains(" ") && !t.contains("\n") && t.contains(".") && t.unicodeScalars.count <= AssertionDecoding.maxLength
            && t.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            return Reading(compact: t, notes: notes, position: locate(t, in: cleaned, firstLine: firstLine))
        }
        return nil
    }

    /// Whether whitespace-separated pieces join into one token: every piece is token text, and
    /// the pieces are not separate tokens (each would start with `eyJ`).
    private static func looksLikeOneToken(_ t: String) -> Bool {
        let pieces = t.split(whereSeparator: { $0.isWhitespace })
        guard pieces.allSatisfy({ $0.unicodeScalars.allSatisfy { tokenCharacters.contains($0) } }) else { return false }
        guard pieces.filter({ $0.hasPrefix("eyJ") }).count <= 2 else { return false }
        // A sentence of plain words ("… string value. The value itself …") is token text too: a
        // wrapped token starts like a JOSE header (`{"` or `{ "` is `ey…` in base64url) or is cut
        // into long pieces, prose into short words.
        if pieces.first?.hasPrefix("ey") == true { return true }
        let long = pieces.dropLast().filter { $0.count >= 16 }.count
        return long * 2 >= pieces.count - 1
    }

    private static let quotePairs: [(Character, Character)] = [("'", "'"), ("\"", "\""), ("`", "`"), ("\u{201C}", "\u{201D}"),
                                                                 ("\u{2018}", "\u{2019}"), ("\u{201D}", "\u{201D}")]

    private static func peel(_ input: String, notes: inout [String]) -> String {
        let t = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("```") {
            let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count >= 2, lines.last?.trimmingCharacters(in: .whitespaces) == "```" {
                notes.append("removed the code fence around the token")
                return lines.dropFirst().dropLast().joined(separator: "\n")
            }
        }
        let lower = t.prefix(20).lowercased()
        if lower.hasPrefix("authorization:") {
            notes.append("removed the `Authorization:` header name")
            return String(t.dropFirst("authorization:".count))
        }
        if lower.hasPrefix("bearer ") || lower.hasPrefix("bearer\t") {
            notes.append("removed the `Bearer ` prefix")
            return String(t.dropFirst(7))
        }
        for prefix in ["client_assertion=", "assertion=", "token="] where t.hasPrefix(prefix) {
            notes.append("removed the `\(prefix)` prefix")
            var rest = String(t.dropFirst(prefix.count))
            if let amp = rest.firstIndex(of: "&") {
                let after = rest[rest.index(after: amp)...]
                notes.append("ignored `&\(after.prefix(while: { $0 != "=" }))=…` after the token")
                rest = String(rest[..<amp])
            }
            if rest.contains("%") || rest.contains("+") {
                let decoded = FormEncoding.decode(Substring(rest))
                if decoded != rest {
                    notes.append("URL-decoded the value")
                    rest = decoded
                }
            }
            return rest
        }
        // `"client_assertion": "eyJ..."`, `{"token": "eyJ..."}`, `client_assertion: eyJ...`
        if let m = t.range(of: #"^\{?\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s*:\s*"?([A-Za-z0-9_\-.=+/\s]+?)"?\s*,?\s*\}?$"#, options: .regularExpression),
           m.lowerBound == t.startIndex {
            let key = t.drop(while: { $0 == "{" || $0 == " " || $0 == "\"" }).prefix(while: { $0 != "\"" && $0 != ":" && $0 != " " })
            if let colon = t.firstIndex(of: ":") {
                var value = t[t.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                while let l = value.last, l == "}" || l == "," || l == " " { value.removeLast() }
                value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                notes.append("read the value of `\(key)` from a JSON or YAML fragment")
                return value
            }
        }
        for (open, close) in quotePairs where t.count >= 2 && t.first == open && t.last == close {
            notes.append("removed surrounding quotes")
            return String(t.dropFirst().dropLast())
        }
        if let last = t.last, last == "," || last == ";" {
            notes.append("removed a trailing \(last == "," ? "comma" : "semicolon")")
            return String(t.dropLast())
        }
        // A token followed by `&client_assertion_type=...` from a form body.
        if let amp = t.firstIndex(of: "&"), isTokenShaped(String(t[..<amp])) {
            let after = t[t.index(after: amp)...]
            notes.append("ignored `&\(after.prefix(while: { $0 != "=" }).prefix(40))=…` after the token")
            return String(t[..<amp])
        }
        return t
    }

    /// Position of the token in the text the user gave.
    private static func locate(_ compact: String, in text: String, firstLine: Int) -> SourcePosition? {
        let probe = String(compact.prefix(12))
        guard !probe.isEmpty, let r = text.range(of: probe) else { return nil }
        let before = text[..<r.lowerBound]
        let line = before.filter { $0 == "\n" }.count
        let column = before.reversed().prefix(while: { $0 != "\n" }).count + 1
        return SourcePosition(line: firstLine + line, column: column)
    }

    private static let jwtPattern: NSRegularExpression? = try? NSRegularExpression(pattern: #"eyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,4}"#)

    /// The JWT inside a larger text, when there is one; with several, the one after
    /// `client_assertion`, else the first.
    static func embedded(in text: String, firstLine: Int) -> Reading? {
        guard let re = jwtPattern else { return nil }
        let ns = text as NSString
        let matches = re.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return nil }
        var distinct: [NSTextCheckingResult] = []
        var seen: Set<String> = []
        for m in matches where seen.insert(ns.substring(with: m.range)).inserted { distinct.append(m) }
        var chosen = distinct[0]
        var why = ""
        if distinct.count > 1 {
            why = "the first"
            for m in distinct {
                let from = max(0, m.range.location - 24)
                let context = ns.substring(with: NSRange(location: from, length: m.range.location - from))
                if context.contains("client_assertion") || context.contains("assertion") {
                    chosen = m
                    why = "the one after `client_assertion`"
                    break
                }
            }
        }
        let compact = ns.substring(with: chosen.range)
        let before = ns.substring(to: chosen.range.location)
        let line = before.filter { $0 == "\n" }.count
        let column = before.reversed().prefix(while: { $0 != "\n" }).count + 1
        let position: SourcePosition? = SourcePosition(line: firstLine + line, column: column)
        let place = position.map { "line \($0.line), column \($0.column ?? 1)" } ?? "the text"
        let note = distinct.count == 1
            ? "found one JWT in the text (\(place)) and read it; the rest of the text was ignored"
            : "found \(distinct.count) JWTs in the text; read \(why) (\(place))"
        return Reading(compact: compact, notes: [note], position: position)
    }
}
