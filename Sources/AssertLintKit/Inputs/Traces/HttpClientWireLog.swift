import Foundation

/// Apache HttpClient's wire log (`org.apache.http.wire`, HttpClient 4 and 5; `httpclient.wire`
/// in 3.x): every byte sent as `http-outgoing-0 >> "POST /oauth2/v1/token HTTP/1.1[\r][\n]"`,
/// the body as `>> "grant_type=…"`, the answer as `<< "HTTP/1.1 401 Unauthorized[\r][\n]"`.
/// CR and LF are written `[\r]` `[\n]`, other bytes outside ASCII `[0xNN]`.
enum HttpClientWireLog {
    static let marker = #">> ""#

    static func isWireLine(_ line: String) -> Bool {
        line.contains(marker) && (line.contains("[\\r][\\n]") || line.contains("http-outgoing") || line.contains("wire"))
    }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        guard !lines.isEmpty else { return nil }
        var sent: [UInt8] = []
        var received: [UInt8] = []
        var connection: String?
        var firstLine: Int?
        var bodyLine: Int?
        var statusLine: Int?
        var sawAnswer = false
        // A client often makes other calls first (discovery, JWKS): start at the first POST.
        let firstPost = lines.prefix(50_000).firstIndex { $0.contains(#">> "POST "#) } ?? 0
        if let id = lines[firstPost].range(of: #"http-outgoing-[0-9]+"#, options: .regularExpression).map({ String(lines[firstPost][$0]) }) {
            connection = id
        }
        for (n, line) in lines.enumerated().prefix(50_000) where n >= firstPost {
            let outgoing = line.range(of: #">> ""#)
            let incoming = line.range(of: #"<< ""#)
            guard let r = outgoing ?? incoming else { continue }
            // Only one connection's bytes: the first seen.
            let id = line.range(of: #"http-outgoing-[0-9]+"#, options: .regularExpression).map { String(line[$0]) }
            if connection == nil { connection = id }
            if let id, id != connection { continue }
            guard let bytes = decode(line[r.upperBound...]) else { continue }
            if outgoing != nil {
                if sawAnswer { break } // the next request on the connection
                if firstLine == nil { firstLine = n + 1 }
                if bodyLine == nil, headersEnded(sent) { bodyLine = n + 1 }
                sent += bytes
            } else {
                if statusLine == nil { statusLine = n + 1 }
                sawAnswer = true
                received += bytes
            }
        }
        guard let firstLine, !sent.isEmpty else { return nil }
        let text = String(decoding: sent, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var wire: [RawHTTPRequest.Line] = []
        var inBody = false
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let number = inBody ? (bodyLine ?? firstLine) : firstLine + wire.count
            wire.append(RawHTTPRequest.Line(text: String(part), number: number))
            if part.isEmpty { inBody = true }
        }
        while wire.count > 1, let last = wire.last, last.text.isEmpty, wire[wire.count - 2].text.isEmpty { wire.removeLast() }
        guard let requestLine = wire.first.map({ $0.text.trimmedWhitespace }),
              let parsed = RawHTTPRequest.requestLine(requestLine, style: .raw), parsed.version != nil else { return nil }
        var note = "read as Apache HttpClient's wire log: the bytes of its `>> \"…\"` lines from line \(firstLine)" + (connection.map { " (\($0))" } ?? "")
        let scheme = schemeGuess(lines)
        if !parsed.target.contains("://") {
            note += "; the log does not show the scheme: \(scheme.scheme) was assumed (\(scheme.why))"
        }
        let bodyBytes = headersEnded(sent) ? text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") : ""
        let declared = wire.compactMap { l -> Int? in
            let t = l.text.lowercased()
            return t.hasPrefix("content-length:") ? Int(t.dropFirst("content-length:".count).trimmedWhitespace) : nil
        }.first
        let bodyShown = declared == nil || declared == 0 || bodyBytes.utf8.count >= (declared ?? 0)
        if !bodyShown { note += "; the body is \(declared ?? 0) bytes and the log shows \(bodyBytes.utf8.count) of them, so the parameters are not checked" }
        let shows = Evidence(method: true, url: true, headers: true, body: bodyShown, signature: true, source: "the HttpClient wire log")
        guard var request = HTTPTrace.request(wire, note: note, shows: shows) else { return nil }
        if !parsed.target.contains("://") {
            request.notes.removeAll { $0 == "built the URL from the Host header, assuming https" }
            if scheme.scheme == "http", request.url.hasPrefix("https://") { request.url = "http://" + request.url.dropFirst("https://".count) }
        }
        let answerText = String(decoding: received, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let status = answerText.split(separator: "\n").first.flatMap { HTTPTrace.status(String($0)) }
        return HTTPTrace.Read(request: request, answer: HTTPTrace.answer(status: status, body: answerText, line: statusLine))
    }

    static func headersEnded(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        var k = 0
        while k + 3 < bytes.count {
            if bytes[k] == 13 && bytes[k + 1] == 10 && bytes[k + 2] == 13 && bytes[k + 3] == 10 { return true }
            k += 1
        }
        return false
    }

    /// The scheme the log implies: a `Connecting to host/1.2.3.4:443` line, `:443` or `https`
    /// in an `Executing request`/route line; https otherwise (token endpoints are).
    static func schemeGuess(_ lines: [String]) -> (scheme: String, why: String) {
        for line in lines.prefix(2_000) {
            if line.range(of: #"(Connecting to|Connection established|route).*:80\b"#, options: .regularExpression) != nil {
                return ("http", "the log connects to port 80")
            }
            if line.range(of: #"(Connecting to|Connection established|route).*(:443\b|https://)"#, options: .regularExpression) != nil {
                return ("https", "the log connects to port 443")
            }
        }
        return ("https", "an authorization server's token endpoint is served over https")
    }

    /// The bytes of `"POST / HTTP/1.1[\r][\n]"` (the text up to the last quote on the line).
    static func decode(_ rest: Substring) -> [UInt8]? {
        guard let close = rest.lastIndex(of: "\"") else { return nil }
        let inner = rest[..<close]
        var out: [UInt8] = []
        var s = Substring(inner)
        while !s.isEmpty {
            if s.hasPrefix("[\\r]") { out.append(13); s = s.dropFirst(4); continue }
            if s.hasPrefix("[\\n]") { out.append(10); s = s.dropFirst(4); continue }
            if s.hasPrefix("[0x"), let end = s.firstIndex(of: "]"), s.distance(from: s.startIndex, to: end) <= 5,
               let v = UInt8(s[s.index(s.startIndex, offsetBy: 3)..<end], radix: 16) {
                out.append(v); s = s[s.index(after: end)...]; continue
            }
            out += Array(String(s.prefix(1)).utf8)
            s = s.dropFirst()
        }
        return out
    }
}
