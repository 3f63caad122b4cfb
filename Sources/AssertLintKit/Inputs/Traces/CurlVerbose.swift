import Foundation

/// `curl -v` output: `* ` information, `> ` the request line and headers, `< ` the response
/// status and headers, then the response body. curl -v does not print the request body (only
/// `* upload completely sent off: N bytes`), so the body is shown only when it is empty.
enum CurlVerbose {
    static func isRequestLine(_ line: String) -> Bool {
        guard line.hasPrefix("> ") else { return false }
        return RawHTTPRequest.requestLine(String(line.dropFirst(2)).trimmedWhitespace, style: .raw)?.version != nil
    }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        guard let start = lines.firstIndex(where: isRequestLine) else { return nil }
        var wire: [RawHTTPRequest.Line] = []
        var k = start
        while k < lines.count, lines[k].hasPrefix(">") {
            let text = lines[k].dropFirst(lines[k].hasPrefix("> ") ? 2 : 1)
            wire.append(RawHTTPRequest.Line(text: String(text).replacingOccurrences(of: "\r", with: ""), number: k + 1, indent: 2))
            k += 1
            if text.trimmedWhitespace.isEmpty { break }
        }
        // HTTP/2 output lists the pseudo-headers as `* [HTTP/2] [1] [:method: POST]`: the request
        // line that follows says the same, so they are not needed.
        let sent = lines[k...].first { $0.hasPrefix("* upload completely sent off:") || $0.hasPrefix("} [") }
        let contentLength = wire.compactMap { line -> Int? in
            let t = line.text.lowercased()
            guard t.hasPrefix("content-length:") else { return nil }
            return Int(t.dropFirst("content-length:".count).trimmedWhitespace)
        }.first
        let bodyShown = contentLength == 0 || (contentLength == nil && sent == nil)
        var notes = "read as `curl -v` output: the request line and headers from the `> ` lines (line \(start + 1))"
        if !bodyShown {
            notes += "; curl -v does not print the request body\(contentLength.map { " (\($0) bytes were sent)" } ?? ""), so the parameters are not checked: add `--trace-ascii -` to see it, or paste the curl command"
        }
        let shows = Evidence(method: true, url: true, headers: true, body: bodyShown, signature: true, source: "`curl -v` output")
        guard var request = HTTPTrace.request(wire, note: notes, shows: shows) else { return nil }
        if let port = lines[..<start].lazy.compactMap(connectedPort).last, port != 443, request.url.hasPrefix("https://"),
           let host = request.header("Host")?.value, !host.contains(":") {
            request.url = request.url.replacingOccurrences(of: "https://\(host)", with: "https://\(host):\(port)")
        }
        return HTTPTrace.Read(request: request, answer: answer(lines, from: k))
    }

    /// `* Connected to dev-123.okta.com (1.2.3.4) port 8443 (#0)`
    static func connectedPort(_ line: String) -> Int? {
        guard line.hasPrefix("* Connected to"), let r = line.range(of: #"port [0-9]+"#, options: .regularExpression) else { return nil }
        return Int(line[r].dropFirst(5))
    }

    /// The response after the request: `< HTTP/1.1 401 …`, headers to `<`, then the body lines
    /// (curl glues `* Connection #0 … left intact` to a body without a final newline).
    static func answer(_ lines: [String], from k: Int) -> ReportedAnswer? {
        guard let s = lines[k...].firstIndex(where: { $0.hasPrefix("< ") && HTTPTrace.status($0) != nil }) else { return nil }
        var body: [String] = []
        var inBody = false
        for line in lines[(s + 1)...] {
            if line.hasPrefix("<") { if line.trimmedWhitespace == "<" { inBody = true }; continue }
            if line.hasPrefix("* ") || line.hasPrefix("{ [") || line.hasPrefix("} [") { if inBody && !body.isEmpty { break }; continue }
            if inBody || !line.hasPrefix("<") { body.append(line) }
        }
        return HTTPTrace.answer(status: HTTPTrace.status(lines[s]), body: body.joined(separator: "\n"), line: s + 1)
    }
}
