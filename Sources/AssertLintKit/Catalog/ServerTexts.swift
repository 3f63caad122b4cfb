import Foundation

/// Every text the profiles say a server gives for a rule, to recognise a pasted answer, log line
/// or exception message: each answer's `error_description`, its variants' texts, and the
/// server's own strings that an answer's `note` quotes in backticks (what the server logs but
/// does not send: node-oidc-provider's `error_detail`, Auth0's tenant log, Keycloak's warnings).
/// Indexed by rule id, not by catalog entry, so an answer whose rule has no entry yet is still
/// found and shown as such.
public struct ServerTexts: Sendable {
    /// One text of one server for one rule.
    public struct AnswerText: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The answer's `error_description`.
            case response
            /// A variant's text, with its `when`.
            case variant(String?)
            /// A string of the server's that the answer's note quotes (logged, not sent).
            case quoted
            /// The answer has no `error_description`: the server sends only its `error` code.
            case codeOnly
        }
        public var profileID: String
        public var ruleID: String
        public var kind: Kind
        /// As the profile writes it, `{name}` placeholders included.
        public var text: String
        /// The answer this text belongs to (a variant's applied), with `profile` and `speaker` set.
        public var answer: ServerAnswer
        /// The text up to its first variable part, lower case, letters, digits and `_` only.
        var fixed: String
        /// The numbered code the text starts with, under its profile's `error_code_prefix`
        /// (`AADSTS700027:` → "700027").
        var code: String?
    }

    /// Every text, built on first use: a start that reads a fixture or explains a rule by its id
    /// never needs them, and building them was half of a cold `diagnose` (issue 13).
    public var texts: [AnswerText] { index.texts }
    let profiles: ProfileSet
    private let index: Index

    public init(_ profiles: ProfileSet) {
        self.profiles = profiles
        index = Index(profiles)
    }

    /// The texts of `profiles`, made once by the first caller (under a lock: `check` reads them
    /// from every core) and never changed after.
    private final class Index: @unchecked Sendable {
        private let lock = NSLock()
        private let profiles: ProfileSet
        private var built: [AnswerText]?

        init(_ profiles: ProfileSet) { self.profiles = profiles }

        var texts: [AnswerText] {
            lock.withLock {
                if let built { return built }
                let made = ServerTexts.build(profiles)
                built = made
                return made
            }
        }
    }

    static func build(_ profiles: ProfileSet) -> [AnswerText] {
        var out: [AnswerText] = []
        for p in profiles.profiles {
            var own: [AnswerText] = []
            let ranked = (p.answers ?? [:]).sorted { a, b in
                (p.rank(of: a.key) ?? Int.max, a.key == "default" ? 1 : 0, a.key) < (p.rank(of: b.key) ?? Int.max, b.key == "default" ? 1 : 0, b.key)
            }
            for (ruleID, raw) in ranked {
                var answer = raw.filled([:])
                answer.profile = p.id
                answer.speaker = p.speaker
                var plain = answer
                plain.variants = nil
                func add(_ kind: AnswerText.Kind, _ text: String, _ a: ServerAnswer) {
                    own.append(AnswerText(profileID: p.id, ruleID: ruleID, kind: kind, text: text, answer: a,
                                    fixed: Self.norm(Self.fixedPart(text)), code: Self.code(text, prefix: p.errorCodePrefix)))
                }
                if let d = raw.errorDescription { add(.response, d, plain) } else if raw.error != nil { add(.codeOnly, raw.error ?? "", plain) }
                for v in raw.variants ?? [] {
                    var a = answer.applying(v)
                    a.profile = p.id
                    a.speaker = p.speaker
                    if let d = v.errorDescription { add(.variant(v.when), d, a) }
                }
            }
            // The server's own strings quoted in the answers' notes, unless one is only a part of
            // a response text of the same server (`The key was not found.` inside 700027's text).
            let sent = own.filter { $0.kind != .codeOnly }.map(\.fixed)
            var quoted: [AnswerText] = []
            for t in own {
                for span in Self.quotedSpans(t.answer.note ?? "") {
                    let fixed = Self.norm(Self.fixedPart(span))
                    guard fixed.count >= 10, !sent.contains(where: { $0.contains(fixed) }),
                          !quoted.contains(where: { $0.ruleID == t.ruleID && $0.fixed == fixed }) else { continue }
                    quoted.append(AnswerText(profileID: p.id, ruleID: t.ruleID, kind: .quoted, text: span, answer: t.answer,
                                       fixed: fixed, code: nil))
                }
            }
            out += own + quoted
        }
        return out
    }

    /// The bundled profiles' texts.
    public static let bundled = ServerTexts(.bundled)

    /// Lower case, letters, digits and `_` only: how pasted text and server texts are compared
    /// (quotes, punctuation, line breaks and `\r\n` escapes do not count).
    static func norm(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" } }

    /// The text up to its first variable part (`{now}`, `<id>`, `…`).
    static func fixedPart(_ text: String) -> String {
        String(ServerAnswer.fixedPart(text).prefix { $0 != "…" })
    }

    /// `AADSTS700027: …` → "700027" under the prefix `AADSTS`.
    static func code(_ text: String, prefix: String?) -> String? {
        guard let prefix, !prefix.isEmpty, text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count).prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// Every `<prefix><digits>` in a text, for each code prefix the profiles name, in order,
    /// without repeats.
    func codes(in text: String) -> [String] {
        var out: [String] = []
        for prefix in codePrefixes {
            var rest = text[...]
            while let r = rest.range(of: prefix, options: .caseInsensitive) {
                let digits = rest[r.upperBound...].prefix { $0.isNumber }
                if digits.count >= 4, !out.contains(String(digits)) { out.append(String(digits)) }
                rest = rest[r.upperBound...]
            }
        }
        return out
    }

    /// The profiles' `error_code_prefix` values.
    var codePrefixes: [String] {
        Array(Set(profiles.profiles.compactMap(\.errorCodePrefix).filter { !$0.isEmpty })).sorted()
    }

    /// Backticked spans of a note that read as a server's sentence or phrase: with a space, not
    /// a JSON body or a quoted value.
    static func quotedSpans(_ note: String) -> [String] {
        let parts = note.components(separatedBy: "`")
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
            .filter { $0.contains(" ") && !$0.hasPrefix("{") && !$0.hasPrefix("\"") }
    }

    /// The texts a paste holds: every text of the profiles it contains (at least 12 letters, 10
    /// for a quoted log string), and for Entra every answer with an `AADSTS` code it names when
    /// no text of that code is in it. A shorter text inside a longer one that also matched is
    /// dropped (Keycloak 26.4's `Token is not active` inside 26.3's prefixed one); so is a
    /// `default` answer when a rule's own matched. `prefer` (`--server`) keeps only that
    /// profile's texts when it has any.
    public func matching(_ pasted: String, prefer: String? = nil) -> [AnswerText] {
        let hay = Self.norm(pasted)
        guard !hay.isEmpty else { return [] }
        var hits = texts.filter { t in
            guard t.kind != .codeOnly else { return false }
            let least = t.kind == .quoted ? 10 : 12
            return (t.fixed.count >= least && hay.contains(t.fixed))
                || (t.kind != .quoted && hay.count >= 12 && !pasted.contains("\n") && t.fixed.hasPrefix(hay))
        }
        let codes = self.codes(in: pasted)
        if !codes.isEmpty {
            let coded = texts.filter { t in t.code.map(codes.contains) ?? false }
            let codesHit = Set(hits.compactMap(\.code))
            // A code whose texts are not in the paste (another wording, a cut text): all its answers.
            hits += coded.filter { !codesHit.contains($0.code ?? "") && !hits.contains($0) }
        }
        hits = hits.filter { t in !hits.contains { $0.fixed.count > t.fixed.count && $0.fixed.contains(t.fixed) } }
        if let prefer, hits.contains(where: { $0.profileID == prefer }) { hits = hits.filter { $0.profileID == prefer } }
        // A logged detail says which of a server's checks gave its generic answer
        // (node-oidc-provider's `jwt expired` under `client authentication failed`).
        let detailed = Dictionary(grouping: hits.filter { $0.kind == .quoted && $0.ruleID != "default" }, by: \.profileID)
            .mapValues { Set($0.map(\.ruleID)) }
        hits = hits.filter { t in t.kind == .quoted || (detailed[t.profileID].map { $0.contains(t.ruleID) } ?? true) }
        let byServer = Dictionary(grouping: hits, by: \.profileID)
        hits = hits.filter { t in t.ruleID != "default" || !(byServer[t.profileID] ?? []).contains { $0.ruleID != "default" } || t.kind == .response }
        return hits
    }

    /// The servers known to send only an `error` code (no `error_description`, `verbatim: true`:
    /// Spring's `{"error":"invalid_client"}`) for some check, and those checks: what a bare body
    /// can come from. With `prefer`, that server's answers without a text, known or not (Auth0's
    /// texts are not published).
    public func codeOnly(_ error: String, prefer: String? = nil) -> [AnswerText] {
        let all = texts.filter { $0.kind == .codeOnly && $0.answer.error == error }
        if let prefer, all.contains(where: { $0.profileID == prefer }) { return all.filter { $0.profileID == prefer } }
        return all.filter(\.answer.verbatim)
    }

    /// What a profile's `notes` say about the matched texts: the notes naming one of their
    /// numbered codes or rule ids.
    public func notes(about matched: [AnswerText], of profileID: String) -> [String] {
        guard let p = profiles[profileID] else { return [] }
        let mine = matched.filter { $0.profileID == profileID }
        let codes = Set(mine.compactMap(\.code)).map { (p.errorCodePrefix ?? "") + $0 }
        let ids = Set(mine.map(\.ruleID)).subtracting(["default"])
        return (p.notes ?? []).filter { n in codes.contains { n.contains($0) } || ids.contains { n.contains("`\($0)`") } }
    }
}
