import Foundation

/// Finds and reads an authorization server's discovery document.
public struct Discovery: Sendable {
    public let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    /// The discovery URL: the issuer from `--issuer` when given, else from the request's URL shape
    /// under its profile (`recognise.paths[].issuer`: Keycloak's realm with or without `/auth`,
    /// Entra ID's `{origin}/{tenant}/v2.0`, Auth0's `https://{tenant}.auth0.com/`, Okta's Org and
    /// custom servers). The profile's `discovery.document` says which document: OpenID Connect's
    /// `{issuer}/.well-known/openid-configuration` (the default), or RFC 8414's
    /// `{origin}/.well-known/oauth-authorization-server{issuer path}`; `?client_id=` only when
    /// the profile's `discovery.client_id_query` says the server reads it. Nil when neither the
    /// flag nor the URL tells the issuer.
    public static func documentURL(issuer: String?, target: ServerTarget?, clientID: String?) -> String? {
        let base: String
        if let issuer, !issuer.isEmpty {
            base = issuer
        } else if let target, let found = discoverableIssuer(target) {
            base = found
        } else {
            return nil
        }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        var url: String
        switch target?.profile.discovery?.document {
        case "oauth-authorization-server":
            // RFC 8414 §3: the well-known string goes between the host and the issuer's path.
            guard let parsed = EndpointURL(trimmed) else { return nil }
            let path = parsed.path.hasSuffix("/") ? String(parsed.path.dropLast()) : parsed.path
            url = parsed.origin + "/.well-known/oauth-authorization-server" + path
        default:
            url = trimmed + "/.well-known/openid-configuration"
        }
        if target?.profile.discovery?.clientIDQuery == true, let clientID, !clientID.isEmpty {
            url += "?client_id=" + FormEncoding.encode(clientID)
        }
        return url
    }

    /// The issuer whose document the request's own origin serves: the target's issuer, or, when
    /// that issuer is on another host (Entra ID's v1 `https://sts.windows.net/{tenant}/`), the
    /// first issuer of the profile's paths on the request's origin that the URL's names fill.
    static func discoverableIssuer(_ target: ServerTarget) -> String? {
        guard target.template != nil, let issuer = target.issuer, let url = EndpointURL(target.endpointURL) else { return nil }
        if EndpointURL(issuer)?.origin.lowercased() == url.origin.lowercased() { return issuer }
        var values = target.captures
        values["origin"] = url.origin
        for t in target.profile.recognise?.paths ?? [] {
            guard let template = t.issuer, template.hasPrefix("{origin}"),
                  CatalogEntry.placeholderNames(in: template).allSatisfy({ values[$0] != nil }) else { continue }
            return CatalogEntry.render(template, values)
        }
        return nil
    }

    /// Fetches and reads the document.
    public func fetch(_ url: String) throws(NetworkError) -> ServerMetadata {
        let json = try client.getJSON(url, expecting: "a discovery document")
        do {
            return try ServerMetadata(document: json, source: url)
        } catch {
            throw NetworkError(url: url, cause: .unexpectedDocument(error.reason))
        }
    }
}
