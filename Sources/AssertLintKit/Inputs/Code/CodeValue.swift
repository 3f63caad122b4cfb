import Foundation

/// What code says about one value: a literal it writes, a time it sets relative to when it
/// runs, or a value it holds in a variable or computes (which the paste does not show).
enum CodeValue: Equatable, Sendable {
    case literal(String)
    case number(Int64)
    /// `time.Now().Add(time.Hour)`, `expiresIn: '5m'`: this many seconds after the code runs.
    case fromNow(Int64)
    /// A variable or expression whose value is not in the paste.
    case variable(String)
    /// A value made when the code runs (`uuidv4()`, `Guid.NewGuid()`): there, but unknowable.
    case generated(String)

    /// The expression `expr` read as a value; `resolve` looks up what a variable is assigned.
    static func of(_ expr: String, resolve: (String) -> String? = { _ in nil }, depth: Int = 0) -> CodeValue {
        var e = expr.trimmingCharacters(in: .whitespaces)
        while e.hasSuffix(",") || e.hasSuffix(";") { e = String(e.dropLast()).trimmingCharacters(in: .whitespaces) }
        if let inner = CodeExpression.singleElement(e) { return of(inner, resolve: resolve, depth: depth) }
        if let text = CodeExpression.stringValue(e) { return .literal(text) }
        if let n = Int64(e) { return .number(n) }
        if let seconds = RelativeTime.seconds(e) { return .fromNow(seconds) }
        if CodeExpression.isGenerated(e) { return .generated(e) }
        if CodeExpression.isName(e) {
            // `"exp": exp` with `exp = now + 300` above: the assignment is the value.
            if depth < 3, let assigned = resolve(e), assigned != e {
                let value = of(assigned, resolve: resolve, depth: depth + 1)
                if case .variable = value { return .variable(e) }
                return value
            }
            return .variable(e)
        }
        return .variable(e)
    }

    /// The value as the request or assertion carries it: a held value becomes a placeholder
    /// (`{clientAssertion}`), which every rule already reads as "present, not shown".
    var placeholder: String {
        switch self {
        case .literal(let s): return s
        case .number(let n): return String(n)
        case .fromNow(let s): return "now+\(s)"
        case .variable(let e), .generated(let e): return "{\(CodeExpression.placeholderName(e))}"
        }
    }

    var isShown: Bool {
        switch self {
        case .literal, .number, .fromNow: return true
        case .variable, .generated: return false
        }
    }
}

