import Foundation

/// What the code reader learned from a paste of code, each fact with the line it came from.
/// The shared finders (URL, OAuth parameters by their wire names, claims by their JWT names)
/// run for every language; each language's file adds its own spellings (`ClientId =`,
/// `.setIssuer(`, `ExpiresAt:`) through `find(_:in:)`.
struct CodeFacts {
    struct Item: Equatable {
        var name: String
        var value: CodeValue
        var line: Int
    }

    /// A way code writes a named value: `key` is an object key, keyword argument, struct field or
    /// property (`"aud":`, `aud:`, `Audience =`, `client_id=`), `call` a setter (`.setIssuer(`,
    /// `params.append("grant_type", …)` is `pair`: a name and its value as two arguments).
    enum Spelling {
        case key(String)
        case call(String)
        case pair(String)
    }

    let text: CodeText
    var url: (text: String, line: Int)?
    var parameters: [Item] = []
    var claims: [Item] = []
    /// `kid` and `alg` of the JOSE header.
    var header: [Item] = []
    /// The line where the claims object or builder starts (`payload = {`, `jwt.MapClaims{`).
    var claimsStart: Int?
    /// The line of the call that signs: its header is shown (a kid it does not set is absent).
    var signingCall: Int?
    /// The line where the body is built as a whole (`data={`, `url.Values{`, `new URLSearchParams(`).
    var bodyStart: Int?
    /// The line of the call that sends the request (`requests.post(`, `fetch(`, `http.NewRequest("POST"`).
    var sendingCall: Int?
    var method = "POST"
    /// Where the code adds HTTP Basic credentials (`auth=(id, secret)`, `setBasicAuth`).
    var basicAuth: (line: Int, how: String)?
    var sendsJSON = false
    /// What a language reader wants said about how it read the code (a library's defaults).
    var notes: [String] = []

    init(_ text: CodeText) { self.text = text }

    mutating func parameter(_ name: String, _ value: CodeValue, line: Int) {
        guard !parameters.contains(where: { $0.name == name }) else { return }
        parameters.append(Item(name: name, value: value, line: line))
    }

    mutating func claim(_ name: String, _ value: CodeValue, line: Int) {
        guard !claims.contains(where: { $0.name == name }) else { return }
        claims.append(Item(name: name, value: value, line: line))
    }

    mutating func headerParameter(_ name: String, _ value: CodeValue, line: Int) {
        guard !header.contains(where: { $0.name == name }) else { return }
        header.append(Item(name: name, value: value, line: line))
    }

    /// Every place `spelling` is written, with the expression after it and its line.
    func find(_ spelling: Spelling) -> [(expr: String, line: Int)] {
        let pattern: String
        switch spelling {
        case .key(let name):
            let n = NSRegularExpression.escapedPattern(for: name)
            pattern = #"(?:^|[^A-Za-z0-9_."'`])(?:"\#(n)"|'\#(n)'|`\#(n)`|\#(n))\s*(?::(?!=)|=>|=(?![=>])|:=)\s*"#
        case .call(let name):
            pattern = #"\.\#(NSRegularExpression.escapedPattern(for: name))\(\s*"#
        case .pair(let name):
            let n = NSRegularExpression.escapedPattern(for: name)
            pattern = #"(?:^|[^A-Za-z0-9_])["'`]\#(n)["'`]\s*,\s*"#
        }
        guard let re = Self.regex(pattern) else { return [] }
        let needle: String
        switch spelling { case .key(let n), .call(let n), .pair(let n): needle = n }
        var out: [(String, Int)] = []
        for line in text.lines where line.text.contains(needle) {
            let l = line.text
            for m in re.matches(in: l, range: NSRange(l.startIndex..., in: l)) {
                guard let r = Range(m.range, in: l) else { continue }
                if case .key(let name) = spelling, !l.trimmingCharacters(in: .whitespaces).hasSuffix(","),
                   Self.isAssignment(l[r], name: name, lineStart: l[..<r.lowerBound]) { continue }
                let expr = CodeExpression.take(l[r.upperBound...])
                if !expr.isEmpty { out.append((expr, line.number)) }
            }
        }
        return out
    }

    /// `client_id = "0oa1"` at the start of a line assigns a variable of that name; it sends
    /// nothing. (`ClientId = …` in a C# initializer and `client_id=…` as an argument do.)
    static func isAssignment(_ match: Substring, name: String, lineStart: Substring) -> Bool {
        guard let first = name.first, first.isLowercase, !match.contains("\""), !match.contains("'"),
              !match.contains(":") || match.contains(":=") else { return false }
        let before = lineStart + match.prefix(while: { $0 == " " || $0 == "\t" })
        return before.allSatisfy { $0 == " " || $0 == "\t" } || lineStart.trimmingCharacters(in: .whitespaces).hasSuffix("let")
            || lineStart.trimmingCharacters(in: .whitespaces).hasSuffix("const") || lineStart.trimmingCharacters(in: .whitespaces).hasSuffix("var")
    }

