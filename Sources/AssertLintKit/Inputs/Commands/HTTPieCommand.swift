import Foundation

/// An HTTPie command (`http`/`https`, as Okta's docs and many READMEs write requests):
/// `http [options] [METHOD] URL [ITEM ...]`, where an item is `Header:value`, `name=value` (a
/// body field: JSON by default, form with `--form`/`-f`), `name:=json`, `name==query`,
/// `name@file` or `name=@file`. The words are split by the shell reader, continuations and all.
enum HTTPieCommand {
    /// Where the command starts (scalar offset) and which program (`http` or `https`).
    static func start(in text: String) -> (offset: Int, program: String)? {
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(5_000) {
            defer { offset += line.unicodeScalars.count + 1 }
            // A prompt (`$ `, `% `, `> `, `user@host:~$ `) may come first.
            var rest = Substring(line)
            let lead = rest.prefix(while: { $0 == " " || $0 == "\t" })
            var skipped = lead.unicodeScalars.count
            rest = rest.dropFirst(lead.count)
            for prompt in ["$ ", "% ", "> ", "# "] where rest.hasPrefix(prompt) {
                rest = rest.dropFirst(prompt.count)
                skipped += prompt.unicodeScalars.count
            }
            for program in ["https", "http"] {
                guard rest.hasPrefix(program + " ") else { continue }
                let words = rest.dropFirst(program.count + 1).split(separator: " ", omittingEmptySubsequences: true).prefix(6)
                let named = words.contains { w in
                    looksLikeURL(w) || (methods.contains(w.uppercased()) && w.allSatisfy(\.isLetter) && w.uppercased() == w)
                }
                // Only options on this line (`http --form \`): the URL is on the next.
                let continued = words.allSatisfy { $0.hasPrefix("-") || $0 == "\\" } && rest.trimmedWhitespace.hasSuffix("\\")
                if named || continued { return (offset + skipped, program) }
            }
        }
        return nil
    }

    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    static func looksLikeURL<S: StringProtocol>(_ word: S) -> Bool {
        let w = word.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        if w.hasPrefix("http://") || w.hasPrefix("https://") || w.hasPrefix(":") || w.hasPrefix("{") || w.hasPrefix("$") || w.hasPrefix("<") {
            return true
        }
        // `example.org/path`, `localhost:8080/token`
        let host = w.prefix(while: { $0 != "/" && $0 != "?" })
        return (host.contains(".") || host.hasPrefix("localhost")) && !host.contains("=") && host.first?.isLetter == true
    }

    /// Options that take a value as the next word (or after `=`).
    static let valued: Set<String> = [
        "--auth", "-a", "--auth-type", "-A", "--print", "-p", "--pretty", "--style", "-s", "--session", "--session-read-only",
        "--proxy", "--cert", "--cert-key", "--cert-key-pass", "--verify", "--timeout", "--output", "-o", "--max-redirects",
        "--boundary", "--raw", "--format-options", "--ssl", "--ciphers", "--default-scheme", "--history-print", "-P",
        "--response-charset", "--response-mime", "--chunked-size",
    ]

    enum BodyMode { case json, form, multipart }

