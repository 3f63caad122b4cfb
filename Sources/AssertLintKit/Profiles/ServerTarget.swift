import Foundation

/// The endpoints that authenticate clients, by what they do.
public enum EndpointKind: String, Sendable, CaseIterable {
    case token, introspect, revoke, par
    case deviceAuthorize = "device/authorize"
    case backchannelAuthorize = "bc/authorize"
    case authorize, keys, userinfo, logout, other

    /// Endpoints where the client authenticates (and so where an assertion is judged).
    public var authenticatesClient: Bool {
        switch self {
        case .token, .introspect, .revoke, .par, .deviceAuthorize, .backchannelAuthorize: return true
        default: return false
        }
    }

    public var displayName: String {
        switch self {
        case .token: return "token endpoint"
        case .introspect: return "introspection endpoint"
        case .revoke: return "revocation endpoint"
        case .par: return "pushed authorization request endpoint"
        case .deviceAuthorize: return "device authorization endpoint"
        case .backchannelAuthorize: return "CIBA backchannel authorization endpoint"
        case .authorize: return "authorization endpoint"
        case .keys: return "keys endpoint"
        case .userinfo: return "userinfo endpoint"
        case .logout: return "logout endpoint"
        case .other: return "endpoint"
        }
    }
}

/// The server and endpoint a request is aimed at, worked out from its URL with a profile's
/// `recognise` paths.
public struct ServerTarget: Sendable, Equatable {
    public let profile: ServerProfile
    /// The endpoint URL without query: what `aud` must be under an exact-endpoint policy.
    public let endpointURL: String
    public let endpoint: EndpointKind
    /// The issuer identifier of the server, when the URL shape tells it.
    public let issuer: String?
    /// The authorization server named in the path (`{server}` in the profile's template:
    /// `default`, `aus...`), when there is one.
    public let authServerID: String?
    /// The path is the profile's but the host is none of its hosts (a custom URL domain).
    public let customDomain: Bool
    /// Placeholders in the request URL (`{yourOktaDomain}`): `endpointURL` and `issuer` hold them
    /// as written, and rules compare them only with `Placeholders.mayEqual`.
    public let placeholders: [String]
    /// The names the matched path template gave (`server`, `tenant`, `realm`, `endpoint`).
    public let captures: [String: String]
    /// The template that matched, to build the URL of another endpoint of the same server.
    let template: ServerProfile.PathTemplate?

    public init(profile: ServerProfile, endpointURL: String, endpoint: EndpointKind, issuer: String?,
                authServerID: String?, customDomain: Bool, placeholders: [String] = [],
                captures: [String: String] = [:]) {
        self.init(profile: profile, endpointURL: endpointURL, endpoint: endpoint, issuer: issuer, authServerID: authServerID,
                  customDomain: customDomain, placeholders: placeholders, captures: captures, template: nil)
    }

    init(profile: ServerProfile, endpointURL: String, endpoint: EndpointKind, issuer: String?, authServerID: String?,
         customDomain: Bool, placeholders: [String], captures: [String: String], template: ServerProfile.PathTemplate?) {
        self.profile = profile
        self.endpointURL = endpointURL
        self.endpoint = endpoint
        self.issuer = issuer
        self.authServerID = authServerID
        self.customDomain = customDomain
        self.placeholders = placeholders
        self.captures = captures
        self.template = template
    }

    /// Classifies a URL with the bundled profiles: the first whose `recognise` matches, else the
    /// fallback profile (read with its own paths, which only name the endpoint).
    public static func classify(_ url: EndpointURL) -> ServerTarget {
        ProfileSet.bundled.classify(url).target
    }

    /// Reads a URL with one profile's paths. A path no template matches gets the endpoint kind
    /// its last segment suggests, and no issuer.
    public static func read(_ url: EndpointURL, with profile: ServerProfile) -> ServerTarget {
        if let (template, captures) = profile.match(url) {
            return target(url, profile, template, captures)
        }
        let last = url.path.split(separator: "/").last?.lowercased() ?? ""
        let endpoint: EndpointKind
        switch last {
        case "token": endpoint = .token
        case "introspect", "introspection": endpoint = .introspect
        case "revoke", "revocation": endpoint = .revoke
        case "par": endpoint = .par
        default: endpoint = .other
        }
        return ServerTarget(profile: profile, endpointURL: url.withoutQuery, endpoint: endpoint, issuer: nil, authServerID: nil,
                            customDomain: false, placeholders: url.placeholders, captures: [:], template: nil)
    }

