import Foundation

/// Reads a curl command as people paste it (terminal, docs, Postman, browser "Copy as cURL",
/// forum posts) into the request curl would send.
public enum CurlCommand {
    /// The first curl command in `text`. `firstLine` is the line the text starts on in its file.
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> TokenRequest {
        let normalized = LineEndings.normalized(text)
        let starts = commandStarts(in: normalized)
        guard let start = starts.first else {
            throw InputError("curl", "no curl command found: the text does not start with `curl`")
        }
        return try parse(normalized, start: start, firstLine: firstLine)
    }

    /// Every curl command in a text (a script, a forum post, a README), each read on its own.
    /// A command that cannot be read yields its error.
    static func commands(in text: String, firstLine: Int = 1) -> [Result<TokenRequest, InputError>] {
        let starts = commandStarts(in: text)
        guard !starts.isEmpty else { return [] }
        let source = ShellSource(text, firstLine: firstLine)
        return starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1] : source.scalars.count
            return Result { () throws(InputError) -> TokenRequest in try parse(source, start: start, end: end) }
        }
    }

    /// Scalar offsets where a command whose first word is `curl` or `curl.exe` begins: at the
    /// start of a line, after a prompt (`$ `, `> `, `PS C:\> `, `C:\>`, `user@host:~$ `), or after
    /// `;`, `&&`, `|`, `$(` or `VAR=$(`.
    static func commandStarts(in text: String) -> [Int] {
        if !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) {
            // ASCII without "\r": a Character, a scalar and a byte are one, so lines are found
            // over the bytes and only a line holding `curl` is looked at closely.
            var starts: [Int] = []
            let u = text.utf8
            let curl = Array("curl".utf8)
            var lineStart = u.startIndex
            var offset = 0
            var run = 0
            var i = lineStart
            var holds = false
            while true {
                if i == u.endIndex || u[i] == UInt8(ascii: "\n") {
                    if holds, let k = start(inLine: text[lineStart..<i]) { starts.append(offset + k) }
                    guard i != u.endIndex else { break }
                    i = u.index(after: i)
                    offset += u.distance(from: lineStart, to: i)
                    lineStart = i
                    run = 0
                    holds = false
                    continue
                }
                if !holds {
                    let c = u[i]
                    run = c == curl[run] ? run + 1 : (c == curl[0] ? 1 : 0)
                    if run == curl.count { holds = true }
                }
                i = u.index(after: i)
            }
            return starts
        }
        var starts: [Int] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.unicodeScalars.count + 1 }
            guard line.contains("curl") else { continue }
            if let k = start(inLine: line) { starts.append(offset + k) }
        }
        return starts
    }

    /// The scalar offset in `line` where a curl command begins, if one does.
    private static func start(inLine line: Substring) -> Int? {
        let scalars = Array(line.unicodeScalars)
        var k = 0
        while k < scalars.count {
            defer { k += 1 }
            guard scalars[k] == "c", k + 4 <= scalars.count,
                  String(String.UnicodeScalarView(scalars[k..<(k + 4)])) == "curl" else { continue }
            var end = k + 4
            if end + 4 <= scalars.count, String(String.UnicodeScalarView(scalars[end..<(end + 4)])).lowercased() == ".exe" {
                end += 4
            }
            guard end == scalars.count || scalars[end] == " " || scalars[end] == "\t" else { continue }
            let prefix = String(String.UnicodeScalarView(scalars[0..<k]))
            if isPromptOrSeparator(prefix) { return k }
        }
        return nil
    }

    private static let promptPattern: NSRegularExpression? = try? NSRegularExpression(pattern: #"""
        ^\s*(?:\$|%|>|PS\b[^>]*>|[A-Za-z]:\\[^>]*>|[\w.-]+@[\w.-]+(?::[^$#]*)?[$#]|(?:sudo|time|exec|!|\$\(|[A-Za-z_][A-Za-z0-9_]*=\$\()|.*(?:;|&&|\|\||\||\$\())?\s*$
        """#)

    private static func isPromptOrSeparator(_ prefix: String) -> Bool {
        if prefix.allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        guard let re = promptPattern else { return false }
        return re.firstMatch(in: prefix, range: NSRange(prefix.startIndex..., in: prefix)) != nil
    }

    static func parse(_ text: String, start: Int, firstLine: Int) throws(InputError) -> TokenRequest {
        let source = ShellSource(text, firstLine: firstLine)
        return try parse(source, start: start, end: source.scalars.count)
    }

    static func parse(_ source: ShellSource, start: Int, end: Int) throws(InputError) -> TokenRequest {
        let dialect = source.dialect
        var lexer = ShellLexer(source, start: start, end: end)
        guard let command = try lexer.command(), let first = command.words.first else {
            throw InputError("curl", "no curl command found")
        }
        var reading = Reading(command: command, map: lexer.map, dialect: dialect)
        reading.prompt = prompt(before: start, in: source)
        if dialect == .powershell && first.text == "curl" {
            reading.notes.append("in Windows PowerShell 5.1, `curl` is an alias of Invoke-WebRequest, which does not take curl's options: call curl.exe")
        }
        try reading.readOptions()
        return try reading.request()
    }

    /// The prompt before `curl` on its line (`$`, `%`, `>`, `PS C:\>`, `user@host:~$`), when
    /// the text there is one rather than a command that came first (`cd x &&`).
    static func prompt(before start: Int, in source: ShellSource) -> (text: String, line: Int)? {
        let end = min(start, source.scalars.count)
        var k = end
        while k > 0 && source.scalars[k - 1] != "\n" { k -= 1 }
        let text = String(String.UnicodeScalarView(source.scalars[k..<end])).trimmedWhitespace
        guard let last = text.last, "$#%>".contains(last), !text.contains("$("), !text.contains("&&"),
              !text.contains(";"), !text.contains("|") else { return nil }
        return (text, source.map.line(end))
    }
}
