import Foundation

/// A server's error pasted on its own, without the request: an OAuth error body, Okta's API
/// error (`errorCode`/`errorSummary`), either after an HTTP status line, the bare
/// `error_description` text of a server, an Entra `AADSTS` code, or a log line or exception
/// message that quotes one.
public struct ServerAnswerInput: Sendable, Equatable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    /// The URL the answer came from, when the paste names it (a Node SDK error's `url`).
    public var url: String?
    /// The server the user named (`--server`): its texts are preferred, its notes shown.
    public var server: String?

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
                                            "errorCode", "errorSummary", "errorLink", "errorId", "errorCauses",
                                            "error_codes", "timestamp", "trace_id", "correlation_id"]

    /// The answer in `text` when the text is nothing but a server's answer: an error body (JSON,
    /// or a Python dict's repr), a response (`HTTP/1.1 401 …`, headers, the body), a line that
    /// is exactly a server's `error_description` (its variable parts filled in), an Entra code
    /// (`AADSTS700027`), or a bare error code. Nil otherwise, so a request that carries its
    /// answer is diagnosed as a request. `server` is the server the user named (`--server`).
    public static func read(_ text: String, catalog: Catalog = .bundled, texts: ServerTexts = .bundled,
                            server: String? = nil) -> (ServerAnswerInput, ExplainLookup)? {
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
        } else if !trimmed.contains("\n") && isServerLine(trimmed, in: texts) || isCode(trimmed, texts.codePrefixes),
                  let first = texts.matching(trimmed, prefer: server).first {
            answer = ServerAnswerInput(status: nil, error: nil, errorDescription: excerpt(of: first, in: trimmed, texts: texts))
        } else if let code = ExplainLookup.bareErrorCode(trimmed), texts.profiles.errorCodes.contains(code) {
            answer = ServerAnswerInput(status: nil, error: code, errorDescription: nil)
        } else if let node = nodeError(trimmed) {
            answer = node
        }
        guard var answer else { return nil }
        answer.server = server
        return explained(answer, pasted: trimmed, catalog: catalog, texts: texts)
    }

    /// `AADSTS700027` (or `AADSTS700027:`): a numbered error code alone, under one of the
    /// profiles' `error_code_prefix` values.
    static func isCode(_ text: String, _ prefixes: [String]) -> Bool {
        var t = text[...]
        if t.hasSuffix(":") { t = t.dropLast() }
        guard let prefix = prefixes.first(where: { t.uppercased().hasPrefix($0.uppercased()) }) else { return false }
        let digits = t.dropFirst(prefix.count)
        return (4...8).contains(digits.count) && digits.allSatisfy(\.isNumber)
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

    /// The rules whose answer has `status` (the profile's, else the first profile's), for an
    /// answer that shows nothing else.
    public static func rules(answering status: Int, in catalog: Catalog = .bundled, from profile: ServerProfile? = nil) -> [CatalogEntry] {
        catalog.entries.filter { e in (profile.flatMap { $0.answers?[e.id] } ?? (profile == nil ? e.primaryAnswer : nil))?.status == status }
    }

    /// The server the answer came from: the one the user named, else the one whose URL the
    /// paste names (an SDK error with the request's URL).
    public var profile: ServerProfile? {
        if let server, let p = ProfileSet.bundled[server] { return p }
        guard let url = url.flatMap(EndpointURL.init) else { return nil }
        let (target, reason) = ProfileSet.bundled.classify(url)
        return reason == nil ? nil : target.profile
    }

    /// The answer with the rules that produce it. The servers' texts are looked for in the whole
    /// paste (a log line around the error, an exception wrapping it); a body with an `error`
    /// code and no description is matched to the servers that send no more than that code.
    static func explained(_ answer: ServerAnswerInput, pasted: String, catalog: Catalog,
                          texts: ServerTexts) -> (ServerAnswerInput, ExplainLookup)? {
        if answer.isStatusOnly { return (answer, .noMatch) }
        // An error code no profile answers with (Keycloak's old `unauthorized_client`): the
        // report shows what the profiles' notes say about it, not rules that share a word.
        if let code = answer.error, answer.errorDescription == nil, !texts.profiles.errorCodes.contains(code) { return (answer, .noMatch) }
        let quoted = texts.matching(pasted, prefer: answer.server)
        if !quoted.isEmpty { return (answer, .serverText(quoted)) }
        // Only for a body (`{"error":"invalid_client"}`): a bare code typed alone lists every rule with it.
        if let code = answer.error, answer.errorDescription == nil, pasted.contains("{") {
            let silent = texts.codeOnly(code, prefer: answer.server)
            if !silent.isEmpty { return (answer, .serverText(silent)) }
        }
        let query: String
        if let d = answer.errorDescription {
            var members = [JSONMember(key: "error_description", value: .string(d))]
            if let e = answer.error { members.insert(JSONMember(key: "error", value: .string(e)), at: 0) }
            query = JSONValue.object(JSONObject(members)).compactText
        } else {
            query = answer.error ?? ""
        }
        let lookup = ExplainLookup.lookup(query, in: catalog, texts: texts, prefer: answer.server)
        switch lookup {
        case .serverText, .errorCode, .closest: return (answer, lookup)
        case .rule, .unknownRule, .noMatch: return (answer, .noMatch)
        }
    }

    /// A server's answer somewhere in a text that holds no request assertlint can read: an
    /// error object inside a log line, a stack trace or a Node error (`{"error":"invalid_client",…}`),
    /// a server's text quoted in a log line, an exception message or prose (Entra's `AADSTS…`
    /// with its `Trace ID` tail, Keycloak's warnings, node-oidc-provider's `error_detail`,
    /// Auth0's tenant log), or an OAuth error code named in it. Only asked after the reader
    /// refused the text, so a request carrying its answer is unaffected.
    public static func find(in text: String, catalog: Catalog = .bundled, texts: ServerTexts = .bundled,
                            server: String? = nil) -> (ServerAnswerInput, ExplainLookup)? {
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
        if answer == nil, let first = texts.matching(text, prefer: server).first {
            answer = ServerAnswerInput(status: nil, error: nil, errorDescription: excerpt(of: first, in: text, texts: texts))
        }
        if answer == nil {
            let codes = texts.profiles.errorCodes.union(ExplainLookup.oauthErrorCodes)
            let words = text.split { !($0.isLetter || $0 == "_") }.map(String.init)
            if let code = words.first(where: codes.contains) {
                answer = ServerAnswerInput(status: nil, error: code, errorDescription: nil)
            }
        }
        guard var answer else { return nil }
        answer.server = server
        return explained(answer, pasted: text, catalog: catalog, texts: texts)
    }

    /// What the paste shows of a server's text: for a numbered code, from its prefix to the end of the line,
    /// without the `Trace ID: … Timestamp: …` tail; else the text as the profile records it.
    static func excerpt(of match: ServerTexts.AnswerText, in text: String, texts: ServerTexts) -> String {
        if let prefix = texts.profiles[match.profileID]?.errorCodePrefix, !prefix.isEmpty,
           match.code != nil || isCode(text, [prefix]), let start = text.range(of: prefix, options: .caseInsensitive) {
            var line = String(text[start.lowerBound...].prefix { $0 != "\n" })
            for tail in [#"\r\nTrace ID:"#, "\r\nTrace ID:", "Trace ID:"] {
                if let r = line.range(of: tail) { line = String(line[..<r.lowerBound]) }
            }
            line = line.trimmingCharacters(in: .whitespaces)
            return line.count > 300 ? String(line.prefix(299)) + "…" : line
        }
        return ServerAnswer.fill(match.text, [:])
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

    /// True when the line is a server's text (a response's `error_description` or a variant's),
    /// ignoring case, quotes and punctuation, with its variable parts filled in (Entra's
    /// `Current time: …`) and Entra's `Trace ID: …` tail after it.
    static func isServerLine(_ line: String, in texts: ServerTexts) -> Bool {
        let wanted = ServerTexts.norm(line)
        guard wanted.count >= 12 else { return false }
        return texts.texts.contains { t in
            guard t.kind != .codeOnly, t.kind != .quoted else { return false }
            return ServerTexts.norm(t.text) == wanted
                || (t.fixed.count >= 12 && wanted.hasPrefix(t.fixed) && (t.code != nil || t.fixed != ServerTexts.norm(t.text)))
        }
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