    static func target(_ url: EndpointURL, _ profile: ServerProfile, _ template: ServerProfile.PathTemplate,
                       _ captures: [String: String]) -> ServerTarget {
        var values = captures
        values["origin"] = url.origin
        let kindText = CatalogEntry.render(template.endpoint, values)
        let issuer = template.issuer.map { CatalogEntry.render($0, values) }
        // A placeholder host (`{yourOktaDomain}`) is no evidence of a custom URL domain.
        let custom = !url.hostIsPlaceholder && !(profile.recognise?.hosts ?? []).isEmpty && !profile.hostMatches(url.host)
        return ServerTarget(profile: profile, endpointURL: url.withoutQuery, endpoint: EndpointKind(rawValue: kindText) ?? .other,
                            issuer: issuer, authServerID: captures["server"], customDomain: custom, placeholders: url.placeholders,
                            captures: captures, template: template)
    }

    /// The URL of another endpoint of the same server (`introspect` → `.../v1/introspect`): the
    /// profile's template for that endpoint (or the matched one, when it names the endpoint by a
    /// `{name}`), filled with what this URL gave.
    public func sibling(_ kind: EndpointKind) -> String? {
        guard let template, let url = EndpointURL(endpointURL) else { return nil }
        var values = captures
        values["origin"] = url.origin
        // The paths of the same server first (same issuer template: Keycloak's `/auth` paths,
        // Spring's `/{issuer}/` paths), so a sibling keeps the prefix the URL had.
        let paths = profile.recognise?.paths ?? []
        let candidates = [template] + paths.filter { $0.issuer == template.issuer } + paths.filter { $0.issuer != template.issuer }
        for t in candidates {
            let names = CatalogEntry.placeholderNames(in: t.endpoint)
            if let name = names.first, t.endpoint == "{\(name)}" {
                var v = values
                v[name] = kind.rawValue
                if let built = ServerProfile.build(t.path, v) { return url.origin + built }
            } else if t.endpoint == kind.rawValue, let built = ServerProfile.build(t.path, values) {
                return url.origin + built
            }
        }
        return nil
    }
}

extension ServerProfile {
    /// Whether a host is one of the profile's `recognise.hosts` (an empty list: any host).
    public func hostMatches(_ host: String) -> Bool {
        let hosts = recognise?.hosts ?? []
        if hosts.isEmpty { return true }
        return Self.hostMatches(hosts, HostLabels(host))
    }

    /// `hostMatches` for a host already cut into labels (one cut per URL, not per profile).
    static func hostMatches(_ hosts: [String], _ host: HostLabels) -> Bool {
        hosts.contains { pattern in
            if let labels = host.labels, let compiled = ProfilePatterns.shared.glob(pattern) {
                return globMatch(compiled, labels)
            }
            return hostGlob(pattern.lowercased(), host.text.lowercased())
        }
    }

    /// `*` stands for one or more DNS labels.
    static func hostGlob(_ pattern: String, _ host: String) -> Bool {
        let p = pattern.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let h = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == h.count }
            if p[i] == "*" {
                var k = j + 1
                while k <= h.count {
                    if go(i + 1, k) { return true }
                    k += 1
                }
                return false
            }
            return j < h.count && p[i] == h[j] && go(i + 1, j + 1)
        }
        return go(0, 0)
    }

    /// `hostGlob` over ASCII labels already lowercased: the same walk, comparing bytes (for ASCII
    /// text, String equality is byte equality, and `lowercased()` lowercases A-Z only).
    static func globMatch(_ p: [[UInt8]], _ h: [ArraySlice<UInt8>]) -> Bool {
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == h.count }
            if p[i] == ProfilePatterns.star {
                var k = j + 1
                while k <= h.count {
                    if go(i + 1, k) { return true }
                    k += 1
                }
                return false
            }
            return j < h.count && p[i].elementsEqual(h[j]) && go(i + 1, j + 1)
        }
        return go(0, 0)
    }

    /// The first path template the URL's path matches, with the names it gives. A trailing
    /// slash is tolerated (the aud rule still reports it).
    func match(_ url: EndpointURL) -> (PathTemplate, [String: String])? {
        match(segments: Self.segments(url.path))
    }

    /// `match` for a path already cut into segments (one cut per URL, not per profile).
    func match(segments: [String]) -> (PathTemplate, [String: String])? {
        for t in recognise?.paths ?? [] {
            if let captures = Self.match(ProfilePatterns.shared.template(t.path), segments) { return (t, captures) }
        }
        return nil
    }

    /// A path's non-empty segments (`split(separator: "/")`), cut by bytes when the path is ASCII.
    static func segments(_ path: String) -> [String] {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        }
        return Array(utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    static func match(_ template: String, _ segments: [String]) -> [String: String]? {
        match(ProfilePatterns.shared.template(template), segments)
    }

    static func match(_ parts: [ProfilePatterns.Part], _ segments: [String]) -> [String: String]? {
        func go(_ i: Int, _ j: Int, _ captures: [String: String]) -> [String: String]? {
            if i == parts.count { return j == segments.count ? captures : nil }
            switch parts[i] {
            case .rest(let name, let least):
                var k = segments.count
                while k >= j + least {
                    var c = captures
                    c[name] = segments[j..<k].joined(separator: "/")
                    if let found = go(i + 1, k, c) { return found }
                    k -= 1
                }
                return nil
            case .one(let name):
                guard j < segments.count else { return nil }
                var c = captures
                c[name] = segments[j]
                return go(i + 1, j + 1, c)
            case .literal(let part):
                guard j < segments.count, segments[j] == part else { return nil }
                return go(i + 1, j + 1, captures)
            }
        }
        return go(0, 0, [:])
    }

    /// A template's path with its names filled in; nil when one has no value.
    static func build(_ template: String, _ values: [String: String]) -> String? {
        var out = ""
        for part in template.split(separator: "/", omittingEmptySubsequences: true) {
            var p = String(part)
            if p.hasPrefix("{"), p.hasSuffix("}") {
                var name = String(p.dropFirst().dropLast())
                if name.hasSuffix("+") || name.hasSuffix("*") { name.removeLast() }
                guard let v = values[name] else { return nil }
                if v.isEmpty { continue }
                p = v
            }
            out += "/" + p
        }
        return out
    }
}

