import Foundation

/// `rules` and `explain` output, from the catalog.
public struct CatalogReporter: Sendable {
    public var options: ReportOptions
    public init(options: ReportOptions = ReportOptions()) { self.options = options }

    private var style: Style { Style(on: options.color) }

    /// The profiles' answers in short (`401 invalid_client`), the distinct ones joined.
    static func answerShort(_ e: CatalogEntry) -> String {
        // One cell per error code, with every status the servers answer it with: "400/401 invalid_client".
        var codes: [String] = []
        var statuses: [String: Set<Int>] = [:]
        for (_, o) in e.serverAnswers {
            guard let code = o.error else { continue }
            if statuses[code] == nil { codes.append(code) }
            statuses[code, default: []].formUnion(o.status.map { [$0] } ?? [])
        }
        let cells = codes.map { code in
            let s = (statuses[code] ?? []).sorted().map(String.init).joined(separator: "/")
            return s.isEmpty ? code : "\(s) \(code)"
        }
        return cells.isEmpty ? "-" : cells.joined(separator: ", ")
    }

    /// Each distinct answer (status and error) with the servers that give it, as reports name
    /// them: "401 invalid_client (Okta, Microsoft Entra ID); 400 invalid_client (Keycloak)".
    static func answersByServer(_ e: CatalogEntry) -> String? {
        var groups: [(answer: String, servers: [String])] = []
        for (p, o) in e.serverAnswers {
            guard let code = o.error else { continue }
            let answer = [o.status.map(String.init), code].compactMap { $0 }.joined(separator: " ")
            let name = p.speaker.hasPrefix("the ") ? p.name : p.speaker
            if let g = groups.firstIndex(where: { $0.answer == answer }) {
                if !groups[g].servers.contains(name) { groups[g].servers.append(name) }
            } else {
                groups.append((answer, [name]))
            }
        }
        return groups.isEmpty ? nil : groups.map { "\($0.answer) (\($0.servers.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// One server's answer in short (`401 invalid_client`), its `default` for an error without
    /// its own; "-" when it has none, "n/a" when the rule is another server's.
    static func answerShort(_ e: CatalogEntry, for profile: ServerProfile) -> String {
        if let only = e.profiles, !only.contains(profile.id) { return "n/a" }
        guard let o = profile.answer(for: e.id, variant: nil, isError: e.severity == .error), let code = o.error else { return "-" }
        let own = profile.answers?[e.id] != nil
        return [o.status.map(String.init), code].compactMap { $0 }.joined(separator: " ") + (own ? "" : " (default)")
    }

    /// One row per rule: id, severity and title within the width (the title wraps when it keeps
    /// 40 columns, otherwise it goes under the id). Every server's answer is on its own line
    /// under the row, since several servers do not fit a column; with `server`, that server's
    /// answer is a column of its own.
    public func rulesTable(_ catalog: Catalog, server: ServerProfile? = nil) -> String {
        let w = options.width
        let answers = catalog.entries.map { e in server.map { Self.answerShort(e, for: $0) } }
        var columns: [(head: String, cells: [String])] = [("RULE", catalog.ids), ("SEVERITY", catalog.entries.map(\.severity.rawValue))]
        if server != nil { columns.append(("ANSWER", answers.map { $0 ?? "-" })) }
        let widths = columns.map { c in ([c.head] + c.cells).map(\.count).max() ?? 0 }
        let titleColumn = widths.reduce(0, +) + 2 * widths.count
        let titleWidth = w - titleColumn
        let underneath = titleWidth < 40
        func cells(_ values: [String], _ sev: Severity?) -> String {
            zip(values, widths).enumerated().map { k, pair in
                let padded = pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                return k == 1 ? (sev.map { style.severity($0, padded) } ?? padded) : padded
            }.joined(separator: "  ")
        }
        func row(_ values: [String], _ title: String, _ sev: Severity?) -> [String] {
            if underneath || titleColumn > w {
                let head = titleColumn > w ? values.joined(separator: "  ") : cells(values, sev).trimmingTrailingSpaces
                let first = Text.columns(head) <= w ? [head] : Text.wrap(head, width: w, indent: "    ", first: "")
                return first + Text.wrap(title, width: w, indent: "    ")
            }
            let lines = Text.wrap(title, width: titleWidth, indent: "")
            let pad = String(repeating: " ", count: titleColumn)
            return [cells(values, sev) + "  " + (lines.first ?? "")] + lines.dropFirst().map { pad + $0 }
        }
        var out = row(columns.map(\.head), "TITLE", nil).map(style.bold)
        for (k, e) in catalog.entries.enumerated() {
            out += row(columns.map { $0.cells[k] }, e.title, e.severity)
            if server == nil, let all = Self.answersByServer(e) {
                out += Text.wrap("answer: " + all, width: w, indent: "      ", first: "    ").map(style.dim)
            }
        }
        out.append("")
        let how = server.map { " ANSWER is what \($0.name) answers (`(default)`: its answer for any failure it has no text of its own for; `n/a`: a rule of another server)." }
            ?? " Under each rule: what the servers answer; `--server ID` shows one server's answer as a column."
        out += Text.wrap("\(Text.plural(catalog.entries.count, "rule")). `assertlint explain RULE` prints one in full.\(how)",
                         width: w, indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    public func rulesJSON(_ catalog: Catalog) -> String {
        JSONBuild.object([("rules", .array(catalog.entries.map(entryJSON)))]).prettyText + "\n"
    }

    public func entryJSON(_ e: CatalogEntry) -> JSONValue {
        let answers: [JSONValue] = e.serverAnswers.map { p, o in
            var members: [(String, JSONValue)] = [
                ("server", .string(p.id)),
                ("status", JSONBuild.int(o.status)),
                ("error", JSONBuild.string(o.error)),
                ("error_description", JSONBuild.string(o.errorDescription)),
                ("verbatim", .bool(o.verbatim)),
                ("check_order", JSONBuild.int(p.rank(of: e.id).map { $0 + 1 })),
            ]
            members.append(("note", JSONBuild.string(o.note)))
            members.append(("source", JSONBuild.string(o.source)))
            if let variants = o.variants, !variants.isEmpty {
                members.append(("variants", .array(variants.map { v in
                    JSONBuild.object([
                        ("name", JSONBuild.string(v.name)),
                        ("when", JSONBuild.string(v.when)),
                        ("status", JSONBuild.int(v.status ?? o.status)),
                        ("error", JSONBuild.string(v.error ?? o.error)),
                        ("error_description", JSONBuild.string(v.errorDescription)),
                        ("verbatim", .bool(v.verbatim ?? o.verbatim)),
                        ("note", JSONBuild.string(v.note)),
                        ("source", JSONBuild.string(v.source)),
                    ])
                })))
            }
            return JSONBuild.object(members)
        }
        return JSONBuild.object([
            ("id", .string(e.id)),
            ("title", .string(e.title)),
            ("severity", .string(e.severity.rawValue)),
            ("profiles", e.profiles.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("answers", .array(answers)),
            ("explanation", .string(e.explanation)),
            ("fix", .string(e.genericFix)),
            ("references", .array(e.references.map(JSONValue.string))),
        ])
    }

    /// The full catalog entry.
    public func explain(_ e: CatalogEntry) -> String {
        let w = options.width
        var out = Text.wrap("\(e.id): \(e.title)", width: w, indent: "  ", first: "").map(style.bold)
        out += ["severity: " + style.severity(e.severity, e.severity.rawValue), ""]
        // Profiles that answer alike are shown once (Okta's Org and custom servers).
        var groups: [(profiles: [ServerProfile], answer: ServerAnswer)] = []
        for (p, o) in e.serverAnswers {
            var plain = o
            plain.profile = ""
            if let g = groups.firstIndex(where: { $0.answer == plain && $0.profiles[0].rank(of: e.id) == p.rank(of: e.id) }) {
                groups[g].profiles.append(p)
            } else {
                groups.append(([p], plain))
            }
        }
        for (i, g) in groups.enumerated() {
            let o = g.answer
            let names = g.profiles.map(\.name)
            let who = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            let speaker = g.profiles[0].speaker
            if i > 0 { out.append("") }
            out.append(style.bold("\(who) \(names.count == 1 ? "answers" : "answer"):"))
            if let status = o.status { out.append("  HTTP \(status) \(TextReporter.reasonPhrase(status))".trimmingTrailingSpaces) }
            let (errorKey, descriptionKey) = o.apiErrorShape == true ? ("errorCode", "errorSummary") : ("error", "error_description")
            if let error = o.error { out += Text.wrap("\(errorKey): \(error)", width: w, indent: "    ", first: "  ") }
            if let d = o.errorDescription { out += Text.wrap("\(descriptionKey): \"\(d)\"", width: w, indent: "    ", first: "  ") }
            out += Text.wrap("This is \(o.wordingLabel(speaker)).", width: w, indent: "  ")
            if let note = o.note { out += Text.wrap("Note: " + note, width: w, indent: "  ") }
            if let source = o.source { out += Text.wrap("Source: \(source).", width: w, indent: "  ") }
            for variant in o.variants ?? [] {
                let v = o.applying(variant)
                let when = variant.when.map { "When \($0)" } ?? "Variant"
                var head = "\(when)\(variant.name.map { " (\($0))" } ?? ""):"
                if let status = v.status { head += " HTTP \(status)" }
                out += Text.wrap(head + " " + v.body + " (\(v.wordingLabel(speaker))).", width: w, indent: "    ", first: "  ")
                if let note = v.note { out += Text.wrap("Note: " + note, width: w, indent: "    ") }
                if let source = v.source { out += Text.wrap("Source: \(source).", width: w, indent: "    ") }
            }
            if let rank = g.profiles[0].rank(of: e.id), let steps = g.profiles[0].checkOrder?.steps.count {
                out += Text.wrap("Check order: step \(rank + 1) of \(steps) (\(speaker) answers with the first check that fails).",
                                 width: w, indent: "  ")
            }
        }
        if groups.isEmpty {
            out.append(style.bold("Server answers"))
            out += Text.wrap("No server profile records an answer for this; assertlint reports it because it causes trouble later.",
                             width: w, indent: "  ")
        }
        if let profiles = e.profiles {
            out += Text.wrap("Applies to: \(profiles.joined(separator: ", ")).", width: w, indent: "  ")
        }
        out.append("")
        out.append(style.bold("Why"))
        out += Text.wrap(e.explanation, width: w, indent: "  ")
        if let general = e.refines {
            out += Text.wrap("A special case of `\(general)`: both fire on the same mistake, and `diagnose` shows them as one finding.",
                             width: w, indent: "  ")
        }
        out.append("")
        out.append(style.bold("Fix"))
        out += Text.wrap(e.genericFix, width: w, indent: "  ")
        if !CatalogEntry.placeholderNames(in: e.fix).isEmpty {
            out += Text.wrap("(The values are examples; `assertlint diagnose` fills in those of your request.)", width: w, indent: "  ").map(style.dim)
        }
        if !e.references.isEmpty {
            out.append("")
            out.append(style.bold("References"))
            out += e.references.map { "  - " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// How much of a rule's explanation a list of matches shows.
    public enum ExplanationLength: Sendable { case paragraph, sentence }

    /// Pasted server text: for each server whose text it is, the rules that produce it there,
    /// each with that server's answer, what the profile notes about it, the cause and the fix.
    /// A rule with no catalog entry yet is listed with its answer and notes. A server that sends
    /// only an error code gets the list of its checks that answer so, and, when it is the only
    /// server, what its profile says it checks.
    public func serverTextLines(_ matches: [ServerTexts.AnswerText], catalog: Catalog = .bundled, texts: ServerTexts = .bundled,
                                explanation: ExplanationLength = .paragraph) -> [String] {
        let w = options.width
        // One group per server as reports name it: Okta's Org and custom servers are one "Okta".
        var servers: [String] = []
        for m in matches where !servers.contains(m.answer.speaker) { servers.append(m.answer.speaker) }
        var out: [String] = []
        for (n, speaker) in servers.enumerated() {
            let mine = matches.filter { $0.answer.speaker == speaker }
            var rules: [ServerTexts.AnswerText] = []
            for m in mine where !rules.contains(where: { $0.ruleID == m.ruleID }) { rules.append(m) }
            let id = mine.first?.profileID ?? ""
            let name = speaker.hasPrefix("the ") ? (texts.profiles[id]?.name ?? speaker) : speaker
            let count = rules.filter { $0.ruleID != "default" }.count
            let checks = count == 0 ? "any check" : Text.plural(count, "rule")
            if n > 0 { out.append("") }
            if mine.allSatisfy({ $0.kind == .codeOnly }) {
                let code = mine.first?.answer.error ?? ""
                out += Text.wrap("\(name) sends only \"\(code)\" for \(count == 0 ? "any check" : Text.plural(count, "check")); the response cannot tell them apart:",
                                 width: w, indent: "")
            } else if mine.allSatisfy({ $0.kind == .quoted }) {
                out += Text.wrap("\(name) logs this (the client sees less) for \(checks):", width: w, indent: "")
            } else {
                out += Text.wrap("\(name) answers with this text for \(checks):", width: w, indent: "")
            }
            for m in rules {
                out.append("")
                let entry = catalog[m.ruleID]
                // The rule's id, two spaces, what it is: on one line as the rule lists do.
                func heading(_ id: String, _ rest: String) -> [String] {
                    let first = Text.wrap(rest, width: max(20, w - Text.columns(id) - 2), indent: "", first: "")
                    return [id + "  " + (first.first ?? "")] + Text.wrap(first.dropFirst().joined(separator: " "), width: w, indent: "    ")
                }
                if m.ruleID == "default" {
                    out += heading(style.bold("any other check"), "the answer for a failure \(name) has no text of its own for")
                } else if let entry {
                    out.append(style.severity(entry.severity, entry.id) + "  " + style.bold(entry.title))
                } else {
                    out += heading(style.bold(m.ruleID), "(no catalog entry yet: the check is not written; the answer is the profile's)")
                }
                let o = m.answer
                var said = [o.status.map(String.init), o.error].compactMap { $0 }.joined(separator: " ")
                if let d = o.errorDescription { said += (said.isEmpty ? "" : " ") + "\"\(d)\"" }
                var label = o.wordingLabel(o.speaker)
                if case .variant(let when) = m.kind, let when { label = "\(when); " + label }
                if m.kind == .codeOnly { label = o.verbatim ? "the whole body, \(o.speaker)'s" : "any text beside it is not known" }
                if !said.isEmpty { out += Text.wrap("\(said) (\(label))", width: w, indent: "    ", first: "  ") }
                if m.kind == .quoted { out += Text.wrap("logged: \"\(m.text)\"", width: w, indent: "    ", first: "  ") }
                if let note = o.note { out += Text.wrap("Note: " + note, width: w, indent: "    ", first: "  ") }
                guard let entry else { continue }
                let why = explanation == .paragraph ? entry.explanation.components(separatedBy: "\n\n")[0]
                                                    : ServerAnswerReporter.firstSentence(entry.explanation)
                out += Text.wrap(why, width: w, indent: "  ")
                out += Text.wrap("fix: " + entry.genericFix, width: w, indent: "       ", first: "  ")
            }
            // A server that says nothing specific (only its code, or its catch-all answer): what its
            // profile says it checks is what there is to go on.
            let silent = mine.allSatisfy { $0.kind == .codeOnly } || rules.allSatisfy { $0.ruleID == "default" }
            let notes = silent && servers.count == 1 ? (texts.profiles[id]?.notes ?? []) : texts.notes(about: mine, of: id)
            if !notes.isEmpty {
                out.append("")
                out += Text.wrap("What the \(name) profile notes:", width: w, indent: "")
                for note in notes { out += Text.wrap(note, width: w, indent: "    ", first: "  - ") }
            }
        }
        if servers.count > 1, matches.allSatisfy({ $0.kind == .codeOnly }) {
            out.append("")
            out += Text.wrap("`--server ID` names the server and lists what it checks.", width: w, indent: "")
        }
        return out
    }

    /// Each match as JSON: the server, the rule (and whether the catalog has it), the answer.
    public func serverTextJSON(_ m: ServerTexts.AnswerText, catalog: Catalog = .bundled) -> JSONValue {
        let kind: String
        switch m.kind {
        case .response: kind = "response"
        case .variant: kind = "variant"
        case .quoted: kind = "logged"
        case .codeOnly: kind = "code_only"
        }
        return JSONBuild.object([
            ("server", .string(m.profileID)),
            ("rule", .string(m.ruleID)),
            ("in_catalog", .bool(catalog[m.ruleID] != nil)),
            ("matched", .string(kind)),
            ("text", m.kind == .codeOnly ? .null : .string(m.text)),
            ("status", JSONBuild.int(m.answer.status)),
            ("error", JSONBuild.string(m.answer.error)),
            ("error_description", JSONBuild.string(m.answer.errorDescription)),
            ("verbatim", .bool(m.answer.verbatim)),
            ("note", JSONBuild.string(m.answer.note)),
        ])
    }

    /// `explain` for pasted server text.
    public func matches(_ found: [ServerTexts.AnswerText], catalog: Catalog = .bundled, texts: ServerTexts = .bundled) -> String {
        var out = serverTextLines(found, catalog: catalog, texts: texts)
        out.append("")
        out += Text.wrap("`assertlint explain RULE` prints a rule in full; `assertlint diagnose` checks a request for all of them.",
                         width: options.width, indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    /// The rules that produce pasted server text, each with its cause.
    /// `pasted` is the text looked up: each rule shows the answer of the server whose text it is.
    public func matches(_ entries: [CatalogEntry], errorCode: String? = nil, pasted: String? = nil) -> String {
        func norm(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let wanted = pasted.map(norm) ?? ""
        func answer(_ e: CatalogEntry) -> (profile: ServerProfile, answer: ServerAnswer)? {
            let quoted = e.serverAnswers.first { a in
                guard let d = a.answer.errorDescription.map(norm), d.count >= 12 else { return false }
                return wanted.contains(d)
            }
            return quoted ?? errorCode.flatMap { code in e.serverAnswers.first { $0.answer.error == code } } ?? e.serverAnswers.first
        }
        var out: [String] = []
        if let errorCode {
            out += Text.wrap("No rule answers with that exact text; these rules answer with error \"\(errorCode)\":",
                             width: options.width, indent: "")
        } else {
            let who = entries.first.flatMap(answer)?.profile.speakerCapitalized ?? "The server"
            out.append(entries.count == 1 ? "\(who) answers with this text for 1 rule:" : "\(who) answers with this text for \(entries.count) rules:")
        }
        for e in entries {
            out.append("")
            out.append(style.severity(e.severity, e.id) + "  " + style.bold(e.title))
            if let (p, o) = answer(e), let d = o.errorDescription {
                out += Text.wrap("\(o.status.map(String.init) ?? "") \(o.error ?? "") \"\(d)\" (\(o.wordingLabel(p.speaker)))",
                                 width: options.width, indent: "    ", first: "  ")
            }
            // Matching only the error code says little about the cause: list, don't explain.
            guard errorCode == nil else { continue }
            let firstParagraph = e.explanation.components(separatedBy: "\n\n")[0]
            out += Text.wrap(firstParagraph, width: options.width, indent: "  ")
            out += Text.wrap("fix: " + e.genericFix, width: options.width, indent: "       ", first: "  ")
        }
        out.append("")
        out += Text.wrap("`assertlint explain RULE` prints a rule in full; `assertlint diagnose` checks a request for all of them.",
                         width: options.width, indent: "")
        return out.joined(separator: "\n") + "\n"
    }
}
