/// The one escaper for text built from input. Input is hostile: a file name, a claim value or a
/// header can hold CR, LF, ESC or a bidi override, and printed raw it would start a new line (a
/// GitHub workflow command such as `::add-mask::`), move the cursor or reorder what a reader sees.
/// Escaping happens where a value is put into output, never where it is read, so rules still see
/// the bytes the server would see.
public enum Escape {
    /// `value` made safe to sit inside one line of output: every C0 and C1 control character, DEL
    /// and each bidi control becomes a visible escape (`\n`, `\r`, `\t`, `\u{1B}`), and a
    /// backslash stays as it is. Printable text, including non-ASCII letters, is unchanged.
    public static func line(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsEscape) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Several lines of input-derived text (a pasted body shown as it was): each line escaped,
    /// the line breaks kept. CR is escaped, so a CR LF file cannot rewrite a line in a terminal.
    public static func lines(_ value: String) -> String {
        value.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }
            .joined(separator: "\n")
    }

    /// C0 and C1 controls, DEL, and the Unicode bidi controls (LRE..RLO, LRI..PDI, LRM, RLM, ALM).
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029: return true // line and paragraph separators break lines in some viewers
        default: return false
        }
    }
}
