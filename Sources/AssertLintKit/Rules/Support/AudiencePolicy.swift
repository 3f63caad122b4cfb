import Foundation

/// What `aud` values a server accepts for a target, best first.
enum AudiencePolicyCheck {
    /// The profile's `audience.accepts` as URLs for this target, in the profile's order (an
    /// endpoint kind whose URL the target cannot tell is left out); the endpoint URL when none is left.
    static func accepted(by target: ServerTarget) -> [String] {
        var out: [String] = []
        for kind in target.profile.acceptedAudiences {
            let value: String?
            switch kind {
            case "endpoint": value = target.endpointURL
            case "token_endpoint": value = target.endpoint == .token ? target.endpointURL : target.sibling(.token)
            case "issuer": value = target.issuer
            case "issuer_slash": value = target.issuer.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            // A realm is no single value; the URL called is the one to suggest (`AudiencePolicy`
            // judges the realm itself).
            case "realm": value = target.endpointURL
            default: value = nil
            }
            if let value, !out.contains(value) { out.append(value) }
        }
        return out.isEmpty ? [target.endpointURL] : out
    }

    /// Whether `audience` is one of `accepted`; a placeholder (`https://{yourOktaDomain}/…` in the
    /// paste's URL or in the `aud`) stands for any value, so only what the paste shows can differ.
    static func accepts(_ accepted: [String], _ audience: String) -> Bool {
        accepted.contains { Placeholders.mayEqual($0, audience) }
    }
}

/// What a server accepts as `aud` for one request: its profile's `audience:` read against the
/// URL called and, where the URL shape does not tell the issuer, the discovery document's.
struct AudiencePolicy {
    /// How the server takes one `aud` value.
    enum Judgement: Equatable {
        /// A value the server accepts and has not announced to stop accepting.
        case accepted
        /// Accepted today, announced to stop (`audience.deprecated`).
        case deprecated
        /// Same host and tenant as the URL called, another path: a realm server takes it, but it
        /// is not the URL called (a warning at most: the realm check is read from the server's
        /// error wording, the documented value is an endpoint URL).
        case sameRealm
        case rejected
        /// The server accepts only values the input does not tell (its issuer, unknown here).
        case unknown
    }

    let target: ServerTarget
    let rules: ServerProfile.AudienceRules?
    /// The issuer identifier: the target's (from its URL shape), else the discovery document's.
    let issuer: String?
    let metadata: ServerMetadata?

    init(_ target: ServerTarget, metadata: ServerMetadata? = nil) {
        self.target = target
        self.rules = target.profile.audience
        self.metadata = metadata
        self.issuer = target.issuer ?? metadata?.issuer
    }

    init(_ subject: Subject) {
        self.init(subject.target ?? ServerTarget(profile: subject.profile, endpointURL: "", endpoint: .other, issuer: nil,
                                                 authServerID: nil, customDomain: false),
                  metadata: subject.serverMetadata)
    }

    var deprecatedKinds: [String] { rules?.deprecated ?? [] }
    /// The kinds accepted and not deprecated, in the profile's order.
    var currentKinds: [String] { (rules?.accepts ?? []).filter { !deprecatedKinds.contains($0) } }

    /// True when the server takes only its issuer (with or without a trailing slash) today.
    var issuerOnly: Bool {
        let kinds = currentKinds
        return !kinds.isEmpty && kinds.allSatisfy { $0 == "issuer" || $0 == "issuer_slash" }
    }

    var isRealm: Bool { currentKinds.contains("realm") }

    /// The most `aud` values the server takes: `audience.max_values`, or 1 where an array must
    /// have exactly one member.
    var maxValues: Int? { rules?.maxValues ?? (rules?.array == "one_member" ? 1 : nil) }

    /// The URL values of some kinds, in order; a kind whose value the input does not tell is left out.
    func values(_ kinds: [String]) -> [String] {
        var out: [String] = []
        for kind in kinds {
            let value: String?
            switch kind {
            case "endpoint", "realm": value = target.endpointURL.isEmpty ? nil : target.endpointURL
            case "token_endpoint":
                value = target.endpoint == .token && !target.endpointURL.isEmpty ? target.endpointURL
                    : target.sibling(.token) ?? metadata?.tokenEndpoint
            case "issuer": value = issuer
            case "issuer_slash": value = issuer.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            default: value = nil
            }
            if let value, !out.contains(value) { out.append(value) }
        }
        return out
    }

