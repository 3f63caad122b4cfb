import Foundation

/// Works out what the user gave and reads it into subjects. In order: a HAR file, a fixture,
/// curl command(s), a raw HTTP request or a `.http`/`.rest` file, a bare form body, code that
/// builds a request, a token.
public enum InputReader {
    /// Inputs larger than this are refused before any parsing.
    public static let maxInputBytes = 16 * 1024 * 1024

    /// Reads bytes (a file, stdin): invalid UTF-8 is decoded leniently when the input is
    /// otherwise text, and refused when it is binary.
    public static func subjects(from bytes: [UInt8], source: String, loader: FixtureLoader = FixtureLoader(),
                                postmanEnvironment: PostmanEnvironment? = nil) throws(InputError) -> [Subject] {
        try checkSize(bytes.count, source: source)
        if let text = String(validating: bytes, as: UTF8.self) {
            return try subjects(from: text, source: source, loader: loader, postmanEnvironment: postmanEnvironment)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        if looksBinary(text) {
            throw InputError(source, "the input is binary data (\(bytes.count) bytes, \(replaced) invalid UTF-8 sequences), not a token, curl command, HTTP request, HAR or fixture")
        }
        var out = try subjects(from: text, source: source, loader: loader, postmanEnvironment: postmanEnvironment)
        for k in out.indices {
            out[k].notes.insert("the input is not valid UTF-8: \(replaced) invalid byte sequence\(replaced == 1 ? " was" : "s were") replaced with U+FFFD", at: 0)
        }
        return out
    }

    public static func subjects(from text: String, source: String, loader: FixtureLoader = FixtureLoader(),
                                postmanEnvironment: PostmanEnvironment? = nil) throws(InputError) -> [Subject] {
        var subjects = try read(text, source: source, loader: loader, postmanEnvironment: postmanEnvironment)
        // The answer pasted with a single request (the response after a curl command, the output
        // of print(r.json())) is the user's evidence; a batch's answers are its entries' own.
        if subjects.count == 1, subjects[0].reportedAnswer == nil, text.utf8.count <= 1_048_576,
           let answer = ReportedAnswer.find(in: text) {
            subjects[0].reportedAnswer = answer
        }
        return subjects
    }

    static func read(_ text: String, source: String, loader: FixtureLoader,
                     postmanEnvironment: PostmanEnvironment? = nil) throws(InputError) -> [Subject] {
        try checkSize(text.utf8.count, source: source)
        Redactor.shared.learn(text: text) // every credential the input writes, before anything can quote it
        var text = LineEndings.normalized(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        var trimmed = text.trimmedWhitespace
        guard !trimmed.isEmpty else { throw InputError(source, "the input is empty") }
        // JSON copied with its Markdown fence (```json … ```), as docs and issues show it.
        let fenced = JSONDocuments.unfenced(trimmed)
        if let fenced { trimmed = fenced }
        if !trimmed.hasPrefix("eyJ") && looksBinary(trimmed) {
            throw InputError(source, "the input is binary data, not a token, curl command, HTTP request, HAR or fixture")
        }

        // JSON: a HAR file, a JSON fixture, or (below) a JSON fragment holding a token.
        if let first = trimmed.first, first == "{" || first == "[" {
            do {
                // A JSON fixture is parsed once, with positions, and read without Yams; other JSON
                // (a HAR, a collection) by the plain parser.
                var fixture: (node: FixtureNode, duplicateKey: FixtureMark?, values: Int)?
                let json: JSONValue
                let bytes = fenced == nil && first == "{" ? Array(text.utf8) : []
                if !bytes.isEmpty, JSONParser.hasTopLevelKey(bytes, among: fixtureKeys) == true,
                   case .parsed(let node, let duplicateKey, let values) = FixtureNode.readJSON(bytes: bytes) {
                    fixture = (node, duplicateKey, values)
                    json = FixtureLoader.json(node)
                } else {
                    json = try JSONParser.parse(trimmed)
                }
                if HARArchive.isHAR(json) {
                    return try HARArchive.entries(json, source: source).map {
                        var s = subject($0.request, source: source, entry: $0.name, loader: loader)
                        s.reportedAnswer = $0.answer
                        return s
                    }
                }
                if let postman = try postmanSubjects([json], source: source, loader: loader, environment: postmanEnvironment) {
                    return postman
                }
                if let keys = json.objectValue?.keys, !Set(keys).isDisjoint(with: fixtureKeys) {
                    if let fixture {
                        return [try loader.load(json: fixture.node, duplicateKey: fixture.duplicateKey, values: fixture.values,
                                                text: text, path: source)]
                    }
                    return [try loader.load(text: text, path: source)]
                }
                if let logged = JSONLogLines.entries([json]) {
                    return logged.map { subject($0.request, source: source, entry: nil, loader: loader) }
                }
                // Decoded claims hold no token (a token among them is read as one, below).
                if let o = json.objectValue, DecodedClaims.isClaims(o), !trimmed.contains("eyJ") {
                    return [DecodedClaims.subject(claims: o, header: nil, source: source, now: loader.realNow)]
                }
                if let o = json.objectValue, TokenText.read(trimmed) == nil, !Set(o.keys).isDisjoint(with: ["iss", "sub", "aud", "exp", "alg"]) {
                    guard DecodedClaims.isClaims(o) else {
                        // A decoded JOSE header alone: its parameters are judged, the claims are not shown.
                        return [DecodedClaims.subject(header: o, source: source, now: loader.realNow)]
                    }
                    return [DecodedClaims.subject(claims: o, header: nil, source: source, now: loader.realNow)]
                }
            } catch let error as JSONParseError {
                if trimmed.contains("\"log\"") && trimmed.contains("\"entries\"") {
                    throw InputError(source, "this looks like a HAR file but is not valid JSON: \(error)")
                }
                // Several JSON values: a collection and its environment, a decoded header and its claims.
                if let documents = JSONDocuments.split(trimmed) {
                    if let postman = try postmanSubjects(documents, source: source, loader: loader, environment: postmanEnvironment) {
                        return postman
                    }
                    let objects = documents.compactMap(\.objectValue)
                    if objects.count == 2, DecodedClaims.isHeader(objects[0]), DecodedClaims.isClaims(objects[1]) {
                        return [DecodedClaims.subject(claims: objects[1], header: objects[0], source: source, now: loader.realNow)]
                    }
                    if let logged = JSONLogLines.entries(documents) {
                        return logged.map { subject($0.request, source: source, entry: logged.count > 1 ? $0.name : nil, loader: loader) }
                    }
                }
            } catch let error as InputError {
                throw error
            } catch {
                // Only assertlint's own errors are worded for output; anything else is named, not quoted.
                throw InputError(source, "the JSON input cannot be read as a HAR file, a fixture or a token")
            }
        }

        // Format clues sit at the start; looking only there keeps a 10 MB paste fast.
        let head = text.utf8.count > 65_536 ? String(decoding: Array(text.utf8.prefix(65_536)), as: UTF8.self) : text
        if looksLikeYAMLFixture(head) {
            return [try loader.load(text: text, path: source)]
        }

        // Before curl: Windows PowerShell's `curl` is Invoke-WebRequest, and a session's prompts are not shell words.
        if let session = PowerShellSession.read(text) {
            return [traceSubject(session, source: source, loader: loader)]
        }

        if let curls = try curlSubjects(text, source: source, loader: loader) {
            return CurlVerbose.attach(to: curls, text: text)
        }

        if let httpie = HTTPieCommand.read(text) {
            return [traceSubject(httpie, source: source, loader: loader)]
        }

        // Debug output of a client that sent the request: curl -v/--trace-ascii, http.client,
        // OkHttp, HttpClient, Node, Spring, proxy captures.
        if let traced = HTTPTrace.read(text) {
            return [traceSubject(traced, source: source, loader: loader)]
        }

        let isRESTFile = source.hasSuffix(".http") || source.hasSuffix(".rest")
        let headTrimmed = head.trimmedWhitespace
        if HTTPFile.looksLikeHTTPFile(head) || (isRESTFile && !RawHTTPRequest.looksLikeRequest(headTrimmed)) {
            do {
                let requests = try HTTPFile.requests(in: text)
                if !requests.isEmpty {
                    return requests.map { subject($0.request, source: source, entry: requests.count > 1 ? $0.name : nil, loader: loader) }
                }
            } catch {
                throw InputError(source, error.reason)
            }
        }
        if RawHTTPRequest.looksLikeRequest(headTrimmed) {
            do {
                return [subject(try RawHTTPRequest.parse(text), source: source, entry: nil, loader: loader)]
            } catch {
                throw InputError(source, error.reason)
            }
        }

        if let traced = HTTPTrace.rawRequestBelowProse(head) {
            return [traceSubject(traced, source: source, loader: loader)]
        }

        if let body = formBody(text) {
            return [subject(body, source: source, entry: nil, loader: loader)]
        }

        // Code that builds the request (Python requests, fetch/axios): only
        // an authorization-server URL with OAuth parameters around it counts.
        if let request = CodeSnippet.request(from: head, now: loader.realNow) {
            return [subject(request, source: source, entry: nil, loader: loader)]
        }

        if let token = TokenText.read(text) {
            return [Subject(source: source, request: nil, assertion: FixtureLoader.decode(token.compact),
                            assertionPosition: token.position, now: loader.realNow, notes: token.notes)]
        }
        throw InputError(source, "not a token, curl command, HTTP request, HAR, .http file or fixture (expected e.g. a compact JWT `eyJ….….…`, `curl …`, or `POST /oauth2/v1/token HTTP/1.1`)")
    }

    /// A Postman collection among the JSON documents, judged with the environment given by flag or
    /// pasted after it; nil when no document is Postman's.
    static func postmanSubjects(_ documents: [JSONValue], source: String, loader: FixtureLoader,
                                environment given: PostmanEnvironment?) throws(InputError) -> [Subject]? {
        let pasted = documents.lazy.compactMap(PostmanEnvironment.read).first
        guard let collection = documents.first(where: PostmanCollection.isCollection) else {
            if pasted != nil, documents.count == 1 {
                throw InputError(source, "this is a Postman environment, not a collection: paste the collection (Export, Collection v2.1) with it, or give it with --postman-environment FILE")
            }
            return nil
        }
        let environment = given ?? pasted
        return try PostmanCollection.entries(collection, environment: environment, source: source).map {
            var s = subject($0.request, source: source, entry: $0.name, loader: loader)
            if given != nil, pasted != nil { s.notes.append("the environment given with --postman-environment was used, not the one in the paste") }
            return s
        }
    }

    static func checkSize(_ count: Int, source: String) throws(InputError) {
        guard count > maxInputBytes else { return }
        let mib = Double(count) / 1_048_576
        throw InputError(source, "the input is \(String(format: "%.1f", mib)) MiB; the limit is 16 MiB")
    }

    /// NUL bytes, or many control characters and replacement characters: not something a person pasted.
    static func looksBinary(_ text: String) -> Bool {
        // The same count over the UTF-8 bytes (a scalar per byte that is not a continuation byte;
        // U+FFFD is EF BF BD), without decoding scalars.
        var bad = 0
        var total = 0
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let b = utf8.next() {
            if b & 0xC0 == 0x80 {
                if b == 0xBD, previous == (0xEF, 0xBF) { bad += 1 }
                previous = (previous.1, b)
                continue
            }
            guard total < 65_536 else { break }
            total += 1
            previous = (0, b)
            if b == 0 { return true }
            if (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D) || b == 0x7F { bad += 1 }
        }
        return total > 0 && bad * 10 > total
    }

    /// `looksBinary` as it reads scalars (the tests hold the byte count to it).
    static func looksBinaryByScalars(_ text: String) -> Bool {
        var bad = 0
        var total = 0
        for c in text.unicodeScalars.prefix(65_536) {
            total += 1
            if c == "\u{0}" { return true }
            if c == "\u{FFFD}" || (c.value < 0x20 && c != "\n" && c != "\t" && c != "\r") || c.value == 0x7F { bad += 1 }
        }
        return total > 0 && bad * 10 > total
    }

    static let fixtureKeys: Set<String> = ["request", "curl", "http", "token"]

    /// OAuth parameter names: a mapping made only of these is a pasted form, not a fixture.
    static let oauthParameters: Set<String> = [
        "grant_type", "client_assertion", "client_assertion_type", "client_id", "client_secret", "scope", "token",
        "token_type_hint", "audience", "resource", "code", "redirect_uri", "refresh_token", "code_verifier",
        "username", "password", "assertion", "device_code", "auth_req_id", "state", "nonce", "response_type",
    ]

    /// Top-level YAML keys (at column 0).
    static func topLevelKeys(_ text: String) -> [String] {
        if let fast = topLevelKeysASCII(text) { return fast }
        return text.split(separator: "\n").compactMap { whole -> String? in
            let line = whole.prefix(200)
            guard let f = line.first, f.isLetter || f == "_" else { return nil }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            let after = line[colon...].dropFirst()
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            return String(key)
        }
    }

    static func looksLikeYAMLFixture(_ text: String) -> Bool {
        let keys = topLevelKeys(text)
        guard !Set(keys).isDisjoint(with: fixtureKeys) else { return false }
        if keys.allSatisfy(oauthParameters.contains) { return false }
        // A raw HTTP request starts with a request line, a curl command with `curl`: the first
        // line must itself be a `key:` line (`curl -v …` followed by `curl: (6) …` is not YAML).
        let first = text.split(separator: "\n").first { !$0.trimmedWhitespace.isEmpty && !$0.hasPrefix("#") }
        return first.map { line in topLevelKeys(String(line)).first.map { keys.contains($0) } ?? false } ?? false
    }

    /// `topLevelKeys` over bytes for ASCII text without "\r" (a Character is one byte there:
    /// letters are A-Z and a-z, numbers 0-9); nil for other text.
    static func topLevelKeysASCII(_ text: String) -> [String]? {
        guard !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
        func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        func isKey(_ c: UInt8) -> Bool { isLetter(c) || (c >= 48 && c <= 57) || c == UInt8(ascii: "_") }
        var out: [String] = []
        let b = Array(text.utf8)
        var start = 0
        while start < b.count {
            var end = start
            while end < b.count && b[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1 }
            let limit = min(end, start + 200)
            guard start < limit, isLetter(b[start]) || b[start] == UInt8(ascii: "_") else { continue }
            var colon = start
            while colon < limit && b[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon < limit, b[start..<colon].allSatisfy(isKey) else { continue }
            guard colon + 1 == limit || b[colon + 1] == UInt8(ascii: " ") || b[colon + 1] == UInt8(ascii: "\t") else { continue }
            out.append(String(decoding: b[start..<colon], as: UTF8.self))
        }
        return out
    }

    /// Curl commands in the text. With several (a script), those that call a client-authenticating
    /// endpoint or send a client_assertion; nil when the text has no usable curl command.
    static func curlSubjects(_ text: String, source: String, loader: FixtureLoader) throws(InputError) -> [Subject]? {
        let results = CurlCommand.commands(in: text)
        guard !results.isEmpty else { return nil }
        var requests: [TokenRequest] = []
        var firstError: InputError?
        for r in results {
            switch r {
            case .success(let request):
                // Prose such as "curl returns 401" is not a command.
                let host = request.endpoint?.host ?? ""
                let named = host.contains(".") || host == "localhost" || request.url.hasPrefix("$") || request.url.hasPrefix("%")
                    || request.url.contains("{{") || request.endpoint?.hostIsPlaceholder == true
                if named { requests.append(request) }
            case .failure(let e):
                if firstError == nil { firstError = e }
            }
        }
        if requests.isEmpty {
            if let firstError { throw InputError(source, firstError.reason) }
            return nil
        }
        if requests.count > 1 {
            let relevant = requests.filter { r in
                r.endpoint.map(ServerTarget.classify)?.endpoint.authenticatesClient == true || r.form("client_assertion") != nil
            }
            if !relevant.isEmpty { requests = relevant }
        }
        return requests.map { r in
            let entry = requests.count > 1 ? "curl on line \(r.urlPosition?.line ?? 0): \(r.method) \(r.url)" : nil
            return subject(r, source: source, entry: entry, loader: loader)
        }
    }

    /// The host of a bare form body's endpoint, which the paste does not show.
    static let unknownServer = "{authorizationServer}"

    /// `grant_type=...&client_assertion=...` with no URL, or the `name: value` lines of a
    /// browser's form-data view.
    static func formBody(_ text: String) -> TokenRequest? {
        guard text.utf8.count <= 1_048_576, text.utf8.contains(UInt8(ascii: "=")) || text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = RawHTTPRequest.numberedLines(text, firstLine: 1).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        var fields: [FormField] = []
        let note: String
        var body = trimmed.hasPrefix("?") ? String(trimmed.dropFirst()) : trimmed
        // `client_id= ....`: the reporter cut the last value short.
        var elision: String?
        if let r = body.range(of: #"\s*(?:\.{3,}|…)$"#, options: .regularExpression), r.lowerBound > body.startIndex,
           body[..<r.lowerBound].last == "=" {
            elision = body[r].trimmedWhitespace
            body = String(body[..<r.lowerBound])
        }
        var guesses: [ReaderGuess] = []
        var notes: [String] = []
        if !body.contains(" "), !body.contains("\n") || elision == nil, body.contains("&"), body.contains("=") {
            fields = elision == nil ? RawHTTPRequest.formFields(lines) : FormEncoding.fields(body, position: lines.first.map { SourcePosition(line: $0.number, column: 1) })
            note = "a form body without a URL: the endpoint it is sent to is unknown, so checks that need it are skipped"
            if let elision, let last = fields.indices.last {
                let name = fields[last].name
                fields[last].value = elision
                notes.append("the value of `\(name)` is cut short (`\(elision)`): it is read as not shown, and not judged")
                guesses.append(ReaderGuess(.elision, "the value of `\(name)`, cut short in the paste, was read as not shown", affects: [.parameter(name)]))
            }
        } else if lines.count >= 2, lines.allSatisfy({ $0.text.range(of: #"^\s*[a-z_]+\s*:\s*\S"#, options: .regularExpression) != nil }) {
            for line in lines {
                guard let colon = line.text.firstIndex(of: ":") else { continue }
                let lead = line.text.prefix(while: { $0 == " " || $0 == "\t" }).count
                fields.append(FormField(name: line.text[..<colon].trimmingCharacters(in: .whitespaces),
                                        value: line.text[line.text.index(after: colon)...].trimmingCharacters(in: .whitespaces),
                                        position: SourcePosition(line: line.number, column: lead + 1)))
            }
            note = "read the `name: value` lines as form fields (a browser's form data view); the URL is unknown, so checks that need it are skipped"
        } else {
            return nil
        }
        let names = Set(fields.map(\.name))
        guard fields.count >= 2, !names.isDisjoint(with: oauthParameters),
              fields.allSatisfy({ f in
                  !f.name.isEmpty && f.name.count <= 64
                      && f.name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
              })
        else { return nil }
        // `client_assertion=eyJ…&client_assertion_type=…` is a token copied with its neighbour.
        if fields.count == 2 && fields[0].name == "client_assertion" { return nil }
        var url = ""
        // A body carrying a client assertion goes to an endpoint that authenticates the client, and
        // a `grant_type` is taken only by the token endpoint; which server's is not shown, so the
        // URL is a placeholder (judged as the profile chosen says, else as RFC 7523 does).
        let carriesAssertion = names.contains("client_assertion") || names.contains("client_assertion_type")
        if (elision != nil && carriesAssertion) || names.contains("grant_type") {
            url = "https://\(unknownServer)/token"
            let what = names.contains("grant_type") ? "the body names a grant_type" : "the body carries a client assertion"
            notes.append("\(what), so it was read as sent to a token endpoint, `\(url)`; give --endpoint URL to judge it for your server")
            guesses.append(ReaderGuess(.missingURL, "the endpoint, which the paste does not show, was taken as a token endpoint", affects: [.url]))
        }
        var request = TokenRequest(method: "POST", url: url, headers: [HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                                   body: .form(fields), bodyPosition: fields.first?.position, notes: (url.isEmpty ? [note] : []) + notes)
        request.guesses = guesses
        if let elision {
            // What follows the elision is not shown either: a parameter absent from it may be there.
            request.shows = Evidence(method: false, url: false, headers: false, body: false, source: "a form body cut short with `\(elision)`")
        }
        return request
    }

    static func traceSubject(_ traced: HTTPTrace.Read, source: String, loader: FixtureLoader) -> Subject {
        var s = subject(traced.request, source: source, entry: nil, loader: loader)
        s.reportedAnswer = traced.answer
        return s
    }

    /// One subject per request: the assertion is the `client_assertion` form field.
    static func subject(_ request: TokenRequest, source: String, entry: String?, loader: FixtureLoader) -> Subject {
        var notes = request.notes + PlaceholderNotes.notes(for: request)
        var assertion: AssertionInput = .absent
        var position: SourcePosition?
        if let field = request.form("client_assertion") {
            assertion = AssertionInput.read(field.value)
            position = field.position
        } else if let (value, place) = assertionOutsideForm(request) {
            assertion = FixtureLoader.decode(value)
            position = request.bodyPosition ?? request.urlPosition
            notes.append("client_assertion was read from \(place); Okta reads it only from an application/x-www-form-urlencoded POST body")
        }
        return Subject(source: source, entry: entry, request: request, assertion: assertion, assertionPosition: position,
                       now: loader.realNow, clockIsReal: true, notes: notes)
    }

    /// A client_assertion sent where the server does not look: the URL query, a JSON body, a
    /// multipart body. Its claims are still worth judging.
    static func assertionOutsideForm(_ request: TokenRequest) -> (String, String)? {
        if let query = request.endpoint?.query,
           let field = FormEncoding.fields(query).first(where: { $0.name == "client_assertion" }), !field.value.isEmpty {
            return (field.value, "the URL query")
        }
        guard case .raw(let text) = request.body, text.contains("client_assertion") else { return nil }
        if let json = try? JSONParser.parse(text), let value = json.objectValue?["client_assertion"]?.stringValue, !value.isEmpty {
            return (value, "a JSON body")
        }
        if let r = text.range(of: #"name="client_assertion"\n\n"#, options: .regularExpression) {
            let value = text[r.upperBound...].prefix(while: { $0 != "\n" })
            if !value.isEmpty { return (String(value), "a multipart/form-data body") }
        }
        return nil
    }
}
