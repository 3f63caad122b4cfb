import Foundation

/// What a Postman auth setting adds to the request it applies to, and, for the OAuth 2.0 helper,
/// the token request Postman sends first (`Get New Access Token`).
extension PostmanCollection {
    /// A setting's members: v2.1 writes `[{key, value}]`, v2.0 an object.
    static func settings(_ auth: JSONObject, _ type: String) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        if let list = auth[type]?.arrayValue {
            for v in list {
                if let o = v.objectValue, let key = o["key"]?.stringValue { out[key] = o["value"] ?? .null }
            }
        } else if let o = auth[type]?.objectValue {
            for m in o.members { out[m.key] = m.value }
        }
        return out
    }

    static func apply(_ auth: Auth, to request: inout TokenRequest, label: String, into walk: inout Walk) {
        let s = settings(auth.object, auth.type)
        func text(_ key: String) -> String { walk.variables.resolve(PostmanVariables.text(s[key])) }
        let inherited = auth.definedAt == "the request" ? "" : " (inherited from \(auth.definedAt))"
        switch auth.type {
        case "noauth", "inherit":
            return
        case "basic":
            request.headers.removeAll { $0.name.lowercased() == "authorization" }
            request.headers.append(HTTPHeader(name: "Authorization", value: basic(text("username"), text("password"))))
            request.notes.append("Postman's Basic Auth\(inherited) adds an `Authorization: Basic` header")
        case "bearer":
            request.headers.removeAll { $0.name.lowercased() == "authorization" }
            request.headers.append(HTTPHeader(name: "Authorization", value: "Bearer " + text("token")))
            request.notes.append("Postman's Bearer Token auth\(inherited) adds an `Authorization: Bearer` header")
        case "apikey":
            let key = text("key"), value = text("value")
            guard !key.isEmpty else { return }
            if text("in") == "query" {
                request.url += (request.url.contains("?") ? "&" : "?") + "\(key)=\(value)"
            } else {
                request.headers.append(HTTPHeader(name: key, value: value))
            }
            request.notes.append("Postman's API Key auth\(inherited) adds `\(key)`")
        case "oauth2":
            // The request itself carries the access token the helper obtained.
            if (text("addTokenTo").isEmpty || text("addTokenTo") == "header") {
                let prefix = text("headerPrefix").isEmpty ? "Bearer" : text("headerPrefix")
                request.headers.removeAll { $0.name.lowercased() == "authorization" }
                request.headers.append(HTTPHeader(name: "Authorization", value: "\(prefix) <the access token Postman obtained>"))
                request.notes.append("Postman's OAuth 2.0 auth\(inherited) adds `Authorization: \(prefix) <access token>` to this request")
            }
            let place = auth.definedAt == "the request" ? "request `\(label)`" : auth.definedAt
            guard walk.helpers.insert(place).inserted, let token = helperRequest(s, place: place, variables: &walk.variables) else { return }
            walk.out.append(Entry(request: token, name: "Postman OAuth 2.0 helper of \(place): \(token.method) \(token.url)"))
        default:
            request.notes.append("Postman's `\(auth.type)` auth\(inherited) adds credentials assertlint does not rebuild")
        }
    }

    /// `Authorization: Basic base64(user:password)`; with a variable left undefined the encoded
    /// value is unknown, so the header says so instead of encoding the placeholder.
    static func basic(_ user: String, _ password: String) -> String {
        if Placeholders.contains(user) || Placeholders.contains(password) {
            return "Basic (Postman encodes \(Placeholders.find(user).first ?? "the client id") and the secret; not in the paste)"
        }
        return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// The token request the OAuth 2.0 helper sends: to the Access Token URL, a form body with the
    /// grant's parameters, the client credentials as a Basic header ("Send as Basic Auth header",
    /// Postman's default) or as `client_id`/`client_secret` in the body ("Send client credentials in
    /// body"), and the Advanced section's extra token request parameters. nil for the implicit grant,
    /// which sends no token request.
    static func helperRequest(_ s: [String: JSONValue], place: String, variables: inout PostmanVariables) -> TokenRequest? {
        func text(_ key: String) -> String { variables.resolve(PostmanVariables.text(s[key])) }
        let grant = text("grant_type").isEmpty ? "authorization_code" : text("grant_type")
        guard grant != "implicit" else { return nil }
        var notes: [String] = []
        let url = absolute(text("accessTokenUrl"), notes: &notes)
        var request = TokenRequest(method: "POST", url: url,
                                   headers: [HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded")])
        var fields: [FormField] = []
        switch grant {
        case "client_credentials":
            fields.append(FormField(name: "grant_type", value: "client_credentials"))
        case "password_credentials", "password":
            fields.append(FormField(name: "grant_type", value: "password"))
            fields.append(FormField(name: "username", value: text("username")))
            fields.append(FormField(name: "password", value: text("password")))
        case "authorization_code", "authorization_code_with_pkce":
            fields.append(FormField(name: "grant_type", value: "authorization_code"))
            fields.append(FormField(name: "code", value: "<the code Postman receives>"))
            if !text("redirect_uri").isEmpty { fields.append(FormField(name: "redirect_uri", value: text("redirect_uri"))) }
            if grant.hasSuffix("pkce") { fields.append(FormField(name: "code_verifier", value: "<the code verifier Postman generates>")) }
        default:
            fields.append(FormField(name: "grant_type", value: grant))
        }
        if !text("scope").isEmpty { fields.append(FormField(name: "scope", value: text("scope"))) }
        let id = text("clientId"), secret = text("clientSecret")
        let inBody = text("client_authentication") == "body"
        if inBody {
            if !id.isEmpty { fields.append(FormField(name: "client_id", value: id)) }
            if !secret.isEmpty { fields.append(FormField(name: "client_secret", value: secret)) }
            notes.append("Client Authentication is \"Send client credentials in body\": client_id\(secret.isEmpty ? "" : " and client_secret") go in the form body")
        } else if !id.isEmpty || !secret.isEmpty {
            request.headers.append(HTTPHeader(name: "Authorization", value: basic(id, secret)))
            notes.append("Client Authentication is \"Send as Basic Auth header\"\(s["client_authentication"] == nil ? " (Postman's default)" : ""): Postman sends client id and secret as `Authorization: Basic`\(secret.isEmpty ? ", with an empty secret (inferred: Postman does not leave the header out when the secret is empty)" : "")")
        }
        var extras: [String] = []
        for v in s["tokenRequestParams"]?.arrayValue ?? [] {
            guard let o = v.objectValue, let key = o["key"]?.stringValue, o["enabled"] != .bool(false) else { continue }
            let name = variables.resolve(key), value = variables.resolve(PostmanVariables.text(o["value"]))
            switch o["send_as"]?.stringValue ?? "request_body" {
            case "request_header": request.headers.append(HTTPHeader(name: name, value: value))
            case "request_url": request.url += (request.url.contains("?") ? "&" : "?") + "\(FormEncoding.encode(name))=\(FormEncoding.encode(value))"
            default: fields.append(FormField(name: name, value: value))
            }
            extras.append("`\(name)`")
        }
        if !extras.isEmpty { notes.append("the helper's Advanced settings add \(extras.joined(separator: ", ")) to the token request") }
        request.body = .form(fields)
        notes.insert("the OAuth 2.0 auth helper set on \(place) (grant type \(grant)): this is the token request Postman sends for it (Get New Access Token)", at: 0)
        request.notes = notes
        return request
    }
}
