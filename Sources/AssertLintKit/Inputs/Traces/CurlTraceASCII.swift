import Foundation

/// `curl --trace-ascii FILE` output: `== Info:` lines, `=> Send header, N bytes (0x…)` followed
/// by `0000: POST /oauth2/v1/token HTTP/1.1` lines, `=> Send data` with the body cut into
/// 64-byte lines, `<= Recv header` and `<= Recv data` for the answer.
enum CurlTraceASCII {
    enum Section { case sendHeader, sendData, recvHeader, recvData, other }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        var section = Section.other
        var header: [RawHTTPRequest.Line] = []
        var data = ""
        var dataLine: Int?
        var status: Int?
        var statusLine: Int?
        var answerBody = ""
        var requests = 0
        for (n, line) in lines.enumerated() {
            if line.hasPrefix("=> Send header") {
                requests += 1
                section = requests == 1 ? .sendHeader : .other
                continue
            }
            if line.hasPrefix("=> Send data") { section = requests == 1 ? .sendData : .other; continue }
            if line.hasPrefix("<= Recv header") { section = requests == 1 ? .recvHeader : .other; continue }
            if line.hasPrefix("<= Recv data") { section = requests == 1 ? .recvData : .other; continue }
            if line.hasPrefix("== ") || line.hasPrefix("=> ") || line.hasPrefix("<= ") { section = .other; continue }
            guard let chunk = payload(line) else { continue }
            switch section {
            case .sendHeader:
                header.append(RawHTTPRequest.Line(text: chunk, number: n + 1, indent: 6))
            case .sendData:
                if dataLine == nil { dataLine = n + 1 }
                data += chunk
            case .recvHeader:
                // Interim answers (100 Continue) come first; the last status before the body counts.
                if let s = HTTPTrace.status(chunk) { status = s; statusLine = n + 1 }
            case .recvData:
                answerBody += chunk
            case .other:
                break
            }
        }
        guard !header.isEmpty else { return nil }
        while let last = header.last, last.text.trimmedWhitespace.isEmpty { header.removeLast() }
        header.append(RawHTTPRequest.Line(text: "", number: (header.last?.number ?? 0) + 1))
        if let dataLine { header.append(RawHTTPRequest.Line(text: data, number: dataLine, indent: 6)) }
        let note = "read as `curl --trace-ascii` output: the request from its `=> Send header` and `=> Send data` sections"
            + (requests > 1 ? " (the first of \(requests) requests)" : "")
            + (dataLine != nil && data.utf8.count > 64 ? "; the body's 64-byte lines were joined" : "")
        let shows = Evidence(source: "`curl --trace-ascii` output")
        guard let request = HTTPTrace.request(header, note: note, shows: shows) else { return nil }
        return HTTPTrace.Read(request: request, answer: HTTPTrace.answer(status: status, body: answerBody, line: statusLine))
    }

    /// The text after `0000: `; trace-ascii prints CR and LF as `.` only in data it does not split.
    static func payload(_ line: String) -> String? {
        guard line.count >= 6, let colon = line.firstIndex(of: ":"),
              line[..<colon].count == 4, line[..<colon].allSatisfy(\.isHexDigit) else { return nil }
        var rest = line[line.index(after: colon)...]
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest).replacingOccurrences(of: "\r", with: "")
    }
}
