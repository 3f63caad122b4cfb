import Foundation

/// One fact read from the server, and where.
public struct OnlineFact: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let value: String
    public let source: String

    public var description: String { "\(name): \(value) (from \(source))" }
}

/// What online mode fetched for one subject, and what it could not fetch.
public struct OnlineContext: Sendable {
    public var discoveryURL: String?
    public var metadata: ServerMetadata?
    public var registration: RegisteredClient?
    /// The keys the client hosts at its registered `jwks_uri`.
    public var hostedJWKS: JSONValue?
    public var hostedJWKSSource: String?
    /// Lookups that were attempted and failed. Non-empty means the CLI exits 2.
    public var failures: [NetworkError]
    /// Lookups that were not attempted, and why (no credential, no client id, no issuer).
    public var skipped: [String]

    public init(discoveryURL: String? = nil, metadata: ServerMetadata? = nil, registration: RegisteredClient? = nil,
                hostedJWKS: JSONValue? = nil, hostedJWKSSource: String? = nil, failures: [NetworkError] = [],
                skipped: [String] = []) {
        self.discoveryURL = discoveryURL
        self.metadata = metadata
        self.registration = registration
        self.hostedJWKS = hostedJWKS
        self.hostedJWKSSource = hostedJWKSSource
        self.failures = failures
        self.skipped = skipped
    }

    /// Puts what the server said into the subject. A flag or fixture value wins over the
    /// server (the user said so explicitly; a difference is reported); the server wins over
    /// anything assumed or guessed from the request.
    public func merge(into subject: Subject) -> OnlineMerge {
        var s = subject
        var fromServer: [OnlineFact] = []
        var overridden: [String] = []

        // A value without a recorded origin was set by an input (fixtures record only some).
        func userGave(_ key: String, hasValue: Bool) -> Bool {
            guard hasValue else { return false }
            guard let p = s.app.provenance[key] else { return true }
            return p == .flag || p == .fixture
        }
        func take<T: Equatable>(_ key: String, label: String, server: T?, shown: String?, source: String?,
                                current: T?, set: (inout AppRegistration, T) -> Void) {
            guard let server, let shown, let source else { return }
            if userGave(key, hasValue: current != nil), let current {
                if current != server {
                    let given = s.app.provenance[key]?.rawValue ?? "the input"
                    overridden.append("\(label): the server has \(shown) (\(source)), but \(given) gives another value; that value was used")
                }
                return
            }
            set(&s.app, server)
            s.app.provenance[key] = .server
            fromServer.append(OnlineFact(name: label, value: shown, source: source))
        }

        if let r = registration {
            take("client_id", label: "client_id", server: r.clientID, shown: r.clientID,
                 source: r.sources.values.sorted().first, current: s.app.clientID) { $0.clientID = $1 }
            take("auth_method", label: "token_endpoint_auth_method", server: r.authMethod, shown: r.authMethodText,
                 source: r.sources["token_endpoint_auth_method"], current: s.app.authMethod) { $0.authMethod = $1 }
            take("type", label: "application_type", server: r.type, shown: r.applicationTypeText,
                 source: r.sources["application_type"], current: s.app.type) { $0.type = $1 }
            if let grants = r.grantTypes, let src = r.sources["grant_types"] {
                fromServer.append(OnlineFact(name: "grant_types", value: grants.joined(separator: ", "), source: src))
            }
            if let text = r.authMethodText, r.authMethod == nil {
                overridden.append("token_endpoint_auth_method: the server reports '\(text)', which assertlint does not know; it was not used")
            }
        }
        let jwks = registration?.jwks ?? hostedJWKS
        let jwksSource = registration?.jwks != nil ? registration?.sources["jwks"] : hostedJWKSSource
        take("jwks", label: "jwks", server: jwks, shown: jwks.map(Self.keySummary), source: jwksSource,
             current: s.app.jwks) { $0.jwks = $1 }

        if let m = metadata {
            s.serverMetadata = m
            fromServer.append(OnlineFact(name: "issuer", value: m.issuer, source: m.source))
            for (kind, url) in m.clientAuthenticationEndpoints {
                fromServer.append(OnlineFact(name: kind.displayName, value: url, source: m.source))
            }
            if let methods = m.tokenEndpointAuthMethods {
                fromServer.append(OnlineFact(name: "token_endpoint_auth_methods_supported", value: methods.joined(separator: ", "), source: m.source))
            }
        }

        var assumed: [String] = []
        if metadata == nil {
            assumed.append("endpoints and issuer: inferred from the request URL's shape (no discovery document was read)")
        }
        let unknown = "not known (set OKTA_API_TOKEN or OKTA_ACCESS_TOKEN so assertlint can read the app's registration)"
        for (key, label, has) in [("auth_method", "token_endpoint_auth_method", s.app.authMethod != nil),
                                  ("type", "application_type", s.app.type != nil),
                                  ("jwks", "registered keys (jwks)", s.app.jwks != nil)] {
            switch s.app.provenance[key] {
            case .server, .flag, .fixture: continue
            case .assumed: assumed.append("\(label): assumed")
            case .request: assumed.append("\(label): read from the request, not confirmed by the server")
            case nil: if !has { assumed.append("\(label): \(unknown)") }
            }
        }
        return OnlineMerge(subject: s, fromServer: fromServer, assumed: assumed, overriddenByUser: overridden,
                           failures: failures, skipped: skipped)
    }