/// A host as `hostMatches` reads it: lowercased and cut into labels once, when it is ASCII (nil
/// labels: the host is compared as text, the way it always was).
struct HostLabels {
    let text: String
    let labels: [ArraySlice<UInt8>]?

    init(_ host: String) {
        text = host
        var bytes = Array(host.utf8)
        var ascii = true
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0x80 { ascii = false; break }
            if b >= UInt8(ascii: "A"), b <= UInt8(ascii: "Z") { bytes[i] = b + 32 }
        }
        labels = ascii ? bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) : nil
    }
}

/// Profile patterns cut once per run (issue 13): a host glob into lowercased labels, a path
/// template into its parts. `classify` cut every pattern of every profile again for each
/// subject (String `split` 7,500 times for 500 files, 9% of a `check`). Keyed by the pattern's
/// text, so a run-time profile shares the cache with the bundled ones.
final class ProfilePatterns: @unchecked Sendable {
    static let shared = ProfilePatterns()
    static let star: [UInt8] = [UInt8(ascii: "*")]
    /// Beyond this many patterns the cache starts again (the bundled profiles have about a hundred).
    static let capacity = 4096

    /// One segment of a path template: a literal, `{name}`, or a last `{name+}` / `{name*}`.
    enum Part: Sendable {
        case literal(String)
        case one(String)
        case rest(String, least: Int)
    }

    private let lock = NSLock()
    private var templates: [String: [Part]] = [:]
    private var globs: [String: [[UInt8]]?] = [:]

    /// The template's parts, as `match` reads them from its `/`-separated text.
    func template(_ template: String) -> [Part] {
        if let hit = lock.withLock({ templates[template] }) { return hit }
        let parts = template.split(separator: "/", omittingEmptySubsequences: true).map { piece -> Part in
            let part = String(piece)
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(part) }
            var name = String(part.dropFirst().dropLast())
            if name.hasSuffix("+") || name.hasSuffix("*") {
                let least = name.hasSuffix("+") ? 1 : 0
                name.removeLast()
                return .rest(name, least: least)
            }
            return .one(name)
        }
        lock.withLock {
            if templates.count >= Self.capacity { templates.removeAll(keepingCapacity: true) }
            templates[template] = parts
        }
        return parts
    }

    /// The glob's lowercased labels; nil when it is not ASCII (then it is compared as text).
    func glob(_ pattern: String) -> [[UInt8]]? {
        if let hit = lock.withLock({ globs[pattern] }) { return hit }
        let utf8 = pattern.utf8
        let labels: [[UInt8]]? = utf8.allSatisfy({ $0 < 0x80 })
            ? Array(pattern.lowercased().utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Array.init)
            : nil
        lock.withLock {
            if globs.count >= Self.capacity { globs.removeAll(keepingCapacity: true) }
            globs[pattern] = .some(labels)
        }
        return labels
    }
}
