import Foundation

/// What `explain` prints for text that is no rule's answer, and what `diagnose` prints when the
/// input is the server's error alone: the rules that produce it, and what to paste next to
/// tell which one it is.
public struct ServerAnswerReporter: Sendable {
    public var options: ReportOptions
    public init(options: ReportOptions = ReportOptions()) { self.options = options }

    private var style: Style { Style(on: options.color) }

    /// The nearest rules, each with its answer, its cause in a line or two and its fix.
    public func closest(_ entries: [CatalogEntry], errorCode: String?) -> String {
        var out = Text.wrap(errorCode.map { "No rule answers with exactly this text. The closest of the rules answering with error \"\($0)\":" }
                                ?? "No rule answers with exactly this text. The closest rules:",
                            width: options.width, indent: "")
        out += entryLines(entries)
        out.append("")
        out += Text.wrap("`assertlint explain RULE` prints a rule in full; `assertlint rules` lists them all.",
                         width: options.width, indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    /// The server's error pasted alone: what it is, the rules that produce it, and the inputs
    /// that would tell them apart.
    public func serverAnswerAlone(_ answer: ServerAnswerInput, lookup: ExplainLookup) -> String {
        var out = Text.wrap("This is the server's answer, not the request: " + Escape.line(answer.summary), width: options.width, indent: "  ", first: "")
        out.append("")
        switch lookup {
        case .serverText(let entries):
            out.append(entries.count == 1 ? "One rule produces it:" : "\(entries.count) rules produce it:")
            out += entryLines(entries)
        case .closest(let entries, let code):
            out += Text.wrap(code.map { "No rule answers with exactly this text; the closest of those answering \"\($0)\":" }
                                 ?? "No rule answers with exactly this text; the closest:",
                             width: options.width, indent: "")
            out += entryLines(entries)
        case .errorCode(let code, let entries):
            out += Text.wrap("\(entries.count) rules answer with error \"\(code)\" (`assertlint explain \(code)` lists them); the error_description tells them apart, the request tells which one applies.",
                             width: options.width, indent: "")
        case .rule, .unknownRule, .noMatch:
            break
        }
        out.append("")
        out.append(style.bold("To find out which, paste the request that got this answer"))
        let w = options.width
        out += Text.wrap("the curl command: `assertlint diagnose request.curl`, or `assertlint diagnose`, paste, Ctrl-D",
                         width: w, indent: "    ", first: "  - ")
        out += Text.wrap("a HAR export (browser DevTools, Network, Save all as HAR): `assertlint diagnose export.har`",
                         width: w, indent: "    ", first: "  - ")
        out += Text.wrap("the raw HTTP request or a .http file: `assertlint diagnose request.http`",
                         width: w, indent: "    ", first: "  - ")
        out += Text.wrap("only the client_assertion: `assertlint diagnose TOKEN --endpoint URL --client-id ID`",
                         width: w, indent: "    ", first: "  - ")
        out += Text.wrap("Keep the response in the paste: assertlint shows it beside its own prediction.",
                         width: w, indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: no results, the answer, the rules that produce it, what to paste.
    public func serverAnswerAloneJSON(_ answer: ServerAnswerInput, lookup: ExplainLookup) -> String {
        let rules: [CatalogEntry]
        switch lookup {
        case .serverText(let e), .errorCode(_, let e), .closest(let e, _): rules = e
        case .rule, .unknownRule, .noMatch: rules = []
        }
        return JSONBuild.object([
            ("results", .array([])),
            ("server_answer_only", JSONBuild.object([("status", JSONBuild.int(answer.status)),
                                                     ("error", JSONBuild.string(answer.error)),
                                                     ("error_description", JSONBuild.string(answer.errorDescription))])),
            ("rules", .array(rules.map(CatalogReporter().entryJSON))),
            ("paste_next", .string("the request that got this answer: a curl command, a HAR export, the raw HTTP request, or the client_assertion with --endpoint")),
        ]).prettyText + "\n"
    }

    /// The explanation's first sentence: enough to tell the rules apart; `explain RULE` has the rest.
    static func firstSentence(_ text: String) -> String {
        let paragraph = text.components(separatedBy: "\n\n")[0].replacingOccurrences(of: "\n", with: " ")
        // A sentence ends at a full stop followed by a space, outside parentheses and code spans
        // (`§4.1.4)`, `"alg": "none"` and `e.g.` inside them do not end it).
        var depth = 0
        var inCode = false
        var previous: Character = " "
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let c = paragraph[index]
            let next = paragraph.index(after: index)
            switch c {
            case "`": inCode.toggle()
            case "(" where !inCode: depth += 1
            case ")" where !inCode: depth = max(0, depth - 1)
            case "." where !inCode && depth == 0 && previous != "." && (next == paragraph.endIndex || paragraph[next] == " "):
                let sentence = String(paragraph[...index])
                // Abbreviations are not sentence ends.
                if !(sentence.hasSuffix("e.g.") || sentence.hasSuffix("i.e.") || sentence.hasSuffix("etc.")) { return sentence }
            default: break
            }
            previous = c
            index = next
        }
        return paragraph
    }

    private func entryLines(_ entries: [CatalogEntry]) -> [String] {
        var out: [String] = []
        for e in entries {
            out.append("")
            out.append(style.severity(e.severity, e.id) + "  " + style.bold(e.title))
            if let o = e.primaryAnswer, let d = o.errorDescription {
                out += Text.wrap("\(o.status.map(String.init) ?? "") \(o.error ?? "") \"\(d)\"".trimmingCharacters(in: .whitespaces),
                                 width: options.width, indent: "    ", first: "  ")
            }
            out += Text.wrap(Self.firstSentence(e.explanation), width: options.width, indent: "  ")
            out += Text.wrap("fix: " + e.genericFix, width: options.width, indent: "       ", first: "  ")
        }
        return out
    }
}

/// A server's error pasted on its own, without the request: an OAuth error body, Okta's API
/// error (`errorCode`/`errorSummary`), either after an HTTP status line, or the bare
/// `error_description` text of a catalog rule.
public struct ServerAnswerInput: Sendable, Equatable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?

    /// `401 invalid_client "The client_assertion token is expired."`
    public var summary: String {
        [status.map(String.init), error, errorDescription.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " ")
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
        }
        guard let answer else { return nil }
        return explained(answer, catalog: catalog)
    }

    /// The answer with the catalog's rules that produce it.
    static func explained(_ answer: ServerAnswerInput, catalog: Catalog) -> (ServerAnswerInput, ExplainLookup)? {
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
        return catalog.entries.flatMap(\.answerDescriptions)
            .map { ($0, norm($0)) }
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
