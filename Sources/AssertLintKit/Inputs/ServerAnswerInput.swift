import Foundation

/// A server's error pasted on its own, without the request: an OAuth error body, Okta's API
/// error (`errorCode`/`errorSummary`), either after an HTTP status line, or the bare
/// `error_description` text of a catalog rule.
public struct ServerAnswerInput: Sendable, Equatable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    /// The URL the answer came from, when the paste names it (a Node SDK error's `url`).
    public var url: String?

    /// Only the HTTP status is known: no error code, no description.
    public var isStatusOnly: Bool { status != nil && error == nil && errorDescription == nil }

    /// `401 invalid_client "The client_assertion token is expired."`
    public var summary: String {
        var s = [status.map(String.init), error, errorDescription.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " ")
        if let url { s += " from \(url)" }
        return s
    }

    /// Members of an OAuth error body and of Okta's API error: a JSON object with only these
    /// is an answer, not a fixture or a decoded token.
    static let errorMembers: Set<String> = ["error", "error_description", "error_uri", "state", "status",
                                            "errorCode", "errorSummary", "errorLink", "errorId", "errorCauses"]

    /// The answer in `text` when the text is nothing but a server's answer: an error body (JSON,
    /// or a Python dict's repr), a response (`HTTP/1.1 401 …`, headers, the body), a line that
    /// is exactly a catalog rule's `error_description`, or a bare error code. Nil otherwise, so
    /// a request that carries its answer is diagnosed as a request.
    public static func read(_ text: String, catalog: Catalog = .bundled) -> (ServerAnswerInput, ExplainLookup)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 65_536 else { return nil }
        var answer: ServerAnswerInput?
        if let o = errorObject(trimmed) {
            answer = ServerAnswerInput(object: o, status: nil)
        } else if trimmed.hasPrefix("HTTP/") || trimmed.hasPrefix("< HTTP/"),
                  let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close,
                  let o = errorObject(String(trimmed[open...close])) {
            let statusLine = trimmed.prefix { $0 != "\n" }.split(separator: " ")
            let status = statusLine.lazy.compactMap { Int($0) }.first { (100...599).contains($0) }
            answer = ServerAnswerInput(object: o, status: status)
        } else if !trimmed.contains("\n"), let description = exactDescription(trimmed, in: catalog) {
            answer = ServerAnswerInput(status: nil, error: nil, errorDescription: description)
        } else if let code = ExplainLookup.bareErrorCode(trimmed), catalog.entries.contains(where: { $0.answerErrors.contains(code) }) {
            answer = ServerAnswerInput(status: nil, error: code, errorDescription: nil)
        } else if let node = nodeError(trimmed) {
            answer = node
        }
        guard let answer else { return nil }
        return explained(answer, catalog: catalog)
    }

    /// An Okta SDK error as Node prints it (`util.inspect`): `[OktaApiError: Okta HTTP 401 E0000011 …] {
    /// status: 401, errorCode: 'E0000011', errorSummary: '…', url: '…', … }`. Members that are
    /// `undefined` or empty say nothing.
    static func nodeError(_ text: String) -> ServerAnswerInput? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]"),
              text[..<close].range(of: #"^\[\w*Error: "#, options: .regularExpression) != nil else { return nil }
        var members: [String: String] = [:]
        for line in text[close...].split(separator: "\n").prefix(200) {
            let t = line.trimmedWhitespace
            guard let colon = t.firstIndex(of: ":") else { continue }
            let key = String(t[..<colon])
            guard ["status", "errorCode", "errorSummary", "url", "error", "error_description"].contains(key), members[key] == nil else { continue }
            var value = t[t.index(after: colon)...].trimmedWhitespace
            if value.hasSuffix(",") { value.removeLast() }
            if value.count >= 2, let q = value.first, q == "'" || q == "\"", value.last == q { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty, value != "undefined", value != "null" else { continue }
            members[key] = value
        }
        let heading = text[..<close]
        let status = members["status"].flatMap { Int($0) }
            ?? heading.range(of: #"HTTP (\d{3})"#, options: .regularExpression).flatMap { Int(heading[$0].dropFirst(5)) }
        guard let status, (400...599).contains(status) else { return nil }
        var answer = ServerAnswerInput(status: status, error: members["error"] ?? members["errorCode"],
                                       errorDescription: members["error_description"] ?? members["errorSummary"])
        answer.url = members["url"]
        return answer
    }

    /// The rules whose Okta answer has `status`, for an answer that shows nothing else.
    public static func rules(answering status: Int, in catalog: Catalog = .bundled, from profile: ServerProfile? = nil) -> [CatalogEntry] {
        catalog.entries.filter { e in (profile.flatMap { $0.answers?[e.id] } ?? (profile == nil ? e.primaryAnswer : nil))?.status == status }
    }

    /// The server the answer came from, when it names its URL (an SDK error with the request's URL).
    public var profile: ServerProfile? {
        guard let url = url.flatMap(EndpointURL.init) else { return nil }
        let (target, reason) = ProfileSet.bundled.classify(url)
        return reason == nil ? nil : target.profile
    }

    /// The answer with the catalog's rules that produce it.
    static func explained(_ answer: ServerAnswerInput, catalog: Catalog) -> (ServerAnswerInput, ExplainLookup)? {
        if answer.isStatusOnly { return (answer, .noMatch) }
        let query: String
        if let d = answer.errorDescription {
            var members = [JSONMember(key: "error_description", value: .string(d))]
            if let e = answer.error { members.insert(JSONMember(key: "error", value: .string(e)), at: 0) }
            query = JSONValue.object(JSONObject(members)).compactText
        } else {
            query = answer.error ?? ""
        }
        let lookup = ExplainLookup.lookup(query, in: catalog)
        switch lookup {
        case .serverText, .errorCode, .closest: return (answer, lookup)
        case .rule, .unknownRule, .noMatch: return (answer, .noMatch)
        }
    }

    /// A server's answer somewhere in a text that holds no request assertlint can read: an
    /// error object inside a log line, a stack trace or a Node error (`{"error":"invalid_client",…}`),
    /// a catalog `error_description` quoted in prose, or an OAuth error code named in it. Only
    /// asked after the reader refused the text, so a request carrying its answer is unaffected.
    public static func find(in text: String, catalog: Catalog = .bundled) -> (ServerAnswerInput, ExplainLookup)? {
        guard text.utf8.count <= 65_536 else { return nil }
        var answer: ServerAnswerInput?
        // An error object: from each `{` that opens with an error member, to the first `}`
        // (error bodies are flat), at most 4 KiB on.
        let bytes = Array(text.utf8)
        var i = 0
        while answer == nil, i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "{") else { continue }
            let head = String(decoding: bytes[(i + 1)..<min(bytes.count, i + 24)], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            guard head.hasPrefix("\"error") || head.hasPrefix("'error") || head.hasPrefix("\"status") else { continue }
            guard let close = bytes[i..<min(bytes.count, i + 4096)].firstIndex(of: UInt8(ascii: "}")) else { continue }
            let candidate = String(decoding: bytes[i...close], as: UTF8.self)
            if let o = errorObject(candidate) { answer = ServerAnswerInput(object: o, status: nil) }
        }
        if answer == nil, let description = containedDescription(text, in: catalog) {
            answer = ServerAnswerInput(status: nil, error: nil, errorDescription: description)
        }
        if answer == nil {
            let codes = Set(catalog.entries.flatMap(\.answerErrors))
            let words = text.split { !($0.isLetter || $0 == "_") }.map(String.init)
            if let code = words.first(where: codes.contains) {
                answer = ServerAnswerInput(status: nil, error: code, errorDescription: nil)
            }
        }
        guard let answer else { return nil }
        return explained(answer, catalog: catalog)
    }

    /// The catalog's `error_description` that the text quotes somewhere (compared without case,
    /// spaces and punctuation).
    static func containedDescription(_ text: String, in catalog: Catalog) -> String? {
        func norm(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" } }
        let haystack = norm(text)
        // The longest one quoted, so a text that quotes a longer answer is not taken for a
        // shorter one it contains.
        // A text with variable parts (Entra's `Current time: <now>`) is matched on what comes before them.
        return catalog.entries.flatMap(\.answerDescriptions)
            .map { ($0, norm(ServerAnswer.fixedPart($0))) }
            .filter { $0.1.count >= 12 && haystack.contains($0.1) }
            .max { $0.1.count < $1.1.count }?.0
    }

    /// A JSON object (or a Python dict's repr of one) holding only error members.
    static func errorObject(_ text: String) -> JSONObject? {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        for candidate in [text, text.replacingOccurrences(of: "'", with: "\"")] {
            guard let o = (try? JSONParser.parse(candidate))?.objectValue else { continue }
            let keys = Set(o.keys)
            guard !keys.isEmpty, keys.isSubset(of: errorMembers), !keys.isDisjoint(with: ["error", "errorCode", "error_description", "errorSummary"]) else { return nil }
            return o
        }
        return nil
    }

    /// The catalog's `error_description` that the line is, ignoring case, quotes and punctuation.
    static func exactDescription(_ line: String, in catalog: Catalog) -> String? {
        func norm(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" } }
        let wanted = norm(line)
        guard wanted.count >= 12 else { return nil }
        return catalog.entries.lazy.flatMap(\.answerDescriptions).first { norm($0) == wanted }
    }

    init(status: Int?, error: String?, errorDescription: String?) {
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
    }

    init?(object o: JSONObject, status: Int?) {
        let error = (o["error"] ?? o["errorCode"])?.stringValue
        let description = (o["error_description"] ?? o["errorSummary"])?.stringValue
        guard error != nil || description != nil else { return nil }
        self.init(status: status ?? o["status"]?.finiteNumber.map { Int($0) }, error: error, errorDescription: description)
    }
}
