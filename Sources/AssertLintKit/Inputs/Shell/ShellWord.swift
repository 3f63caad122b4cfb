import Foundation

/// Which shell a pasted command was written for; it decides quoting and line continuation.
enum ShellDialect: Sendable, Equatable {
    case posix, cmd, powershell

    /// Guessed from the line-continuation characters, the one clue every multi-line paste has.
    static func detect(_ text: String) -> ShellDialect {
        if let fast = detectASCII(text) { return fast }
        var posix = 0
        var cmd = 0
        var powershell = 0
        for line in text.split(separator: "\n") {
            // A Markdown code fence (```, ```bash) ends in backticks but continues nothing.
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("```") { continue }
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

    /// `detect` over bytes, for ASCII text without "\r" (where a Character is one byte); nil for
    /// other text.
    static func detectASCII(_ text: String) -> ShellDialect? {
        guard !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
        var posix = 0
        var cmd = 0
        var powershell = 0
        var caretQuote = false
        let b = Array(text.utf8)
        var start = 0
        while start < b.count {
            var end = start
            while end < b.count && b[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            guard end > start else { continue }
            var k = start
            while k < end && (b[k] == UInt8(ascii: " ") || b[k] == UInt8(ascii: "\t")) { k += 1 }
            if end - k >= 3 && b[k] == UInt8(ascii: "`") && b[k + 1] == UInt8(ascii: "`") && b[k + 2] == UInt8(ascii: "`") { continue }
            var last = end
            while last > start && (b[last - 1] == UInt8(ascii: " ") || b[last - 1] == UInt8(ascii: "\t")) { last -= 1 }
            guard last > start else { continue }
            switch b[last - 1] {
            case UInt8(ascii: "\\"): posix += 1
            case UInt8(ascii: "^"): cmd += 1
            case UInt8(ascii: "`"): powershell += 1
            default: break
            }
        }
        for k in b.indices.dropLast() where b[k] == UInt8(ascii: "^") && b[k + 1] == UInt8(ascii: "\"") {
            caretQuote = true
            break
        }
        if caretQuote { cmd += 1 }
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

/// Where the lexer read a paste other than the shell would: the lines it concerns and what it
/// assumed, as a clause ("`…/introspect'` and `--header` (lines 3-4) were read as two words").
struct ShellGuess: Sendable, Equatable {
    let kind: ReaderGuess.Kind
    let lines: ClosedRange<Int>
    let text: String
}

struct ShellCommand: Sendable {
    var words: [ShellWord]
    var stops: [ShellStop]
    var lastLine: Int
    var notes: [String]
    var guesses: [ShellGuess] = []
}
