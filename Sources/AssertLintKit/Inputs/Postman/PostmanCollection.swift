import Foundation

/// Reads a Postman collection (v2.0 or v2.1 export): every request that calls an authorization
/// server's client-authenticating endpoint (or sends a `client_assertion`) is one request, and
/// every OAuth 2.0 auth helper in use is the token request Postman sends for it. Folders nest;
/// a request without `auth` inherits its folder's, then the collection's.
enum PostmanCollection {
    struct Entry: Sendable {
        let request: TokenRequest
        /// "Postman request `Folder / Get token`: POST https://…/v1/token"
        let name: String
    }

    /// Items deeper than this, or more than `maxItems` of them, are not walked: no real export has them.
    static let maxDepth = 32
    static let maxItems = 10_000

    static func isCollection(_ json: JSONValue) -> Bool {
        guard let o = json.objectValue else { return false }
        guard o["item"]?.arrayValue != nil else { return isItem(o) }
        if let schema = o["info"]?.objectValue?["schema"]?.stringValue, schema.contains("getpostman.com") { return true }
        return o["info"]?.objectValue != nil
    }

    /// One request item copied out of a collection: `{"name", "request": {"method", "url", "header",
    /// "body": {"mode": …}}}`. A fixture's `request:` has `form` and no Postman `body.mode`, `header`
    /// list or `url` object.
    static func isItem(_ o: JSONObject) -> Bool {
        guard let r = o["request"]?.objectValue, r["form"] == nil else { return false }
        return r["body"]?.objectValue?["mode"] != nil || r["header"]?.arrayValue != nil || r["url"]?.objectValue != nil
    }

    /// The collection to walk: the collection itself, or a lone item wrapped as a collection of one.
    static func root(_ json: JSONValue) -> JSONValue {
        guard let o = json.objectValue, o["item"] == nil, isItem(o) else { return json }
        return .object(JSONObject([JSONMember(key: "item", value: .array([json]))]))
    }

    /// An auth setting and where it was set, for notes: "the collection", "folder `Admin`".
    struct Auth {
        let object: JSONObject
        let definedAt: String
        var type: String { object["type"]?.stringValue ?? "noauth" }
    }

    struct Walk {
        var variables: PostmanVariables
        var out: [Entry] = []
        var seen = 0
        var requestCount = 0
        /// OAuth 2.0 helpers already turned into a token request (one per place it is set).
        var helpers: Set<String> = []
        var scripts: [String] = []
    }

    static func entries(_ json: JSONValue, environment: PostmanEnvironment?, source: String) throws(InputError) -> [Entry] {
        guard let root = root(json).objectValue, let items = root["item"]?.arrayValue else {
            throw InputError(source, "not a Postman collection: there is no `item` array")
        }
        var walk = Walk(variables: PostmanVariables(collection: root, environment: environment))
        if hasScript(root) { walk.scripts.append("the collection") }
        let auth = root["auth"]?.objectValue.map { Auth(object: $0, definedAt: "the collection") }
        self.walk(items, path: [], auth: auth, depth: 0, into: &walk)
        guard !walk.out.isEmpty else {
            throw InputError(source, "the Postman collection has \(walk.requestCount) request\(walk.requestCount == 1 ? "" : "s"), and none calls an authorization server's token, introspect, revoke or PAR endpoint, sends a client_assertion or uses the OAuth 2.0 auth helper")
        }
        let shared = walk.variables.notes
        return walk.out.map { entry in
            var request = entry.request
            request.notes += shared
            if !walk.scripts.isEmpty {
                request.notes.append("\(walk.scripts.prefix(4).joined(separator: ", ")) \(walk.scripts.count == 1 ? "has a" : "have") pre-request script\(walk.scripts.count == 1 ? "" : "s"): what a script sets or changes is not in the paste")
            }
            return Entry(request: request, name: entry.name)
        }
    }