/// Small readings of expression text, the same in every language the reader knows.
enum CodeExpression {
    /// The expression that starts `text`: up to a `,` `;` or closing bracket at its own level, or
    /// a line comment. Quotes and brackets are followed, so `f(a, b)` and `"a,b"` stay whole.
    static func take(_ text: Substring) -> String {
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        var end = text.endIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q && previous != "\\" { quote = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { end = i; break }
                depth -= 1
            } else if depth == 0 && (c == "," || c == ";") {
                end = i; break
            } else if c == "/" && previous == "/" && depth == 0 {
                end = text.index(before: i); break
            } else if c == "#" && previous == " " && depth == 0 {
                end = i; break
            }
            previous = c
            i = text.index(after: i)
        }
        return text[text.startIndex..<end].trimmingCharacters(in: .whitespaces)
    }

    /// The text a string literal holds, including Python f-strings, C# `$"…"`, JS template
    /// literals and concatenations (`"https://" + domain + "/oauth2/v1/token"`): interpolated
    /// parts become `{name}` placeholders. nil when `e` is not a string.
    static func stringValue(_ e: String) -> String? {
        let parts = splitTopLevel(e, on: "+")
        if parts.count > 1 {
            guard parts.contains(where: { quoted($0) != nil }) else { return nil }
            var out = ""
            for part in parts {
                if let q = quoted(part) { out += q } else if isName(part) { out += "{\(placeholderName(part))}" } else { return nil }
            }
            return out
        }
        if e.hasPrefix("fmt.Sprintf("), e.hasSuffix(")") {
            let args = splitTopLevel(String(e.dropFirst(12).dropLast()), on: ",")
            guard var format = args.first.flatMap(quoted) else { return nil }
            for arg in args.dropFirst() {
                guard let r = CodeFacts.firstRange(#"%[sdv]"#, format) else { break }
                format.replaceSubrange(r, with: "{\(placeholderName(arg))}")
            }
            return format
        }
        return quoted(e)
    }

    /// `"x"`, `'x'`, `` `x` ``, `f"x"`, `$"x"`, `@"x"`, `r"x"`: the text inside; template
    /// interpolations `${a}` are kept (a placeholder), f-string `{a}` likewise.
    static func quoted(_ raw: String) -> String? {
        var e = raw.trimmingCharacters(in: .whitespaces)
        for prefix in ["$@", "@$", "f", "F", "r", "R", "b", "u", "$", "@"] where e.hasPrefix(prefix) {
            let rest = e.dropFirst(prefix.count)
            if let q = rest.first, q == "\"" || q == "'" { e = String(rest); break }
        }
        guard e.count >= 2, let q = e.first, q == "\"" || q == "'" || q == "`", e.last == q else { return nil }
        let inner = e.dropFirst().dropLast()
        // `"a" + b + "c"` was split above; a quote of the same kind inside means two strings.
        if inner.contains(q) && !inner.contains("\\\(q)") { return nil }
        return String(inner)
    }

    /// `[x]`, `{x}` (Go), `[]string{x}`, `jwt.ClaimStrings{x}`, `new[] { x }`, `List.of(x)`: x.
    static func singleElement(_ e: String) -> String? {
        guard let open = e.firstIndex(where: { $0 == "[" || $0 == "{" || $0 == "(" }) else { return nil }
        let head = e[..<open].trimmingCharacters(in: .whitespaces)
        let wrappers = ["", "[]string", "jwt.ClaimStrings", "jwt.Audience", "new[]", "new string[]", "List.of", "Arrays.asList", "listOf", "Collections.singletonList"]
        guard wrappers.contains(head) else { return nil }
        var body = e[open...]
        if head == "[]string" || head.hasSuffix("[]") { body = body.drop(while: { $0 == "[" || $0 == "]" }) }
        guard let first = body.first, let last = body.last else { return nil }
        let pairs: [Character: Character] = ["[": "]", "{": "}", "(": ")"]
        guard pairs[first] == last else { return nil }
        let inner = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        let items = splitTopLevel(inner, on: ",").filter { !$0.isEmpty }
        return items.count == 1 ? items[0] : nil
    }

    /// The arguments of a call whose text starts right after its `(`: `a, b, f(c, d))` → a, b, f(c, d).
    static func arguments(_ text: Substring) -> [String] {
        var depth = 0
        var quote: Character?
        var end = text.endIndex
        for i in text.indices {
            let c = text[i]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" || c == "`" { quote = c } else if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) {
                if depth == 0 { end = i; break }
                depth -= 1
            }
        }
        return splitTopLevel(String(text[..<end]), on: ",").filter { !$0.isEmpty }
    }

    static func splitTopLevel(_ e: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in e {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                quote = c
            } else if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
            } else if c == separator && depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// `clientId`, `self.client_id`, `m.config.OrgDomain()`, `config["client_id"]`: a name whose
    /// value lives elsewhere.
    static func isName(_ e: String) -> Bool {
        CodeFacts.test(#"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*|\(\)|\[["']?[A-Za-z0-9_]+["']?\])*$"#, e)
    }

    static let generators = ["uuid", "guid.newguid", "randomuuid", "random", "nanoid", "secrets.token", "token_hex", "token_urlsafe", "crypto.randombytes", "objectid"]

    static func isGenerated(_ e: String) -> Bool {
        let l = e.lowercased()
        return generators.contains { l.contains($0) }
    }

    /// A name fit for a `{placeholder}`: `m.config.CustomScope()` → `m.config.CustomScope`.
    static func placeholderName(_ e: String) -> String {
        var out = ""
        for c in e.prefix(60) {
            if c.isLetter || c.isNumber || c == "_" || c == "." { out.append(c) } else if !out.isEmpty && out.last != "_" && c != ")" && c != "(" { out.append("_") }
        }
        while out.hasSuffix("_") || out.hasSuffix(".") { out.removeLast() }
        if let f = out.first, !(f.isLetter || f == "_") { out = "v_" + out }
        return out.isEmpty ? "value" : out
    }
}