    static func keySummary(_ jwks: JSONValue) -> String {
        let keys = jwks.objectValue?["keys"]?.arrayValue ?? []
        let kids = keys.compactMap { $0.objectValue?["kid"]?.stringValue }
        let count = keys.count == 1 ? "1 key" : "\(keys.count) keys"
        return kids.isEmpty ? count : "\(count) (kid \(kids.joined(separator: ", ")))"
    }
}

/// A subject with the server's facts merged in, and the account of where each fact came from.
public struct OnlineMerge: Sendable {
    public let subject: Subject
    public let fromServer: [OnlineFact]
    /// What was not read from the server and so was assumed or stays unknown.
    public let assumed: [String]
    /// Where a flag or fixture value was used although the server says otherwise.
    public let overriddenByUser: [String]
    public let failures: [NetworkError]
    public let skipped: [String]

    /// Lines for the report: facts, assumptions, conflicts, failures.
    public var summaryLines: [String] {
        fromServer.map { "from the server: \($0)" }
            + assumed.map { "assumed: \($0)" }
            + overriddenByUser.map { "kept your value: \($0)" }
            + skipped.map { "not fetched: \($0)" }
            + failures.map { "could not fetch: \($0)" }
    }
}

/// Runs the online lookups for one subject: discovery, the app's registration (when a
/// management credential is available) and the app's hosted JWKS. Failures are collected,
/// not thrown, so the offline diagnosis can still be printed.
public struct OnlineLookup: Sendable {
    public var client: HTTPClient
    /// `--issuer`: overrides the issuer found from the request URL (custom URL domains, stand-ins).
    public var issuer: String?
    public var credential: ManagementCredential?

    public init(client: HTTPClient = HTTPClient(), issuer: String? = nil, credential: ManagementCredential? = nil) {
        self.client = client
        self.issuer = issuer
        self.credential = credential
    }

    /// The client id to look up: the one the server will take the request to be from, else
    /// the assertion's `sub` (SDKs often send no `client_id` parameter).
    public static func clientID(of subject: Subject) -> String? {
        if let id = subject.expectedClientID?.value { return id }
        guard let a = subject.assertion.decoded else { return nil }
        return [a.subject, a.issuer].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// The subject with the server's facts merged in and where each came from noted beside how the
    /// input was read, plus one line per fetch that failed (the caller exits 2 after reporting).
    public func fill(_ subject: Subject) -> (subject: Subject, failures: [String]) {
        let merged = gather(for: subject).merge(into: subject)
        var filled = merged.subject
        filled.notes += merged.summaryLines.map { "online: " + $0 }
        return (filled, merged.failures.map(\.description))
    }

    public func gather(for subject: Subject) -> OnlineContext {
        var context = OnlineContext()
        let clientID = Self.clientID(of: subject)

        if let url = Discovery.documentURL(issuer: issuer, target: subject.target, clientID: clientID) {
            context.discoveryURL = url
            do {
                context.metadata = try Discovery(client: client).fetch(url)
            } catch {
                context.failures.append(error)
            }
        } else {
            context.skipped.append("discovery document: the request URL does not show the issuer; pass --issuer URL")
        }

        guard let credential else {
            context.skipped.append("app registration: no management credential (set OKTA_API_TOKEN for an API token or OKTA_ACCESS_TOKEN for an OAuth access token)")
            return context
        }
        guard let clientID else {
            context.skipped.append("app registration: no client id in the request or the assertion")
            return context
        }
        guard let base = managementBase(subject: subject, metadata: context.metadata) else {
            context.skipped.append("app registration: cannot tell the org's URL; pass --issuer URL")
            return context
        }
        do {
            let r = try ClientRegistry(client: client, baseURL: base, credential: credential).fetch(clientID: clientID)
            context.registration = r
            if r.jwks == nil, let uri = r.jwksURI {
                do {
                    context.hostedJWKS = try ClientJWKSFetcher(client: client).fetch(uri)
                    context.hostedJWKSSource = uri
                } catch {
                    context.failures.append(error)
                }
            }
        } catch {
            context.failures.append(error)
        }
        return context
    }

    /// The org's base URL for the management API: the `--issuer` origin, else the request's.
    func managementBase(subject: Subject, metadata: ServerMetadata?) -> String? {
        if let issuer, let u = EndpointURL(issuer) { return u.origin }
        if let u = subject.request.flatMap({ EndpointURL($0.url) }) { return u.origin }
        if let m = metadata, let u = EndpointURL(m.issuer) { return u.origin }
        return nil
    }
}
