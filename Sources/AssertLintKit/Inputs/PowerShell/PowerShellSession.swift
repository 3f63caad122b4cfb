import Foundation

/// A PowerShell session or script that calls the token endpoint with `Invoke-RestMethod` or
/// `Invoke-WebRequest`: `PS C:\> ` and `>> ` prompts are stripped, backtick continuations
/// joined, and a `-Body @{grant_type='client_credentials'; …}` hashtable (inline, or a `$body`
/// assigned in the paste) read as the form PowerShell sends.
enum PowerShellSession {
    struct Line { var text: String; let number: Int }

    static func read(_ text: String) -> HTTPTrace.Read? {
        let lowered = text.lowercased()
        guard lowered.contains("invoke-restmethod") || lowered.contains("invoke-webrequest") else { return nil }
        var notes: [String] = []
        var prompts = 0
        var lines: [Line] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().prefix(20_000) {
            var line = String(raw)
            if line.hasPrefix("PS "), let r = line.range(of: "> ") {
                line = String(line[r.upperBound...]); prompts += 1
            } else if line.hasPrefix(">> ") || line == ">>" {
                line = String(line.dropFirst(min(3, line.count))); prompts += 1
            }
            lines.append(Line(text: line, number: n + 1))
        }
        if lowered.contains("-websession $session"), lowered.contains("microsoft.powershell.commands.webrequestsession") {
            notes.append("read as a browser's DevTools \"Copy as PowerShell\": the `$session` it builds carries the browser's cookies and User-Agent, not client credentials")
        }
        if prompts > 0 { notes.append("read as a PowerShell session: stripped \(prompts) `PS>`/`>>` prompt\(prompts == 1 ? "" : "s")") }
        // Backtick continuations: a line ending in ` goes on on the next line.
        var joined: [Line] = []
        var continued = 0
        for line in lines {
            if let last = joined.last, last.text.hasSuffix("`") {
                joined[joined.count - 1].text = String(last.text.dropLast()) + " " + line.text.trimmedWhitespace
                continued += 1
            } else {
                joined.append(line)
            }
        }
        if continued > 0 { notes.append("joined \(continued) backtick (`) continuation\(continued == 1 ? "" : "s")") }
        let all = joined.map(\.text).joined(separator: "\n")
        guard let call = joined.first(where: { $0.text.lowercased().range(of: #"\b(invoke-restmethod|invoke-webrequest)\b"#, options: .regularExpression) != nil }) else { return nil }
        // The call's arguments, with a hashtable that opens on its line and closes later.
        var callText = call.text
        // Counted line by line (braces inside quotes do not span lines here), so a huge unbalanced paste stays linear.
        var depth = balance(callText)
        if let start = joined.firstIndex(where: { $0.number == call.number }), depth > 0 {
            for next in joined[(start + 1)...].prefix(500) {
                callText += "\n" + next.text
                depth += balance(next.text)
                if depth <= 0 { break }
            }
        }
        let args = parameters(callText)
        guard let uri = args["uri"] ?? args["url"] else { return nil }
        let url = unquoted(uri)
        let method = args["method"].map { unquoted($0).uppercased() } ?? "GET"
        if args["method"] == nil { notes.append("the call has no -Method, so PowerShell sends GET") }
        var headers: [HTTPHeader] = []
        var headersShown = true
        if let h = args["headers"] {
            if let table = hashtable(h, in: all) {
                let pseudo: Set<String> = ["authority", "method", "path", "scheme"]
                let dropped = table.filter { pseudo.contains($0.key.lowercased()) }.map(\.key)
                headers = table.filter { !pseudo.contains($0.key.lowercased()) }
                    .map { HTTPHeader(name: $0.key, value: $0.value, position: SourcePosition(line: call.number)) }
                if !dropped.isEmpty {
                    notes.append("dropped the HTTP/2 pseudo-headers \(dropped.map { "`\(Escape.line($0))`" }.joined(separator: ", ")) that DevTools copies into -Headers: they name the request line, which -Method and -Uri already give")
                }
            } else {
                headersShown = false
                notes.append("-Headers \(h) is not defined in the paste: the headers are not checked")
            }
        }
        var body: RequestBody = .none
        var bodyShown = true
        if let b = args["body"] {
            if let table = hashtable(b, in: all) {
                body = .form(table.map { FormField(name: $0.key, value: $0.value, position: SourcePosition(line: $0.line ?? call.number)) })
                notes.append("read the -Body hashtable as the form PowerShell sends: \(table.map(\.key).joined(separator: ", "))")
            } else if let v = bytesBody(b) ?? Optional(unquoted(b)), v.contains("="), !v.hasPrefix("$") {
                let ct = args["contenttype"].map { unquoted($0).lowercased().split(separator: ";").first.map { $0.trimmedWhitespace } ?? "" }
                body = RequestBody.read(v, mediaType: ct ?? "application/x-www-form-urlencoded", position: SourcePosition(line: call.number))
            } else {
                bodyShown = false
                notes.append("-Body \(b) is not defined in the paste: the parameters are not checked")
            }
        }
        if let ct = args["contenttype"] {
            headers.append(HTTPHeader(name: "Content-Type", value: unquoted(ct), position: SourcePosition(line: call.number)))
        } else if case .form = body, method == "POST" {
            headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            notes.append("PowerShell sends a hashtable -Body as application/x-www-form-urlencoded")
        }
        var request = TokenRequest(method: method, url: url, headers: headers, body: body,
                                   methodPosition: SourcePosition(line: call.number), urlPosition: SourcePosition(line: call.number),
                                   bodyPosition: SourcePosition(line: call.number), notes: notes)
        request.shows = Evidence(method: true, url: true, headers: headersShown, body: bodyShown, signature: true, source: "the PowerShell call")
        let after = joined.filter { $0.number > call.number }.map(\.text).joined(separator: "\n")
        return HTTPTrace.Read(request: request, answer: ReportedAnswer.find(in: after))
    }

    /// Open `@{`/`{`/`(` minus closes, outside quotes.
    static func balance(_ s: String) -> Int {
        var depth = 0
        var quote: Character?
        var escaped = false
        for c in s {
            if escaped { escaped = false; continue }
            if let q = quote {
                if c == "`" && q == "\"" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "{", "(": depth += 1
            case "}", ")": depth -= 1
            default: break
            }
        }
        return depth
    }

    /// `-Name value` pairs of a call, names lowercased; values keep their quotes and braces.
    static func parameters(_ call: String) -> [String: String] {
        var out: [String: String] = [:]
        var words: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for c in call {
            if escaped { escaped = false; current.append(c); continue }
            if let q = quote {
                current.append(c)
                if c == "`" && q == "\"" { escaped = true } else if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" { quote = c; current.append(c); continue }
            if c == "{" || c == "(" { depth += 1 }
            if c == "}" || c == ")" { depth -= 1 }
            if depth <= 0 && (c == " " || c == "\t" || c == "\n") {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        var k = 0
        while k < words.count {
            let w = words[k]
            let isName = { (x: String) in x.hasPrefix("-") && x.count > 1 && x.dropFirst().allSatisfy { $0.isLetter } }
            // A switch (`-UseBasicParsing`) takes no value: the next word is the next parameter.
            if isName(w), k + 1 < words.count, isName(words[k + 1]) {
                out[w.dropFirst().lowercased()] = ""
                k += 1
            } else if isName(w), k + 1 < words.count {
                out[w.dropFirst().lowercased()] = words[k + 1]
                k += 2
            } else {
                k += 1
            }
        }
        return out
    }

    static func unquoted(_ s: String) -> String {
        let t = s.trimmedWhitespace
        if t.count >= 2, t.first == "'", t.last == "'" { return String(t.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        if t.count >= 2, t.first == "\"", t.last == "\"" { return unescaped(String(t.dropFirst().dropLast())) }
        return t
    }

    /// A double-quoted string's backtick escapes: `` `" `` is `"`, `` `$ `` is `$`.
    static func unescaped(_ s: String) -> String {
        guard s.contains("`") else { return s }
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "0": out.append("\0")
                default: out.append(c)
                }
                escaped = false
            } else if c == "`" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `([System.Text.Encoding]::UTF8.GetBytes("a=b"))`: DevTools' body when it is not plain ASCII.
    static func bytesBody(_ value: String) -> String? {
        guard value.contains("GetBytes("), let open = value.range(of: "GetBytes(") else { return nil }
        let inner = value[open.upperBound...]
        guard let close = inner.range(of: ")", options: .backwards) else { return nil }
        let literal = String(inner[..<close.lowerBound]).trimmedWhitespace
        guard literal.first == "\"" || literal.first == "'" else { return nil }
        return unquoted(literal)
    }

    /// The entries of `@{a='1'; b=$x}`, or of the hashtable `$name = @{…}` assigned in the paste.
    static func hashtable(_ value: String, in all: String) -> [(key: String, value: String, line: Int?)]? {
        var text = value.trimmedWhitespace
        if text.hasPrefix("$") {
            let name = NSRegularExpression.escapedPattern(for: String(text.dropFirst()))
            guard let r = all.range(of: #"\$"# + name + #"\s*=\s*@\{"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
            var depth = 1
            var end = r.upperBound
            var quote: Character?
            while end < all.endIndex, depth > 0 {
                let c = all[end]
                if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
                end = all.index(after: end)
            }
            text = "@{" + all[r.upperBound..<end]
        }
        guard text.hasPrefix("@{"), text.hasSuffix("}") else { return nil }
        let inner = text.dropFirst(2).dropLast()
        var entries: [(String, String, Int?)] = []
        var current = ""
        var quote: Character?
        func flush() {
            let e = current.trimmedWhitespace
            current = ""
            guard let eq = e.firstIndex(of: "=") else { return }
            let key = unquoted(String(e[..<eq]))
            let v = unquoted(String(e[e.index(after: eq)...]))
            if !key.isEmpty { entries.append((key, v, nil)) }
        }
        for c in inner {
            if let q = quote { current.append(c); if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c; current.append(c); continue }
            if c == ";" || c == "\n" { flush(); continue }
            current.append(c)
        }
        flush()
        return entries.isEmpty ? nil : entries
    }
}