    /// The value to put in `aud`: the first the server accepts without deprecation; nil when the
    /// input does not tell it (an issuer-only server whose issuer is unknown).
    var wanted: String? { values(currentKinds).first }

    func judge(_ audience: String) -> Judgement {
        if let tenant = tenant(of: audience), rejectedTenant(tenant) { return .rejected }
        if AudiencePolicyCheck.accepts(values(currentKinds), audience) { return .accepted }
        if AudiencePolicyCheck.accepts(values(deprecatedKinds), audience) { return .deprecated }
        if isRealm, sameRealm(audience) { return .sameRealm }
        // An issuer-only server whose issuer is unknown: only an endpoint URL is known to be wrong.
        if issuerOnly, issuer == nil, !isEndpointURL(audience) { return .unknown }
        return .rejected
    }

    /// Whether `audience` is the URL of one of the server's endpoints: the URL called, another
    /// endpoint the profile's paths (or the discovery document) name, or a URL on the same origin
    /// whose path the profile reads as an endpoint that authenticates clients.
    func isEndpointURL(_ audience: String) -> Bool {
        guard let aud = EndpointURL(audience), aud.query == nil else { return false }
        if audience == target.endpointURL { return true }
        if let issuer, audience == issuer || audience == issuer + "/" { return false }
        let announced = [metadata?.tokenEndpoint, metadata?.introspectionEndpoint, metadata?.revocationEndpoint,
                         metadata?.pushedAuthorizationRequestEndpoint, metadata?.deviceAuthorizationEndpoint,
                         metadata?.backchannelAuthenticationEndpoint].compactMap { $0 }
        if announced.contains(audience) { return true }
        if EndpointKind.allCases.filter(\.authenticatesClient).compactMap(target.sibling).contains(audience) { return true }
        guard let called = EndpointURL(target.endpointURL), called.origin.lowercased() == aud.origin.lowercased() else { return false }
        return ServerTarget.read(aud, with: target.profile).endpoint.authenticatesClient
    }

    // MARK: - Realms (`audience.accepts: [realm]`)

    /// The tenant the URL called names (its path template's `{tenant}`).
    var calledTenant: String? { target.captures["tenant"] }

    /// The tenant an `aud` URL names: its path template's `{tenant}`, else the path segment where
    /// the URL called has its tenant. Nil when the URL is on another origin or the profile's paths
    /// name no tenant.
    func tenant(of audience: String) -> String? {
        guard calledTenant != nil, let aud = EndpointURL(audience), sameOrigin(aud) else { return nil }
        if let t = ServerTarget.read(aud, with: target.profile).captures["tenant"] { return t }
        guard let index = target.template?.path.split(separator: "/").firstIndex(of: "{tenant}") else { return nil }
        let segments = aud.path.split(separator: "/").map(String.init)
        return index < segments.count ? segments[index] : nil
    }

    /// `common`, `organizations` and the like: tenants the profile's `audience.rejects_tenants` names.
    func rejectedTenant(_ tenant: String) -> Bool {
        (rules?.rejectsTenants ?? []).contains { $0.caseInsensitiveCompare(tenant) == .orderedSame }
    }

    func sameOrigin(_ aud: EndpointURL) -> Bool {
        guard let called = EndpointURL(target.endpointURL) else { return false }
        return aud.scheme == called.scheme && aud.host.lowercased() == called.host.lowercased() && aud.port == called.port
    }

    /// Same scheme, host and port as the URL called and the same tenant (letter case aside: a
    /// tenant is a GUID or a domain name), not a rejected one, no query.
    func sameRealm(_ audience: String) -> Bool {
        guard let aud = EndpointURL(audience), aud.query == nil, sameOrigin(aud) else { return false }
        guard let called = calledTenant else { return true }
        guard let tenant = tenant(of: audience) else { return false }
        return Self.sameTenant(tenant, called) && !rejectedTenant(tenant)
    }

    /// Tenants are GUIDs or domain names: letter case does not count; a placeholder may be either.
    static func sameTenant(_ a: String, _ b: String) -> Bool {
        a.caseInsensitiveCompare(b) == .orderedSame || Placeholders.mayEqual(a, b)
    }
}

