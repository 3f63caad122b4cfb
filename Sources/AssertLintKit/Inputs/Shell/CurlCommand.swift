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
        var starts: [Int] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.unicodeScalars.count + 1 }
            guard line.contains("curl") else { continue }
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
                if isPromptOrSeparator(prefix) {
                    starts.append(offset + k)
                    break
                }
            }
        }
        return starts
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
