import Foundation

/// Finds and reads an authorization server's discovery document.
public struct Discovery: Sendable {
    public let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    /// The discovery URL: from `--issuer` when given, else from the request's URL shape
    /// (Org server: `https://{domain}/.well-known/openid-configuration`; custom server:
    /// `https://{domain}/oauth2/{id}/.well-known/openid-configuration`), with `?client_id=`
    /// when a client id is known. Nil when neither tells the issuer.
    public static func documentURL(issuer: String?, target: ServerTarget?, clientID: String?) -> String? {
        let base: String
        if let issuer, !issuer.isEmpty {
            base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        } else if let target, target.template != nil, let issuer = target.issuer {
            base = issuer
        } else {
            return nil
        }
        var url = base + "/.well-known/openid-configuration"
        if let clientID, !clientID.isEmpty { url += "?client_id=" + FormEncoding.encode(clientID) }
        return url
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
