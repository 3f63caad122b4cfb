import Foundation

/// Issuers as the profiles build them (`recognise.paths[].issuer`, `{origin}/oauth2/{server}`): which
/// server a URL is the issuer of, and the token endpoint beside an issuer, without a rule knowing
/// any server's URL shapes.
enum IssuerTemplates {
    /// The template whose issuer a URL is, with the names its path gives. A name the profile's
    /// paths use as a fixed segment (`v1`) is no server's name.
    static func match(_ url: EndpointURL, _ profile: ServerProfile) -> (ServerProfile.PathTemplate, [String: String])? {
        let segments = url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let templates = profile.recognise?.paths ?? []
        let fixed = Set(templates.flatMap { $0.path.split(separator: "/").map(String.init) }.filter { !$0.hasPrefix("{") })
        for t in templates {
            guard let issuer = t.issuer, issuer.hasPrefix("{origin}") else { continue }
            let path = String(issuer.dropFirst("{origin}".count))
            guard let captures = ServerProfile.match(path, segments),
                  !captures.values.contains(where: fixed.contains) else { continue }
            return (t, captures)
        }
        return nil
    }

    /// Which of the profile's servers a URL is the issuer of, in the profile's words
    /// (`messages.aud-issuer-instead-of-endpoint.server[.<name>]`), else its name.
    static func serverName(_ url: EndpointURL, _ profile: ServerProfile) -> String? {
        guard let (_, captures) = match(url, profile) else { return nil }
        let key = "aud-issuer-instead-of-endpoint.server"
        if let id = captures["server"], let named = profile.message("\(key).\(id)", captures) { return named }
        return profile.message(key, captures) ?? profile.name
    }

    /// The token endpoint of the server whose issuer is `issuerPath` on `url`'s host (a discovery
    /// document's URL names it): the profiles whose hosts match, then those recognised by path
    /// on any host, for an issuer with a path (the root of an unknown host is anyone's).
    static func tokenURL(issuerPath: String, url: EndpointURL, profiles: ProfileSet = .bundled) -> String? {
        guard let issuerURL = EndpointURL(url.origin + issuerPath) else { return nil }
        let usable = profiles.profiles.filter { !$0.id.contains("@") }
        let byHost = usable.filter { !($0.recognise?.hosts ?? []).isEmpty && $0.hostMatches(url.host) }
        let byPath = issuerPath.isEmpty ? [] : usable.filter { $0.recognise?.customDomains == true }
        for profile in byHost + byPath {
            guard let (template, captures) = match(issuerURL, profile) else { continue }
            let target = ServerTarget(profile: profile, endpointURL: issuerURL.withoutQuery, endpoint: .other, issuer: nil,
                                      authServerID: captures["server"], customDomain: false, placeholders: [],
                                      captures: captures, template: template)
            if let token = target.sibling(.token) { return token }
        }
        return nil
    }
}
