import Foundation

/// Turns what the code reader found into the request the code sends: the form (held values as
/// `{variable}` placeholders, which read as present and not shown), the headers the library
/// adds, the assertion (a pasted token, or one rebuilt from the claims, unsigned), what the paste
/// shows, and the "How your input was read" notes that say where each value came from.
enum CodeRequest {
    static func build(_ facts: CodeFacts, now: Date) -> TokenRequest {
        var notes: [String] = []
        let language = facts.text.language.map { "read as \($0.rawValue) code" } ?? "read as code (no one language recognised; only the names OAuth and JWT use were looked for)"
        notes.append(language + (facts.text.isDiff ? ", from a unified diff: the new side is read (`+` and unchanged lines), the `-` lines are what the change removed" : ""))
        if let url = facts.url {
            notes.append("the request goes to \(url.text) (line \(url.line))")
        } else {
            notes.append("the code does not show the URL the request goes to, so checks that need the endpoint are skipped (pass --endpoint URL to name it)")
        }

        var fields: [FormField] = []
        var held: [String] = []
        for p in facts.parameters {
            // A value resolved from a variable is pointed at where it is written (`const a = 'eyJ…'`).
            var line = p.line
            if case .literal(let v) = p.value, v.count >= 8, facts.text.line(p.line)?.contains(v) == false,
               let written = facts.text.lines.first(where: { $0.text.contains(v) }) {
                line = written.number
            }
            fields.append(FormField(name: p.name, value: p.value.placeholder, position: SourcePosition(line: line)))
            if !p.value.isShown { held.append("`\(p.name)` (\(describe(p.value)), line \(p.line))") }
        }
        if !fields.isEmpty {
            notes.append("parameters: " + fields.map { "`\($0.name)` (line \($0.position?.line ?? 0))" }.joined(separator: ", "))
        }

        // A JWT written in the code (a variable's value pasted nearby) stands in for a held assertion.
        let assertionIndex = fields.firstIndex { $0.name == "client_assertion" }
        let assertionHeld = assertionIndex.map { !facts.parameters[$0].value.isShown } ?? true
        var rebuilt: CodeAssertion.Rebuilt?
        if assertionHeld, let (jwt, line) = CodeShared.firstJWT(facts) {
            set(&fields, at: assertionIndex, FormField(name: "client_assertion", value: jwt, position: SourcePosition(line: line)))
            held.removeAll { $0.hasPrefix("`client_assertion`") }
            notes.append("took the JWT on line \(line) as the value of client_assertion")
        } else if assertionHeld, !facts.claims.isEmpty {
            let built = CodeAssertion.rebuild(facts, now: now)
            rebuilt = built
            set(&fields, at: assertionIndex, FormField(name: "client_assertion", value: built.compact, position: SourcePosition(line: built.line)))
            held.removeAll { $0.hasPrefix("`client_assertion`") }
            notes.append(contentsOf: built.notes)
        }
        notes.append(contentsOf: facts.notes)
        if !held.isEmpty {
            notes.append("held in variables, so not shown and not judged: " + held.joined(separator: ", ") + "; paste their values to check them")
        }

        var request = TokenRequest(method: facts.method, url: facts.url?.text ?? "", urlPosition: facts.url.map { SourcePosition(line: $0.line) },
                                   notes: notes)
        if facts.sendsJSON {
            // Held values stay out of a JSON body: a placeholder there would be read as the token itself.
            let shown = fields.filter { f in !(Placeholders.isWhole(f.value) && facts.parameters.contains { $0.name == f.name && !$0.value.isShown }) }
            let object = JSONValue.object(JSONObject(shown.map { JSONMember(key: $0.name, value: .string($0.value)) }))
            request.headers.append(HTTPHeader(name: "Content-Type", value: "application/json"))
            request.body = .raw(object.compactText)
            request.notes.append("the code sends the parameters as a JSON body")
        } else {
            request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            request.body = .form(fields)
        }
        if let basic = facts.basicAuth {
            request.headers.append(HTTPHeader(name: "Authorization", value: "Basic {credentials_set_in_code}", position: SourcePosition(line: basic.line)))
            request.notes.append("the code also sends \(basic.how) (line \(basic.line)); their value is not shown")
        }
        request.shows = evidence(facts, rebuilt: rebuilt)
        if !request.shows.body || !request.shows.headers || !request.shows.method, !request.shows.hiddenPhrase.isEmpty {
            let shown = facts.parameters.map(\.name)
            let what = request.shows.body ? "the parameters"
                : shown.isEmpty ? "only the assertion it builds" : "only the \(shown.joined(separator: ", ")) parameter\(shown.count == 1 ? "" : "s")"
            request.notes.append("the paste shows \(what) but not \(request.shows.hiddenPhrase): what it does not show is not judged")
        }
        return request
    }

    static func set(_ fields: inout [FormField], at index: Int?, _ field: FormField) {
        if let index { fields[index] = field } else { fields.append(field) }
    }

    /// What code shows of the request it sends. The body is whole only when the code shows where
    /// it is built and names at least two parameters; headers only when it shows the call that
    /// sends (the library's headers are then known); claims only when it shows the claims object.
    static func evidence(_ facts: CodeFacts, rebuilt: CodeAssertion.Rebuilt?) -> Evidence {
        let call = facts.sendingCall != nil
        var e = Evidence(method: call || facts.text.lowered.contains("post"), url: facts.url != nil,
                         headers: call && facts.bodyStart != nil, body: facts.parameters.count >= 2 && facts.bodyStart != nil,
                         signature: rebuilt == nil,
                         source: facts.parameters.count == 1 && facts.claims.isEmpty ? "a line that shows one parameter" : facts.text.isDiff ? "the diff" : "the code")
        if let rebuilt {
            e.claims = rebuilt.claimsWhole
            e.header = rebuilt.headerShown
            e.heldInVariables = rebuilt.held
        }
        return e
    }

    static func describe(_ value: CodeValue) -> String {
        switch value {
        case .variable(let e): return "held in `\(Escape.line(String(e.prefix(60))))`"
        case .generated(let e): return "made when the code runs by `\(Escape.line(String(e.prefix(60))))`"
        case .literal(let s): return "\"\(s)\""
        case .number(let n): return String(n)
        case .fromNow(let s): return "now + \(s) s"
        }
    }
}
