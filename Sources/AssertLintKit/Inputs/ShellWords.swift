import Foundation

/// Maps offsets in a text (counted in Unicode scalars) to 1-based lines and columns.
struct LineMap: Sendable {
    /// Scalar offset where each line starts.
    let starts: [Int]
    let firstLine: Int

    init(_ scalars: some Collection<Unicode.Scalar>, firstLine: Int = 1) {
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        self.starts = starts
        self.firstLine = firstLine
    }

    func position(_ offset: Int) -> SourcePosition {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: firstLine + lo, column: offset - starts[lo] + 1)
    }

    func line(_ offset: Int) -> Int { position(offset).line }
}

/// Line endings as one `\n`: CRLF from Windows and lone CR from old tools read like LF.
enum LineEndings {
    static func normalized(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if c == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(c)
        }
        return String(out)
    }
}

/// A text read once for all the commands in it: its scalars, its line map and its dialect.
/// A script of many curl commands used to rebuild these for each command, which made reading
/// it quadratic (1,000 commands: 36 s).
struct ShellSource: Sendable {
    let scalars: [Unicode.Scalar]
    let map: LineMap
    let dialect: ShellDialect

    init(_ text: String, firstLine: Int = 1) {
        scalars = Array(text.unicodeScalars)
        map = LineMap(scalars, firstLine: firstLine)
        dialect = ShellDialect.detect(text)
    }
}

/// Which shell a pasted command was written for; it decides quoting and line continuation.
enum ShellDialect: Sendable, Equatable {
    case posix, cmd, powershell

    /// Guessed from the line-continuation characters, the one clue every multi-line paste has.
    static func detect(_ text: String) -> ShellDialect {
        var posix = 0
        var cmd = 0
        var powershell = 0
        for line in text.split(separator: "\n") {
            let t = line.reversed().drop(while: { $0 == " " || $0 == "\t" }).first
            switch t {
            case "\\": posix += 1
            case "^": cmd += 1
            case "`": powershell += 1
            default: break
            }
        }
        if text.contains("^\"") { cmd += 1 }
        if powershell > posix && powershell >= cmd { return .powershell }
        if cmd > posix { return .cmd }
        return .posix
    }

    /// How users name the continuation character and the program that reads the line.
    var continuationName: String {
        switch self {
        case .posix: return "backslash"
        case .cmd: return "^"
        case .powershell: return "backtick"
        }
    }

    var shellName: String {
        switch self {
        case .posix: return "a shell"
        case .cmd: return "cmd.exe"
        case .powershell: return "PowerShell"
        }
    }
}

/// One word of a command after the shell's quoting is removed.
struct ShellWord: Sendable, Equatable {
    var text: String
    /// Where the word starts in the source (its opening quote, if any).
    var position: SourcePosition
    /// Offset (in the original text) of the word's first character, and whether the text is a
    /// contiguous copy of the source from there, so offsets inside it map to columns.
    var contentOffset: Int?
    var verbatim: Bool
    var quoted: Bool

    /// The source position of the character `offset` scalars into the text, when known;
    /// otherwise the word's own position.
    func position(at offset: Int, in map: LineMap) -> SourcePosition {
        guard verbatim, let start = contentOffset else { return position }
        return map.position(start + offset)
    }

    /// The word as a POSIX shell would need it written, shortened for notes.
    var quotedForNote: String {
        var t = text
        if t.unicodeScalars.count > 48 { t = String(t.prefix(40)) + "…" }
        let plain = t.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "@%+=:,./-_…").contains($0) || CharacterSet.alphanumerics.contains($0) }
        if plain && !t.isEmpty { return t }
        return "'" + t.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Where a shell would have ended the command although the paste goes on: a line without its
/// continuation character, or one with a space after it.
struct ShellStop: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case missingContinuation, spaceAfterContinuation }
    let line: Int
    /// How many words the shell would have run.
    let wordCount: Int
    let kind: Kind
}

struct ShellCommand: Sendable {
    var words: [ShellWord]
    var stops: [ShellStop]
    var lastLine: Int
    var notes: [String]
}

/// Splits a command into words the way the shell it was written for would, leniently: it reads
/// on where a forum paste lost its line continuations and records where the shell would stop.
struct ShellLexer {
    let dialect: ShellDialect
    let map: LineMap
    private let s: [Unicode.Scalar]
    /// For cmd, where each scalar of `s` sits in the original text (the `^` escapes are gone).
    private let origin: [Int]?
    /// For cmd, which scalars were escaped with `^` (so `&`, `|`, `<`, `>` are plain characters).
    private let escaped: [Bool]?
    private var i: Int

