import Foundation

extension ShellLexer {
    // MARK: - PowerShell

    mutating func powershellPart(_ c: Unicode.Scalar) throws(InputError) {
        switch c {
        case "'", "\u{2018}", "\u{2019}":
            // Verbatim strings: nothing inside is special but the doubled quote.
            try powershellQuoted(c, closers: ["'", "\u{2018}", "\u{2019}"], doubled: "'", expandable: false)
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}":
            // Expandable strings: backtick escapes and `$` substitutions as well.
            try powershellQuoted(c, closers: ["\"", "\u{201C}", "\u{201D}"], doubled: "\"", expandable: true)
        case "`":
            if let e = at(i + 1) {
                append(Self.powershellEscape(e), at: i + 1, exact: false)
                i += 2
            } else {
                i += 1
            }
        case "$":
            substitution()
        default:
            append(c, at: i)
            i += 1
        }
    }

    /// One quoted string opened by `open` at `i`: it ends at any of `closers` (typographic quotes
    /// from documents close it too), and `doubled` written twice is one literal quote.
    private mutating func powershellQuoted(_ open: Unicode.Scalar, closers: Set<Unicode.Scalar>,
                                           doubled: Unicode.Scalar, expandable: Bool) throws(InputError) {
        let start = i
        startWord(at: start)
        current?.quoted = true
        i += 1
        while true {
            guard let d = at(i) else { throw unterminated(open, at: start) }
            if closers.contains(d) {
                if at(i + 1) == doubled {
                    append(doubled, at: i, exact: false)
                    i += 2
                    continue
                }
                i += 1
                break
            }
            if expandable {
                if d == "`", let e = at(i + 1) {
                    append(Self.powershellEscape(e), at: i + 1, exact: false)
                    i += 2
                    continue
                }
                if d == "$", Self.isNameStart(at(i + 1)) || at(i + 1) == "(" || at(i + 1) == "{" {
                    substitution()
                    continue
                }
            }
            append(d, at: i)
            i += 1
        }
    }

    private static func powershellEscape(_ e: Unicode.Scalar) -> Unicode.Scalar {
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "0": return "\u{0}"
        default: return e
        }
    }
}
