import Foundation

/// A client assertion only means something at an endpoint that authenticates clients. Sent to
/// /authorize, /keys, /userinfo or a discovery document, it is ignored or refused.
struct EndpointNotClientAuth: Rule {
    static let id = "endpoint-not-client-auth"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.request, let target = subject.target, let url = request.endpoint else { return }
        let sendsAssertion = request.form("client_assertion") != nil || request.form("client_assertion_type") != nil
            || FormEncoding.fields(url.query ?? "").contains { $0.name == "client_assertion" }
        guard sendsAssertion else { return }
        let wellKnown = url.path.contains("/.well-known/")
        guard wellKnown || [.authorize, .keys, .userinfo, .logout].contains(target.endpoint) else { return }
        let tokenURL = target.sibling(.token) ?? Self.tokenURL(fromDiscovery: url) ?? "the server's token_endpoint"
        let what: String
        switch target.endpoint {
        case _ where wellKnown:
            what = "a discovery document, which anyone can read without credentials; it lists the endpoints (`token_endpoint`) the assertion is meant for"
        case .authorize:
            what = "the authorization endpoint, where the user's browser is sent; it does not authenticate clients. The client authenticates when it exchanges the code at the token endpoint (or pushes the request to /par)"
        case .keys:
            what = "the keys endpoint, which publishes the authorization server's own signing keys; your public key is registered in the app (or at its jwks_uri), not sent here"
        case .userinfo:
            what = "the userinfo endpoint, which takes an access token as `Authorization: Bearer`; get that token from the token endpoint first"
        default:
            what = "the logout endpoint, which takes an `id_token_hint`, not client credentials"
        }
        findings.add(Self.id, at: Location.url, "The request sends a client assertion to \(target.endpointURL), \(what)",
                     fix: ["endpoint": tokenURL])
    }

    /// The token URL beside a discovery document: the issuer is the path before `/.well-known/`
    /// (or, RFC 8414, after `/.well-known/oauth-authorization-server`), and the profiles say where
    /// that issuer's token endpoint is.
    static func tokenURL(fromDiscovery url: EndpointURL) -> String? {
        let parts = url.path.components(separatedBy: "/.well-known/")
        guard parts.count == 2 else { return nil }
        var base = parts[0]
        if base.isEmpty, let slash = parts[1].firstIndex(of: "/") {
            base = String(parts[1][slash...])
        }
        return IssuerTemplates.tokenURL(issuerPath: base, url: url)
    }
}