    static func read(_ text: String) -> HTTPTrace.Read? {
        guard let (start, program) = start(in: text) else { return nil }
        let (joined, lost) = joiningLostContinuations(text, from: start)
        let source = ShellSource(joined)
        var lexer = ShellLexer(source, start: start, end: source.scalars.count)
        guard let command = try? lexer.command(), command.words.count >= 2 else { return nil }
        let words = Array(command.words.dropFirst())
        var notes: [String] = ["read as an HTTPie command (`\(program)`) on line \(command.words[0].position.line)"]
        var mode = BodyMode.json
        var modeNamed = false
        var auth: String?
        var authType = "basic"
        var raw: String?
        var positional: [ShellWord] = []
        var ignored: [String] = []
        var k = 0
        while k < words.count {
            let w = words[k]
            let t = w.text
            k += 1
            guard t.range(of: #"^--?[A-Za-z][A-Za-z0-9-]*(=.*)?$"#, options: .regularExpression) != nil else { positional.append(w); continue }
            let (name, inline) = t.hasPrefix("--") && t.contains("=")
                ? (String(t[..<(t.firstIndex(of: "=") ?? t.endIndex)]), String(t[t.index(after: t.firstIndex(of: "=") ?? t.startIndex)...]))
                : (t, nil as String?)
            var value = inline
            if valued.contains(name), value == nil, k < words.count { value = words[k].text; k += 1 }
            switch name {
            case "--form", "-f": mode = .form; modeNamed = true
            case "--json", "-j": mode = .json; modeNamed = true
            case "--multipart": mode = .multipart; modeNamed = true
            case "--auth", "-a": auth = value
            case "--auth-type", "-A": authType = (value ?? "basic").lowercased()
            case "--raw": raw = value
            default:
                // Combined short flags (`-fv`) may hold -f.
                if !name.hasPrefix("--"), name.count > 2, name.dropFirst().allSatisfy(\.isLetter), name.contains("f") { mode = .form; modeNamed = true }
                if !valued.contains(name) { ignored.append(name) } else if let value { ignored.append("\(name) \(value)") }
            }
        }
        if !ignored.isEmpty { notes.append("options that do not change the request sent were ignored: \(ignored.map { "`\(Escape.line($0))`" }.joined(separator: ", "))") }

        // METHOD is optional: a first word of letters only, followed by the URL.
        var method: String?
        var methodWord: ShellWord?
        if positional.count >= 2, positional[0].text.allSatisfy(\.isLetter), methods.contains(positional[0].text.uppercased()) {
            method = positional[0].text.uppercased()
            methodWord = positional.removeFirst()
        }
        guard let urlWord = positional.first else { return nil }
        let url = absolute(urlWord.text, program: program, notes: &notes)
        var headers: [HTTPHeader] = []
        var removed: Set<String> = []
        var fields: [FormField] = []
        var json: [(String, String)] = []
        var query: [String] = []
        var files: [String] = []
        for item in positional.dropFirst() {
            guard let (key, sep, value) = split(item.text) else {
                notes.append("`\(Escape.line(item.text))` (line \(item.position.line)) is not an HTTPie request item (`Header:value`, `name=value`, `name:=json`, `name==query`): it was ignored")
                continue
            }
            let position = item.position
            switch sep {
            case ":" where value.isEmpty:
                removed.insert(key.lowercased())
                notes.append("`\(Escape.line(key)):` with no value tells HTTPie not to send the \(Escape.line(key)) header")
            case ":": headers.append(HTTPHeader(name: key, value: value, position: position))
            case ";": headers.append(HTTPHeader(name: key, value: "", position: position))
            case "==": query.append(urlEncode(key) + "=" + urlEncode(value))
            case "=":
                fields.append(FormField(name: key, value: value, position: position))
                json.append((key, jsonString(value)))
            case ":=":
                json.append((key, value))
                fields.append(FormField(name: key, value: value, position: position))
            default:
                files.append("`\(Escape.line(item.text))`")
            }
        }
        var fullURL = url
        if !query.isEmpty { fullURL += (url.contains("?") ? "&" : "?") + query.joined(separator: "&") }

        var shows = Evidence(source: "the HTTPie command")
        var body: RequestBody = .none
        var defaults: [HTTPHeader] = []
        let hasData = !fields.isEmpty || !files.isEmpty || raw != nil
        if let raw {
            body = RequestBody.read(raw, mediaType: headers.last { $0.name.lowercased() == "content-type" }?.value.lowercased()
                                        .split(separator: ";").first.map { $0.trimmedWhitespace })
            if !modeNamed { defaults.append(HTTPHeader(name: "Content-Type", value: "application/json")) }
            notes.append("the body is the `--raw` text")
        } else if !files.isEmpty {
            shows.body = false
            notes.append("the body takes a file (\(files.joined(separator: ", "))) the paste does not hold: the parameters are not checked")
            if mode == .multipart || mode == .form { defaults.append(HTTPHeader(name: "Content-Type", value: "multipart/form-data")) }
        } else if !fields.isEmpty {
            switch mode {
            case .form:
                if json.count != fields.count || fields.contains(where: { f in json.contains { $0.0 == f.name && $0.1 != jsonString(f.value) } }) {
                    notes.append("HTTPie refuses `name:=json` items with --form; they were read as form fields")
                }
                body = .form(fields)
                defaults.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8"))
                notes.append("--form: the `name=value` items are the form HTTPie sends (application/x-www-form-urlencoded): \(fields.map(\.name).joined(separator: ", "))")
            case .multipart:
                body = .raw(fields.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
                defaults.append(HTTPHeader(name: "Content-Type", value: "multipart/form-data"))
                notes.append("--multipart: HTTPie sends the items as multipart/form-data, not as a form body")
            case .json:
                body = .raw("{" + json.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}")
                defaults.append(HTTPHeader(name: "Content-Type", value: "application/json"))
                defaults.append(HTTPHeader(name: "Accept", value: "application/json, */*;q=0.5"))
                notes.append("without --form, HTTPie sends `name=value` items as a JSON object (application/json), not as a form: add `--form` (or `-f`) to send application/x-www-form-urlencoded")
            }
        }
        // HTTPie's own headers come first; the command's items override them by name.
        let named = Set(headers.map { $0.name.lowercased() })
        headers = defaults.filter { !named.contains($0.name.lowercased()) && !removed.contains($0.name.lowercased()) } + headers
        if let auth {
            switch authType {
            case "bearer":
                headers.append(HTTPHeader(name: "Authorization", value: "Bearer \(auth)"))
                notes.append("`--auth-type bearer --auth`: HTTPie sends `Authorization: Bearer …`")
            case "basic":
                if let colon = auth.firstIndex(of: ":") {
                    let credentials = Data((String(auth[..<colon]) + ":" + String(auth[auth.index(after: colon)...])).utf8).base64EncodedString()
                    headers.append(HTTPHeader(name: "Authorization", value: "Basic \(credentials)"))
                    notes.append("`--auth user:password`: HTTPie sends the pair as an `Authorization: Basic` header")
                } else {
                    shows.headers = false
                    notes.append("`--auth \(Escape.line(String(auth.prefix(12))))…` has no password: HTTPie would prompt for it, so the Authorization header is not checked")
                }
            default:
                shows.headers = false
                notes.append("`--auth-type \(Escape.line(authType))` is an HTTPie plugin: the Authorization header it sends is not checked")
            }
        }
        if !lost.isEmpty {
            let lines = lost.map(String.init).joined(separator: ", ")
            notes.append("line\(lost.count == 1 ? "" : "s") \(lines) end\(lost.count == 1 ? "s" : "") without a backslash, and the next line\(lost.count == 1 ? " is" : "s are") HTTPie items: read as one command (a continuation lost in the paste; a shell would run only the first line)")
        }
        if !command.stops.isEmpty {
            let lines = command.stops.map { String($0.line) }.joined(separator: ", ")
            notes.append("line\(command.stops.count == 1 ? "" : "s") \(lines) end\(command.stops.count == 1 ? "s" : "") without a backslash: the next line was read as part of the same command (a continuation lost in the paste)")
        }
        let finalMethod = method ?? (hasData ? "POST" : "GET")
        if method == nil { notes.append("the command names no method, so HTTPie sends \(finalMethod)\(hasData ? " (it has body items)" : "")") }
        var request = TokenRequest(method: finalMethod, url: fullURL, headers: headers, body: body,
                                   methodPosition: methodWord?.position ?? urlWord.position, urlPosition: urlWord.position,
                                   bodyPosition: fields.first?.position, notes: notes)
        request.shows = shows
        return HTTPTrace.Read(request: request, answer: nil)
    }

    /// A forum or blog paste often loses the trailing backslashes: the lines after the command
    /// that are each one HTTPie item (`accept:application/json`, `grant_type=refresh_token`) are
    /// joined to it with a backslash. Returns the text and the lines that were continued.
    static func joiningLostContinuations(_ text: String, from start: Int) -> (String, [Int]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var offset = 0
        var first = 0
        for (n, line) in lines.enumerated() {
            if offset + line.unicodeScalars.count >= start { first = n; break }
            offset += line.unicodeScalars.count + 1
        }
        var lost: [Int] = []
        var k = first
        while k + 1 < lines.count, k - first < 200 {
            let current = lines[k].trimmingCharacters(in: .whitespaces)
            guard !current.hasSuffix("\\") else { k += 1; continue }
            guard isItemLine(lines[k + 1]) else { break }
            lines[k] += " \\"
            lost.append(k + 1)
            k += 1
        }
        return (lost.isEmpty ? text : lines.joined(separator: "\n"), lost)
    }

    /// One request item alone on a line: `name:value`, `name=value`, `name:='…'`.
    static func isItemLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count < 20_000 else { return false }
        return t.range(of: #"^[A-Za-z0-9_.\-\[\]]+(:=@|=@|:@|==|:=|=|:)('[^']*'|"[^"]*"|[^\s'"]*)\s*\\?$"#, options: .regularExpression) != nil
    }

    /// HTTPie's URL shorthands: no scheme means `http://` (`https://` for `https`), `:3000/x`
    /// is localhost.
    static func absolute(_ url: String, program: String, notes: inout [String]) -> String {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return url }
        let scheme = program == "https" ? "https://" : "http://"
        if url.hasPrefix("://") { return scheme + url.dropFirst(3) }
        if url.hasPrefix(":") {
            notes.append("`\(Escape.line(url))` is HTTPie's shorthand for localhost")
            let rest = url.dropFirst()
            return scheme + "localhost" + (rest.first == "/" ? "" : ":") + rest
        }
        notes.append("the URL has no scheme: `\(program)` sends it to \(scheme)")
        return scheme + url
    }

    /// An item's key, separator and value. The separator is the earliest in the item, the
    /// longest at one position; `\` escapes a separator character.
    static func split(_ item: String) -> (String, String, String)? {
        let chars = Array(item)
        var key = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, ":=@;".contains(chars[i + 1]) {
                key.append(chars[i + 1]); i += 2; continue
            }
            let rest = String(chars[i...].prefix(3))
            for sep in [":=@", "=@", ":@", "==", ":=", "=", ":", ";", "@"] where rest.hasPrefix(sep) {
                guard !key.isEmpty || sep == ":" else { return nil }
                // `:` in a URL-ish key (`http://`) is not a header separator.
                let value = String(chars[(i + sep.count)...])
                return (key, sep, value)
            }
            key.append(c)
            i += 1
        }
        return nil
    }

    /// A JSON string literal, written by the one JSON writer.
    static func jsonString(_ s: String) -> String { JSONWriter.quote(s) }

    static func urlEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
