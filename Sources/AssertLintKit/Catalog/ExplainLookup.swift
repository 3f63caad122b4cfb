import Foundation

/// What `explain` was asked about.
public enum ExplainLookup: Sendable, Equatable {
    /// A rule id.
    case rule(CatalogEntry)
    /// Pasted server text (a response, a log line, an exception message): each server's answer
    /// it holds, with the rule that produces it on that server (a rule with no catalog entry yet
    /// included). Also a bare `{"error":"…"}` body: the checks of the servers that send only that code.
    case serverText([ServerTexts.AnswerText])
    /// Only the `error` code was given (e.g. `invalid_client`): every rule answering with it.
    case errorCode(String, [CatalogEntry])
    /// Text that is no rule's answer: the few rules whose answers and titles are nearest to it,
    /// best first (among the rules answering with the pasted `error` code, when it names one).
    case closest([CatalogEntry], errorCode: String?)
    /// Looks like a rule id but is none; the closest id, if one is close.
    case unknownRule(String, suggestion: String?)
    /// Text that matches nothing.
    case noMatch

    /// At most this many rules are offered for text that is no rule's answer.
    public static let closestLimit = 5

    /// The token endpoint's error codes (RFC 6749 section 5.2): a word of these in prose names
    /// the server's answer even when no profile answers with it.
    public static let oauthErrorCodes: Set<String> = ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
                                                      "unsupported_grant_type", "invalid_scope"]

    /// `prefer` is the server the user named (`--server`): its texts win when the paste holds any.
    public static func lookup(_ query: String, in catalog: Catalog, texts: ServerTexts = .bundled, prefer: String? = nil) -> ExplainLookup {
        let q = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if let entry = catalog[q] ?? catalog[q.lowercased()] { return .rule(entry) }
        let answer = serverAnswer(q)
        // `{"error":"invalid_client"}` and nothing else: the servers that say no more than that.
        if let code = answer.error, answer.description == nil, (try? JSONParser.parse(q))?.objectValue != nil {
            let silent = texts.codeOnly(code, prefer: prefer)
            if !silent.isEmpty { return .serverText(silent) }
        }
        let matches = texts.matching(q, prefer: prefer)
        if !matches.isEmpty { return .serverText(matches) }
        if let code = answer.error ?? bareErrorCode(q) {
            let byCode = catalog.entries.filter { $0.answerErrors.contains(code) }
            if !byCode.isEmpty {
                // A description that is no rule's: rank the rules with that code by it.
                if let description = answer.description {
                    let near = closest(description, among: byCode)
                    if !near.isEmpty { return .closest(near, errorCode: code) }
                }
                return .errorCode(code, byCode)
            }
        }
        if isRuleLike(q) { return .unknownRule(q, suggestion: closest(q.lowercased(), among: catalog.ids)) }
        let near = closest(answer.description ?? q, among: catalog.entries)
        return near.isEmpty ? .noMatch : .closest(near, errorCode: nil)
    }

    /// The `error` and `error_description` (or Okta's `errorCode` / `errorSummary`) of a pasted
    /// body, found alone or inside a response (`HTTP/1.1 401 …` and the JSON after it).
    static func serverAnswer(_ q: String) -> (error: String?, description: String?) {
        if let o = (try? JSONParser.parse(q))?.objectValue {
            return ((o["error"] ?? o["errorCode"])?.stringValue, (o["error_description"] ?? o["errorSummary"])?.stringValue)
        }
        if let found = ReportedAnswer.find(in: q) { return (found.error, found.errorDescription) }
        return (nil, nil)
    }

    /// The rule ids of the matched texts, each once, in order.
    public var ruleIDs: [String] {
        switch self {
        case .rule(let e): return [e.id]
        case .serverText(let texts):
            var out: [String] = []
            for t in texts where !out.contains(t.ruleID) { out.append(t.ruleID) }
            return out
        case .errorCode(_, let e), .closest(let e, _): return e.map(\.id)
        case .unknownRule, .noMatch: return []
        }
    }

    /// `invalid_client`: lower-case letters and underscores.
    static func bareErrorCode(_ q: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz_")
        return !q.isEmpty && q.contains("_") && q.allSatisfy(allowed.contains) ? q : nil
    }

    /// kebab-case with no spaces: what a mistyped rule id looks like.
    static func isRuleLike(_ q: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return q.contains("-") && !q.hasPrefix("-") && q.lowercased().allSatisfy(allowed.contains)
    }

    /// The id within a third of its length in edits, if any.
    static func closest(_ q: String, among ids: [String]) -> String? {
        let scored = ids.map { ($0, EditDistance.between(q, $0)) }.min { $0.1 < $1.1 }
        guard let (id, d) = scored, d <= max(2, q.count / 3) else { return nil }
        return id
    }

    /// The rules nearest to a text by the words it shares with each rule's server answer
    /// (counted twice) and title, each word weighted by how rare it is in the catalog (so
    /// "assertion" or "invalid", which most answers hold, count for little): at most
    /// `closestLimit`, those scoring at least half the best, and at least three when three share
    /// a word. Empty when no rule shares a word.
    public static func closest(_ text: String, among entries: [CatalogEntry]) -> [CatalogEntry] {
        let wanted = words(text)
        guard !wanted.isEmpty else { return [] }
        let documents = entries.map { e in
            (answer: words(e.answerDescriptions.joined(separator: " ")),
             title: words(e.title + " " + e.id.replacingOccurrences(of: "-", with: " ")))
        }
        var frequency: [String: Int] = [:]
        for d in documents { for w in d.answer.union(d.title) where wanted.contains(w) { frequency[w, default: 0] += 1 } }
        let n = Double(max(1, entries.count))
        func weight(_ w: String) -> Double { log(1 + n / Double(max(1, frequency[w] ?? 0))) }
        let scored: [(CatalogEntry, Double)] = zip(entries, documents).map { e, d in
            (e, wanted.reduce(0) { $0 + weight($1) * ((d.answer.contains($1) ? 2 : 0) + (d.title.contains($1) ? 1 : 0)) })
        }
        // Stable: equal scores keep catalog order.
        let ranked = scored.enumerated().filter { $0.element.1 > 0 }
            .sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        guard let best = ranked.first?.1 else { return [] }
        let strong = ranked.prefix { $0.1 * 2 >= best }.count
        return ranked.prefix(min(closestLimit, max(3, strong))).map(\.0)
    }

    static let stopWords: Set<String> = ["the", "a", "an", "is", "are", "was", "were", "be", "been", "for", "to", "of", "in",
                                         "on", "at", "and", "or", "it", "its", "this", "that", "with", "by", "as", "from",
                                         "my", "i", "you", "your", "we", "our", "but", "so", "has", "have", "had", "do",
                                         "does", "did", "can", "will", "would", "should", "any", "all", "okta", "server",
                                         "said", "says", "error", "request", "please", "no", "not", "got", "get"]

    /// Lower-case words of two letters or more, cut to six letters so that `expired`,
    /// `expiration` and `expires` meet; common words are left out.
    static func words(_ text: String) -> Set<String> {
        var out: Set<String> = []
        for raw in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let w = String(raw)
            guard w.count >= 2, !stopWords.contains(w) else { continue }
            out.insert(String(w.prefix(6)))
        }
        return out
    }
}