    static func walk(_ items: [JSONValue], path: [String], auth: Auth?, depth: Int, into walk: inout Walk) {
        guard depth < maxDepth else { return }
        for item in items {
            walk.seen += 1
            guard walk.seen <= maxItems, let o = item.objectValue else { return }
            let name = o["name"]?.stringValue ?? "(unnamed)"
            let here = path + [name]
            let own = o["auth"]?.objectValue
            if let children = o["item"]?.arrayValue {
                if hasScript(o) { walk.scripts.append("folder `\(here.joined(separator: " / "))`") }
                let inherited = own.map { Auth(object: $0, definedAt: "folder `\(here.joined(separator: " / "))`") } ?? auth
                self.walk(children, path: here, auth: inherited, depth: depth + 1, into: &walk)
                continue
            }
            guard let requestValue = o["request"] else { continue }
            walk.requestCount += 1
            let requestObject = requestValue.objectValue
            let requestAuth = requestObject?["auth"]?.objectValue.map { Auth(object: $0, definedAt: "the request") } ?? auth
            let label = here.joined(separator: " / ")
            if hasScript(o) { walk.scripts.append("request `\(label)`") }
            var request = self.request(requestValue, variables: &walk.variables)
            if let requestAuth {
                apply(requestAuth, to: &request, label: label, into: &walk)
            }
            if isRelevant(request) {
                walk.out.append(Entry(request: request, name: "Postman request `\(label)`: \(request.method) \(request.url)"))
            }
        }
    }

    /// Whether the request is one assertlint judges: at a client-authenticating endpoint, or one
    /// that sends client credentials or a grant (its URL may be all variables).
    static func isRelevant(_ request: TokenRequest) -> Bool {
        if request.method == "OPTIONS" { return false }
        if request.endpoint.map(ServerTarget.classify)?.endpoint.authenticatesClient == true { return true }
        if ["client_assertion", "client_secret", "grant_type"].contains(where: { request.form($0) != nil }) { return true }
        if case .raw(let text) = request.body { return text.contains("client_assertion") }
        return false
    }

    static func hasScript(_ o: JSONObject) -> Bool {
        (o["event"]?.arrayValue ?? []).contains { e in
            guard let m = e.objectValue, m["listen"]?.stringValue == "prerequest" else { return false }
            let exec = m["script"]?.objectValue?["exec"]
            if let lines = exec?.arrayValue { return lines.contains { !($0.stringValue ?? "").trimmedWhitespace.isEmpty } }
            return !(exec?.stringValue ?? "").trimmedWhitespace.isEmpty
        }
    }

    /// One item's request as Postman sends it, variables filled in.
    static func request(_ value: JSONValue, variables: inout PostmanVariables) -> TokenRequest {
        // v2.0 allows a request written as its URL alone: a GET.
        guard let r = value.objectValue else {
            var ignored: [String] = []
            return TokenRequest(method: "GET", url: absolute(variables.resolve(value.stringValue ?? ""), notes: &ignored))
        }
        var notes: [String] = []
        let method = variables.resolve(r["method"]?.stringValue ?? "GET").uppercased()
        let url = absolute(variables.resolve(url(r["url"])), notes: &notes)
        var request = TokenRequest(method: method, url: url)
        var disabled: [String] = []
        for h in headers(r["header"]) {
            if h.disabled { disabled.append("header `\(h.key)`"); continue }
            request.headers.append(HTTPHeader(name: variables.resolve(h.key), value: variables.resolve(h.value)))
        }
        if let body = r["body"]?.objectValue, body["disabled"] != .bool(true) {
            readBody(body, into: &request, variables: &variables, disabled: &disabled, notes: &notes)
        }
        if !disabled.isEmpty {
            notes.append("disabled in Postman, so not sent: \(disabled.prefix(8).joined(separator: ", "))")
        }
        request.notes = notes
        return request
    }

