import Foundation

/// Python `http.client` debug output (`HTTPConnection.debuglevel = 1`, what requests and
/// urllib print): `send: b'POST /oauth2/v1/token HTTP/1.1\r\nHost: …\r\n\r\n'`, often a second
/// `send: b'grant_type=…'` with the body, `reply: 'HTTP/1.1 401 Unauthorized\r\n'`, `header: …`.
enum PythonHTTPClientDebug {
    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        var wire: [RawHTTPRequest.Line] = []
        var sends = 0
        var replyStatus: Int?
        var replyLine: Int?
        var afterHeaders = false
        var bodyParts = 0
        for (n, line) in lines.enumerated() {
            if line.hasPrefix("send: b"), replyStatus == nil {
                guard let bytes = PythonBytesLiteral.decode(String(line.dropFirst("send: b".count))) else { continue }
                sends += 1
                // A request after the first exchange (a retry, a redirect) is a second request.
                if sends > 1 && wire.isEmpty { continue }
                let parts = bytes.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                for part in parts {
                    if afterHeaders {
                        if !part.isEmpty { bodyParts += 1 }
                        wire.append(RawHTTPRequest.Line(text: String(part), number: n + 1))
                    } else {
                        wire.append(RawHTTPRequest.Line(text: String(part), number: n + 1))
                        if part.isEmpty && wire.count > 1 { afterHeaders = true }
                    }
                }
                // The header block ends with \r\n\r\n, which leaves one empty line too many.
                if afterHeaders, let last = wire.last, last.text.isEmpty, wire.count > 2, wire[wire.count - 2].text.isEmpty {
                    wire.removeLast()
                }
            } else if line.hasPrefix("reply: "), replyStatus == nil {
                replyStatus = HTTPTrace.status(line)
                replyLine = n + 1
            }
        }
        guard !wire.isEmpty else { return nil }
        let declared = wire.compactMap { l -> Int? in
            let t = l.text.lowercased()
            return t.hasPrefix("content-length:") ? Int(t.dropFirst("content-length:".count).trimmedWhitespace) : nil
        }.first
        // The body is its own send: call; a paste that stops after the headers does not show it.
        let bodyShown = bodyParts > 0 || declared == 0 || declared == nil
        var note = "read as Python http.client debug output: the request from its `send:` lines"
        if !bodyShown { note += "; the body (\(declared ?? 0) bytes) is not in the paste, so the parameters are not checked: paste the `send: b'…'` line that follows the headers" }
        let shows = Evidence(method: true, url: true, headers: true, body: bodyShown, signature: true, source: "the http.client debug output")
        guard let request = HTTPTrace.request(wire, note: note, shows: shows) else { return nil }
        let rest = replyLine.map { Array(lines[$0...]).joined(separator: "\n") } ?? ""
        return HTTPTrace.Read(request: request, answer: HTTPTrace.answer(status: replyStatus, body: rest, line: replyLine))
    }
}

/// Python's repr of bytes: `'…'` or `"…"` with `\r`, `\n`, `\t`, `\\`, `\'`, `\"` and `\xNN`
/// escapes. Bytes that are not UTF-8 are replaced.
enum PythonBytesLiteral {
    static func decode(_ literal: String) -> String? {
        guard let quote = literal.first, quote == "'" || quote == "\"" else { return nil }
        var out: [UInt8] = []
        var it = Array(literal.utf8.dropFirst())
        var i = 0
        let q = UInt8(ascii: quote == "'" ? "'" : "\"")
        while i < it.count {
            let c = it[i]
            if c == q { return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\"), i + 1 < it.count {
                let e = it[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "x"):
                    if i + 1 < it.count, let v = UInt8(String(decoding: it[i...(i + 1)], as: UTF8.self), radix: 16) {
                        out.append(v)
                        i += 2
                    }
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        it.removeAll()
        // An unterminated literal (a line cut short) is read as far as it goes.
        return String(decoding: out, as: UTF8.self)
    }
}
