import Foundation

/// `aud` must name the endpoint invoked, exactly (Okta), or per the server's audience policy.
struct AudienceMismatch: Rule {
    static let id = "aud-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        guard let target = subject.target else {
            findings.cannotJudge(Self.id, needs: "the request URL, or --endpoint URL for a bare token")
            return
        }
        // An empty or blank `aud` is `aud-missing`'s: reporting it here too would say the same twice.
        guard let audiences = assertion.audiences, audiences.contains(where: { !AudienceMissing.isBlank($0) }) else { return }
        let accepted = AudiencePolicyCheck.accepted(by: target)
        guard !audiences.contains(where: { AudiencePolicyCheck.accepts(accepted, $0) }) else { return }
        let shown = audiences.count == 1 ? "\"\(audiences[0])\"" : "[" + audiences.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let differences = audiences.map { AudienceDifference(audience: $0, target: target).description }
        let reason = Array(Set(differences)).sorted().joined(separator: "; ")
        findings.add(Self.id, at: Location.claim("aud"),
                     "aud is \(shown) but the request goes to \"\(target.endpointURL)\": \(reason)",
                     fix: ["endpoint": accepted[0]])
    }
}

/// What `aud` values a server accepts for a target, best first.
enum AudiencePolicyCheck {
    static func accepted(by target: ServerTarget) -> [String] {
        switch target.profile.audiencePolicy {
        case .exactEndpoint: return [target.endpointURL]
        case .issuerOnly: return [target.issuer ?? target.endpointURL]
        case .issuerOrEndpoint: return [target.endpointURL] + (target.issuer.map { [$0] } ?? [])
        }
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

    var description: String {
        let want = target.endpointURL
        guard let aud = EndpointURL(audience) else {
            return "aud is not an absolute URL (Okta compares it with the endpoint URL, so a client id or a name never matches)"
        }
        guard let endpoint = EndpointURL(want) else { return "it differs" }
        if aud.scheme != endpoint.scheme { return "the scheme differs (\(aud.scheme) vs \(endpoint.scheme))" }
        if aud.host.lowercased().contains("-admin."),
           aud.host.lowercased().replacingOccurrences(of: "-admin.", with: ".") == endpoint.host.lowercased() {
            return "aud names the Admin Console host \(aud.host); the authorization server is at \(endpoint.host) (without -admin)"
        }
        if aud.host.lowercased() != endpoint.host.lowercased() {
            return "the host differs (\(aud.host) vs \(endpoint.host))" + (target.customDomain || aud.host.lowercased().hasSuffix(".okta.com") != endpoint.host.lowercased().hasSuffix(".okta.com")
                ? ": with a custom URL domain, `aud` must name the host the request is sent to" : "")
        }
        if aud.host != endpoint.host { return "the host differs in letter case (\(aud.host) vs \(endpoint.host)); Okta compares exactly" }
        if aud.port != endpoint.port { return "the port differs" }
        if aud.query != nil { return "aud carries a query string (?\(aud.query ?? "")); the endpoint URL has none" }
        if aud.path == endpoint.path + "/" { return "aud has a trailing slash the endpoint URL does not have" }
        if aud.path + "/" == endpoint.path { return "the endpoint URL has a trailing slash that aud lacks" }
        if aud.path.lowercased() == endpoint.path.lowercased() { return "the path differs in letter case; Okta compares exactly" }
        let audTarget = ServerTarget.classify(aud)
        if let issuer = target.issuer, audience == issuer || audience == issuer + "/" {
            return "aud is the issuer of the server, not the endpoint URL"
        }
        if audTarget.profile.isOkta, target.profile.isOkta {
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

    static func serverName(_ t: ServerTarget) -> String {
        if let id = t.authServerID {
            return id == "default" ? "the default custom authorization server (/oauth2/default)" : "the custom authorization server '\(id)' (/oauth2/\(id))"
        }
        return t.profile.isOkta ? "the Org authorization server (/oauth2/v1)" : t.profile.name
    }
}
