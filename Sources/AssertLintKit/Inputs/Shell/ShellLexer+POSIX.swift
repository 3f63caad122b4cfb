import Foundation

extension ShellLexer {
    // MARK: - POSIX shells (bash, zsh, sh)

    mutating func posixPart(_ c: Unicode.Scalar) throws(InputError) {
        let start = i
        switch c {
        case "'":
            startWord(at: start)
            current?.quoted = true
            i += 1
            while let d = at(i), d != "'" {
                append(d, at: i)
                i += 1
            }
            guard at(i) != nil else { throw unterminated("'", at: start) }
            i += 1
        case "\"":
            try posixDoubleQuoted(closing: ["\""], start: start)
        case "\u{201C}", "\u{201D}", "\u{201E}":
            noteSmartQuotes()
            try posixDoubleQuoted(closing: ["\u{201D}", "\u{201C}", "\""], start: start)
        case "\u{2018}", "\u{2019}":
            noteSmartQuotes()
            startWord(at: start)
            current?.quoted = true
            i += 1
            while let d = at(i), d != "\u{2019}" && d != "'" && d != "\u{2018}" {
                append(d, at: i)
                i += 1
            }
            guard at(i) != nil else { throw unterminated(c, at: start) }
            i += 1
        case "\\":
            if let d = at(i + 1) {
                append(d, at: i + 1, exact: false)
                i += 2
            } else {
                i += 1
            }
        case "$":
            if at(i + 1) == "'" {
                try ansiC(start: start)
            } else {
                substitution()
            }
        default:
            append(c, at: i)
            i += 1
        }
    }

    private mutating func noteSmartQuotes() {
        let line = position(i).line
        if !guesses.contains(where: { $0.kind == .typography && $0.lines.contains(line) }) {
            guesses.append(ShellGuess(kind: .typography, lines: line...line,
                                      text: "the typographic quotes on line \(line) were read as plain quotes"))
        }
        note("smart-quotes", "read the typographic quotes (“ ” ‘ ’) as plain quotes; a shell would not: they come from a document or a chat, retype them as ' or \"")
    }

    private mutating func posixDoubleQuoted(closing: Set<Unicode.Scalar>, start: Int) throws(InputError) {
        startWord(at: start)
        current?.quoted = true
        i += 1
        while let d = at(i), !closing.contains(d) {
            if d == "\\", let e = at(i + 1), e == "$" || e == "`" || e == "\"" || e == "\\" || e == "\n" {
                if e != "\n" { append(e, at: i + 1, exact: false) }
                i += 2
                continue
            }
            if d == "$" && at(i + 1) != nil && at(i + 1) != "\"" {
                substitution()
                continue
            }
            append(d, at: i)
            i += 1
        }
        guard let close = at(i) else { throw unterminated(s[start], at: start) }
        if close != "\"" || s[start] != "\"" { noteSmartQuotes() }
        i += 1
    }

    /// bash's `$'...'`: backslash escapes as in C. Chrome's "Copy as cURL (bash)" uses it.
    private mutating func ansiC(start: Int) throws(InputError) {
        startWord(at: start)
        current?.quoted = true
        i += 2
        var bytes: [UInt8] = []
        func flush(_ me: inout ShellLexer) {
            guard !bytes.isEmpty else { return }
            // What appending each scalar with no source offset does, in one step.
            me.appendInexact(String(decoding: bytes, as: UTF8.self))
            bytes = []
        }
        func hexValue(_ me: ShellLexer, from k: Int, max: Int, radix: Int) -> (UInt32, Int) {
            var v: UInt32 = 0
            var n = 0
            while n < max, let c = me.at(k + n), let d = Int(String(c), radix: radix) {
                v = v &* UInt32(radix) &+ UInt32(d)
                n += 1
            }
            return (v, n)
        }
        while let d = at(i), d != "'" {
            guard d == "\\", let e = at(i + 1) else {
                if d.isASCII { bytes.append(UInt8(d.value)) } else { UTF8.encode(d) { bytes.append($0) } }
                i += 1
                continue
            }
            i += 2
            switch e {
            case "n": bytes.append(0x0A)
            case "t": bytes.append(0x09)
            case "r": bytes.append(0x0D)
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "f": bytes.append(0x0C)
            case "v": bytes.append(0x0B)
            case "e", "E": bytes.append(0x1B)
            case "x":
                let (v, n) = hexValue(self, from: i, max: 2, radix: 16)
                if n == 0 { bytes.append(contentsOf: [0x5C, 0x78]) } else { bytes.append(UInt8(v)) }
                i += n
            case "u", "U":
                let (v, n) = hexValue(self, from: i, max: e == "u" ? 4 : 8, radix: 16)
                if n > 0, let u = Unicode.Scalar(v) {
                    bytes.append(contentsOf: Array(String(u).utf8))
                } else {
                    bytes.append(contentsOf: [0x5C] + Array(String(e).utf8))
                }
                i += n
            case "c":
                if let x = at(i), x.isASCII {
                    bytes.append(UInt8(x.value & 0x1F))
                    i += 1
                }
            case "0"..."7":
                let (v, n) = hexValue(self, from: i - 1, max: 3, radix: 8)
                bytes.append(UInt8(truncatingIfNeeded: v))
                i += n - 1
            default:
                // \\ \' \" \? and unknown escapes: bash keeps unknown ones with their backslash.
                if e == "\\" || e == "'" || e == "\"" || e == "?" {
                    bytes.append(contentsOf: Array(String(e).utf8))
                } else {
                    bytes.append(0x5C)
                    bytes.append(contentsOf: Array(String(e).utf8))
                }
            }
        }
        flush(&self)
        guard at(i) != nil else { throw unterminated("'", at: start + 1) }
        i += 1
    }
}
