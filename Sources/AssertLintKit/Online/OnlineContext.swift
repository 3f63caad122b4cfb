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
    /// Each request made and the origin that received it ("discovery read from https://x (GET /...)").
    public var requests: [String] = []
    /// Errors that are not fetches (an unreadable token file); reported like failures.
    public var problems: [String] = []

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
                fromServer.append(OnlineFact(name: "grant_types", value: Self.list(grants), source: src))
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
                fromServer.append(OnlineFact(name: "token_endpoint_auth_methods_supported", value: Self.list(methods), source: m.source))
            }
            overridden += m.ignored
        }

        var assumed: [String] = []
        if metadata == nil {
            assumed.append("endpoints and issuer: inferred from the request URL's shape (no discovery document was read)")
        }
        // Why it is unknown is said once, in the "not fetched: app registration" line.
        let unknown = registration == nil ? "not known (the app's registration was not read)" : "not in the app's registration"
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
        let count = keys.count == 1 ? "1 key" : "\(Self.number(keys.count)) keys"
        var text = kids.isEmpty ? count : "\(count) (kid \(Self.list(kids)))"
        let big = keys.filter { RegisteredKeyLimits.rsaBits(of: $0).map { $0 > RegisteredKeyLimits.maxRSABits } ?? false }
        if !big.isEmpty {
            text += "; \(Self.number(big.count)) of them RSA above \(Self.number(RegisteredKeyLimits.maxRSABits)) bits, "
                + "which assertlint cannot verify with (the largest RSA key it reads)"
        }
        return text
    }

    /// Items for one note line: at most `limit`, each at most 64 characters, then how many more.
    static func list(_ items: [String], limit: Int = 5) -> String {
        let shown = items.prefix(limit).map { $0.count > 64 ? String($0.prefix(64)) + "..." : $0 }
        let rest = items.count - shown.count
        let text = shown.joined(separator: ", ")
        return rest > 0 ? "\(text) and \(number(rest)) more" : text
    }

    /// 9997 as "9,997".
    static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
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
/// management credential and the origin it belongs to are both named outside the input) and the
/// app's hosted JWKS. Failures are collected, not thrown, so the offline diagnosis can still be
/// printed. Every request made is noted with the origin that received it.
public struct OnlineLookup: Sendable {
    public var client: HTTPClient
    /// `--issuer`: overrides the issuer found from the request URL (custom URL domains, stand-ins).
    public var issuer: String?
    public var credential: CredentialSource
    public var access: OnlineAccess

    public init(client: HTTPClient = HTTPClient(), issuer: String? = nil, credential: ManagementCredential? = nil,
                access: OnlineAccess = OnlineAccess()) {
        self.init(client: client, issuer: issuer, credentialSource: CredentialSource(credential), access: access)
    }

    public init(client: HTTPClient, issuer: String?, credentialSource: CredentialSource, access: OnlineAccess) {
        self.client = client
        self.issuer = issuer
        self.credential = credentialSource
        self.access = access
    }

    /// The client id to look up: the one the server will take the request to be from, else
    /// the assertion's `sub` (SDKs often send no `client_id` parameter).
    public static func clientID(of subject: Subject) -> String? {
        if let id = subject.expectedClientID?.value, !id.isEmpty { return id }
        guard let a = subject.assertion.decoded else { return nil }
        return [a.subject, a.issuer].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// The subject with the server's facts merged in and where each came from noted beside how the
    /// input was read, plus one line per fetch that failed (the caller exits 2 after reporting).
    /// `discoveryHosts`: the origins a repository's `.assertlint.yml` lists for discovery.
    public func fill(_ subject: Subject, discoveryHosts: [Origin] = []) -> (subject: Subject, failures: [String]) {
        let context = gather(for: subject, discoveryHosts: discoveryHosts)
        let merged = context.merge(into: subject)
        var filled = merged.subject
        filled.notes += (context.requests + merged.summaryLines).map { "online: " + $0 }
        return (filled, context.problems + merged.failures.map(\.description))
    }

    public func gather(for subject: Subject, discoveryHosts: [Origin] = []) -> OnlineContext {
        var context = OnlineContext()
        let clientID = Self.clientID(of: subject)

        if let url = Discovery.documentURL(issuer: issuer, target: subject.target, clientID: clientID) {
            if let refusal = access.discoveryRefusal(url, listed: discoveryHosts) {
                context.skipped.append(refusal)
            } else {
                context.discoveryURL = url
                do {
                    context.metadata = try Discovery(client: client).fetch(url)
                    context.requests.append("discovery read from \(Self.originText(url)) (GET \(ClientRegistry.pathOf(url)))")
                } catch {
                    context.failures.append(error)
                }
            }
        } else {
            context.skipped.append("discovery document: the request URL does not show the issuer; pass --issuer URL")
        }

        let found: ManagementCredential
        switch credential.state() {
        case .none:
            context.skipped.append("app registration: no management credential (set OKTA_API_TOKEN for an API token or OKTA_ACCESS_TOKEN "
                                   + "for an OAuth access token, and OKTA_ORG_URL=https://<your org> for where it goes)")
            return context
        case .failed(let error):
            if let error { context.problems.append(error.description) }
            context.skipped.append("app registration: the management credential could not be read")
            return context
        case .loaded(let c):
            found = c
        }
        guard let org = access.org else {
            context.skipped.append("app registration: \(found.variable) is set, but no origin is named for it; set OKTA_ORG_URL=https://<your org> "
                                   + "(or pass --org-url): the token is sent only to that origin, never to a host the input names")
            return context
        }
        guard let clientID, clientID != ".", clientID != ".." else {
            context.skipped.append("app registration: no client id in the request or the assertion")
            return context
        }
        let registry = ClientRegistry(client: client, baseURL: org.origin.description, credential: found)
        do {
            let r = try registry.fetch(clientID: clientID)
            context.registration = r
            context.requests.append("registration read from \(org.origin) with \(found.variable) (\(r.requests.joined(separator: ", ")))")
            context.skipped += r.notes.map { "app registration: " + $0 }
            if r.jwks == nil, let uri = r.jwksURI {
                do {
                    context.hostedJWKS = try ClientJWKSFetcher(client: client).fetch(uri)
                    context.hostedJWKSSource = uri
                    context.requests.append("keys read from \(Self.originText(uri)) (GET \(ClientRegistry.pathOf(uri)), no credential)")
                } catch {
                    context.failures.append(error)
                }
            }
        } catch {
            context.failures.append(error)
        }
        return context
    }

    static func originText(_ url: String) -> String {
        Origin(url: url)?.description ?? URLDisplay.withoutCredentials(url)
    }
}

/// The size of keys fetched from a server, so a key assertlint cannot verify with is named as
/// such in the online note (the signature check itself belongs to the crypto code).
enum RegisteredKeyLimits {
    /// The largest RSA modulus the key reader takes.
    static let maxRSABits = 8192

    /// The modulus size of an RSA JWK, from its `n`; nil for other keys or an unreadable `n`.
    static func rsaBits(of key: JSONValue) -> Int? {
        guard let o = key.objectValue, o["kty"]?.stringValue == "RSA", let n = o["n"]?.stringValue,
              case .success(let decoded) = Base64URL.decode(Substring(n)) else { return nil }
        let bytes = decoded.bytes.drop { $0 == 0 }
        guard let first = bytes.first else { return 0 }
        return (bytes.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }
}
