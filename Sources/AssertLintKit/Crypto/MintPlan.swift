import Foundation

/// What `mint` puts in an assertion for one server, read from the chosen profile, with one line
/// per choice saying why: `aud` (the first of `audience.accepts` the URL can fill, deprecated
/// kinds last), the lifetime (inside the tightest of the `lifetime` caps, with room to spare), the
/// algorithm (`algorithms.<method>`, the first the key signs) and, with a certificate, the
/// thumbprint header the server looks the key up by (`keys.lookup`). No server is named here.
public struct MintPlan: Sendable {
    public var audience: String
    public var lifetime: TimeInterval
    /// The tightest lifetime cap of the profile, nil when it sets none.
    public var lifetimeCap: TimeInterval?
    public var algorithm: JWSAlgorithm
    public var thumbprints: [ThumbprintHash]
    /// One sentence per choice, for the user.
    public var reasons: [String]

    /// The lifetime when the profile sets no cap: short, as RFC 7523 §3 asks of `exp`.
    public static let defaultLifetime: TimeInterval = 300
    /// The longest `--lifetime` taken when the profile sets no cap.
    public static let longestLifetime: TimeInterval = 86_400

    public init(target: ServerTarget, issuer: String? = nil, key: Minter.Key, certificate: Bool = false,
                lifetime: TimeInterval? = nil, algorithm: JWSAlgorithm? = nil,
                thumbprints: [ThumbprintHash]? = nil) throws(Minter.MintError) {
        let profile = target.profile
        var reasons: [String] = []
        let (aud, audWhy) = try Self.audience(target, issuer: issuer)
        reasons.append("aud \(aud): \(audWhy)")
        let (life, cap, lifeWhy) = try Self.lifetime(profile, requested: lifetime)
        reasons.append("lifetime \(Int(life)) s: \(lifeWhy)")
        var hashes: [ThumbprintHash] = []
        if certificate {
            let (chosen, why) = Self.thumbprints(profile, requested: thumbprints)
            hashes = chosen
            reasons.append(chosen.map(\.header).joined(separator: " and ") + ": " + why)
        } else if let lookup = profile.keys?.lookup, !lookup.isEmpty, lookup.allSatisfy({ $0.hasPrefix("x5t") }),
                  case .privateKey = key {
            throw Minter.MintError("\(profile.speakerCapitalized) finds the key only by the certificate's thumbprint (keys.lookup: \(lookup.joined(separator: ", "))): give --cert FILE, the certificate registered for the key")
        }
        let (alg, algWhy) = try Self.algorithm(profile, key: key, certificate: certificate, thumbprints: hashes, requested: algorithm)
        reasons.append("alg \(alg.rawValue): \(algWhy)")
        reasons.append("jti: 24 random base64url characters, new for each assertion")
        self.audience = aud
        self.lifetime = life
        self.lifetimeCap = cap
        self.algorithm = alg
        self.thumbprints = hashes
        self.reasons = reasons
    }

    // MARK: - aud

    /// The first kind in `audience.accepts` (deprecated kinds last) whose URL the target tells.
    static func audience(_ target: ServerTarget, issuer: String?) throws(Minter.MintError) -> (String, String) {
        let profile = target.profile
        let server = profile.speaker, Server = profile.speakerCapitalized
        for (kind, rejected) in target.captures.sorted(by: { $0.key < $1.key }) where (profile.audience?.rejectsTenants ?? []).contains(rejected) {
            throw Minter.MintError("\(Server) refuses `\(rejected)` as the \(kind) of aud (audience.rejects_tenants): use the tenant id or domain")
        }
        let accepts = profile.acceptedAudiences
        guard !accepts.isEmpty else {
            return (target.endpointURL, "the URL the request is sent to (\(profile.name)'s profile says nothing about aud)")
        }
        let deprecated = Set(profile.audience?.deprecated ?? [])
        let ordered = accepts.filter { !deprecated.contains($0) } + accepts.filter { deprecated.contains($0) }
        let list = "audience.accepts: \(accepts.joined(separator: ", "))"
        for kind in ordered {
            let first = kind == ordered.first ? "what \(server) accepts first" : "the first of what \(server) accepts that this URL tells"
            switch kind {
            case "endpoint":
                return (target.endpointURL, "the URL the request is sent to, \(first) (\(list))")
            case "token_endpoint":
                let token = target.endpoint == .token ? target.endpointURL : target.sibling(.token)
                if let token { return (token, "the token endpoint, \(first) (\(list))") }
            case "issuer", "issuer_slash":
                guard var value = issuer ?? target.issuer else { continue }
                if kind == "issuer_slash", !value.hasSuffix("/") { value += "/" }
                let from = issuer != nil ? "--issuer" : "the URL's shape"
                return (value, "the issuer (from \(from)), \(first) (\(list)), as one JSON string")
            case "realm":
                if let realm = realmTokenURL(target) {
                    return (realm, "the token URL of the realm (host and tenant) the request goes to, as the profile's first token path builds it; \(first) (\(list))")
                }
            default:
                continue
            }
        }
        let wantsIssuer = accepts.contains("issuer") || accepts.contains("issuer_slash")
        throw Minter.MintError("\(Server) accepts as aud \(accepts.joined(separator: " or ")) (audience.accepts), and the URL \(target.endpointURL) does not tell "
                               + (wantsIssuer ? "the issuer: give --issuer URL (the server's issuer identifier)" : "any of them"))
    }