    private var words: [ShellWord] = []
    private var stops: [ShellStop] = []
    private var notes: [String] = []
    private var noted: Set<String> = []
    private var current: Builder?
    private var discardNextWord = false

    private struct Builder {
        var text = String.UnicodeScalarView()
        let start: Int
        var contentOffset: Int?
        var lastOffset: Int?
        var verbatim = true
        var quoted = false

        mutating func append(_ c: Unicode.Scalar, from offset: Int?, exact: Bool = true) {
            if let offset, exact {
                if contentOffset == nil {
                    contentOffset = offset
                } else if lastOffset.map({ $0 + 1 }) != offset {
                    verbatim = false
                }
                lastOffset = offset
            } else {
                if contentOffset == nil && text.isEmpty { contentOffset = offset }
                verbatim = false
            }
            text.append(c)
        }
    }

    /// `start` is a scalar offset in `text` (already line-ending-normalized).
    init(_ text: String, start: Int = 0, firstLine: Int = 1, dialect: ShellDialect) {
        let scalars = Array(text.unicodeScalars)
        self.init(scalars: scalars, map: LineMap(scalars, firstLine: firstLine), start: start, end: scalars.count, dialect: dialect)
    }

    /// Lexes from `start`; for cmd, the `^` escapes are undone up to `end` only (the next
    /// command's start), so reading every command of a long script stays linear.
    init(_ source: ShellSource, start: Int, end: Int) {
        self.init(scalars: source.scalars, map: source.map, start: start, end: end, dialect: source.dialect)
    }

    private init(scalars: [Unicode.Scalar], map: LineMap, start: Int, end: Int, dialect: ShellDialect) {
        self.dialect = dialect
        self.map = map
        if dialect == .cmd {
            // cmd.exe strips `^` (its escape) before the program sees the line, except inside
            // its own double quotes; `^` at a line end joins the next line.
            var out: [Unicode.Scalar] = []
            var origin: [Int] = []
            var escaped: [Bool] = []
            var inQuote = false
            var k = start
            let stop = min(max(end, start), scalars.count)
            while k < stop {
                let c = scalars[k]
                if c == "^" && !inQuote && k + 1 < scalars.count {
                    if scalars[k + 1] == "\n" {
                        k += 2
                        continue
                    }
                    out.append(scalars[k + 1])
                    origin.append(k + 1)
                    escaped.append(true)
                    k += 2
                    continue
                }
                if c == "\"" { inQuote.toggle() }
                if c == "\n" { inQuote = false }
                out.append(c)
                origin.append(k)
                escaped.append(false)
                k += 1
            }
            self.s = out
            self.origin = origin
            self.escaped = escaped
            self.i = 0
        } else {
            self.s = scalars
            self.origin = nil
            self.escaped = nil
            self.i = start
        }
    }

    var atEnd: Bool { i >= s.count }

