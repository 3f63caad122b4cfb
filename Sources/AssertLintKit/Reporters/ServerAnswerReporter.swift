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
    public func serverAnswerAlone(_ answer: ServerAnswerInput, lookup: ExplainLookup, catalog: Catalog = .bundled,
                                  texts: ServerTexts = .bundled) -> String {
        var out = Text.wrap(Self.headline(answer, lookup, texts) + Escape.line(answer.summary), width: options.width, indent: "  ", first: "")
        out.append("")
        switch lookup {
        case .serverText(let matches):
            out += CatalogReporter(options: options).serverTextLines(matches, catalog: catalog, texts: texts, explanation: .sentence)
        case .closest(let entries, let code):
            out += Text.wrap(code.map { "No rule answers with exactly this text; the closest of those answering \"\($0)\":" }
                                 ?? "No rule answers with exactly this text; the closest:",
                             width: options.width, indent: "")
            out += entryLines(entries, answering: answer)
        case .errorCode(let code, let entries):
            out += Text.wrap("\(entries.count) rules answer with error \"\(code)\" (`assertlint explain \(code)` lists them); the error_description tells them apart, the request tells which one applies.",
                             width: options.width, indent: "")
        case .rule, .unknownRule, .noMatch:
            if answer.isStatusOnly, let status = answer.status {
                out += statusOnlyLines(status, from: answer.profile)
            } else if let code = answer.error {
                out += codeNoteLines(code, server: answer.server, texts: texts)
            }
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

    /// "This is Microsoft Entra ID's answer, not the request: " (or what a server logs).
    static func headline(_ answer: ServerAnswerInput, _ lookup: ExplainLookup, _ texts: ServerTexts) -> String {
        guard case .serverText(let matches) = lookup, !matches.isEmpty else { return "This is the server's answer, not the request: " }
        var names: [String] = []
        for m in matches {
            let name = m.answer.speaker.hasPrefix("the ") ? (texts.profiles[m.profileID]?.name ?? m.answer.speaker) : m.answer.speaker
            if !names.contains(name) { names.append(name) }
        }
        let who = names.count <= 2 ? names.joined(separator: " or ") : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        if matches.allSatisfy({ $0.kind == .quoted }) { return "This is what \(who) logs, not the request: " }
        return "This is \(who)'s answer, not the request: "
    }

    /// An error code no profile's answer explains: what the profiles' notes say about it.
    private func codeNoteLines(_ code: String, server: String?, texts: ServerTexts) -> [String] {
        let profiles = texts.profiles.profiles.filter { server == nil || $0.id == server }
        var out: [String] = []
        for p in profiles {
            let notes = (p.notes ?? []).filter { $0.contains(code) }
            guard !notes.isEmpty else { continue }
            if out.isEmpty {
                out += Text.wrap("No server profile answers with error \"\(code)\" today.", width: options.width, indent: "")
            }
            out.append("")
            out += Text.wrap("What the \(p.name) profile notes:", width: options.width, indent: "")
            for n in notes { out += Text.wrap(n, width: options.width, indent: "    ", first: "  - ") }
        }
        return out
    }

    /// The same as JSON: no results, the answer, the rules that produce it (`server_texts`: each
    /// server's answer matched, also for rules with no catalog entry yet), what to paste.
    public func serverAnswerAloneJSON(_ answer: ServerAnswerInput, lookup: ExplainLookup, catalog: Catalog = .bundled) -> String {
        var rules: [CatalogEntry]
        var matched: [ServerTexts.AnswerText] = []
        switch lookup {
        case .serverText(let m):
            matched = m
            rules = lookup.ruleIDs.compactMap { catalog[$0] }
        case .errorCode(_, let e), .closest(let e, _): rules = e
        case .rule, .unknownRule, .noMatch: rules = answer.status.map { answer.isStatusOnly ? ServerAnswerInput.rules(answering: $0, from: answer.profile) : [] } ?? []
        }
        return JSONBuild.object([
            ("results", .array([])),
            ("server_answer_only", JSONBuild.object([("status", JSONBuild.int(answer.status)),
                                                     ("error", JSONBuild.string(answer.error)),
                                                     ("error_description", JSONBuild.string(answer.errorDescription))])),
            ("rules", .array(rules.map(CatalogReporter().entryJSON))),
            ("server_texts", .array(matched.map { CatalogReporter().serverTextJSON($0, catalog: catalog) })),
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

    /// An answer with a status and nothing else: the error codes Okta answers with at that
    /// status, with how many rules give each (the body's error_description tells them apart).
    private func statusOnlyLines(_ status: Int, from profile: ServerProfile?) -> [String] {
        let entries = ServerAnswerInput.rules(answering: status, from: profile)
        guard !entries.isEmpty else {
            return Text.wrap("No rule answers with status \(status).", width: options.width, indent: "")
        }
        var counts: [(code: String, count: Int)] = []
        for e in entries {
            let code = (profile.flatMap { $0.answers?[e.id] } ?? e.primaryAnswer)?.error ?? "?"
            if let k = counts.firstIndex(where: { $0.code == code }) { counts[k].count += 1 } else { counts.append((code, 1)) }
        }
        let list = counts.sorted { $0.count > $1.count }
            .map { "\"\($0.code)\" (\($0.count) rule\($0.count == 1 ? "" : "s"), `assertlint explain \($0.code)`)" }
        return Text.wrap("The answer shows the status only, without the response body. \(entries.count) rules answer \(status): with error \(list.joined(separator: " or ")). The body's error_description tells them apart.",
                            width: options.width, indent: "")
    }

    /// Each rule with its answer: the server's whose text (else error code) is the pasted one,
    /// else the first server's.
    private func entryLines(_ entries: [CatalogEntry], answering pasted: ServerAnswerInput? = nil) -> [String] {
        func norm(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        var out: [String] = []
        for e in entries {
            out.append("")
            out.append(style.severity(e.severity, e.id) + "  " + style.bold(e.title))
            let answers = e.serverAnswers.map(\.answer)
            let shown = pasted?.errorDescription.flatMap { d in answers.first { $0.errorDescription.map(norm) == norm(d) } }
                ?? pasted?.error.flatMap { code in answers.first { $0.error == code } }
                ?? e.primaryAnswer
            if let o = shown, let d = o.errorDescription {
                out += Text.wrap("\(o.status.map(String.init) ?? "") \(o.error ?? "") \"\(d)\"".trimmingCharacters(in: .whitespaces),
                                 width: options.width, indent: "    ", first: "  ")
            }
            out += Text.wrap(Self.firstSentence(e.explanation), width: options.width, indent: "  ")
            out += Text.wrap("fix: " + e.genericFix, width: options.width, indent: "       ", first: "  ")
        }
        return out
    }
}
