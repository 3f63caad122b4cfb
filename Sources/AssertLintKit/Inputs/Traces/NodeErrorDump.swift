import Foundation

/// An axios (or got) error printed with `console.log(error)`: the request it sent is in
/// `config: { url, method, data, headers }` (got: `options: { url, method, body|form, headers }`),
/// the bytes Node wrote in `request: ClientRequest { _header: 'POST /… HTTP/1.1\r\n' + … }`, and
/// the answer in `response: { status: 401, data: { error: … } }`.
enum NodeErrorDump {
    static func looksLikeDump(_ text: String) -> Bool {
        text.contains("_header: 'POST ") || text.contains("_header: 'GET ")
            || (text.range(of: #"\b(config|options):\s*(\w+ )?\{"#, options: .regularExpression) != nil
                && text.contains("url: ") && text.contains("method: "))
    }

    static func read(_ text: String) -> HTTPTrace.Read? {
        guard looksLikeDump(text) else { return nil }
        let found = JSInspect.object(after: "config", in: text).map { ($0.value, "axios", "config") }
            ?? JSInspect.object(after: "options", in: text).map { ($0.value, "got", "options") }
        let (config, client, key) = found ?? (JSInspect.object([]), "Node", "_header")
        let line = lineOf(text, key + ":")
        var notes: [String] = []
        var url = config["url"]?.string ?? config["url"]?["href"]?.string ?? ""
        if !url.contains("://"), let base = config["baseURL"]?.string ?? config["prefixUrl"]?.string {
            url = base.hasSuffix("/") && url.hasPrefix("/") ? base + url.dropFirst() : base + url
            notes.append("the URL joins `baseURL` and `url`")
        }
        let header = JSInspect.string(after: "_header", in: text)
        var wire: TokenRequest?
        if let header {
            let lines = header.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { RawHTTPRequest.Line(text: String($0), number: lineOf(text, "_header: ")) }
            wire = try? RawHTTPRequest.parse(lines: lines, style: .raw)
        }
        if url.isEmpty, let w = wire { url = w.url }
        guard !url.isEmpty || wire != nil else { return nil }
        let method = (config["method"]?.string ?? wire?.method ?? "GET").uppercased()
        var headers: [HTTPHeader] = []
        var headersShown = false
        if let w = wire {
            headers = w.headers
            headersShown = true
            notes.append("the headers from the `_header` Node wrote (what was really sent)")
        } else if case .object(let entries)? = config["headers"] {
            headersShown = true
            for (name, value) in entries {
                guard let v = value.string, name.first != "[" else { continue }
                if case .object = value { continue }
                // axios 0.x keeps per-method defaults (`common`, `post`) beside the real headers.
                if ["common", "delete", "get", "head", "post", "put", "patch"].contains(name) { continue }
                headers.append(HTTPHeader(name: name, value: v, position: SourcePosition(line: line)))
            }
        } else if config["headers"] != nil {
            notes.append("the headers are printed as `\(Escape.line(config["headers"]?.string ?? "[Object]"))` (too deep for console.log): they are not checked")
        }
        if let auth = config["auth"], let user = auth["username"]?.string, let pass = auth["password"]?.string {
            headers.append(HTTPHeader(name: "Authorization", value: "Basic " + Data("\(user):\(pass)".utf8).base64EncodedString()))
            headersShown = true
            notes.append("axios sends `auth: { username, password }` as an `Authorization: Basic` header")
        }
        var body: RequestBody = .none
        var bodyShown = true
        let mediaType = headers.last { $0.name.lowercased() == "content-type" }?.value.split(separator: ";").first.map { $0.trimmedWhitespace.lowercased() }
        let data = config["data"] ?? config["body"]
        if case .object(let entries)? = config["form"] {
            body = .form(entries.compactMap { e in e.1.string.map { FormField(name: e.0, value: $0, position: SourcePosition(line: line)) } })
            if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            }
            notes.append("got sends `form: { … }` as application/x-www-form-urlencoded")
        } else if case .string(let s)? = data {
            body = RequestBody.read(s, mediaType: mediaType, position: SourcePosition(line: lineOf(text, "data: '", orElse: line)))
            if s.range(of: #"\.\.\. [0-9]+ more characters?$"#, options: .regularExpression) != nil {
                bodyShown = false
                notes.append("console.log cut the body short (`... N more characters`): the parameters after the cut are not checked")
            }
        } else if let d = data, d.string == "undefined" || d.string == "null" {
            body = .none
        } else if let d = data {
            bodyShown = false
            notes.append("the body is printed as `\(Escape.line(String((d.string ?? "{…}").prefix(40))))`, not as the text sent: the parameters are not checked")
        } else if method == "POST" {
            bodyShown = false
            notes.append(found == nil ? "a ClientRequest's `_header` holds the request line and headers, not the body: the parameters are not checked"
                                      : "the \(key) shows no `data`: the parameters are not checked")
        }
        notes.insert(found == nil ? "read as a Node ClientRequest printed by console.log: the request line and headers from its `_header` (line \(lineOf(text, "_header: ")))"
                                  : "read as an \(client) error printed by console.log: the request from its `\(key): { … }` (line \(line))", at: 0)
        var request = TokenRequest(method: method, url: url, headers: headers, body: body, methodPosition: SourcePosition(line: line),
                                   urlPosition: SourcePosition(line: lineOf(text, "url: ", orElse: line)),
                                   bodyPosition: body == .none ? nil : SourcePosition(line: lineOf(text, "data: ", orElse: line)), notes: notes)
        request.shows = Evidence(method: true, url: true, headers: headersShown, body: bodyShown, signature: true, source: "the \(client) error dump")
        return HTTPTrace.Read(request: request, answer: answer(text))
    }

    /// `response: { status: 401, …, data: { error: 'invalid_client', error_description: '…' } }`.
    static func answer(_ text: String) -> ReportedAnswer? {
        if let response = JSInspect.object(after: "response", in: text)?.value {
            let status = response["status"]?.string.flatMap { Int($0) } ?? response["statusCode"]?.string.flatMap { Int($0) }
            let data = response["data"] ?? response["body"]
            var answer = ReportedAnswer(status: status, line: lineOf(text, "response: {"))
            if let d = data {
                answer.error = d["error"]?.string ?? d["errorCode"]?.string
                answer.errorDescription = d["error_description"]?.string ?? d["errorSummary"]?.string
                if answer.error == nil, let s = d.string, let found = ReportedAnswer.find(in: s) {
                    answer.error = found.error
                    answer.errorDescription = found.errorDescription
                }
            }
            if status != nil || answer.error != nil { return answer }
        }
        return ReportedAnswer.find(in: text)
    }

    /// The 1-based line where `needle` first occurs.
    static func lineOf(_ text: String, _ needle: String, orElse fallback: Int = 1) -> Int {
        guard let r = text.range(of: needle) else { return fallback }
        return text[..<r.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
