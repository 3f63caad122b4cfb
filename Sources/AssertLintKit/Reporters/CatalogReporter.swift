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

    /// One row per rule: id, severity, the servers' status and error, title, within the width: the
    /// title column wraps when it keeps 30 columns, otherwise each title goes under its row.
    public func rulesTable(_ catalog: Catalog) -> String {
        let head = ("RULE", "SEVERITY", "ANSWER", "TITLE")
        let rows = catalog.entries.map { ($0.id, $0.severity.rawValue, Self.answerShort($0), $0.title) }
        let w0 = (rows.map(\.0.count) + [head.0.count]).max() ?? 0
        let w1 = (rows.map(\.1.count) + [head.1.count]).max() ?? 0
        let w2 = (rows.map(\.2.count) + [head.2.count]).max() ?? 0
        let titleColumn = w0 + w1 + w2 + 6
        let titleWidth = options.width - titleColumn
        let underneath = titleWidth < 30
        func cells(_ r: (String, String, String, String), _ sev: Severity?) -> String {
            let severity = r.1.padding(toLength: w1, withPad: " ", startingAt: 0)
            return [r.0.padding(toLength: w0, withPad: " ", startingAt: 0),
                    sev.map { style.severity($0, severity) } ?? severity,
                    r.2.padding(toLength: w2, withPad: " ", startingAt: 0)].joined(separator: "  ")
        }
        // Too narrow even for the three short columns: the answer goes under the id, before the title.
        let narrow = w0 + w1 + w2 + 4 > options.width
        func row(_ r: (String, String, String, String), _ sev: Severity?) -> [String] {
            if narrow {
                let severity = sev.map { style.severity($0, r.1) } ?? r.1
                let title = r.2 == "-" ? r.3 : "\(r.2): \(r.3)"
                return Text.wrap("\(r.0)  \(severity)", width: options.width, indent: "    ", first: "")
                    + Text.wrap(title, width: options.width, indent: "    ")
            }
            if underneath {
                return [cells(r, sev).trimmingTrailingSpaces] + Text.wrap(r.3, width: options.width, indent: "    ")
            }
            let title = Text.wrap(r.3, width: titleWidth, indent: "")
            let pad = String(repeating: " ", count: titleColumn)
            return [cells(r, sev) + "  " + (title.first ?? "")] + title.dropFirst().map { pad + $0 }
        }
        var out = narrow ? [style.bold("RULE  SEVERITY"), style.bold("    ANSWER: TITLE")] : row(head, nil).map(style.bold)
        for (r, e) in zip(rows, catalog.entries) { out += row(r, e.severity) }
        out.append("")
        out += Text.wrap("\(Text.plural(catalog.entries.count, "rule")). `assertlint explain RULE` prints one in full.",
                         width: options.width, indent: "")
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
