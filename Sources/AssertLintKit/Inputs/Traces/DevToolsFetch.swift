import Foundation

/// A browser's DevTools "Copy as fetch" / "Copy as fetch (Node.js)": `fetch("https://…", {
/// "headers": {…}, "referrer": …, "body": "a=b&c=d", "method": "POST", "mode": "cors",
/// "credentials": "include" });` (Firefox writes `await fetch(…)` and may leave trailing
/// commas). The options are JSON, so they are read as JSON.
enum DevToolsFetch {
    static func start(_ text: String) -> String.Index? {
        for prefix in ["fetch(\"", "await fetch(\"", "fetch('"] {
            if let r = text.range(of: prefix) {
                let before = text[..<r.lowerBound].reversed().prefix { $0 != "\n" }
                if before.allSatisfy({ $0 == " " || $0 == "\t" }) { return r.lowerBound }
            }
        }
        return nil
    }

    static func read(_ text: String) -> HTTPTrace.Read? {
        guard let s = start(text), let open = text[s...].firstIndex(of: "(") else { return nil }
        let line = text[..<s].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        var p = JSInspect.Parser(s: Array(text[text.index(after: open)...].unicodeScalars.prefix(2_000_000)), i: 0)
        p.skipSpace()
        guard let url = p.literal(), url.contains("://") else { return nil }
        p.skipSpace()
        var notes = ["read as a browser's DevTools \"Copy as fetch\" (line \(line)): the URL, headers, body and method from the fetch call"]
        var method = "GET"
        var headers: [HTTPHeader] = []
        var body: RequestBody = .none
        var bodyShown = true
        if p.peek == "," {
            p.i += 1
            p.skipSpace()
            let startIndex = p.i
            var depth = 0
            var quote: Unicode.Scalar?
            var k = startIndex
            while k < p.s.count {
                let c = p.s[k]
                if let q = quote { if c == "\\" { k += 2; continue }; if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "{" { depth += 1 } else if c == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                k += 1
            }
            guard k < p.s.count else { return nil }
            var json = String(String.UnicodeScalarView(p.s[startIndex...k]))
            // Firefox's copy may leave a comma before a closing brace.
            json = json.replacingOccurrences(of: #",(\s*[}\]])"#, with: "$1", options: .regularExpression)
            guard let options = (try? JSONParser.parse(json))?.objectValue else { return nil }
            method = options["method"]?.stringValue?.uppercased() ?? "GET"
            if let h = options["headers"]?.objectValue {
                for member in h.members {
                    if let v = member.value.stringValue { headers.append(HTTPHeader(name: member.key, value: v, position: SourcePosition(line: line))) }
                }
            }
            let mediaType = headers.last { $0.name.lowercased() == "content-type" }?.value.split(separator: ";").first.map { $0.trimmedWhitespace.lowercased() }
            if let b = options["body"]?.stringValue {
                body = RequestBody.read(b, mediaType: mediaType, position: SourcePosition(line: bodyLine(text, from: s) ?? line))
            } else if case .null? = options["body"] {
                body = .none
            } else if options["body"] != nil {
                bodyShown = false
                notes.append("the body is not a string (a FormData or binary body the browser does not copy): the parameters are not checked")
            }
            if options["credentials"]?.stringValue == "include" || options["mode"] != nil {
                notes.append("the browser adds the headers a page may not set (Cookie, Origin, User-Agent, Host); \"Copy as fetch\" leaves them out, and none of them carries client credentials")
            }
        }
        if headers.isEmpty && method == "GET" { notes.append("the call has no options, so fetch sends GET") }
        var request = TokenRequest(method: method, url: url, headers: headers, body: body, methodPosition: SourcePosition(line: line),
                                   urlPosition: SourcePosition(line: line), bodyPosition: bodyLine(text, from: s).map { SourcePosition(line: $0) }, notes: notes)
        request.shows = Evidence(method: true, url: true, headers: true, body: bodyShown, signature: true, source: "the \"Copy as fetch\" call")
        let after = text[s...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        return HTTPTrace.Read(request: request, answer: ReportedAnswer.find(in: after))
    }

    static func bodyLine(_ text: String, from s: String.Index) -> Int? {
        guard let r = text[s...].range(of: "\"body\"") else { return nil }
        return text[..<r.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
