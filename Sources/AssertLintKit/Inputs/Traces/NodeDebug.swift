import Foundation

/// Node's debug output: `NODE_DEBUG=undici` / `NODE_DEBUG=fetch` (what `fetch` prints:
/// `UNDICI 4242: sending request to POST https://host//oauth2/v1/token`, then
/// `received response to POST https://host//oauth2/v1/token - HTTP 401`) and `NODE_DEBUG=http`
/// (`HTTP 4242: createConnection host:443:… { …, method: 'POST', path: '/oauth2/v1/token', headers: { … } }`:
/// the Agent logs the request options it was given, which hold the headers the code set).
/// Neither prints the body; undici prints no headers either.
enum NodeDebug {
    static let undiciPattern = #"^(UNDICI|FETCH) [0-9]+: sending request to ([A-Z]+) (https?://\S+)"#

    static func isNodeDebug(_ line: String) -> Bool {
        (line.hasPrefix("UNDICI ") || line.hasPrefix("FETCH ")) && line.range(of: undiciPattern, options: .regularExpression) != nil
            || ((line.hasPrefix("HTTP ") || line.hasPrefix("HTTPS ")) && line.contains(": createConnection "))
    }

    static func read(_ lines: [String]) -> HTTPTrace.Read? {
        if let n = lines.prefix(20_000).firstIndex(where: { $0.range(of: undiciPattern, options: .regularExpression) != nil }) {
            return undici(lines, at: n)
        }
        if let n = lines.prefix(20_000).firstIndex(where: { ($0.hasPrefix("HTTP ") || $0.hasPrefix("HTTPS ")) && $0.contains(": createConnection ") && $0.contains("{") }) {
            return createConnection(lines, at: n)
        }
        return nil
    }

    static func undici(_ lines: [String], at n: Int) -> HTTPTrace.Read? {
        guard let r = lines[n].range(of: #"sending request to ([A-Z]+) (https?://\S+)"#, options: .regularExpression) else { return nil }
        let parts = lines[n][r].split(separator: " ")
        guard parts.count >= 5 else { return nil }
        let method = String(parts[3])
        var url = String(parts[4])
        var notes = ["read as Node's `NODE_DEBUG=undici` output (fetch): the method and URL from line \(n + 1); it prints neither the headers nor the body, so the checks that need them are skipped"]
        // undici prints `origin/path`, and the path starts with `/`: `https://host//oauth2/v1/token`.
        if let scheme = url.range(of: "://"), let doubled = url[scheme.upperBound...].range(of: "//") {
            url.replaceSubrange(doubled, with: "/")
            notes.append("undici writes the URL as origin + `/` + path, so `//` after the host was read as `/`")
        }
        var request = TokenRequest(method: method, url: url, methodPosition: SourcePosition(line: n + 1), urlPosition: SourcePosition(line: n + 1), notes: notes)
        request.shows = Evidence(method: true, url: true, headers: false, body: false, signature: true, source: "Node's undici debug output")
        var answer: ReportedAnswer?
        for (m, line) in lines.enumerated().dropFirst(n + 1).prefix(2_000) where line.contains("received response to") {
            if let s = line.range(of: #"- HTTP [1-5][0-9]{2}\b"#, options: .regularExpression) {
                answer = HTTPTrace.answer(status: Int(line[s].suffix(3)), body: lines[(m + 1)...].prefix(200).joined(separator: "\n"), line: m + 1)
            }
            break
        }
        return HTTPTrace.Read(request: request, answer: answer)
    }

    static func createConnection(_ lines: [String], at n: Int) -> HTTPTrace.Read? {
        let text = lines[n...].prefix(400).joined(separator: "\n")
        guard let brace = text.firstIndex(of: "{") else { return nil }
        var p = JSInspect.Parser(s: Array(text[brace...].unicodeScalars), i: 0)
        guard let options = p.value(depth: 0), case .object = options,
              let path = options["path"]?.string, let host = options["hostname"]?.string ?? options["host"]?.string else { return nil }
        let scheme = (options["protocol"]?.string ?? "https:").hasPrefix("http:") ? "http" : "https"
        let port = options["port"]?.string.flatMap { Int($0) }
        let portText = port.map { (scheme == "https" && $0 == 443) || (scheme == "http" && $0 == 80) ? "" : ":\($0)" } ?? ""
        let method = (options["method"]?.string ?? "GET").uppercased()
        var headers: [HTTPHeader] = []
        var headersShown = false
        if case .object(let entries)? = options["headers"] {
            headersShown = true
            headers = entries.compactMap { e in e.1.string.map { HTTPHeader(name: e.0, value: $0, position: SourcePosition(line: n + 1)) } }
        }
        let note = "read as Node's `NODE_DEBUG=http` output: the method, URL\(headersShown ? " and headers" : "") from the createConnection options (line \(n + 1)); it does not print the body, so the parameters are not checked"
        var request = TokenRequest(method: method, url: "\(scheme)://\(host)\(portText)\(path)", headers: headers,
                                   methodPosition: SourcePosition(line: n + 1), urlPosition: SourcePosition(line: n + 1), notes: [note])
        request.shows = Evidence(method: true, url: true, headers: headersShown, body: false, signature: true, source: "Node's `NODE_DEBUG=http` output")
        return HTTPTrace.Read(request: request, answer: ReportedAnswer.find(in: lines[n...].prefix(2_000).joined(separator: "\n")))
    }
}
