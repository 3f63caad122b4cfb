import Foundation

extension ShellLexer {
    // MARK: - Windows cmd.exe (after `^` removal: the C runtime's argument rules)

    mutating func cmdPart(_ c: Unicode.Scalar) throws(InputError) {
        let start = i
        switch c {
        case "\"":
            startWord(at: start)
            current?.quoted = true
            i += 1
            while true {
                guard let d = at(i), d != "\n" else { throw unterminated("\"", at: start) }
                if d == "\"" {
                    if at(i + 1) == "\"" {
                        append("\"", at: i, exact: false)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                if d == "\\" {
                    cmdBackslashes()
                    continue
                }
                append(d, at: i)
                i += 1
            }
        case "\\":
            cmdBackslashes()
        case "'":
            note("cmd-single-quotes", "cmd.exe does not treat single quotes as quotes (curl would receive them as part of the words); read them as quotes")
            startWord(at: start)
            current?.quoted = true
            i += 1
            while let d = at(i), d != "'" && d != "\n" {
                append(d, at: i)
                i += 1
            }
            guard at(i) == "'" else { throw unterminated("'", at: start) }
            i += 1
        case "%":
            var k = i + 1
            while Self.isNameChar(at(k)) { k += 1 }
            if k > i + 1, at(k) == "%" {
                let text = String(String.UnicodeScalarView(s[i...k]))
                for j in i...k { append(s[j], at: j) }
                noteVariable(text, at: i, kind: "variable")
                i = k + 1
            } else {
                append(c, at: i)
                i += 1
            }
        default:
            append(c, at: i)
            i += 1
        }
    }

    /// The C runtime's rule: 2n backslashes before a quote are n backslashes and a quote that
    /// opens or closes; 2n+1 are n backslashes and a literal quote; elsewhere they are literal.
    private mutating func cmdBackslashes() {
        var k = i
        while at(k) == "\\" { k += 1 }
        let count = k - i
        if at(k) == "\"" {
            for _ in 0..<(count / 2) { append("\\", at: i, exact: false) }
            if count % 2 == 1 {
                append("\"", at: k, exact: false)
                i = k + 1
            } else {
                i = k
            }
            return
        }
        for j in i..<k { append("\\", at: j) }
        i = k
    }
}