    /// The value written for `spelling`, read with the paste's own assignments resolved.
    func values(_ spelling: Spelling) -> [(value: CodeValue, line: Int)] {
        find(spelling).map { (CodeValue.of($0.expr, resolve: assignment), $0.line) }
    }

    /// The first value written for `spelling`: the one a name keeps (later spellings are ignored,
    /// and resolving every one of thousands of repeats would cost a scan of the paste each).
    func firstValue(_ spelling: Spelling) -> [(value: CodeValue, line: Int)] {
        find(spelling).prefix(1).map { (CodeValue.of($0.expr, resolve: assignment), $0.line) }
    }

    /// What `name` is assigned (`client_id = "0oa1"`, `const clientId = '0oa1'`, `exp := …`,
    /// `String CLIENT_ID = "0oa1";`), on a line of its own.
    func assignment(_ name: String) -> String? {
        let n = NSRegularExpression.escapedPattern(for: name)
        guard name.count <= 80, let re = Self.regex(cached: false, #"^\s*(?:(?:const|let|var|val|final|private|static|public|readonly|String|string|int|long|Long|Integer|def)\s+)*\#(n)\s*(?::\s*[A-Za-z<>\[\]]+\s*)?(?::=|=(?!=))\s*"#) else { return nil }
        for line in text.lines where line.text.contains(name) {
            let l = line.text
            if let m = re.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)), let r = Range(m.range, in: l) {
                let expr = CodeExpression.take(l[r.upperBound...])
                if !expr.isEmpty { return expr }
            }
        }
        return nil
    }

    /// Applies a language's spellings: each found value becomes the claim, parameter or header
    /// parameter it spells, unless a value for that name was already found.
    mutating func apply(claims spellings: [(Spelling, String)]) {
        for (spelling, name) in spellings { for (v, line) in firstValue(spelling) { claim(name, v, line: line) } }
    }

    mutating func apply(parameters spellings: [(Spelling, String)]) {
        for (spelling, name) in spellings { for (v, line) in firstValue(spelling) { parameter(name, v, line: line) } }
    }

    /// A duration argument (`expiresIn: '5m'`, `setExpirationTime('2h')`, `setIssuedAt()`) as a
    /// time after now; an absolute expression is read as any other value.
    mutating func apply(durations spellings: [(Spelling, String)]) {
        for (spelling, name) in spellings {
            for (expr, line) in find(spelling) {
                let text = CodeExpression.stringValue(expr) ?? expr
                if let seconds = RelativeTime.duration(text) {
                    claim(name, .fromNow(seconds), line: line)
                } else {
                    claim(name, CodeValue.of(expr, resolve: assignment), line: line)
                }
            }
            // `.setIssuedAt()` with no argument: now.
            if case .call(let call) = spelling, let line = firstLine(containing: [".\(call.lowercased())()"]) { claim(name, .fromNow(0), line: line) }
        }
    }

    /// The first line matching any of `patterns` (regular expressions), at or before the first
    /// claim: where the claims object or builder starts.
    func start(of patterns: [String], before items: [Item]) -> Int? {
        let limit = items.map(\.line).min() ?? Int.max
        for line in text.lines where line.number <= limit {
            if patterns.contains(where: { Self.test($0, line.text) }) { return line.number }
        }
        return nil
    }

    /// Drops a parameter found where the language means something else by the name.
    mutating func dropParameter(_ name: String, onLines lines: ClosedRange<Int>) {
        parameters.removeAll { $0.name == name && lines.contains($0.line) }
    }

    /// The first line holding any of `needles` (lowercased), for clues such as where a body starts.
    func firstLine(containing needles: [String]) -> Int? {
        text.lines.first { line in
            let l = line.text.lowercased()
            return needles.contains { l.contains($0) }
        }?.number
    }

    nonisolated(unsafe) private static var cache: [String: NSRegularExpression] = [:]
    private static let lock = NSLock()

    /// Whether `pattern` (one of the reader's own, compiled once) matches somewhere in `text`.
    static func test(_ pattern: String, _ text: String) -> Bool {
        firstRange(pattern, text) != nil
    }

    static func firstRange(_ pattern: String, _ text: String) -> Range<String.Index>? {
        guard let re = regex(pattern), let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(m.range, in: text)
    }

    /// Patterns built from the reader's own names are compiled once; one built from a name the
    /// input chose (a variable looked up) is not kept, so hostile input cannot grow the cache.
    static func regex(cached: Bool = true, _ pattern: String) -> NSRegularExpression? {
        guard cached else { return try? NSRegularExpression(pattern: pattern) }
        lock.lock()
        defer { lock.unlock() }
        if let re = cache[pattern] { return re }
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        cache[pattern] = re
        return re
    }
}