    static func readBody(_ body: JSONObject, into request: inout TokenRequest, variables: inout PostmanVariables,
                         disabled: inout [String], notes: inout [String]) {
        let mode = body["mode"]?.stringValue ?? ""
        switch mode {
        case "urlencoded":
            var fields: [FormField] = []
            for p in keyValues(body["urlencoded"]) {
                if p.disabled { disabled.append("body field `\(p.key)`"); continue }
                fields.append(FormField(name: variables.resolve(p.key), value: variables.resolve(p.value)))
            }
            if request.header("Content-Type") == nil {
                request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
                notes.append("Postman adds `Content-Type: application/x-www-form-urlencoded` for an x-www-form-urlencoded body")
            }
            request.body = .form(fields)
        case "formdata":
            // Sent as multipart/form-data, whatever the fields hold.
            var text = ""
            for p in keyValues(body["formdata"]) {
                if p.disabled { disabled.append("body field `\(p.key)`"); continue }
                text += "--postman\nContent-Disposition: form-data; name=\"\(variables.resolve(p.key))\"\n\n\(variables.resolve(p.value))\n"
            }
            text += "--postman--\n"
            request.headers.removeAll { $0.name.lowercased() == "content-type" }
            request.headers.append(HTTPHeader(name: "Content-Type", value: "multipart/form-data; boundary=postman"))
            notes.append("the body is Postman's form-data mode, sent as multipart/form-data")
            request.body = .raw(text)
        case "raw":
            let text = variables.resolve(body["raw"]?.stringValue ?? "")
            if request.header("Content-Type") == nil,
               let language = body["options"]?.objectValue?["raw"]?.objectValue?["language"]?.stringValue {
                let types = ["json": "application/json", "xml": "application/xml", "javascript": "application/javascript",
                             "html": "text/html", "text": "text/plain"]
                if let type = types[language] {
                    request.headers.append(HTTPHeader(name: "Content-Type", value: type))
                    notes.append("Postman adds `Content-Type: \(type)` for a raw \(language) body")
                }
            }
            if text.isEmpty { return }
            request.body = RequestBody.read(text, mediaType: request.mediaType)
        case "", "none":
            return
        default:
            notes.append("the body is Postman's \(mode) mode, which assertlint does not read")
        }
    }

    /// `url` as a string, or an object with `raw` (or its parts: protocol, host, port, path, query).
    static func url(_ value: JSONValue?) -> String {
        if let s = value?.stringValue { return s }
        guard let o = value?.objectValue else { return "" }
        if let raw = o["raw"]?.stringValue, !raw.isEmpty { return raw }
        func joined(_ v: JSONValue?, _ separator: String) -> String {
            if let s = v?.stringValue { return s }
            return (v?.arrayValue ?? []).map { $0.stringValue ?? $0.objectValue?["value"]?.stringValue ?? "" }.joined(separator: separator)
        }
        var s = ""
        if let scheme = o["protocol"]?.stringValue, !scheme.isEmpty { s += scheme + "://" }
        s += joined(o["host"], ".")
        if let port = o["port"]?.stringValue, !port.isEmpty { s += ":" + port }
        let path = joined(o["path"], "/")
        if !path.isEmpty { s += path.hasPrefix("/") ? path : "/" + path }
        let query = keyValues(o["query"]).filter { !$0.disabled }.map { "\($0.key)=\($0.value)" }
        if !query.isEmpty { s += "?" + query.joined(separator: "&") }
        return s
    }

    /// Postman sends a URL written without a scheme over http; one that starts with a variable
    /// (`{{baseUrl}}/oauth2/v1/token`) keeps its path, read as https so its shape is judged.
    static func absolute(_ url: String, notes: inout [String]) -> String {
        let t = url.trimmedWhitespace
        guard !t.isEmpty, !t.contains("://") else { return t }
        if t.hasPrefix("{{") {
            notes.append("the URL starts with the variable \(t.prefix { $0 != "}" })}}, which is not defined: read as https://\(t) to keep its path")
            return "https://" + t
        }
        notes.append("the URL has no scheme; Postman sends it over http")
        return "http://" + t
    }

    struct KeyValue {
        let key: String
        let value: String
        let disabled: Bool
    }

    /// `[{key, value, disabled}]` lists (headers, form fields, query, auth settings).
    static func keyValues(_ value: JSONValue?) -> [KeyValue] {
        (value?.arrayValue ?? []).compactMap { v in
            guard let o = v.objectValue, let key = o["key"]?.stringValue else { return nil }
            return KeyValue(key: key, value: PostmanVariables.text(o["value"]),
                            disabled: o["disabled"] == .bool(true) || o["enabled"] == .bool(false))
        }
    }

    /// Headers as a list, or (v2.0) as one `Name: value` text per line.
    static func headers(_ value: JSONValue?) -> [KeyValue] {
        if let text = value?.stringValue {
            return text.split(whereSeparator: \.isNewline).compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return KeyValue(key: line[..<colon].trimmedWhitespace, value: line[line.index(after: colon)...].trimmedWhitespace, disabled: false)
            }
        }
        return keyValues(value)
    }
}
