import Foundation

/// OkHttp's `HttpLoggingInterceptor` (Android logcat, Retrofit, Java/Kotlin apps):
/// `--> POST https://…/oauth2/v1/token` (` http/1.1` as a network interceptor), the headers,
/// at level BODY a blank line and the body, then `--> END POST (745-byte body)`; the answer
/// as `<-- 401 Unauthorized https://… (123ms)`, headers, body, `<-- END HTTP (87-byte body)`.
/// Lines may carry a logcat or logger prefix (`D/OkHttp: `, `I okhttp.OkHttpClient - `).
enum OkHttpLog {
    static let requestPattern = #"--> (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (https?://|/)\S*"#

    static func isRequestLine(_ line: String) -> Bool {
        line.contains("--> ") && line.range(of: requestPattern, options: .regularExpression) != nil
    }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        guard let start = lines.prefix(20_000).firstIndex(where: isRequestLine),
              let r = lines[start].range(of: requestPattern, options: .regularExpression) else { return nil }
        let prefix = String(lines[start][..<r.lowerBound])
        let tag = logTag(prefix)
        let parts = lines[start][r].split(separator: " ")
        let method = String(parts[1])
        let target = String(parts[2])
        var headers: [HTTPHeader] = []
        var bodyLines: [(String, Int)] = []
        var inBody = false
        var end: String?
        var k = start + 1
        var redacted: [String] = []
        var sawBodyWithoutBlank = false
        while k < lines.count {
            guard let text = strip(lines[k], tag: tag) else { k += 1; continue }
            if text.hasPrefix("--> END ") { end = text; k += 1; break }
            if text.hasPrefix("<-- ") || text.hasPrefix("--> ") { break }
            if inBody {
                bodyLines.append((text, k + 1))
            } else if text.trimmedWhitespace.isEmpty {
                inBody = true
            } else if let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                      text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                let name = String(text[..<colon]).trimmedWhitespace
                let value = String(text[text.index(after: colon)...]).trimmedWhitespace
                if value == "██" || value.allSatisfy({ $0 == "█" }) && !value.isEmpty {
                    redacted.append(name)
                } else {
                    headers.append(HTTPHeader(name: name, value: value, position: SourcePosition(line: k + 1)))
                }
            } else {
                // logcat drops OkHttp's empty line, so the body may follow the headers directly.
                inBody = true
                bodyLines.append((text, k + 1))
                sawBodyWithoutBlank = true
            }
            k += 1
        }
        var notes = ["read as OkHttp HttpLoggingInterceptor output: the request from its `--> \(method)` line (line \(start + 1))" + (tag.map { " with the log prefix `\(Escape.line($0))` stripped" } ?? "")]
        var shows = Evidence(source: "the OkHttp log")
        let body = bodyLines.map(\.0).joined(separator: "\n")
        let declared = end.flatMap(byteCount) ?? requestLineBytes(lines[start])
            ?? headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) }
        if let end, end.contains("omitted") {
            shows.body = false
            notes.append("OkHttp omitted the body (`\(Escape.line(end))`), so the parameters are not checked")
        } else if bodyLines.isEmpty && (declared ?? 0) > 0 {
            shows.body = false
            notes.append("the log shows no body (the interceptor's level is HEADERS or BASIC; \(declared ?? 0) bytes were sent), so the parameters are not checked: set `HttpLoggingInterceptor.Level.BODY` to see it")
        } else if !bodyLines.isEmpty, let declared, body.utf8.count < declared, body.hasSuffix("...") || body.hasSuffix("…") {
            notes.append("the body is cut short (`...`; \(declared) bytes were sent): the parameters after the cut are not in the paste")
            shows.body = false
        }
        if sawBodyWithoutBlank {
            notes.append("the log has no empty line between the headers and the body (logcat drops it): the body was taken to start at line \(bodyLines.first?.1 ?? 0), the first line that is not a header")
        }
        if !redacted.isEmpty {
            shows.headers = false
            notes.append("OkHttp redacted \(redacted.map { "`\(Escape.line($0))`" }.joined(separator: ", ")) (`██`): \(redacted.count == 1 ? "its value is" : "their values are") not in the paste, so the headers are not checked")
        }
        // As an application interceptor OkHttp logs the headers the app set, and Content-Type
        // and Content-Length from the body; Host, User-Agent and Accept-Encoding come later.
        var url = target
        if url.hasPrefix("/"), let host = headers.last(where: { $0.name.lowercased() == "host" })?.value {
            url = "https://\(host)\(url)"
            notes.append("the request line names only the path (OkHttp 2): the URL was built from the Host header, assuming https")
        }
        var request = TokenRequest(method: method, url: url, headers: headers,
                                   body: bodyLines.isEmpty ? .none : RequestBody.read(body, mediaType: mediaType(headers), position: SourcePosition(line: bodyLines[0].1)),
                                   methodPosition: SourcePosition(line: start + 1), urlPosition: SourcePosition(line: start + 1),
                                   bodyPosition: bodyLines.first.map { SourcePosition(line: $0.1) }, notes: notes)
        request.shows = shows
        return HTTPTrace.Read(request: request, answer: answer(lines, from: k, tag: tag))
    }

    /// `<-- 401 Unauthorized https://… (123ms)`, then the body up to `<-- END HTTP`.
    static func answer(_ lines: [String], from k: Int, tag: String?) -> ReportedAnswer? {
        guard k < lines.count else { return nil }
        for s in k..<min(lines.count, k + 500) {
            guard let text = strip(lines[s], tag: tag), text.hasPrefix("<-- "),
                  let r = text.range(of: #"^<-- (HTTP/[0-9.]+ )?[1-5][0-9]{2}\b"#, options: .regularExpression) else { continue }
            let status = Int(text[r].suffix(3))
            let rest = lines[(s + 1)...].prefix(400).compactMap { strip($0, tag: tag) }.prefix(while: { !$0.hasPrefix("<-- END") })
            return HTTPTrace.answer(status: status, body: rest.joined(separator: "\n"), line: s + 1)
        }
        return nil
    }

    /// The logger's tag in the prefix (`D/OkHttp:`, `okhttp.OkHttpClient:`, `OkHttpClient -`):
    /// the part each line of the same log repeats after its own timestamp.
    static func logTag(_ prefix: String) -> String? {
        let p = prefix.trimmedWhitespace
        guard !p.isEmpty else { return nil }
        let words = p.split(separator: " ")
        if let last = words.last, last == "-" || last == ":" || last == "|", words.count >= 2 {
            return String(words[words.count - 2]) + " " + last
        }
        return words.last.map(String.init)
    }

    /// The line's text after the tag, or nil for a line of another logger.
    static func strip(_ line: String, tag: String?) -> String? {
        guard let tag else { return line }
        guard let r = line.range(of: tag) else { return nil }
        var rest = line[r.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }

    /// `--> END POST (745-byte body)` → 745.
    static func byteCount(_ line: String) -> Int? {
        guard let r = line.range(of: #"\(([0-9]+)-byte"#, options: .regularExpression) else { return nil }
        return Int(line[r].dropFirst().prefix(while: \.isNumber))
    }

    static func requestLineBytes(_ line: String) -> Int? { byteCount(line) }

    static func mediaType(_ headers: [HTTPHeader]) -> String? {
        headers.last { $0.name.lowercased() == "content-type" }?.value.split(separator: ";").first.map { $0.trimmedWhitespace.lowercased() }
    }
}
