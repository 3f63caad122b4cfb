import Foundation
import Yams

/// Reads request fixtures (YAML or JSON) into subjects:
///
///     now: 2025-06-02T14:00:00Z
///     app: {client_id: 0oa1, auth_method: private_key_jwt, type: service, jwks: {...}|path,
///           client_secret: "...", client_secret_env: VAR, seen_jtis: [...]}
///     request: {method: POST, url: ..., headers: {...}, form: {...}, body: '...'}
///     # or: curl: "curl ...", http: "POST /oauth2/v1/token HTTP/1.1 ...", token: eyJ... (+ endpoint: URL)
///     server: {issuer: ..., token_endpoint: ..., ...}   # a discovery document, as online mode reads it
///     expect: [rule-id, ...]
///     ignore: [rule-id, ...]
///
/// `form.client_assertion` may also be a mapping `{header: {...}, claims: {...}}`, encoded
/// here into an (unsigned) compact JWS; claim values `+N`, `-N` and `now` are seconds relative
/// to the fixture's `now`. This keeps catalog examples and fixtures readable. With
/// `sign_with: <key file relative to the fixture, PEM or JWK>`, `sign_with_secret: <env var>` (or `app`: the app's
/// client_secret) or `sign_with_secret_value: <a made-up test secret>`
/// in that mapping the assertion is really signed (with the header's alg; the header is
/// otherwise kept as written, kid included). `app.jwks` may name a JWKS/JWK JSON file or a
/// PEM public key/certificate file; `app.private_key` names the client's private key file.
public struct FixtureLoader: Sendable {
    public var environment: [String: String]
    public var realNow: Date

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, realNow: Date = Date()) {
        self.environment = environment
        self.realNow = realNow
    }

    static let topKeys: Set<String> = ["now", "app", "request", "curl", "http", "token", "endpoint", "expect", "ignore", "description",
                                       "policy", "server"]
    static let appKeys: Set<String> = ["client_id", "auth_method", "type", "jwks", "client_secret", "client_secret_env", "seen_jtis",
                                       "private_key"]
    static let requestKeys: Set<String> = ["method", "url", "headers", "form", "body"]

    /// Loads a fixture from its text. `path` names it in messages and resolves relative files.
    /// Text that opens with `{` is read as JSON by the project's parser; what that parser refuses
    /// (trailing commas, comments, YAML flow syntax, or JSON that YAML reads otherwise) is read
    /// by Yams, as every fixture was before.
    public func load(text: String, path: String) throws(InputError) -> Subject {
        var jsonProblem: String?
        if FixtureNode.looksLikeJSONObject(text) {
            switch FixtureNode.readJSON(text) {
            case .parsed(let node, let duplicateKey, let values):
                return try load(json: node, duplicateKey: duplicateKey, values: values, text: text, path: path)
            case .invalid(let reason, let mark):
                jsonProblem = "line \(mark.line), column \(mark.column): \(reason)"
            case .unlikeYAML:
                break
            }
        }
        let node: Node
        do {
            // The basic resolver: `json(_:)` reads numbers and booleans itself, and resolving every
            // plain scalar against YAML 1.1 regexes was a tenth of `check`; the default encoding
            // reads the environment on every call.
            guard let n = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else { throw InputError(path, "the fixture is empty") }
            node = n
            // Aliases of aliases (a "billion laughs") are cheap to parse and explode when read.
            guard Self.expandedSize(node, limit: Self.maxValues) <= Self.maxValues else {
                throw InputError(path, "the fixture expands to more than \(Self.maxValues) YAML values (aliases that repeat aliases?); a fixture holds a few dozen")
            }
        } catch let e as InputError {
            throw e
        } catch {
            // Text that opens with `{` and is neither JSON nor YAML: the JSON parser's words.
            if let jsonProblem { throw InputError(path, "not valid JSON: \(jsonProblem)") }
            throw InputError(path, "not valid YAML or JSON: \(YAMLProblem.describe(error))")
        }
        var subject = try load(node: FixtureNode(node), path: path)
        subject.rawText = text
        return subject
    }

    /// A fixture the JSON parser read (`FixtureNode.readJSON`): refused as Yams refuses it (a key
    /// twice in a mapping, too many values), in the same words and at the same line and column.
    func load(json node: FixtureNode, duplicateKey: FixtureMark?, values: Int, text: String, path: String) throws(InputError) -> Subject {
        if let duplicateKey {
            throw InputError(path, "not valid YAML or JSON: line \(duplicateKey.line), column \(duplicateKey.column): the mapping that starts here has the same key twice")
        }
        guard values <= Self.maxValues else {
            throw InputError(path, "the fixture expands to more than \(Self.maxValues) YAML values (aliases that repeat aliases?); a fixture holds a few dozen")
        }
        var subject = try load(node: node, path: path)
        subject.rawText = text
        return subject
    }

    public func load(node: Node, path: String) throws(InputError) -> Subject {
        try load(node: FixtureNode(node), path: path)
    }

    public func load(node: FixtureNode, path: String) throws(InputError) -> Subject {
        guard let map = node.mapping else { throw InputError(path, "a fixture is a mapping with `request:`, `curl:`, `http:` or `token:`") }
        for (k, _) in map {
            guard let key = k.string, Self.topKeys.contains(key) else {
                throw InputError(path, "line \(k.mark?.line ?? 0): unknown key '\(k.string ?? "?")' (expected one of: \(Self.topKeys.sorted().joined(separator: ", ")))")
            }
        }
        let now: Date
        let clockIsReal: Bool
        if let n = map["now"] {
            now = try date(n, path: path)
            clockIsReal = false
        } else {
            now = realNow
            clockIsReal = true
        }
        let app = try appRegistration(map["app"], path: path)
        var request: TokenRequest?
        var assertionPosition: SourcePosition?
        var assertion: AssertionInput = .absent
        var targetOverride: ServerTarget?

        if let r = map["request"] {
            request = try tokenRequest(r, path: path, now: now, app: app)
        } else if let c = map["curl"] {
            guard let text = c.string else { throw InputError(path, "`curl` must be the command as a string") }
            do {
                request = try CurlCommand.parse(text, firstLine: (c.mark?.line ?? 1))
            } catch {
                throw InputError(path, error.reason)
            }
        } else if let h = map["http"] {
            guard let text = h.string else { throw InputError(path, "`http` must be the raw request as a string") }
            do {
                request = try RawHTTPRequest.parse(text, firstLine: (h.mark?.line ?? 1))
            } catch {
                throw InputError(path, error.reason)
            }
        } else if let t = map["token"] {
            let compact = try assertionText(t, path: path, now: now, app: app)
            assertionPosition = position(t)
            assertion = Self.decode(compact)
            if let e = map["endpoint"] {
                guard let s = e.string, let url = EndpointURL(s) else { throw InputError(path, "`endpoint` must be an absolute URL") }
                targetOverride = ServerTarget.classify(url)
            }
        } else {
            throw InputError(path, "the fixture has none of `request:`, `curl:`, `http:` or `token:`")
        }
        if let request, let field = request.form("client_assertion") {
            assertion = AssertionInput.read(field.value)
        }
        var serverMetadata: ServerMetadata?
        // `server: keycloak` names the server profile; a mapping is the server's discovery document.
        let requestedServer = map["server"]?.scalar.map(\.string)
        if let server = map["server"], requestedServer == nil {
            do {
                serverMetadata = try ServerMetadata(document: Self.json(server), source: "\(path) (server:)")
            } catch {
                throw InputError(path, "line \(server.mark?.line ?? 0): `server`: \(error.reason)")
            }
        }
        var subject = Subject(source: path, request: request, assertion: assertion, assertionPosition: assertionPosition,
                              app: app, target: targetOverride, now: now, clockIsReal: clockIsReal,
                              expectedRuleIDs: try stringList(map["expect"], "expect", path: path),
                              ignoredRuleIDs: try stringList(map["ignore"], "ignore", path: path) ?? [],
                              notes: request?.notes ?? [], serverMetadata: serverMetadata)
        subject.realNow = realNow
        subject.requestedServer = requestedServer
        // An assertion the fixture writes as a {header, claims} mapping is made here from test
        // values; it is not a credential anyone could replay.
        subject.assertionIsGenerated = map["token"]?.mapping != nil
            || map["request"]?.mapping?["form"]?.mapping?["client_assertion"]?.mapping != nil
        if let p = map["policy"] { subject.policy = try Policy(node: p, file: path) }
        return subject
    }

    static func decode(_ compact: String) -> AssertionInput {
        AssertionInput.read(compact)
    }

    // MARK: - Parts

    private func position(_ node: FixtureNode) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    private func date(_ node: FixtureNode, path: String) throws(InputError) -> Date {
        guard let s = node.string?.trimmedWhitespace else { throw InputError(path, "`now` must be a timestamp") }
        if let epoch = Double(s), epoch.isFinite { return Date(timeIntervalSince1970: epoch) }
        if let d = Timestamps.parse(s) { return d }
        throw InputError(path, "line \(node.mark?.line ?? 0): `now` is not an ISO 8601 time or epoch seconds: '\(s)'")
    }

    private func stringList(_ node: FixtureNode?, _ name: String, path: String) throws(InputError) -> [String]? {
        guard let node else { return nil }
        if let s = node.string { return [s] }
        guard let seq = node.sequence else { throw InputError(path, "`\(name)` must be a list of rule ids") }
        return seq.compactMap(\.string)
    }

    private func appRegistration(_ node: FixtureNode?, path: String) throws(InputError) -> AppRegistration {
        var app = AppRegistration()
        guard let node else { return app }
        guard let map = node.mapping else { throw InputError(path, "`app` must be a mapping") }
        for (k, _) in map where !(k.string.map(Self.appKeys.contains) ?? false) {
            throw InputError(path, "line \(k.mark?.line ?? 0): unknown key 'app.\(k.string ?? "?")' (expected one of: \(Self.appKeys.sorted().joined(separator: ", ")))")
        }
        if let id = map["client_id"]?.string { app.clientID = id; app.provenance["client_id"] = .fixture }
        if let m = map["auth_method"]?.string {
            guard let method = AuthMethod(rawValue: m) else {
                throw InputError(path, "app.auth_method '\(m)' is not one of \(AuthMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            app.authMethod = method
            app.provenance["auth_method"] = .fixture
        }
        if let t = map["type"]?.string {
            guard let type = AppType(rawValue: t) else {
                throw InputError(path, "app.type '\(t)' is not one of \(AppType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            app.type = type
        }
        if let j = map["jwks"] {
            if let file = j.string {
                switch KeyFileCache.shared.publicKeySet(file, relativeTo: path) {
                case .success(let jwks): app.jwks = jwks
                case .failure(let e): throw InputError(path, "app.jwks file '\(file)': \(e.reason)")
                }
            } else {
                app.jwks = Self.json(j)
            }
        }
        if let s = map["client_secret"]?.string { app.clientSecret = ClientSecret(s) }
        if let v = map["client_secret_env"]?.string {
            guard let s = environment[v] else { throw InputError(path, "app.client_secret_env names \(v), which is not set") }
            app.clientSecret = ClientSecret(s)
        }
        if let file = map["private_key"]?.string {
            switch KeyFile.read(file, relativeTo: path).flatMap({ KeyFile.signingKey($0, origin: file) }) {
            case .success(let key): app.privateKey = key
            case .failure(let e): throw InputError(path, "app.private_key file '\(file)': \(e.reason)")
            }
        }
        if let seen = map["seen_jtis"]?.sequence { app.seenJTIs = seen.compactMap(\.string) }
        return app
    }

    private func tokenRequest(_ node: FixtureNode, path: String, now: Date, app: AppRegistration) throws(InputError) -> TokenRequest {
        guard let map = node.mapping else { throw InputError(path, "`request` must be a mapping") }
        for (k, _) in map where !(k.string.map(Self.requestKeys.contains) ?? false) {
            throw InputError(path, "line \(k.mark?.line ?? 0): unknown key 'request.\(k.string ?? "?")' (expected one of: \(Self.requestKeys.sorted().joined(separator: ", ")))")
        }
        guard let urlNode = map["url"], let url = urlNode.string else { throw InputError(path, "`request.url` is required") }
        var request = TokenRequest(method: map["method"]?.string ?? "POST", url: url,
                                   methodPosition: map["method"].flatMap(position), urlPosition: position(urlNode))
        if let h = map["headers"] {
            if let hm = h.mapping {
                for (k, v) in hm {
                    request.headers.append(HTTPHeader(name: k.string ?? "", value: v.string ?? "", position: position(k)))
                }
            } else if let seq = h.sequence {
                for item in seq {
                    guard let line = item.string, let colon = line.firstIndex(of: ":") else {
                        throw InputError(path, "line \(item.mark?.line ?? 0): a header in a list is written 'Name: value'")
                    }
                    request.headers.append(HTTPHeader(name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                                      value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces),
                                                      position: position(item)))
                }
            } else {
                throw InputError(path, "`request.headers` must be a mapping or a list")
            }
        }
        if let f = map["form"] {
            guard let fm = f.mapping else { throw InputError(path, "`request.form` must be a mapping of parameters") }
            var fields: [FormField] = []
            for (k, v) in fm {
                let name = k.string ?? ""
                let values = v.sequence ?? [v]
                for value in values {
                    let text = name == "client_assertion" ? try assertionText(value, path: path, now: now, app: app) : (value.string ?? "")
                    fields.append(FormField(name: name, value: text, position: position(k)))
                }
            }
            request.body = .form(fields)
            request.bodyPosition = position(f)
            if request.header("Content-Type") == nil {
                request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            }
        } else if let b = map["body"] {
            let text = b.string ?? ""
            request.bodyPosition = position(b)
            request.body = RequestBody.read(text, mediaType: request.mediaType, position: position(b))
        }
        return request
    }

    /// A `client_assertion`/`token` value: the compact text, or a `{header, claims, signature}`
    /// mapping encoded here.
    private func assertionText(_ node: FixtureNode, path: String, now: Date, app: AppRegistration) throws(InputError) -> String {
        if let s = node.string { return s }
        guard let map = node.mapping else { throw InputError(path, "a client assertion is a compact JWT or a {header, claims} mapping") }
        let header = map["header"].map(Self.json) ?? .object(JSONObject([JSONMember(key: "alg", value: .string("RS256")),
                                                                          JSONMember(key: "typ", value: .string("JWT"))]))
        guard let claimsNode = map["claims"] else { throw InputError(path, "an assertion mapping needs `claims`") }
        let claims = Self.relativeTimes(Self.json(claimsNode), now: now)
        if let signer = try signer(map, path: path, app: app) {
            guard case .object(var headerObject) = header, case .object(let claimsObject) = claims else {
                throw InputError(path, "a signed assertion needs `header` and `claims` mappings")
            }
            // Without a `header`, sign with the key's natural alg (RS256, ES256/384/512 by curve) or HS256.
            if map["header"] == nil, let i = headerObject.members.firstIndex(where: { $0.key == "alg" }) {
                switch signer {
                case .key(let key): headerObject.members[i].value = .string(JWSAlgorithm.natural(for: key.type).rawValue)
                case .secret: headerObject.members[i].value = .string("HS256")
                }
            }
            do {
                return try JWSSignature.compact(header: headerObject, claims: claimsObject, signer: signer)
            } catch {
                throw InputError(path, "cannot sign the assertion: \(error.reason)")
            }
        }
        let signature = map["signature"]?.string ?? Base64URL.encode(Array(repeating: UInt8(0x5A), count: 32))
        return Base64URL.encode(header.compactText) + "." + Base64URL.encode(claims.compactText) + "." + signature
    }

    /// The key or secret named by `sign_with` / `sign_with_secret` in an assertion mapping.
    private func signer(_ map: FixtureNode.Mapping, path: String, app: AppRegistration) throws(InputError) -> JWSSignature.Signer? {
        if let file = map["sign_with"]?.string {
            switch KeyFile.read(file, relativeTo: path).flatMap({ KeyFile.signingKey($0, origin: file) }) {
            case .success(let key): return .key(key.key)
            case .failure(let e): throw InputError(path, "sign_with '\(file)': \(e.reason)")
            }
        }
        // A literal secret, for fixtures whose secrets are made-up test values.
        if let literal = map["sign_with_secret_value"]?.string { return .secret(Array(literal.utf8)) }
        if let variable = map["sign_with_secret"]?.string {
            // `app`: the fixture's own app.client_secret (for secrets a test states inline).
            if variable == "app" {
                guard let secret = app.clientSecret else { throw InputError(path, "sign_with_secret: app, but the fixture's app has no client_secret") }
                return .secret(Array(secret.value.utf8))
            }
            guard let secret = environment[variable] else { throw InputError(path, "sign_with_secret names \(variable), which is not set") }
            return .secret(Array(secret.utf8))
        }
        return nil
    }

    /// `+300` → now + 300 as a NumericDate, in the time claims only.
    static func relativeTimes(_ value: JSONValue, now: Date) -> JSONValue {
        guard case .object(var o) = value else { return value }
        for i in o.members.indices where ["exp", "iat", "nbf"].contains(o.members[i].key) {
            guard case .string(let s) = o.members[i].value else { continue }
            let base = now.timeIntervalSince1970.rounded(.down)
            if s == "now" {
                o.members[i].value = .number(String(Int64(base)))
            } else if let first = s.first, first == "+" || first == "-", let delta = Double(s.dropFirst()) {
                // "+1e30" or "+inf" must not trap converting to Int64: out-of-range times stay
                // numbers (the claim rules judge them), non-finite ones stay the string written.
                let time = base + (first == "+" ? delta : -delta)
                if let whole = Int64(exactly: time.rounded(.towardZero)) {
                    o.members[i].value = .number(String(whole))
                } else if time.isFinite {
                    o.members[i].value = .number(String(format: "%.0f", time))
                }
            }
        }
        return .object(o)
    }

    /// More YAML values (after alias expansion) than any fixture, JWKS included, needs.
    static let maxValues = 200_000

    /// The number of values `node` stands for once aliases are expanded, counting stops past `limit`.
    static func expandedSize(_ node: Node, limit: Int) -> Int {
        var count = 0
        func visit(_ n: Node) {
            guard count <= limit else { return }
            count += 1
            switch n {
            case .scalar, .alias: return
            case .mapping(let m):
                for (key, value) in m {
                    visit(key)
                    visit(value)
                }
            case .sequence(let seq):
                for item in seq { visit(item) }
            }
        }
        visit(node)
        return count
    }

    /// A YAML node as JSON (the configuration's inline JWKS).
    static func json(_ node: Node) -> JSONValue {
        json(FixtureNode(node))
    }

    /// A fixture node as JSON. Scalars that YAML would read as numbers or booleans stay so, and
    /// quoted scalars stay strings.
    static func json(_ node: FixtureNode) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.isPlain {
                let t = s.string
                if t == "null" || t == "~" { return .null }
                if t == "true" { return .bool(true) }
                if t == "false" { return .bool(false) }
                if JSONParser.isNumber(t) { return .number(t) }
            }
            return .string(s.string)
        case .mapping(let m):
            return .object(JSONObject(m.map { JSONMember(key: $0.key.string ?? "", value: json($0.value)) }))
        case .sequence(let seq, _):
            return .array(seq.map(json))
        case .alias:
            return .null
        }
    }
}

