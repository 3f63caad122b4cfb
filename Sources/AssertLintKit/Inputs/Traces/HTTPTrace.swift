import Foundation

/// Reads the request (and the answer) out of HTTP debug output people paste when a call fails:
/// `curl -v`, `curl --trace-ascii`, Python `http.client` debug (`send:`/`reply:`/`header:`),
/// Spring's `Writing form fields [...]` log line, and a raw request with prose above it.
/// Each says which parts of the request it shows (`Evidence`), so rules judge only those.
public enum HTTPTrace {
    public struct Read: Sendable {
        public var request: TokenRequest
        public var answer: ReportedAnswer?
    }

    /// Traces longer than this are read only up to it: the request is near the start.
    static let maxBytes = 1_048_576

    /// The request a trace shows, or nil when the text is none of the formats above.
    public static func read(_ text: String) -> Read? {
        let text = text.utf8.count > maxBytes ? String(decoding: Array(text.utf8.prefix(maxBytes)), as: UTF8.self) : text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.contains(where: { $0.hasPrefix("=> Send header") }) { return CurlTraceASCII.read(lines) }
        if lines.contains(where: { $0.hasPrefix("send: b'") || $0.hasPrefix("send: b\"") }) { return PythonHTTPClientDebug.read(lines) }
        if lines.contains(where: CurlVerbose.isRequestLine) { return CurlVerbose.read(lines) }
        if lines.contains(where: OkHttpLog.isRequestLine), let okhttp = OkHttpLog.read(lines) { return okhttp }
        if lines.contains(where: HttpClientWireLog.isWireLine), let wire = HttpClientWireLog.read(lines) { return wire }
        if lines.contains(where: NodeDebug.isNodeDebug), let node = NodeDebug.read(lines) { return node }
        if let dump = NodeErrorDump.read(text) { return dump }
        if let fetch = DevToolsFetch.read(text) { return fetch }
        if let proxy = ProxyFormView.read(lines) { return proxy }
        if let spring = SpringFormLog.read(lines) { return spring }
        return nil
    }

    /// A raw HTTP request below a few lines of prose ("This is the request I send:").
    public static func rawRequestBelowProse(_ text: String) -> Read? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard let start = lines.prefix(40).firstIndex(where: { line in
            RawHTTPRequest.requestLine(line.trimmedWhitespace, style: .raw)?.version != nil
        }), start > 0 else { return nil }
        let numbered = lines[start...].enumerated().map { RawHTTPRequest.Line(text: $0.element, number: start + 1 + $0.offset) }
        guard var request = try? RawHTTPRequest.parse(lines: numbered, style: .raw) else { return nil }
        let prose = lines[..<start].filter { !$0.trimmedWhitespace.isEmpty }.count
        request.notes.insert("skipped \(prose) line\(prose == 1 ? "" : "s") of text above the request; read the HTTP request from line \(start + 1)", at: 0)
        let below = lines[start...].joined(separator: "\n")
        return Read(request: request, answer: ReportedAnswer.find(in: below))
    }

    /// The status of `HTTP/1.1 401 Unauthorized` / `HTTP/2 401`.
    static func status(_ line: String) -> Int? {
        guard let r = line.range(of: #"HTTP/[0-9.]+\s+[1-5][0-9]{2}"#, options: .regularExpression) else { return nil }
        return Int(line[r].suffix(3))
    }

    /// The answer a trace recorded: the status line's code, and the OAuth error in the body.
    static func answer(status: Int?, body: String, line: Int?) -> ReportedAnswer? {
        guard let status else { return nil }
        var answer = ReportedAnswer.find(in: body) ?? ReportedAnswer()
        answer.status = status
        answer.line = line
        // A 2xx (or a 4xx without an OAuth error body) still says what the server did.
        return answer
    }

    /// Builds the request from wire lines (request line, headers, blank line, body) numbered
    /// as in the paste, with the reader's note first.
    static func request(_ lines: [RawHTTPRequest.Line], note: String, shows: Evidence) -> TokenRequest? {
        guard let first = lines.first, RawHTTPRequest.requestLine(first.text.trimmedWhitespace, style: .raw) != nil,
              var request = try? RawHTTPRequest.parse(lines: lines, style: .raw) else { return nil }
        request.notes.insert(note, at: 0)
        request.shows = shows
        return request
    }
}
