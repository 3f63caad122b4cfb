import Foundation

/// `rules` and `explain` output, from the catalog.
public struct CatalogReporter: Sendable {
    public var options: ReportOptions
    public init(options: ReportOptions = ReportOptions()) { self.options = options }

    private var style: Style { Style(on: options.color) }

    static func oktaShort(_ e: CatalogEntry) -> String {
        guard let o = e.okta else { return "-" }
        return [o.status.map(String.init), o.error].compactMap { $0 }.joined(separator: " ")
    }

    /// One row per rule: id, severity, Okta's status and error, title, within the width: the
    /// title column wraps when it keeps 30 columns, otherwise each title goes under its row.
    public func rulesTable(_ catalog: Catalog) -> String {
        let head = ("RULE", "SEVERITY", "OKTA", "TITLE")
        let rows = catalog.entries.map { ($0.id, $0.severity.rawValue, Self.oktaShort($0), $0.title) }
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
        // Too narrow even for the three short columns: Okta's answer goes under the id, before the title.
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
        var out = narrow ? [style.bold("RULE  SEVERITY"), style.bold("    OKTA: TITLE")] : row(head, nil).map(style.bold)
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
        var okta: JSONValue = .null
        if let o = e.okta {
            var members: [(String, JSONValue)] = [
                ("status", JSONBuild.int(o.status)),
                ("error", JSONBuild.string(o.error)),
                ("error_description", JSONBuild.string(o.errorDescription)),
                ("verbatim", .bool(o.verbatim)),
                ("precedence", JSONBuild.int(o.precedence)),
            ]
            members.append(("note", JSONBuild.string(o.note)))
            members.append(("source", JSONBuild.string(o.source)))
            if let variants = o.variants, !variants.isEmpty {
                members.append(("variants", JSONBuild.object(variants.sorted { $0.key < $1.key }.map { name, v in
                    (name, JSONBuild.object([
                        ("when", JSONBuild.string(v.when)),
                        ("status", JSONBuild.int(v.status ?? o.status)),
                        ("error", JSONBuild.string(v.error ?? o.error)),
                        ("error_description", JSONBuild.string(v.errorDescription)),
                        ("verbatim", .bool(v.verbatim)),
                        ("note", JSONBuild.string(v.note)),
                        ("source", JSONBuild.string(v.source)),
                    ]))
                })))
            }
            okta = JSONBuild.object(members)
        }
        return JSONBuild.object([
            ("id", .string(e.id)),
            ("title", .string(e.title)),
            ("severity", .string(e.severity.rawValue)),
            ("okta", okta),
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
        if let o = e.okta {
            out.append(style.bold("Okta answers"))
            if let status = o.status { out.append("  HTTP \(status) \(TextReporter.reasonPhrase(status))".trimmingTrailingSpaces) }
            let (errorKey, descriptionKey) = o.apiErrorShape == true ? ("errorCode", "errorSummary") : ("error", "error_description")
            if let error = o.error { out += Text.wrap("\(errorKey): \(error)", width: w, indent: "    ", first: "  ") }
            if let d = o.errorDescription { out += Text.wrap("\(descriptionKey): \"\(d)\"", width: w, indent: "    ", first: "  ") }
            out += Text.wrap("This is \(o.wordingLabel).",
                             width: w, indent: "  ")
            if let note = o.note { out += Text.wrap("Note: " + note, width: w, indent: "  ") }
            if let source = o.source { out += Text.wrap("Source: Okta's error catalog, \(source) (okta/okta-developer-docs).", width: w, indent: "  ") }
            for (name, _) in (o.variants ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let v = o.variant(name) else { continue }
                let when = o.variants?[name]?.when.map { "When \($0)" } ?? "Variant"
                var head = "\(when) (\(name)):"
                if let status = v.status { head += " HTTP \(status)" }
                out += Text.wrap(head + " " + v.body + " (\(v.wordingLabel)).", width: w, indent: "    ", first: "  ")
                if let note = v.note { out += Text.wrap("Note: " + note, width: w, indent: "    ") }
                if let source = v.source { out += Text.wrap("Source: Okta's error catalog, \(source).", width: w, indent: "    ") }
            }
            out += Text.wrap("Check order: \(o.precedence) (Okta answers with the first check that fails; lower runs earlier).",
                             width: w, indent: "  ")
        } else {
            out.append(style.bold("Okta answers"))
            out += Text.wrap("Okta does not reject a request for this; assertlint reports it because it causes trouble later.",
                             width: w, indent: "  ")
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
    public func matches(_ entries: [CatalogEntry], errorCode: String? = nil) -> String {
        var out: [String] = []
        if let errorCode {
            out += Text.wrap("No rule answers with that exact text; these rules answer with error \"\(errorCode)\":",
                             width: options.width, indent: "")
        } else {
            out.append(entries.count == 1 ? "Okta answers with this text for 1 rule:" : "Okta answers with this text for \(entries.count) rules:")
        }
        for e in entries {
            out.append("")
            out.append(style.severity(e.severity, e.id) + "  " + style.bold(e.title))
            if let o = e.okta, let d = o.errorDescription {
                out += Text.wrap("\(o.status.map(String.init) ?? "") \(o.error ?? "") \"\(d)\" (\(o.wordingLabel))",
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
