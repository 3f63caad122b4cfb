import Foundation

/// Spring's debug log of a form it sends: WebFlux's `FormHttpMessageWriter` prints
/// `Writing form fields [grant_type=client_credentials, client_assertion_type=…, client_assertion=eyJ…]`,
/// RestTemplate prints `Writing [{grant_type=[client_credentials], client_assertion=[eyJ…]}] as "application/x-www-form-urlencoded"`
/// after `HTTP POST https://…`. The line shows the form and nothing else (no headers), and values
/// are printed as is, so the fields are split on `, ` only where a `name=` follows.
enum SpringFormLog {
    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        for (n, line) in lines.enumerated().prefix(10_000) {
            guard let (inner, style) = formText(line) else { continue }
            let fields = split(inner, restTemplate: style == .restTemplate).map {
                FormField(name: $0.name, value: $0.value, position: SourcePosition(line: n + 1))
            }
            guard !fields.isEmpty, fields.contains(where: { InputReader.oauthParameters.contains($0.name) }) else { continue }
            var method: String?
            var url = ""
            var urlLine: Int?
            for (m, earlier) in lines[max(0, n - 50)..<n].enumerated().reversed() {
                if let r = earlier.range(of: #"HTTP (POST|GET|PUT|PATCH|DELETE) (https?://\S+)"#, options: .regularExpression) {
                    let parts = earlier[r].split(separator: " ")
                    method = String(parts[1])
                    url = String(parts[2]).trimmingCharacters(in: CharacterSet(charactersIn: ",;\"'"))
                    urlLine = max(0, n - 50) + m + 1
                    break
                }
            }
            let what = style == .webFlux ? "Spring's `Writing form fields [...]` line" : "Spring RestTemplate's `Writing [{...}]` line"
            var note = "read \(what) (line \(n + 1)) as the form body: \(fields.map(\.name).joined(separator: ", "))"
            note += urlLine.map { "; the method and URL from line \($0)" } ?? "; the line shows neither the URL nor the headers, so checks that need them are skipped (pass --endpoint URL)"
            // RestTemplate names the media type it writes: `as "application/json"` means the map
            // went out as JSON, not as a form.
            let written = line.range(of: #"\] as "[^"]+""#, options: .regularExpression).map { r in
                String(line[r].dropFirst("] as \"".count).dropLast())
            }
            let isForm = written.map { $0.lowercased().hasPrefix("application/x-www-form-urlencoded") } ?? true
            var body: RequestBody = .form(fields)
            if let written, !isForm {
                body = .raw("{" + fields.map { "\(HTTPieCommand.jsonString($0.name)): \(HTTPieCommand.jsonString($0.value))" }.joined(separator: ", ") + "}")
                note += "; RestTemplate wrote the map as \(written), so the body sent is that, not a form"
            }
            var request = TokenRequest(method: method ?? "POST", url: url,
                                       headers: [HTTPHeader(name: "Content-Type", value: written ?? "application/x-www-form-urlencoded")],
                                       body: body, methodPosition: urlLine.map { SourcePosition(line: $0) },
                                       urlPosition: urlLine.map { SourcePosition(line: $0) }, bodyPosition: SourcePosition(line: n + 1),
                                       notes: [note])
            // Spring writes the form as application/x-www-form-urlencoded: the header is its own.
            request.shows = Evidence(method: method != nil, url: urlLine != nil, headers: false, body: true, signature: true, source: what)
            let answer = ReportedAnswer.find(in: lines[(n + 1)...].prefix(200).joined(separator: "\n")).map { a -> ReportedAnswer in
                var a = a
                a.line = a.line.map { $0 + n + 1 }
                return a
            }
            return HTTPTrace.Read(request: request, answer: answer.map { a in
                var a = a
                if a.status == nil { a.status = springStatus(lines[(n + 1)...].prefix(200)) }
                return a
            })
        }
        return nil
    }

    enum Style { case webFlux, restTemplate }

    static func formText(_ line: String) -> (String, Style)? {
        if let r = line.range(of: "Writing form fields ["), let end = line.range(of: "]", options: .backwards), end.lowerBound > r.upperBound {
            return (String(line[r.upperBound..<end.lowerBound]), .webFlux)
        }
        if let r = line.range(of: "Writing [{"), let end = line.range(of: "}]", options: .backwards), end.lowerBound >= r.upperBound {
            return (String(line[r.upperBound..<end.lowerBound]), .restTemplate)
        }
        return nil
    }

    /// `a=b, c=d` → [(a, b), (c, d)], splitting on `, ` only before `name=`; RestTemplate's
    /// `a=[b], c=[d]` has its values in brackets.
    static func split(_ text: String, restTemplate: Bool) -> [(name: String, value: String)] {
        let pattern = #"(?:^|, )([A-Za-z0-9_.\-]+)="#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        let matches = re.matches(in: text, range: NSRange(location: 0, length: ns.length))
        var out: [(String, String)] = []
        for (i, m) in matches.enumerated() {
            let name = ns.substring(with: m.range(at: 1))
            let start = m.range.location + m.range.length
            let end = i + 1 < matches.count ? matches[i + 1].range.location : ns.length
            var value = ns.substring(with: NSRange(location: start, length: max(0, end - start)))
            if restTemplate, value.hasPrefix("["), value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
            out.append((name, value))
        }
        return out
    }

    /// `Response 401 UNAUTHORIZED` (RestTemplate) or `HTTP/1.1 401`.
    static func springStatus(_ lines: ArraySlice<String>) -> Int? {
        for line in lines {
            if let r = line.range(of: #"Response [1-5][0-9]{2}\b"#, options: .regularExpression) { return Int(line[r].suffix(3)) }
            if let s = HTTPTrace.status(line) { return s }
        }
        return nil
    }
}
