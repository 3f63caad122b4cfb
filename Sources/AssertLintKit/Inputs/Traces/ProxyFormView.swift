import Foundation

/// A proxy's decoded view of a request: mitmproxy (console: headers, then a rule with
/// `[m:URLEncoded form]` and `name: value` lines; mitmdump: `POST https://…` and indented
/// headers and form lines) and Charles (`Form` / `URLEncoded form` tab copied as a `Name Value`
/// table). The form table is the body, decoded; the request line gives the method and URL.
enum ProxyFormView {
    static let headings = ["[m:urlencoded form]", "urlencoded form", "form", "form data", "form-data", "name value", "name\tvalue"]

    static func headingIndex(_ lines: [String]) -> Int? {
        lines.prefix(2_000).firstIndex { line in
            let t = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t─-=:")).lowercased()
            return (t.contains("urlencoded form") && t.count < 120) || headings.contains(t)
        }
    }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        guard let heading = headingIndex(lines) else { return nil }
        // The request line above the form: `POST https://… HTTP/1.1`, mitmdump's `127.0.0.1:5000: POST https://…`.
        var requestLine: (method: String, url: String, line: Int)?
        for (n, line) in lines[..<heading].enumerated().prefix(200) {
            if let r = line.range(of: #"\b(GET|POST|PUT|PATCH|DELETE) (https?://\S+)"#, options: .regularExpression) {
                let parts = line[r].split(separator: " ")
                requestLine = (String(parts[0]), String(parts[1]), n + 1)
                break
            }
        }
        var headers: [HTTPHeader] = []
        if let rl = requestLine {
            for (m, line) in lines[rl.line..<heading].enumerated() {
                let t = line.trimmedWhitespace
                guard !t.isEmpty, let colon = t.firstIndex(of: ":"), colon != t.startIndex,
                      t[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { continue }
                headers.append(HTTPHeader(name: String(t[..<colon]), value: String(t[t.index(after: colon)...]).trimmedWhitespace,
                                          position: SourcePosition(line: rl.line + m + 1)))
            }
        }
        var fields: [FormField] = []
        var cut = false
        var end = heading + 1
        for (m, line) in lines[(heading + 1)...].enumerated().prefix(500) {
            let t = line.trimmedWhitespace
            end = heading + 1 + m
            if t.isEmpty { if fields.isEmpty { continue } else { break } }
            if t.hasPrefix("<<") || t.hasPrefix("HTTP/") || t.lowercased().hasPrefix("response") { break }
            guard let (name, value) = pair(t) else { break }
            if value.hasSuffix("…") || value.hasSuffix("...") { cut = true }
            let lead = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            fields.append(FormField(name: name, value: value, position: SourcePosition(line: heading + 2 + m, column: lead + 1)))
        }
        guard !fields.isEmpty, fields.contains(where: { InputReader.oauthParameters.contains($0.name) }) else { return nil }
        let tool = lines[heading].lowercased().contains("[m:") || lines.prefix(heading).contains { $0.contains("mitm") } ? "mitmproxy's" : "a proxy's (Charles, mitmproxy)"
        var notes = ["read \(tool) form view (line \(heading + 1)) as the form body, values decoded: \(fields.map(\.name).joined(separator: ", "))"]
        if let rl = requestLine { notes.append("the method and URL from line \(rl.line)" + (headers.isEmpty ? "; no headers are shown" : "")) } else {
            notes.append("the view shows neither the URL nor the headers, so checks that need them are skipped (pass --endpoint URL)")
        }
        var shows = Evidence(method: requestLine != nil, url: requestLine != nil, headers: !headers.isEmpty, body: true, signature: true, source: "the proxy's form view")
        if cut {
            notes.append("a value ends in `…`: the view cut it short, so it is judged only as far as it goes")
            shows.signature = false
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            // The proxy decoded the body as a form, so it was sent as one.
            headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            notes.append("the proxy shows the body as a URL-encoded form, so its Content-Type was application/x-www-form-urlencoded")
        }
        var request = TokenRequest(method: requestLine?.method ?? "POST", url: requestLine?.url ?? "", headers: headers, body: .form(fields),
                                   methodPosition: requestLine.map { SourcePosition(line: $0.line) }, urlPosition: requestLine.map { SourcePosition(line: $0.line) },
                                   bodyPosition: fields.first?.position, notes: notes)
        request.shows = shows
        let rest = lines[end...].prefix(300).joined(separator: "\n")
        var answer = ReportedAnswer.find(in: rest)
        if let s = lines[end...].prefix(300).compactMap(mitmStatus).first {
            if answer == nil { answer = ReportedAnswer() }
            answer?.status = s
        }
        return HTTPTrace.Read(request: request, answer: answer)
    }

    /// mitmdump's ` << 401 Unauthorized 87b`, or a status line.
    static func mitmStatus(_ line: String) -> Int? {
        let t = line.trimmedWhitespace
        if t.hasPrefix("<< "), let r = t.range(of: #"^<< (HTTP/[0-9.]+ )?[1-5][0-9]{2}\b"#, options: .regularExpression) { return Int(t[r].suffix(3)) }
        return HTTPTrace.status(t)
    }

    /// `name:   value` (mitmproxy), `name<TAB>value` or `name  value` (a copied table).
    static func pair(_ t: String) -> (String, String)? {
        let nameEnd = t.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") } ?? t.endIndex
        guard nameEnd != t.startIndex, nameEnd != t.endIndex else { return nil }
        let name = String(t[..<nameEnd])
        var rest = t[nameEnd...]
        if rest.first == ":" { rest = rest.dropFirst() } else if rest.first != "\t" && !rest.hasPrefix("  ") && rest.first != " " { return nil }
        let value = rest.trimmedWhitespace
        return (name, value)
    }
}