    private func offset(_ k: Int) -> Int { origin.map { k < $0.count ? $0[k] : ($0.last ?? 0) + 1 } ?? k }
    private func position(_ k: Int) -> SourcePosition { map.position(offset(k)) }
    private func isEscaped(_ k: Int) -> Bool { escaped.map { k < $0.count && $0[k] } ?? false }
    private func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{3000}"
    }

    private static func isNameStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c == "_" || (c.isASCII && CharacterSet.letters.contains(c))
    }

    private static func isNameChar(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isNameStart(c) || ("0"..."9").contains(c)
    }

    private mutating func note(_ key: String, _ text: String) {
        guard noted.insert(key).inserted else { return }
        notes.append(text)
    }

    private mutating func finishWord() {
        guard let b = current else { return }
        current = nil
        if discardNextWord {
            discardNextWord = false
            return
        }
        words.append(ShellWord(text: String(b.text), position: position(b.start), contentOffset: b.contentOffset,
                               verbatim: b.verbatim, quoted: b.quoted))
    }

    private mutating func append(_ c: Unicode.Scalar, at k: Int?, exact: Bool = true) {
        if current == nil { current = Builder(start: k ?? i) }
        let source = k.map(offset)
        current?.append(c, from: source, exact: exact)
    }

    private mutating func startWord(at k: Int) {
        if current == nil { current = Builder(start: k) }
    }

    private func unterminated(_ quote: Unicode.Scalar, at k: Int) -> InputError {
        let p = position(k)
        return InputError("curl", "the quote \(quote) opened on line \(p.line), column \(p.column ?? 1) is never closed")
    }

    /// Reads one command: words up to an unquoted line end that does not continue, or a `;`,
    /// `&&`, `|`, `)`. Returns nil at the end of the text.
    mutating func command() throws(InputError) -> ShellCommand? {
        words = []
        stops = []
        notes = []
        current = nil
        discardNextWord = false
        while i < s.count && (Self.isBlank(s[i]) || s[i] == "\n") { i += 1 }
        guard i < s.count else { return nil }
        loop: while i < s.count {
            let c = s[i]
            if c == "\n" {
                finishWord()
                let line = position(i).line
                i += 1
                if !words.isEmpty && continuesAfterLostBreak() {
                    stops.append(ShellStop(line: line, wordCount: words.count, kind: .missingContinuation))
                    continue
                }
                break
            }
            if Self.isBlank(c) {
                finishWord()
                i += 1
                continue
            }
            if try continuation(c) { continue }
            if current == nil && c == "#" && dialect != .cmd {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if !isEscaped(i) && isSeparator(c) {
                finishWord()
                i += 1
                while let n = at(i), n == c { i += 1 }
                break loop
            }
            if !isEscaped(i) && (c == ">" || c == "<") {
                redirect()
                continue
            }
            switch dialect {
            case .posix: try posixPart(c)
            case .cmd: try cmdPart(c)
            case .powershell: try powershellPart(c)
            }
        }
        finishWord()
        let lastLine = position(max(i - 1, 0)).line
        return ShellCommand(words: words, stops: stops, lastLine: lastLine, notes: notes)
    }

    private func isSeparator(_ c: Unicode.Scalar) -> Bool {
        switch dialect {
        case .posix: return c == ";" || c == "&" || c == "|" || c == ")"
        case .cmd: return c == "&" || c == "|"
        case .powershell: return c == ";" || c == "|"
        }
    }

    /// `> file`, `2>&1`, `< in`: not arguments; the target word is dropped.
    private mutating func redirect() {
        if let b = current, !b.text.isEmpty, b.text.allSatisfy({ ("0"..."9").contains($0) }) {
            current = nil
        } else {
            finishWord()
        }
        while let c = at(i), c == ">" || c == "<" { i += 1 }
        if at(i) == "&" {
            i += 1
            while let c = at(i), ("0"..."9").contains(c) || c == "-" { i += 1 }
            return
        }
        discardNextWord = true
    }

    /// Line continuations: `\` (POSIX), backtick (PowerShell); cmd's `^` went in the prepass.
    private mutating func continuation(_ c: Unicode.Scalar) throws(InputError) -> Bool {
        let mark: Unicode.Scalar
        switch dialect {
        case .posix: mark = "\\"
        case .powershell: mark = "`"
        case .cmd: return false
        }
        guard c == mark else { return false }
        if at(i + 1) == "\n" {
            let line = position(i).line
            if current != nil, let next = at(i + 2), !Self.isBlank(next), next != "\n" {
                // Glued: `'https://…/introspect'\` then `--header` at the start of the next line.
                let joined = String(current?.text ?? String.UnicodeScalarView())
                let shown = joined.unicodeScalars.count > 30 ? "…" + String(joined.suffix(24)) : joined
                let nextWord = String(String.UnicodeScalarView(s[(i + 2)..<min(s.count, i + 2 + 40)].prefix(while: { !Self.isBlank($0) && $0 != "\n" })))
                note("glued-\(line)", "line \(line + 1) starts right after the \(dialect.continuationName) that ends line \(line), with no space: \(dialect.shellName) joins `\(shown)` and `\(nextWord)` into one word; read as two")
                finishWord()
            }
            i += 2
            return true
        }
        var k = i + 1
        while let b = at(k), Self.isBlank(b) { k += 1 }
        if k > i + 1, at(k) == "\n" || at(k) == nil {
            finishWord()
            let line = position(i).line
            i = k + 1
            if at(k) != nil {
                stops.append(ShellStop(line: line, wordCount: words.count, kind: .spaceAfterContinuation))
            }
            return true
        }
        return false
    }

    /// After a line end with no continuation: does the next line look like more of the same
    /// command (an option, a quoted word, a URL)? Forum pastes often lose the `\`.
    private mutating func continuesAfterLostBreak() -> Bool {
        var k = i
        while let c = at(k), Self.isBlank(c) { k += 1 }
        guard let c = at(k) else { return false }
        let next = at(k + 1)
        switch c {
        case "-":
            if next == "-" { return Self.isNameStart(at(k + 2)) }
            return Self.isNameStart(next) || next == "#" || next == "0"
        case "\u{2014}", "\u{2013}":
            return Self.isNameStart(next)
        case "'", "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}":
            return true
        case "$":
            return next == "'"
        case "h", "H":
            let rest = String(String.UnicodeScalarView(s[k..<min(s.count, k + 8)])).lowercased()
            return rest.hasPrefix("http://") || rest.hasPrefix("https://")
        default:
            return false
        }
    }

    // MARK: - POSIX shells (bash, zsh, sh)

    private mutating func posixPart(_ c: Unicode.Scalar) throws(InputError) {
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

    /// `$NAME`, `${NAME}`, `$(command)`: kept as written, with a note that the shell would
    /// substitute them.
    private mutating func substitution() {
        let start = i
        var k = i + 1
        var kind = "variable"
        switch at(k) {
        case "{":
            while let c = at(k), c != "}" && c != "\n" { k += 1 }
            if at(k) == "}" { k += 1 }
        case "(":
            kind = "command substitution"
            var depth = 0
            while let c = at(k), c != "\n" || depth > 0 {
                if c == "(" { depth += 1 }
                if c == ")" {
                    depth -= 1
                    if depth == 0 {
                        k += 1
                        break
                    }
                }
                k += 1
            }
        default:
            guard Self.isNameStart(at(k)) else {
                append("$", at: i)
                i += 1
                return
            }
            while Self.isNameChar(at(k)) { k += 1 }
        }
        let text = String(String.UnicodeScalarView(s[start..<min(k, s.count)]))
        for j in start..<min(k, s.count) { append(s[j], at: j) }
        i = min(k, s.count)
        noteVariable(text, at: start, kind: kind)
    }

    private mutating func noteVariable(_ text: String, at k: Int, kind: String) {
        let line = position(k).line
        let shown = text.unicodeScalars.count > 40 ? String(text.prefix(36)) + "…" : text
        if kind == "variable" {
            note("var-\(text)", "`\(shown)` (line \(line)) is a variable: \(dialect.shellName) would put its value here; it was read as written")
        } else {
            note("var-\(text)", "`\(shown)` (line \(line)) is a command substitution: \(dialect.shellName) would put the command's output here; it was read as written")
        }
    }

    /// bash's `$'...'`: backslash escapes as in C. Chrome's "Copy as cURL (bash)" uses it.
    private mutating func ansiC(start: Int) throws(InputError) {
        startWord(at: start)
        current?.quoted = true
        i += 2
        var bytes: [UInt8] = []
        func flush(_ me: inout ShellLexer) {
            guard !bytes.isEmpty else { return }
            for u in String(decoding: bytes, as: UTF8.self).unicodeScalars { me.append(u, at: nil, exact: false) }
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
                bytes.append(contentsOf: Array(String(d).utf8))
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

    // MARK: - Windows cmd.exe (after `^` removal: the C runtime's argument rules)

    private mutating func cmdPart(_ c: Unicode.Scalar) throws(InputError) {
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

    // MARK: - PowerShell

    private mutating func powershellPart(_ c: Unicode.Scalar) throws(InputError) {
        let start = i
        switch c {
        case "'", "\u{2018}", "\u{2019}":
            startWord(at: start)
            current?.quoted = true
            i += 1
            while true {
                guard let d = at(i) else { throw unterminated(c, at: start) }
                if d == "'" || d == "\u{2018}" || d == "\u{2019}" {
                    if at(i + 1) == "'" {
                        append("'", at: i, exact: false)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                append(d, at: i)
                i += 1
            }
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}":
            startWord(at: start)
            current?.quoted = true
            i += 1
            while true {
                guard let d = at(i) else { throw unterminated(c, at: start) }
                if d == "\"" || d == "\u{201C}" || d == "\u{201D}" {
                    if at(i + 1) == "\"" {
                        append("\"", at: i, exact: false)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                if d == "`", let e = at(i + 1) {
                    append(Self.powershellEscape(e), at: i + 1, exact: false)
                    i += 2
                    continue
                }
                if d == "$", Self.isNameStart(at(i + 1)) || at(i + 1) == "(" || at(i + 1) == "{" {
                    substitution()
                    continue
                }
                append(d, at: i)
                i += 1
            }
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