    /// The realm's token URL: the profile's first `token` path with the same names as the path the
    /// URL matched, filled with what it gave (the documented URL of the tenant, whichever path was called).
    static func realmTokenURL(_ target: ServerTarget) -> String? {
        guard let matched = target.template, let url = EndpointURL(target.endpointURL) else { return nil }
        let names = Set(pathNames(matched.path))
        for t in target.profile.recognise?.paths ?? [] where t.endpoint == EndpointKind.token.rawValue && Set(pathNames(t.path)) == names {
            if let built = ServerProfile.build(t.path, target.captures) { return url.origin + built }
        }
        return target.endpoint == .token ? target.endpointURL : nil
    }

    static func pathNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return nil }
            var name = String(part.dropFirst().dropLast())
            if name.hasSuffix("+") || name.hasSuffix("*") { name.removeLast() }
            return name
        }
    }

    /// The token URL of a tenant (`--tenant`): the profile's first host, its `*` replaced by the
    /// tenant, and its first `token` path, its one name filled with the tenant. Nil with the reason
    /// when the profile cannot build it.
    public static func tokenURL(_ profile: ServerProfile, tenant: String) -> Result<String, Minter.MintError> {
        let Server = profile.speakerCapitalized
        guard !tenant.isEmpty, tenant.allSatisfy({ $0.isLetter || $0.isNumber || "-._".contains($0) }) else {
            return .failure(Minter.MintError("--tenant '\(Escape.line(tenant))': a tenant is letters, digits, '-', '.' and '_'"))
        }
        guard let host = profile.recognise?.hosts?.first else {
            return .failure(Minter.MintError("\(Server)'s profile names no host to build the URL on: give --endpoint URL"))
        }
        var template: ServerProfile.PathTemplate?
        var values: [String: String] = [:]
        for t in profile.recognise?.paths ?? [] {
            let names = CatalogEntry.placeholderNames(in: t.endpoint)
            if t.endpoint == EndpointKind.token.rawValue {
                template = t
                break
            }
            if let name = names.first, t.endpoint == "{\(name)}" {
                template = t
                values[name] = EndpointKind.token.rawValue
                break
            }
        }
        guard let template else { return .failure(Minter.MintError("\(Server)'s profile has no token path: give --endpoint URL")) }
        let labels = host.split(separator: ".").map(String.init)
        let wildcards = labels.filter { $0 == "*" }.count
        guard wildcards <= 1 else { return .failure(Minter.MintError("\(Server)'s host \(host) cannot be built from one tenant: give --endpoint URL")) }
        let builtHost = labels.map { $0 == "*" ? tenant : $0 }.joined(separator: ".")
        let open = pathNames(template.path).filter { values[$0] == nil }
        if wildcards == 0, open.count == 1, let name = open.first { values[name] = tenant }
        guard let path = ServerProfile.build(template.path, values) else {
            return .failure(Minter.MintError("\(Server)'s token path \(template.path) needs more than a tenant: give --endpoint URL"))
        }
        return .success("https://" + builtHost + path)
    }

    // MARK: - lifetime

    static func lifetime(_ profile: ServerProfile, requested: TimeInterval?) throws(Minter.MintError) -> (TimeInterval, TimeInterval?, String) {
        let server = profile.speaker
        var caps: [(seconds: Double, key: String, says: String)] = []
        if let l = profile.lifetime {
            if let s = l.maxExpAhead { caps.append((s, "max_exp_ahead", "an exp more than \(Int(s)) s ahead of its clock")) }
            if let s = l.maxExpMinusIat { caps.append((s, "max_exp_minus_iat", "an exp more than \(Int(s)) s after iat")) }
            if let s = l.maxUseAfterIat { caps.append((s, "max_use_after_iat", "an assertion used more than \(Int(s)) s after its iat")) }
        }
        let tightest = caps.min { $0.seconds < $1.seconds }
        if let requested {
            guard requested > 0 else { throw Minter.MintError("--lifetime \(Int(requested)): must be at least 1 second") }
            if let tightest {
                guard requested <= tightest.seconds else {
                    throw Minter.MintError("--lifetime \(Int(requested)): \(server) refuses \(tightest.says) (lifetime.\(tightest.key)); give at most \(Int(tightest.seconds)) s")
                }
                return (requested, tightest.seconds, "--lifetime, within \(server)'s cap of \(Int(tightest.seconds)) s (lifetime.\(tightest.key))")
            }
            guard requested <= longestLifetime else {
                throw Minter.MintError("--lifetime \(Int(requested)): at most \(Int(longestLifetime)) s (\(server)'s profile sets no cap, but an assertion is for one request)")
            }
            return (requested, nil, "--lifetime (\(server)'s profile sets no cap)")
        }
        guard let tightest else {
            return (defaultLifetime, nil, "exp = iat + 5 minutes; \(server)'s profile sets no cap, and a short life limits a leaked assertion")
        }
        // Half the cap: a client clock ahead of the server's, or a request sent a little after
        // signing, still lands inside it.
        let half = (tightest.seconds / 2).rounded(.down)
        if half >= defaultLifetime {
            return (defaultLifetime, tightest.seconds, "exp = iat + 5 minutes, well inside \(server)'s cap: it refuses \(tightest.says) (lifetime.\(tightest.key))")
        }
        return (max(1, half), tightest.seconds, "half of \(server)'s cap, which refuses \(tightest.says) (lifetime.\(tightest.key)); the other half is room for clock differences")
    }

    // MARK: - alg

    static func algorithm(_ profile: ServerProfile, key: Minter.Key, certificate: Bool, thumbprints: [ThumbprintHash],
                          requested: JWSAlgorithm?) throws(Minter.MintError) -> (JWSAlgorithm, String) {
        let server = profile.speaker, Server = profile.speakerCapitalized
        let method: AuthMethod
        let natural: JWSAlgorithm
        var signs: (JWSAlgorithm) -> Bool
        let keyName: String
        switch key {
        case .privateKey(let k):
            method = .privateKeyJWT
            keyName = "an \(k.key.type) key"
            signs = { $0.mismatch(with: k.key.type) == nil }
            if certificate, case .rsa = k.key.type {
                // MSAL's pairing: PS256 with x5t#S256, RS256 with x5t alone (msal-js PR #7185).
                natural = thumbprints.contains(.sha256) ? .PS256 : .RS256
            } else {
                natural = JWSAlgorithm.natural(for: k.key.type)
            }
        case .secret:
            method = .clientSecretJWT
            keyName = "a client secret"
            signs = { $0.family == .hmac }
            natural = .HS256
        }
        let allowed = profile.algorithms(for: method)
        let listed = "algorithms.\(method.rawValue): \(allowed.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "")"
        if let requested {
            guard signs(requested) else { throw Minter.MintError("--alg \(requested.rawValue) cannot be signed with \(keyName)") }
            if let allowed, !allowed.contains(requested.rawValue) {
                throw Minter.MintError("--alg \(requested.rawValue): \(server) does not accept it for \(method.rawValue) (\(listed))")
            }
            return (requested, "--alg")
        }
        guard let allowed else { return (natural, "the usual algorithm for \(keyName); \(server)'s profile does not restrict algorithms") }
        if allowed.contains(natural.rawValue) {
            let pairing = certificate && natural.family == .rsaPSS ? " (PS256 goes with x5t#S256, as MSAL sends them)"
                : certificate && natural == .RS256 ? " (RS256 goes with x5t alone, as MSAL sends them)" : ""
            return (natural, "accepted by \(server) (\(listed))\(pairing)")
        }
        if let first = allowed.compactMap(JWSAlgorithm.init(rawValue:)).first(where: signs) {
            return (first, "the first of \(server)'s algorithms that \(keyName) signs (\(listed))")
        }
        throw Minter.MintError("\(Server) accepts \(allowed.isEmpty ? "no algorithm" : allowed.joined(separator: ", ")) for \(method.rawValue), and \(keyName) signs none of them")
    }

    // MARK: - x5t

    static func thumbprints(_ profile: ServerProfile, requested: [ThumbprintHash]?) -> ([ThumbprintHash], String) {
        if let requested { return (requested, "--x5t") }
        let lookup = profile.keys?.lookup ?? []
        let server = profile.speaker
        if let first = lookup.compactMap(ThumbprintHash.init(rawValue:)).first {
            return ([first], "\(server) finds the key by it first (keys.lookup: \(lookup.joined(separator: ", ")))")
        }
        return ([.sha256], "the certificate's SHA-256 thumbprint; \(server) does not look keys up by thumbprint (keys.lookup: \(lookup.isEmpty ? "not given" : lookup.joined(separator: ", ")))")
    }
}
