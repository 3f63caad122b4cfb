import Foundation

/// Structured log lines (one JSON object per line, as pino, bunyan, zap or a cloud log viewer
/// writes them) that record token requests: each object naming an authorization server's
/// client-authenticating URL and the form body it sent is one request, in log order, so that a
/// retry that sends the same assertion again is judged as the replay it is.
enum JSONLogLines {
    struct Entry {
        let request: TokenRequest
        let name: String
    }

    /// Requests in the logged objects; nil when none records both a client-authenticating URL
    /// and a form body.
    static func entries(_ documents: [JSONValue]) -> [Entry]? {
        var out: [Entry] = []
        for (n, document) in documents.enumerated() {
            guard let o = document.objectValue, let request = request(o) else { continue }
            out.append(Entry(request: request, name: "log line \(n + 1): \(request.method) \(request.url)"))
        }
        return out.isEmpty ? nil : out
    }

    /// One logged object as a request: the URL from any string member (alone or after a method, as
    /// in `"msg": "POST https://…/v1/token"`), the form body from a string member holding
    /// `name=value&…` with OAuth parameters.
    static func request(_ o: JSONObject) -> TokenRequest? {
        var strings: [(key: String, value: String)] = []
        collect(.object(o), key: "", depth: 0, into: &strings)
        var url: String?
        var method: String?
        var body: [FormField]?
        for (key, value) in strings.prefix(256) {
            let lowered = key.lowercased()
            if lowered == "method" || lowered.hasSuffix(".method") { method = value.uppercased() }
            if url == nil, let found = authenticatingURL(in: value) {
                url = found.url
                if method == nil { method = found.method }
            }
            if body == nil, value.contains("="), !value.contains(" "), value.utf8.count <= 65_536 {
                let fields = FormEncoding.fields(value)
                if fields.contains(where: { ["client_assertion", "grant_type", "client_secret", "token"].contains($0.name) }),
                   fields.allSatisfy({ !$0.name.isEmpty && $0.name.count <= 64 }) {
                    body = fields
                }
            }
        }
        guard let url, let body else { return nil }
        var request = TokenRequest(method: method ?? "POST", url: url,
                                   headers: [], body: .form(body),
                                   notes: ["read a structured log line: the URL and the form body it records; the headers are not in the log"])
        request.shows = Evidence(method: method != nil, url: true, headers: false, body: true, signature: true,
                                 source: "the log line")
        return request
    }

    static func collect(_ value: JSONValue, key: String, depth: Int, into out: inout [(key: String, value: String)]) {
        guard depth < 6, out.count < 256 else { return }
        switch value {
        case .string(let s): out.append((key, s))
        case .object(let o): for m in o.members { collect(m.value, key: key.isEmpty ? m.key : key + "." + m.key, depth: depth + 1, into: &out) }
        case .array(let a): for v in a.prefix(64) { collect(v, key: key, depth: depth + 1, into: &out) }
        default: break
        }
    }

    /// `https://…/oauth2/v1/token`, or `POST https://…` at the start of a message.
    static func authenticatingURL(in text: String) -> (url: String, method: String?)? {
        guard text.utf8.count <= 4096, let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        let url = String(text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "'" })
        guard let endpoint = EndpointURL(url), ServerTarget.classify(endpoint).endpoint.authenticatesClient else { return nil }
        let before = text[..<start.lowerBound].trimmedWhitespace.uppercased()
        let method = ["POST", "GET", "PUT"].first { before.hasSuffix($0) }
        return (url, method)
    }
}