/// A YAML library error in assertlint's own words: where (line, column) and what, never the
/// library's text, which quotes the file (a client secret included) over several lines.
enum YAMLProblem {
    static func describe(_ error: Error) -> String {
        guard let e = error as? YamlError else { return "the text cannot be read as YAML" }
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(cause(problem))"
        case .duplicatedKeysInMapping(_, let context):
            return "line \(context.mark.line), column \(context.mark.column): the mapping that starts here has the same key twice"
        case .reader(_, let offset, _, let yaml):
            if let offset, let (line, column) = position(ofUTF8Offset: offset, in: yaml) {
                return "line \(line), column \(column): a character YAML does not allow (a control character?)"
            }
            return "a character YAML does not allow (a control character?)"
        case .dataCouldNotBeDecoded:
            return "the text is not UTF-8"
        default:
            return "the text cannot be read as YAML"
        }
    }

    /// libyaml's problem (fixed strings of the library) as a cause a user can act on.
    static func cause(_ problem: String) -> String {
        let p = problem.lowercased()
        let causes: [(String, String)] = [
            ("nesting level", "lists or mappings nested deeper than assertlint reads (a fixture needs a few levels)"),
            ("tab", "a tab where YAML expects spaces for indentation"),
            ("cannot start any token", "a character that cannot start a value (a tab, or an unquoted `@` or backtick: quote the value)"),
            ("mapping values are not allowed", "a `: ` where no mapping can start (quote a value that contains `: `)"),
            ("block sequence entries are not allowed", "a `- ` list item where a value was expected"),
            ("did not find expected key", "a line that is not a key at this indentation (check the indentation)"),
            ("did not find expected node content", "a value is missing"),
            ("did not find expected ',' or ']'", "a `[` list that is not closed"),
            ("did not find expected ',' or '}'", "a `{` mapping that is not closed"),
            ("could not find expected ':'", "a key without a `:` after it"),
            ("unexpected end of stream", "the text ends inside a quoted string or an open `[` or `{`"),
            ("unknown escape", "an unknown escape in a double-quoted string (write `\\\\` for a backslash)"),
            ("undefined alias", "an alias (`*name`) to an anchor that is not defined"),
            ("duplicate", "a key appears twice in one mapping"),
            ("control character", "a control character, which YAML does not allow"),
            ("alias", "an alias where it is not allowed"),
            ("anchor", "an anchor that cannot be read"),
            ("tag", "a tag (`!name`) that cannot be read"),
            ("document", "a document marker (`---` or `...`) where it is not allowed"),
            ("directive", "a `%` directive that cannot be read"),
            ("indentation", "wrong indentation"),
            ("quoted scalar", "a quoted string that is not closed"),
            ("block scalar", "a `|` or `>` block that cannot be read"),
        ]
        return causes.first { p.contains($0.0) }?.1 ?? "the text is not valid YAML here"
    }

    static func position(ofUTF8Offset offset: Int, in text: String) -> (Int, Int)? {
        let bytes = Array(text.utf8)
        guard offset >= 0, offset <= bytes.count else { return nil }
        var line = 1, column = 1
        for b in bytes[0..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// ISO 8601 times as users write them: with or without fractional seconds, `Z` or an offset.
public enum Timestamps {
    public static func parse(_ s: String) -> Date? {
        if let d = utc(s) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (every fixture's `now`) without an ISO8601DateFormatter, whose
    /// creation cost more than judging the fixture. Anything else goes to the formatter.
    static func utc(_ s: String) -> Date? {
        let b = Array(s.utf8)
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74, b[13] == 0x3A, b[16] == 0x3A,
              b[19] == 0x5A || b[19] == 0x7A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let hh = number(11, 2),
              let mm = number(14, 2), let ss = number(17, 2),
              (1...12).contains(m), d >= 1, hh < 24, mm < 60, ss < 60,
              y >= 1583 else { return nil } // before 1583 the formatter counts Julian days
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        // Days from the civil date (H. Hinnant's algorithm), proleptic Gregorian, UTC.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let epochDays = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(epochDays * 86_400 + hh * 3600 + mm * 60 + ss))
    }

    public static func format(_ d: Date) -> String {
        if let text = UTCTimestamp.format(d) { return text }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
