import Foundation

/// Reads a raw HTTP request as proxies, logs and browser dev tools show it:
///
///     POST /oauth2/v1/token HTTP/1.1          (or an absolute URL, or HTTP/2 `:method`/`:path` lines)
///     Host: dev-123.okta.com
///     Content-Type: application/x-www-form-urlencoded
///
///     grant_type=client_credentials&client_assertion=eyJ...
public enum RawHTTPRequest {
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> TokenRequest {
        let lines = numberedLines(LineEndings.normalized(text), firstLine: firstLine)
        return try parse(lines: lines, style: .raw)
    }

    struct Line: Sendable {
        var text: String
        let number: Int
        /// Columns removed in front of `text` (indentation), so positions stay true.
        var indent: Int = 0
    }

    /// Raw requests are what went over the wire; `.http` files are written by hand and have
    /// their own conventions (a bare URL means GET, form bodies may span lines).
    enum Style { case raw, restClient }

    static func numberedLines(_ text: String, firstLine: Int) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            Line(text: String($0.element), number: firstLine + $0.offset)
        }
    }

    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT"]

    /// `POST /path HTTP/1.1`, `POST https://host/path`, or (REST Client) a bare URL.
    static func requestLine(_ text: String, style: Style) -> (method: String, target: String, version: String?)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = parts.first else { return nil }
        if methods.contains(first.uppercased()) && (first == first.uppercased() || style == .restClient), parts.count >= 2, parts.count <= 3 {
            let version = parts.count == 3 ? parts[2] : nil
            if let version, !version.uppercased().hasPrefix("HTTP/") { return nil }
            let target = parts[1]
            guard target.hasPrefix("/") || target.contains("://") || target == "*" || style == .restClient || version != nil else { return nil }
            return (first.uppercased(), target, version)
        }
        if style == .restClient, parts.count <= 2, first.hasPrefix("http://") || first.hasPrefix("https://") || first.hasPrefix("{{") {
            if parts.count == 2 && !parts[1].uppercased().hasPrefix("HTTP/") { return nil }
            return ("GET", first, parts.count == 2 ? parts[1] : nil)
        }
        return nil
    }

    /// Whether the text starts like a raw HTTP request (for input detection).
    static func looksLikeRequest(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(30)
        guard let first = lines.first.map({ $0.prefix(8192).trimmingCharacters(in: .whitespaces) }) else { return false }
        if let line = requestLine(first, style: .raw) {
            return line.version != nil || line.target.contains("://") || lines.dropFirst().first.map({ $0.contains(":") }) == true
        }
        return lines.contains { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix(":method") }
    }

    static func parse(lines input: [Line], style: Style, notePrefix: String = "") throws(InputError) -> TokenRequest {
        var lines = input
        while let f = lines.first, f.text.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        guard let first = lines.first else { throw InputError("http", "the request is empty") }
        // Pastes from Markdown or e-mail are often indented as a whole.
        let indent = first.text.prefix(while: { $0 == " " || $0 == "\t" }).count
        if indent > 0 {
            for k in lines.indices {
                let lead = lines[k].text.prefix(while: { $0 == " " || $0 == "\t" }).count
                let cut = min(lead, indent)
                lines[k].text = String(lines[k].text.dropFirst(cut))
                lines[k].indent = cut
            }
        }
        var notes: [String] = []
        var method: String?
        var methodPosition: SourcePosition?
        var target: String?
        var targetPosition: SourcePosition?
        var pseudo: [String: (String, SourcePosition)] = [:]
        var headers: [HTTPHeader] = []
        var k = 0
        if let line = requestLine(first.text.trimmingCharacters(in: .whitespaces), style: style) {
            method = line.method
            methodPosition = SourcePosition(line: first.number, column: first.indent + 1)
            target = line.target
            let col = (first.text.range(of: line.target).map { first.text.distance(from: first.text.startIndex, to: $0.lowerBound) } ?? 0)
            targetPosition = SourcePosition(line: first.number, column: first.indent + col + 1)
            k = 1
        }
        // Headers up to the first blank line.
        while k < lines.count {
            let line = lines[k]
            let text = line.text
            if text.trimmingCharacters(in: .whitespaces).isEmpty { break }
            k += 1
            if let f = text.first, f == " " || f == "\t", let last = headers.indices.last {
                headers[last].value += " " + text.trimmingCharacters(in: .whitespaces)
                continue
            }
            let position = SourcePosition(line: line.number, column: line.indent + 1)
            if text.hasPrefix(":") {
                let rest = text.dropFirst()
                guard let colon = rest.firstIndex(of: ":") else { continue }
                pseudo[String(rest[..<colon]).lowercased()] = (String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces), position)
                continue
            }
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                if k == 1 && method == nil {
                    throw InputError("http", "line \(line.number): `\(text.prefix(60))` is not a request line (e.g. `POST /oauth2/v1/token HTTP/1.1`)")
                }
                notes.append("\(notePrefix)line \(line.number) is not a header (no `:`): ignored")
                continue
            }
            headers.append(HTTPHeader(name: String(text[..<colon]).trimmingCharacters(in: .whitespaces),
                                      value: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces),
                                      position: position))
        }
        if method == nil, let (m, p) = pseudo["method"] {
            method = m.uppercased()
            methodPosition = p
        }
        if target == nil, let (t, p) = pseudo["path"] {
            target = t
            targetPosition = p
        }
        guard let method, let target else {
            throw InputError("http", "no request line: expected e.g. `POST /oauth2/v1/token HTTP/1.1` and a Host header")
        }

        // The URL: an absolute target wins; otherwise Host (or :authority) and a scheme.
        var url = target
        var guesses: [ReaderGuess] = []
        let host = headers.last(where: { $0.name.caseInsensitiveCompare("Host") == .orderedSame })?.value ?? pseudo["authority"]?.0
        if !target.contains("://") && !target.hasPrefix("{{") {
            if let host, !host.isEmpty {
                if let scheme = pseudo["scheme"]?.0 {
                    url = "\(scheme)://\(host)\(target)"
                } else {
                    url = "https://\(host)\(target)"
                    notes.append("\(notePrefix)built the URL from the Host header, assuming https")
                }
            } else if style == .raw && target.hasPrefix("/") {
                // The path still tells the server and the endpoint (Okta's docs print requests so).
                url = "https://\(unknownHost)\(target)"
                notes.append("\(notePrefix)the request has no Host header: read as `\(url)`, a placeholder for the host; the path tells the server and the endpoint")
                guesses.append(ReaderGuess(.missingHost, "the host, which the request does not name, was taken as a placeholder", affects: [.url]))
            } else {
                notes.append("\(notePrefix)the request has no Host header, so the server it goes to is unknown")
            }
        }

        // The body, up to the end (or a pasted response).
        var bodyLines = k < lines.count ? Array(lines[(k + 1)...]) : []
        if let r = bodyLines.firstIndex(where: { $0.text.range(of: #"^HTTP/[0-9.]+ [0-9]{3}"#, options: .regularExpression) != nil }) {
            notes.append("\(notePrefix)the paste also holds the response (line \(bodyLines[r].number): `\(bodyLines[r].text.prefix(60))`); only the request is read")
            bodyLines = Array(bodyLines[..<r])
        }
        while let last = bodyLines.last, last.text.trimmingCharacters(in: .whitespaces).isEmpty { bodyLines.removeLast() }
        var request = TokenRequest(method: method, url: url, headers: headers, methodPosition: methodPosition, urlPosition: targetPosition)
        if let firstBody = bodyLines.first {
            let bodyPosition = SourcePosition(line: firstBody.number, column: firstBody.indent + 1)
            request.bodyPosition = bodyPosition
            if request.mediaType == "application/x-www-form-urlencoded", !RequestBody.isJSON(bodyLines.map(\.text).joined(separator: "\n")) {
                let nonEmpty = bodyLines.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
                if nonEmpty.count > 1 && style == .raw {
                    notes.append("\(notePrefix)joined the form body's \(nonEmpty.count) lines (lines \(firstBody.number)-\(bodyLines[bodyLines.count - 1].number)); a request body sent as is would keep the line breaks")
                }
                request.body = .form(formFields(nonEmpty))
                let separate = zip(nonEmpty, nonEmpty.dropFirst()).filter { a, b in
                    startsField(after: a.text.trimmingCharacters(in: .whitespaces), b.text.trimmingCharacters(in: .whitespaces))
                }.count
                if separate > 0 {
                    guesses.append(ReaderGuess(.bodyLines, "the body's lines \(firstBody.number)-\(bodyLines[bodyLines.count - 1].number), with no `&` between them, were read as one form field each",
                                               affects: [.body] + request.formFields.map { .parameter($0.name) }))
                }
                if style == .raw, let note = colonLinesNote(nonEmpty) { notes.append(notePrefix + note) }
            } else {
                let text = bodyLines.map(\.text).joined(separator: "\n")
                request.body = .raw(text)
                if let cl = request.header("Content-Length")?.value, let n = Int(cl), n != text.utf8.count, style == .raw {
                    notes.append("\(notePrefix)Content-Length says \(n) bytes but the body has \(text.utf8.count) bytes")
                }
            }
        }
        request.notes = notes
        request.guesses = guesses
        return request
    }

    /// The placeholder a request without a Host header is read with.
    static let unknownHost = "{yourOktaDomain}"

    /// A form body written as `name: value` lines, as some docs print one: sent as is, it is no
    /// form at all, and the note says what was meant.
    static func colonLinesNote(_ lines: [Line]) -> String? {
        guard let first = lines.first, let last = lines.last,
              lines.allSatisfy({ !$0.text.contains("=") && $0.text.range(of: #"^\s*[A-Za-z_]+\s*:\s*\S"#, options: .regularExpression) != nil })
        else { return nil }
        let names = lines.compactMap { $0.text.split(separator: ":", maxSplits: 1).first?.trimmedWhitespace }
        let where_ = first.number == last.number ? "line \(first.number)" : "lines \(first.number)-\(last.number)"
        let example = names.prefix(2).map { "\($0)=…" }.joined(separator: "&")
        return "the body is written as `name: value` lines (\(where_)), the way some docs print a form: sent as is, it holds no form parameters (no `\(names[0])`); the fields meant are \(names.map { "`\($0)`" }.joined(separator: ", ")): send them as `\(example)`"
    }

    /// Whether a body line is a field of its own: `name=value` after a line that ends a value,
    /// with no `&` between them (docs print a form one parameter per line).
    static func startsField(after joined: String, _ text: String) -> Bool {
        guard let last = joined.last, last != "&", text.first != "&",
              let eq = text.firstIndex(of: "="), eq > text.startIndex else { return false }
        return text[..<eq].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Form fields of a body written over one or more lines, each with the line and column
    /// where its name starts.
    static func formFields(_ lines: [Line]) -> [FormField] {
        var joined = ""
        var marks: [(offset: Int, line: Int, column: Int)] = []
        var offset = 0
        for line in lines {
            let lead = line.text.prefix(while: { $0 == " " || $0 == "\t" }).count
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if startsField(after: joined, text) {
                joined += "&"
                offset += 1
            }
            marks.append((offset, line.number, line.indent + lead + 1))
            joined += text
            offset += text.unicodeScalars.count
        }
        func position(_ o: Int) -> SourcePosition {
            let m = marks.last(where: { $0.offset <= o }) ?? marks[0]
            return SourcePosition(line: m.line, column: m.column + (o - m.offset))
        }
        var fields: [FormField] = []
        var o = 0
        for segment in joined.split(separator: "&", omittingEmptySubsequences: false) {
            defer { o += segment.unicodeScalars.count + 1 }
            guard !segment.isEmpty, !marks.isEmpty else { continue }
            if let eq = segment.firstIndex(of: "=") {
                fields.append(FormField(name: FormEncoding.decode(segment[..<eq]), value: FormEncoding.decode(segment[segment.index(after: eq)...]),
                                        position: position(o)))
            } else {
                fields.append(FormField(name: FormEncoding.decode(segment), value: "", position: position(o)))
            }
        }
        return fields
    }
}
