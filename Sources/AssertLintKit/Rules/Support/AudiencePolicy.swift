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
            return "the host differs (\(aud.host) vs \(endpoint.host))" + (target.customDomain || Self.ownHost(aud.host, target) != Self.ownHost(endpoint.host, target)
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
