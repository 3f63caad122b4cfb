import Foundation

/// A credential for Okta's management API. It comes only from the environment or a file,
/// never from a command-line flag (flags land in shell history and process lists), and it is
/// never printed: `description` names only its origin.
public struct ManagementCredential: Sendable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        /// An Okta API token (`Authorization: SSWS ...`).
        case ssws = "SSWS"
        /// An OAuth access token for the management API (`Authorization: Bearer ...`).
        case bearer = "Bearer"
    }

    public let scheme: Scheme
    let token: String
    /// Where it was read: `OKTA_API_TOKEN`, or `file /path`.
    public let origin: String

    init(scheme: Scheme, token: String, origin: String) {
        self.scheme = scheme
        self.token = Self.clean(token, scheme: scheme)
        self.origin = origin
    }

    public var description: String { "\(scheme == .ssws ? "API token" : "access token") from \(origin) (not shown)" }

    var authorization: HTTPHeader { HTTPHeader(name: "Authorization", value: "\(scheme.rawValue) \(token)") }

    /// `OKTA_API_TOKEN` (SSWS) or `OKTA_ACCESS_TOKEN` (Bearer), or a file named by
    /// `OKTA_API_TOKEN_FILE` / `OKTA_ACCESS_TOKEN_FILE`. Nil when none is set.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> ManagementCredential? {
        if let t = env["OKTA_API_TOKEN"], !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ManagementCredential(scheme: .ssws, token: t, origin: "OKTA_API_TOKEN")
        }
        if let t = env["OKTA_ACCESS_TOKEN"], !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ManagementCredential(scheme: .bearer, token: t, origin: "OKTA_ACCESS_TOKEN")
        }
        if let path = env["OKTA_API_TOKEN_FILE"], !path.isEmpty { return try fromFile(path, scheme: .ssws) }
        if let path = env["OKTA_ACCESS_TOKEN_FILE"], !path.isEmpty { return try fromFile(path, scheme: .bearer) }
        return nil
    }

    /// A token file: the token alone (a leading `SSWS ` / `Bearer ` is tolerated). Read once,
    /// at most 64 KiB, and a pipe that never closes gives up after 5 s.
    public static func fromFile(_ path: String, scheme: Scheme) throws(InputError) -> ManagementCredential {
        let variable = scheme == .ssws ? "OKTA_API_TOKEN_FILE" : "OKTA_ACCESS_TOKEN_FILE"
        let data: [UInt8]
        switch BoundedFile.read(path, allowing: .fileOrPipe(limit: 64 << 10, deadline: 5)) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw InputError("\(variable) \(path)", "cannot read the token file: \(failure.reason)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(where: \.isNewline) else {
            throw InputError("\(variable) \(path)", "a token file holds the token alone, on one line")
        }
        return ManagementCredential(scheme: scheme, token: text, origin: variable)
    }

    /// The environment variable (or `_FILE` variable) the credential came from.
    public var variable: String { origin }

    private static func clean(_ token: String, scheme: Scheme) -> String {
        let t = token.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["SSWS ", "Bearer ", "bearer "] where t.hasPrefix(prefix) {
            return String(t.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return t
    }
}

/// What Okta has registered for a client, as its management APIs report it.
public struct RegisteredClient: Sendable, Equatable {
    public var clientID: String
    public var authMethod: AuthMethod?
    /// The raw `token_endpoint_auth_method`, also when assertlint does not know the value.
    public var authMethodText: String?
    public var type: AppType?
    public var applicationTypeText: String?
    public var grantTypes: [String]?
    /// The inline JWKS registered for the client.
    public var jwks: JSONValue?
    /// Where the client hosts its own keys, when it registered a URL instead of keys.
    public var jwksURI: String?
    /// For each field read (`token_endpoint_auth_method`, ...), the URL it came from.
    public var sources: [String: String]
    /// The requests made, as `GET /path`, in order.
    public var requests: [String] = []
    /// What was not used, and why (the Apps API answered 404 after a good Clients API answer).
    public var notes: [String] = []

    public init(clientID: String) {
        self.clientID = clientID
        self.sources = [:]
    }

    var lacksSomething: Bool {
        authMethodText == nil || applicationTypeText == nil || grantTypes == nil
            || (authMethod == .privateKeyJWT && jwks == nil && jwksURI == nil)
    }
}

/// Reads a client's registration from Okta's management API: the OAuth Clients API
/// (`GET /oauth2/v1/clients/{client_id}`) first, then the Apps API
/// (`GET /api/v1/apps/{client_id}`) for whatever the first lacks or when it is refused.
public struct ClientRegistry: Sendable {
    public let client: HTTPClient
    /// The org's base URL (`https://{domain}`), without a path.
    public let baseURL: String
    public let credential: ManagementCredential
    /// Every request carrying the credential is bound to this origin (the client refuses others).
    public let origin: Origin?

    public init(client: HTTPClient, baseURL: String, credential: ManagementCredential) {
        // A redirect must never carry the management credential anywhere, not even within the org.
        self.client = client.with { $0.followRedirects = false }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.credential = credential
        self.origin = Origin(url: self.baseURL)
    }

    public func clientsURL(_ clientID: String) -> String { "\(baseURL)/oauth2/v1/clients/\(Self.pathSegment(clientID))" }
    public func appsURL(_ clientID: String) -> String { "\(baseURL)/api/v1/apps/\(Self.pathSegment(clientID))" }

    /// Reads the registration. When the Clients API answered, its answer is kept whatever the
    /// Apps API then says; a 403 or 404 from the Apps API is a note, other failures are thrown
    /// only when neither API answered.
    public func fetch(clientID: String) throws(NetworkError) -> RegisteredClient {
        var registered = RegisteredClient(clientID: clientID)
        var clientsError: NetworkError?
        do {
            let url = clientsURL(clientID)
            registered.requests.append("GET " + Self.pathOf(url))
            Self.readClientsAPI(try get(url), source: url, into: &registered)
        } catch {
            // 403: the token may lack okta.clients.read but hold okta.apps.read; 404: try the app.
            guard case .httpStatus(let status, _, _) = error.cause, status == 403 || status == 404 else { throw error }
            clientsError = error
        }
        guard registered.lacksSomething else { return registered }
        do {
            let url = appsURL(clientID)
            registered.requests.append("GET " + Self.pathOf(url))
            Self.readAppsAPI(try get(url), source: url, into: &registered)
        } catch {
            if let clientsError { throw clientsError }
            guard case .httpStatus(let status, _, _) = error.cause, status == 403 || status == 404 else { throw error }
            registered.notes.append("the Apps API answered HTTP \(status) for this client; the Clients API's answer is used alone")
        }
        return registered
    }

    private func get(_ url: String) throws(NetworkError) -> JSONValue {
        try client.getJSON(url, headers: [credential.authorization], secrets: [credential.token], boundTo: origin,
                           expecting: "an Okta client or app object")
    }

    static func pathOf(_ url: String) -> String {
        guard let parts = URLParts(url) else { return url }
        return (parts.path ?? "/") + (parts.query.map { "?" + $0 } ?? "")
    }

    /// Only fills what is still missing: the Clients API is read first and wins.
    static func readClientsAPI(_ json: JSONValue, source: String, into r: inout RegisteredClient) {
        guard let o = json.objectValue else { return }
        fill(&r, method: o["token_endpoint_auth_method"], type: o["application_type"], grants: o["grant_types"],
             jwks: o["jwks"], jwksURI: o["jwks_uri"], source: source)
    }

    static func readAppsAPI(_ json: JSONValue, source: String, into r: inout RegisteredClient) {
        guard let o = json.objectValue else { return }
        let credentials = o["credentials"]?.objectValue?["oauthClient"]?.objectValue
        let settings = o["settings"]?.objectValue?["oauthClient"]?.objectValue
        fill(&r, method: credentials?["token_endpoint_auth_method"], type: settings?["application_type"],
             grants: settings?["grant_types"], jwks: settings?["jwks"], jwksURI: settings?["jwks_uri"], source: source)
    }

    private static func fill(_ r: inout RegisteredClient, method: JSONValue?, type: JSONValue?, grants: JSONValue?,
                             jwks: JSONValue?, jwksURI: JSONValue?, source: String) {
        if r.authMethodText == nil, let m = method?.stringValue {
            r.authMethodText = m
            r.authMethod = AuthMethod(rawValue: m)
            r.sources["token_endpoint_auth_method"] = source
        }
        if r.applicationTypeText == nil, let t = type?.stringValue {
            r.applicationTypeText = t
            r.type = appType(t)
            r.sources["application_type"] = source
        }
        if r.grantTypes == nil, let g = grants?.arrayValue {
            r.grantTypes = g.compactMap(\.stringValue)
            r.sources["grant_types"] = source
        }
        // An empty key list is what Okta shows for an app without keys; keep it, it is a fact.
        if r.jwks == nil, let j = jwks, j.objectValue?["keys"]?.arrayValue != nil {
            r.jwks = j
            r.sources["jwks"] = source
        }
        if r.jwksURI == nil, let u = jwksURI?.stringValue, !u.isEmpty {
            r.jwksURI = u
            r.sources["jwks_uri"] = source
        }
    }

    /// Okta's `application_type` values; `browser` is what the console calls a SPA.
    static func appType(_ text: String) -> AppType? {
        switch text.lowercased() {
        case "service": return .service
        case "web": return .web
        case "browser", "spa": return .spa
        case "native": return .native
        default: return nil
        }
    }

    /// The client id as one path segment. `.` and `..` are encoded too, so no client id can
    /// name another path of the management API.
    static func pathSegment(_ s: String) -> String {
        let encoded = FormEncoding.encode(s)
        return !encoded.isEmpty && encoded.allSatisfy({ $0 == "." }) ? String(repeating: "%2E", count: encoded.count) : encoded
    }
}

/// Fetches a JWKS the client hosts itself (the app's registered `jwks_uri`). Never used for
/// a URL named by a token (`jku`, `x5u`): whoever writes a token chooses those.
public struct ClientJWKSFetcher: Sendable {
    public let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    public func fetch(_ url: String) throws(NetworkError) -> JSONValue {
        let json = try client.getJSON(url, expecting: "a JWKS")
        guard json.objectValue?["keys"]?.arrayValue != nil else {
            throw NetworkError(url: url, cause: .unexpectedDocument("the document has no `keys` array: it is not a JWKS"))
        }
        return json
    }
}
