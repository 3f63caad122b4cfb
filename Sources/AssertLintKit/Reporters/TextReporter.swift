import Foundation

/// The text diagnosis. A terminal shows the end of the output, so each input ends with the
/// verdict: the server's answer and the one thing to change. Above it, one block per cause
/// (rule ids, the place, the offending value marked, what is wrong, the fix), like rustc and ruff.
/// `.verbose` adds how the input was read, the decoded request, app and assertion, and each
/// rule's explanation; `.brief` keeps only the fix lines and the verdict. Credentials are never
/// printed unless `showSecrets` is set.
public struct TextReporter: Sendable {
    public var options: ReportOptions
    /// Where explanations come from (the bundled catalog; tests pass their own).
    public var catalog: Catalog

    public init(options: ReportOptions = ReportOptions(), catalog: Catalog = .bundled) {
        self.options = options
        self.catalog = catalog
    }

    private var style: Style { Style(on: options.color) }

    public func report(_ diagnoses: [Diagnosis]) -> String {
        var lines: [String] = []
        for (n, d) in diagnoses.enumerated() {
            if n > 0 { lines.append("") }
            lines += subject(d, heading: diagnoses.count > 1 ? Self.heading(d.subject, n + 1, of: diagnoses.count) : nil)
        }
        if diagnoses.count > 1 {
            // Causes, as each input's own count: one mistake that two rules report is one error.
            let causes = diagnoses.flatMap { $0.causes(in: catalog) }
            let total = Text.summary(errors: causes.filter { $0.severity == .error }.count,
                                     warnings: causes.filter { $0.severity == .warning }.count,
                                     infos: causes.filter { $0.severity == .info }.count)
            lines.append("")
            // Requests read from one paste are requests; from several files, inputs.
            let what = Set(diagnoses.map(\.subject.source)).count == 1 ? "requests" : "inputs"
            lines.append(style.bold("\(diagnoses.count) \(what): \(total)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var width: Int { options.width }
    private var verbose: Bool { options.detail == .verbose }

    /// "Request 2 of 3: POST https://…/v1/introspect (entry 5)": one of several requests in a paste.
    static func heading(_ s: Subject, _ n: Int, of total: Int) -> String {
        guard let request = s.request else {
            return "Request \(n) of \(total)" + (s.entry.map { ": " + Escape.line($0) } ?? "")
        }
        let line = "\(request.method) \(request.url)"
        var place = s.entry
        if let entry = s.entry, entry.hasSuffix(": " + line) { place = String(entry.dropLast(line.count + 2)) }
        else if s.entry == line { place = nil }
        return "Request \(n) of \(total): \(Escape.line(line))" + (place.map { " (\(Escape.line($0)))" } ?? "")
    }

    func subject(_ d: Diagnosis, heading: String? = nil) -> [String] {
        let s = d.subject
        let source = s.source == "-" ? "(standard input)" : s.source
        let title = heading.map { s.source == "-" ? $0 : "\($0) in \(Escape.line(source))" }
            ?? s.entry.map { "\(Escape.line(source)) (\(Escape.line($0)))" } ?? Escape.line(source)
        var lines: [String] = Text.wrap(title, width: width, indent: "  ", first: "").map(style.bold)
        let causes = d.causes(in: catalog)
        let answer = causes.first(where: \.isServerAnswer)
        switch options.detail {
        case .brief:
            for c in causes where c.lead.fix != nil && !c.isServerAnswer {
                lines += fixLines(c, labelled: true)
            }
        case .concise, .verbose:
            // The profile choice is listed with the verbose steps; the concise count is of the
            // reading steps only (every input has a profile).
            if !s.notes.isEmpty || (verbose && s.profileChoice != nil) {
                if verbose {
                    lines.append("")
                    lines.append("How your input was read:")
                    for note in s.notes { lines += Text.wrap(Escape.line(note), width: width, indent: "    ", first: "  - ") }
                    if let choice = s.profileChoice {
                        lines += Text.wrap(Escape.line("judged as \(s.profile.name) (server profile \(choice.profileID)): \(choice.reason)"),
                                           width: width, indent: "    ", first: "  - ")
                    }
                } else {
                    // What online mode sent where (and what it did not read, and why) is shown in
                    // every mode: a user must see which origin received a request.
                    let online = s.notes.filter { $0.hasPrefix("online: ") }
                    let reading = s.notes.count - online.count
                    if reading > 0 {
                        lines += Text.wrap("How your input was read: \(Text.plural(reading, "step")), listed by --verbose.",
                                           width: width, indent: "  ", first: "").map(style.dim)
                    }
                    for note in online { lines += Text.wrap(Escape.line(note), width: width, indent: "    ", first: "  ") }
                }
            }
            if verbose {
                lines.append("")
                lines += request(s)
                lines += app(s.app)
                lines += assertion(s)
            } else {
                lines += target(s)
                // What the assertion is when it is not a token to decode, if no finding says it.
                switch s.assertion {
                case .unseen: lines += assertion(s)
                case .malformed: if !causes.contains(where: { $0.pointer == Location.assertion }) { lines += assertion(s) }
                case .absent: lines += assertion(s).filter { !$0.isEmpty && !$0.hasSuffix("none in the request") }.flatMap { ["", $0] }
                case .decoded: break
                }
            }
            if let reported = s.reportedAnswer {
                lines.append("")
                lines += reportedAnswer(reported, prediction: answer?.answer)
            }
            for c in causes {
                lines.append("")
                // The verdict repeats the fix of the cause it names: the server's answer, or, when
                // the profile records none, the first error.
                let named = answer.map { $0.pointer == c.pointer && $0.ruleIDs == c.ruleIDs }
                    ?? (causes.first(where: { $0.severity == .error }).map { $0.pointer == c.pointer && $0.ruleIDs == c.ruleIDs } ?? false)
                lines += block(c, in: s, fixInVerdict: named)
            }
            if !d.unjudged.isEmpty {
                lines.append("")
                lines += notChecked(d.unjudged)
            }
        }
        lines.append("")
        lines += verdict(d, causes: causes, answer: answer)
        return lines.flatMap(fitted)
    }

    /// A line wider than the width (a decoded JSON member, a long time or URL line) wrapped at
    /// its spaces under its own indentation; what is left wider is a value to copy, alone.
    func fitted(_ line: String) -> [String] {
        guard Text.columns(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let wrapped = Text.wrap(String(line.dropFirst(indent.count)), width: width, indent: indent + "  ", first: indent)
        return wrapped.isEmpty ? [line] : wrapped
    }

    /// The request judged, on one line (two when it is long).
    func target(_ s: Subject) -> [String] {
        guard let r = s.request else {
            guard let t = s.target else { return ["Token (no request: only the assertion is judged)"] }
            let line = "Token judged for \(Escape.line(t.endpointURL))", place = " (\(targetDescription(t)))"
            return Text.columns(line + place) <= width ? [line + place] : Text.wrap(line, width: width, indent: "  ", first: "")
        }
        let place = s.target.map { " (\(targetDescription($0)))" } ?? " (not an absolute URL: the server cannot be told)"
        let line = requestLine(r)
        // The server's description when it fits on the line (`--verbose` always shows it).
        return Text.columns(line + place) <= width ? [line + place] : Text.wrap(line, width: width, indent: "  ", first: "")
    }

    /// `METHOD URL`, both escaped: a HAR entry's method or URL may hold a line break.
    func requestLine(_ r: TokenRequest) -> String {
        "\(Escape.line(r.method)) \(Escape.line(Text.url(r.url, showSecrets: options.showSecrets)))"
    }

    /// What could not be checked and what would let it be: one line per need with `--verbose`,
    /// otherwise the rule ids with the flag that would help, in as few lines as fit.
    func notChecked(_ unjudged: [FindingSink.Unjudged]) -> [String] {
        var needs: [(need: String, rules: [String])] = []
        for u in unjudged {
            if let i = needs.firstIndex(where: { $0.need == u.needs }) {
                if !needs[i].rules.contains(u.ruleID) { needs[i].rules.append(u.ruleID) }
            } else {
                needs.append((u.needs, [u.ruleID]))
            }
        }
        if verbose {
            var lines = [style.bold("Not checked:")]
            for (need, rules) in needs {
                let verb = rules.count == 1 ? "needs" : "need"
                lines += Text.wrap("\(rules.joined(separator: ", ")) \(verb) \(need)", width: width, indent: "    ", first: "  - ")
            }
            return lines
        }
        let parts = needs.map { need, rules -> String in
            let flag = Self.flag(in: need).map { "give \($0)" } ?? need
            return "\(rules.joined(separator: ", ")) (\(flag))"
        }
        return Text.wrap("Not checked: " + parts.joined(separator: "; ") + "; --verbose says more.", width: width, indent: "  ", first: "")
    }

    /// The first `--flag` a need names.
    static func flag(in need: String) -> String? {
        need.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;()")) }
            .first { $0.hasPrefix("--") && $0.count > 2 }
    }

    /// The last lines of an input's report: what the server will answer, the one thing to change,
    /// which answers follow once it is changed, and the count.
    func verdict(_ d: Diagnosis, causes: [Cause], answer: Cause?) -> [String] {
        var lines: [String] = []
        let errors = causes.filter { $0.severity == .error }
        if let answer, let said = answer.answer {
            let head = "\(d.subject.profile.speakerCapitalized) will answer:"
            var status = ""
            if let code = said.status { status = " HTTP \(code) \(Self.reasonPhrase(code))".trimmingTrailingSpaces }
            if let error = said.error { status += (status.isEmpty ? " " : ", ") + error }
            lines += Text.wrap(style.bold(head) + status, width: width, indent: "  ", first: "")
            if let description = said.errorDescription {
                lines += Text.wrap("\"\(description)\" (\(wording(said)))", width: width, indent: "  ")
            } else {
                lines += Text.wrap("(no error_description: \(wording(said)))", width: width, indent: "  ")
            }
            if verbose, !said.verbatim, let note = said.note {
                lines += Text.wrap(note, width: width, indent: "  ").map(style.dim)
            }
            lines += fixLines(answer, labelled: false)
            let next = d.remaining(after: answer, in: causes)
            if !next.isEmpty {
                let ids = next.map { $0.ruleIDs[0] }.joined(separator: ", ")
                lines += Text.wrap("\(d.subject.profile.speakerCapitalized) stops at its first failed check: once this is fixed, it refuses the request for \(ids) (above).",
                                   width: width, indent: "", first: "")
            }
        } else if let first = errors.first {
            // No known server answer (another server, or no answer in the catalog): the first error.
            lines += Text.wrap(style.bold("The server will refuse the request") + " (\(first.ruleIDs.joined(separator: ", ")) first).",
                               width: width, indent: "  ", first: "")
            lines += fixLines(first, labelled: false)
        }
        let summary = Text.summary(errors: errors.count,
                                   warnings: causes.filter { $0.severity == .warning }.count,
                                   infos: causes.filter { $0.severity == .info }.count)
        lines.append(d.count(.error) > 0 ? style.bold(style.red(summary)) : style.bold(style.green(summary)))
        return lines
    }

    /// `fix: ...`, or `fix[rule]: ...` where the cause is not named nearby (`--brief`).
    func fixLines(_ c: Cause, labelled: Bool) -> [String] {
        guard let fix = c.lead.fix else { return [] }
        let label = labelled ? "fix[\(c.ruleIDs[0])]: " : "fix: "
        return Text.wrap(label + Escape.line(fix), width: width, indent: "     ", first: "").map(style.green)
    }

    // MARK: - The decoded summary

    func targetDescription(_ t: ServerTarget) -> String {
        var name = t.profile.name
        if let id = t.authServerID { name += " '\(Escape.line(id))'" }
        var text = "\(name), \(t.endpoint.displayName)"
        if t.customDomain { text += " (custom URL domain)" }
        return text
    }

    func request(_ s: Subject) -> [String] {
        guard let r = s.request else {
            var lines = ["Token (no request: only the assertion is judged)"]
            if let t = s.target {
                lines.append("  judged for \(Escape.line(t.endpointURL))")
                lines.append("    " + style.dim(targetDescription(t)))
            }
            return lines
        }
        var lines = [style.bold("Request")]
        lines.append("  " + requestLine(r))
        if let t = s.target {
            lines.append("    " + style.dim(targetDescription(t)))
        } else {
            lines.append("    " + style.dim("(not an absolute URL: the server cannot be told)"))
        }
        for h in r.headers {
            lines.append("  \(Escape.line(h.name)): \(Escape.line(Text.headerValue(h, request: r, showSecrets: options.showSecrets)))")
        }
        switch r.body {
        case .none:
            break
        case .form(let fields):
            lines.append("  form body:")
            for f in fields { lines.append("    \(Escape.line(f.name))=\(Escape.line(Text.formValue(f, showSecrets: options.showSecrets)))") }
        case .raw(let text):
            lines.append("  body (\(text.utf8.count) bytes, not form-encoded):")
            lines += rawBody(text).map { "    " + Escape.line($0) }
        }
        return lines
    }

    /// A non-form body with credentials hidden: a JSON object is shown with its secret members
    /// redacted, anything else is cut short.
    func rawBody(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if options.showSecrets { return trimmed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        if case .object(var o)? = try? JSONParser.parse(trimmed) {
            for i in o.members.indices {
                let field = FormField(name: o.members[i].key, value: o.members[i].value.stringValue ?? o.members[i].value.compactText)
                let shown = Text.formValue(field, showSecrets: false)
                if shown != field.value { o.members[i].value = .string(shown) }
            }
            return JSONValue.object(o).prettyText.split(separator: "\n").map(String.init)
        }
        if trimmed.contains("="), !trimmed.contains("\n") {
            let fields = FormEncoding.fields(trimmed)
            return [fields.map { "\($0.name)=\(Text.formValue($0, showSecrets: false))" }.joined(separator: "&")]
        }
        let cut = trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
        return cut.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map(String.init)
    }

    func app(_ app: AppRegistration) -> [String] {
        var rows: [(String, String)] = []
        func origin(_ key: String, flag: String) -> String {
            switch app.provenance[key] {
            case .flag: return " (\(flag))"
            case .fixture: return " (fixture)"
            case .request: return " (request)"
            case .server: return " (server)"
            case .assumed: return " (assumed)"
            case nil: return ""
            }
        }
        if let id = app.clientID { rows.append(("client_id", Escape.line(id) + origin("client_id", flag: "--client-id"))) }
        if let m = app.authMethod {
            rows.append(("auth method", "\(m.rawValue), \"\(m.consoleName)\"" + origin("auth_method", flag: "--auth-method")))
        }
        if let t = app.type { rows.append(("app type", t.rawValue + origin("type", flag: "--app-type"))) }
        if let jwks = app.jwks {
            let keys = jwks.objectValue?["keys"]?.arrayValue ?? []
            let kids = keys.compactMap { $0.objectValue?["kid"]?.stringValue }
            var text = Text.plural(keys.count, "key")
            if !kids.isEmpty { text += " (kid " + Escape.line(kids.joined(separator: ", ")) + ")" }
            rows.append(("JWKS", text + origin("jwks", flag: "--jwks")))
        }
        if let secret = app.clientSecret {
            let shown = options.showSecrets ? secret.value : "\(secret.value.utf8.count) bytes, not shown"
            rows.append(("client secret", shown + origin("client_secret", flag: "--secret-env")))
        }
        if !app.seenJTIs.isEmpty {
            rows.append(("used jti", Escape.line(app.seenJTIs.joined(separator: ", ")) + origin("seen_jtis", flag: "--seen-jti")))
        }
        guard !rows.isEmpty else { return [] }
        let w = rows.map(\.0.count).max() ?? 0
        return ["", style.bold("App (as registered at the server)")]
            + rows.map { "  " + $0.0.padding(toLength: w, withPad: " ", startingAt: 0) + "  " + $0.1 }
    }

    func assertion(_ s: Subject) -> [String] {
        switch s.assertion {
        case .absent:
            guard let r = s.request else { return [] }
            if case .raw(let text) = r.body, text.contains("client_assertion") {
                return ["", style.bold("Client assertion") + ": not read (the body is not form-encoded, and \(s.profile.speaker) reads only form parameters)"]
            }
            return ["", style.bold("Client assertion") + ": none in the request"]
        case .malformed(let m):
            var lines = ["", style.bold("Client assertion") + ": not a compact JWS"]
            lines += Text.wrap(Escape.line(m.reason), width: options.width, indent: "  ")
            if !m.text.isEmpty {
                lines.append("  text: \(Escape.line(Text.prefix(m.text, showSecrets: options.showSecrets))) (\(m.text.utf8.count) chars)")
            }
            return lines
        case .unseen(let why):
            return ["", style.bold("Client assertion") + ": not in the input"]
                + Text.wrap(Escape.line(why) + "; paste the token itself to have its claims and signature checked", width: options.width, indent: "  ")
        case .decoded(let a):
            var lines = ["", style.bold("Client assertion")]
            lines.append("  header")
            lines += JSONValue.object(a.header).prettyText.split(separator: "\n").map { "    " + Escape.line(String($0)) }
            lines.append("  claims")
            lines += JSONValue.object(a.claims).prettyText.split(separator: "\n").map { "    " + Escape.line(String($0)) }
            let times = Text.timeClaims.filter { a.claims[$0] != nil }
            if !times.isEmpty {
                let clock = s.clockIsReal ? "this machine's clock" : "fixed by the input or --now"
                lines.append("  times (now = \(Timestamps.format(s.now)), \(clock))")
                for name in times { lines.append("    " + Escape.line(time(name, a.date(name), now: s.now))) }
            }
            if options.showSecrets {
                lines.append("  signature: \(a.signature.count) bytes: \(Base64URL.encode(a.signature))")
            } else {
                lines.append("  signature: \(a.signature.count) bytes (not shown)")
            }
            return lines
        }
    }

    func time(_ name: String, _ date: NumericDate, now: Date) -> String {
        switch date {
        case .absent:
            return "\(name) absent"
        case .invalid(.number(let text)):
            return "\(name) \(text) is out of range: no clock reaches it"
        case .invalid(let v):
            return "\(name) \(v.compactText) is \(v.typeDescription), not a NumericDate (seconds since 1970 as a JSON number)"
        case .valid(let seconds):
            let raw: String
            if seconds == seconds.rounded(), abs(seconds) < 1e15 { raw = String(Int64(seconds)) } else { raw = String(seconds) }
            guard let utc = Text.utc(seconds) else { return "\(name) \(raw) is not a date any clock reaches" }
            return "\(name) \(raw) = \(utc), \(Text.relative(seconds, to: now))"
        }
    }

    // MARK: - The answer and the findings

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        default: return ""
        }
    }

    func wording(_ answer: ServerAnswer) -> String {
        answer.wordingLabel(answer.speaker)
    }

    /// The answer the user pasted, beside the prediction: the same, or another answer and the
    /// rules that produce it (which tells them what to look for when assertlint cannot see it).
    func reportedAnswer(_ reported: ReportedAnswer, prediction: ServerAnswer?) -> [String] {
        var said = [reported.status.map(String.init), reported.error].compactMap { $0 }.joined(separator: " ")
        if let d = reported.errorDescription { said += (said.isEmpty ? "" : " ") + "\"\(d)\"" }
        var lines = [style.bold("The server's answer in your input") + (reported.line.map { " (line \($0))" } ?? "") + ":"]
        lines += Text.wrap(Escape.line(said), width: options.width, indent: "  ")
        let sameText = { (a: String?, b: String?) -> Bool in
            guard let a, let b else { return false }
            let norm = { (x: String) in x.lowercased().filter { $0.isLetter || $0.isNumber } }
            return norm(a) == norm(b)
        }
        if let p = prediction, sameText(p.errorDescription, reported.errorDescription) || (reported.errorDescription == nil && p.error == reported.error) {
            lines.append("  This is the answer assertlint predicts.")
            return lines
        }
        let rules = catalog.entries(matchingServerText: reported.text).map(\.id)
        var text = prediction == nil
            ? "assertlint finds no error that would produce it in what it can see."
            : "assertlint predicts another answer first (above)."
        if !rules.isEmpty {
            text += " In assertlint's catalog this answer comes from: \(rules.joined(separator: ", ")) (see `assertlint explain \(rules[0])`)."
        }
        lines += Text.wrap(text, width: options.width, indent: "  ")
        return lines
    }

    /// One cause: `error[ids]: title`, where, the value marked, what is wrong, and the fix (the
    /// fix of the cause the server answers with is in the verdict, at the end).
    func block(_ c: Cause, in s: Subject, fixInVerdict: Bool = false) -> [String] {
        let f = c.lead
        let severity = style.severity(c.severity, "\(c.severity.rawValue)[\(c.ruleIDs.joined(separator: ", "))]:")
        var lines = Text.wrap("\(severity) \(style.bold(Escape.line(f.title)))", width: width, indent: "  ", first: "")
        var at = "at \(Escape.line(f.location.pointer))"
        if let p = f.location.position {
            at += ", line \(p.line)"
            if let col = p.column { at += ", column \(col)" }
        }
        lines += Text.wrap(at, width: width, indent: "    ", first: "  ").map(style.dim)
        lines += excerpt(f.location.pointer, in: s)
        lines += Text.wrap(Escape.line(f.message), width: width, indent: "  ")
        if let note = f.note { lines += Text.wrap(Escape.line("(" + note + ")"), width: width, indent: "  ") }
        if verbose {
            if let said = c.answer {
                var parts: [String] = []
                if let status = said.status { parts.append(String(status)) }
                if let error = said.error { parts.append(error) }
                if let d = said.errorDescription { parts.append("\"\(d)\"") }
                lines += Text.wrap("\(said.speakerCapitalized): \(parts.joined(separator: " ")) (\(wording(said)))", width: width, indent: "    ", first: "  ")
            }
            if let entry = catalog[f.ruleID] {
                lines += Text.wrap(entry.explanation, width: width, indent: "  ").map { $0.isEmpty ? $0 : style.dim($0) }
            }
        }
        if !c.isServerAnswer, !fixInVerdict, let fix = f.fix {
            lines += Text.wrap("fix: " + Escape.line(fix), width: width, indent: "       ", first: "  ").map(style.green)
        }
        return lines
    }

    // MARK: - Excerpts

    private var marker: String { "  " + style.red("<-- here") }

    /// An excerpt line with the marker after it, cut short (with "…") to fit the width: the
    /// excerpt points at the value, which the input and `--verbose` show whole.
    func marked(_ content: String, _ mark: Bool = true) -> String {
        let tail = mark ? marker : ""
        guard Text.columns(content + tail) > width else { return content + tail }
        return Text.cut(content, columns: max(8, width - Text.columns(tail) - 1)) + "…" + tail
    }

    /// The part of the decoded input a pointer names, with the value marked.
    func excerpt(_ pointer: String, in s: Subject) -> [String] {
        let components = pointer.split(separator: "/", omittingEmptySubsequences: true).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        guard components.count >= 3 else {
            if pointer == Location.url || pointer == Location.method, let r = s.request {
                return [marked("    " + requestLine(r))]
            }
            return []
        }
        let name = components[2]
        switch (components[0], components[1]) {
        case ("client_assertion", "payload"):
            guard let a = s.assertion.decoded else { return [] }
            return member(name, of: a.claims)
        case ("client_assertion", "header"):
            guard let a = s.assertion.decoded else { return [] }
            return member(name, of: a.header)
        case ("request", "form"):
            guard let r = s.request else { return [] }
            let fields = r.formFields.filter { $0.name == name }
            guard let first = fields.first else { return ["    " + style.dim("(no \(Escape.line(name)) parameter in the request)")] }
            return fields.map { f in
                marked("    \(Escape.line(f.name))=\(Escape.line(Text.formValue(f, showSecrets: options.showSecrets)))", f == first)
            }
        case ("request", "headers"):
            guard let r = s.request else { return [] }
            let headers = r.headers(named: name)
            guard !headers.isEmpty else { return ["    " + style.dim("(no \(Escape.line(name)) header in the request)")] }
            return headers.map { marked("    \(Escape.line($0.name)): \(Escape.line(Text.headerValue($0, request: r, showSecrets: options.showSecrets)))") }
        default:
            return []
        }
    }

    /// The object, pretty-printed, with the member's lines marked; long objects are cut to the
    /// lines around it.
    func member(_ key: String, of object: JSONObject) -> [String] {
        let lines = JSONValue.object(object).prettyText.split(separator: "\n").map { Escape.line(String($0)) }
        let quoted = Escape.line("  " + JSONWriter.quote(key) + ":")
        // The last occurrence is the one lookups use when a key repeats.
        guard let start = lines.lastIndex(where: { $0.hasPrefix(quoted) }) else {
            guard verbose else { return ["    " + style.dim("(no \"\(Escape.line(key))\" member)")] }
            return lines.map { "    " + $0 } + ["    " + style.dim("(no \"\(Escape.line(key))\" member)")]
        }
        var end = start
        // A member's value continues on deeper-indented lines and ends with its closing bracket.
        while end + 1 < lines.count - 1,
              lines[end + 1].hasPrefix("    ") || lines[end + 1].hasPrefix("  ]") || lines[end + 1].hasPrefix("  }") {
            end += 1
        }
        // Concise: just the member, as rustc shows just the line at fault.
        if !verbose {
            return (start...end).map { marked("    " + lines[$0].trimmingCharacters(in: .whitespaces), $0 == start) }
        }
        var out: [String] = []
        let context = 2
        let from = lines.count <= 12 ? 0 : max(0, start - context)
        let to = lines.count <= 12 ? lines.count - 1 : min(lines.count - 1, end + context)
        if from > 0 { out.append("    " + lines[0]); if from > 1 { out.append("      …") } }
        for i in from...to {
            out.append(marked("    " + lines[i], i == start))
        }
        if to < lines.count - 1 {
            if to < lines.count - 2 { out.append("      …") }
            out.append("    " + lines[lines.count - 1])
        }
        return out
    }
}