/// Names the precise difference between an `aud` value and the endpoint URL.
struct AudienceDifference: CustomStringConvertible {
    let audience: String
    let target: ServerTarget
    /// What the server accepts, best first: the difference is named against the first.
    let accepted: [String]

    var description: String {
        let want = accepted.first ?? target.endpointURL
        let server = target.profile.speakerCapitalized
        guard let aud = EndpointURL(audience) else {
            return "aud is not an absolute URL (\(server) compares it with \(target.profile.audienceIsExactEndpoint ? "the endpoint URL" : "the URLs it accepts"), so a client id or a name never matches)"
        }
        guard let endpoint = EndpointURL(want) else { return "it differs" }
        if aud.scheme != endpoint.scheme { return "the scheme differs (\(aud.scheme) vs \(endpoint.scheme))" }
        if aud.host.lowercased().contains("-admin."),
           aud.host.lowercased().replacingOccurrences(of: "-admin.", with: ".") == endpoint.host.lowercased() {
            return "aud names the Admin Console host \(aud.host); the authorization server is at \(endpoint.host) (without -admin)"
        }
        if aud.host.lowercased() != endpoint.host.lowercased() {
            // Only a profile whose server answers on custom URL domains (Okta's) gets that hint.
            let customDomains = target.profile.recognise?.customDomains == true
            return "the host differs (\(aud.host) vs \(endpoint.host))" + (customDomains && (target.customDomain || Self.ownHost(aud.host, target) != Self.ownHost(endpoint.host, target))
                ? ": with a custom URL domain, `aud` must name the host the request is sent to" : "")
        }
        if aud.host != endpoint.host { return "the host differs in letter case (\(aud.host) vs \(endpoint.host)); \(server) compares exactly" }
        if aud.port != endpoint.port { return "the port differs" }
        if aud.query != nil { return "aud carries a query string (?\(aud.query ?? "")); the endpoint URL has none" }
        if aud.path == endpoint.path + "/" { return "aud has a trailing slash the endpoint URL does not have" }
        if aud.path + "/" == endpoint.path { return "the endpoint URL has a trailing slash that aud lacks" }
        if aud.path.lowercased() == endpoint.path.lowercased() { return "the path differs in letter case; \(server) compares exactly" }
        let audTarget = ServerTarget.classify(aud)
        if let issuer = target.issuer, audience == issuer || audience == issuer + "/" {
            return "aud is the issuer of the server, not the endpoint URL"
        }
        // Both URLs have the shape of one server family (Okta's Org and custom servers): say which
        // server or endpoint each names.
        if audTarget.template != nil, target.template != nil, audTarget.profile.recognise?.hosts == target.profile.recognise?.hosts {
            if audTarget.authServerID != target.authServerID {
                return "aud names \(Self.serverName(audTarget)) but the request calls \(Self.serverName(target))"
            }
            if audTarget.endpoint != target.endpoint {
                return "aud names the \(audTarget.endpoint.displayName) (\(audTarget.endpoint.rawValue)) but the request calls the \(target.endpoint.displayName) (\(target.endpoint.rawValue)); each endpoint needs an assertion minted for it"
            }
        }
        if audience.hasSuffix("/oauth2") || audience.hasSuffix("/oauth2/") || aud.path.isEmpty || aud.path == "/" {
            return "aud is a base URL, not the endpoint URL"
        }
        return "the path differs (\(aud.path) vs \(endpoint.path))"
    }

    /// The server a target names, in its profile's words (`messages.aud-mismatch.server`,
    /// `.server.<id>` for a named one), else the profile's name.
    static func serverName(_ t: ServerTarget) -> String {
        let values = ["server": t.authServerID ?? ""]
        if let id = t.authServerID, let named = t.profile.message("aud-mismatch.server.\(id)", values) { return named }
        return t.profile.message("aud-mismatch.server", values) ?? t.profile.name
    }

    /// Whether a host is one of the profile's own (not a custom URL domain); false when the
    /// profile names no hosts.
    static func ownHost(_ host: String, _ t: ServerTarget) -> Bool {
        !(t.profile.recognise?.hosts ?? []).isEmpty && t.profile.hostMatches(host)
    }
}
