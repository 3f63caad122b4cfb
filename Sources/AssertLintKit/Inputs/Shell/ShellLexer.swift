import Foundation

/// Splits a command into words the way the shell it was written for would, leniently: it reads
/// on where a forum paste lost its line continuations and records where the shell would stop.
struct ShellLexer {
    let dialect: ShellDialect
    let map: LineMap
    let s: [Unicode.Scalar]
    /// For cmd, where each scalar of `s` sits in the original text (the `^` escapes are gone).
    let origin: [Int]?
    /// For cmd, which scalars were escaped with `^` (so `&`, `|`, `<`, `>` are plain characters).
    let escaped: [Bool]?
    var i: Int

    var words: [ShellWord] = []
    var stops: [ShellStop] = []
    var notes: [String] = []
    var noted: Set<String> = []
    var guesses: [ShellGuess] = []
    var current: Builder?
    var discardNextWord = false

    struct Builder {
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

    func offset(_ k: Int) -> Int { origin.map { k < $0.count ? $0[k] : ($0.last ?? 0) + 1 } ?? k }
    func position(_ k: Int) -> SourcePosition { map.position(offset(k)) }
    func isEscaped(_ k: Int) -> Bool { escaped.map { k < $0.count && $0[k] } ?? false }
    func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }

    static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{3000}"
    }

    static func isNameStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c == "_" || (c.isASCII && CharacterSet.letters.contains(c))
    }

    static func isNameChar(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isNameStart(c) || ("0"..."9").contains(c)
    }

    mutating func note(_ key: String, _ text: String) {
        guard noted.insert(key).inserted else { return }
        notes.append(text)
    }

    mutating func finishWord() {
        guard let b = current else { return }
        current = nil
        if discardNextWord {
            discardNextWord = false
            return
        }
        words.append(ShellWord(text: String(b.text), position: position(b.start), contentOffset: b.contentOffset,
                               verbatim: b.verbatim, quoted: b.quoted))
    }

    mutating func append(_ c: Unicode.Scalar, at k: Int?, exact: Bool = true) {
        if current == nil { current = Builder(start: k ?? i) }
        let source = k.map(offset)
        current?.append(c, from: source, exact: exact)
    }

    /// `append(u, at: nil, exact: false)` for each scalar of `text`.
    mutating func appendInexact(_ text: String) {
        if current == nil { current = Builder(start: i) }
        guard !text.isEmpty else { return }
        current?.verbatim = false
        current?.text.append(contentsOf: text.unicodeScalars)
    }

    mutating func startWord(at k: Int) {
        if current == nil { current = Builder(start: k) }
    }

    func unterminated(_ quote: Unicode.Scalar, at k: Int) -> InputError {
        let p = position(k)
        return InputError("curl", "the quote \(quote) opened on line \(p.line), column \(p.column ?? 1) is never closed")
    }

    /// Reads one command: words up to an unquoted line end that does not continue, or a `;`,
    /// `&&`, `|`, `)`. Returns nil at the end of the text.
    mutating func command() throws(InputError) -> ShellCommand? {
        words = []
        stops = []
        notes = []
        guesses = []
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
        return ShellCommand(words: words, stops: stops, lastLine: lastLine, notes: notes, guesses: guesses)
    }

    func isSeparator(_ c: Unicode.Scalar) -> Bool {
        switch dialect {
        case .posix: return c == ";" || c == "&" || c == "|" || c == ")"
        case .cmd: return c == "&" || c == "|"
        case .powershell: return c == ";" || c == "|"
        }
    }

    /// `> file`, `2>&1`, `< in`: not arguments; the target word is dropped.
    mutating func redirect() {
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
    mutating func continuation(_ c: Unicode.Scalar) throws(InputError) -> Bool {
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
                guesses.append(ShellGuess(kind: .gluedContinuation, lines: line...(line + 1),
                                          text: "`\(shown)` and `\(nextWord)` (lines \(line)-\(line + 1)) were read as two words"))
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
    mutating func continuesAfterLostBreak() -> Bool {
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

    /// `$NAME`, `${NAME}`, `$(command)`: kept as written, with a note that the shell would
    /// substitute them.
    mutating func substitution() {
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

    mutating func noteVariable(_ text: String, at k: Int, kind: String) {
        let line = position(k).line
        let shown = text.unicodeScalars.count > 40 ? String(text.prefix(36)) + "…" : text
        if kind == "variable" {
            note("var-\(text)", "`\(shown)` (line \(line)) is a variable: \(dialect.shellName) would put its value here; it was read as written")
        } else {
            note("var-\(text)", "`\(shown)` (line \(line)) is a command substitution: \(dialect.shellName) would put the command's output here; it was read as written")
        }
    }
}
