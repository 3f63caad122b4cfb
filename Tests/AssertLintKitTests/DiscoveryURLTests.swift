import Foundation
import Testing
@testable import AssertLintKit

/// Online discovery, per server: the document URL each profile's URL shape and `discovery:` give
/// (nothing is fetched here; online mode sends nothing unless asked).
@Suite struct DiscoveryURLTests {
    static let tenant = "11111111-2222-3333-4444-555555555555"

    /// The target a URL gives: the URL's own profile, or the one named (`--server`).
    static func target(_ url: String, server: String?) throws -> ServerTarget {
        let endpoint = try #require(EndpointURL(url))
        guard let server else { return ProfileSet.bundled.classify(endpoint).target }
        return ServerTarget.read(endpoint, with: try #require(ProfileSet.bundled[server]))
    }

    /// (request URL, --server, --issuer, client id, document URL or nil)
    static let table: [(String, String?, String?, String?, String?)] = [
        // Okta: the Org and custom servers, with the app's ?client_id= (discovery.client_id_query).
        ("https://dev-1.okta.com/oauth2/v1/token", nil, nil, "0oa1", "https://dev-1.okta.com/.well-known/openid-configuration?client_id=0oa1"),
        ("https://dev-1.okta.com/oauth2/aus9x/v1/token", nil, nil, "0oa 1", "https://dev-1.okta.com/oauth2/aus9x/.well-known/openid-configuration?client_id=0oa%201"),
        // Keycloak: the realm issuer, with and without the legacy /auth; no client id sent.
        ("https://sso.example.com/realms/demo/protocol/openid-connect/token", nil, nil, "app",
         "https://sso.example.com/realms/demo/.well-known/openid-configuration"),
        ("https://sso.example.com/auth/realms/demo/protocol/openid-connect/token/introspect", nil, nil, "app",
         "https://sso.example.com/auth/realms/demo/.well-known/openid-configuration"),
        ("https://sso.example.com/auth/realms/demo/protocol/openid-connect/token", "keycloak@26.3", nil, nil,
         "https://sso.example.com/auth/realms/demo/.well-known/openid-configuration"),
        // Entra ID: the v2 document of the tenant, also for a v1 token URL (whose issuer is on sts.windows.net).
        ("https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token", nil, nil, "app",
         "https://login.microsoftonline.com/\(tenant)/v2.0/.well-known/openid-configuration"),
        ("https://login.microsoftonline.com/\(tenant)/oauth2/token", nil, nil, nil,
         "https://login.microsoftonline.com/\(tenant)/v2.0/.well-known/openid-configuration"),
        ("https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/token", nil, nil, nil,
         "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/v2.0/.well-known/openid-configuration"),
        // Auth0: the issuer's trailing slash is not doubled.
        ("https://example-tenant.auth0.com/oauth/token", nil, nil, "app", "https://example-tenant.auth0.com/.well-known/openid-configuration"),
        // Spring, chosen by name: RFC 8414, the issuer's path after the well-known string.
        ("https://auth.example.com/oauth2/token", "spring", nil, "app", "https://auth.example.com/.well-known/oauth-authorization-server"),
        ("https://auth.example.com/issuer1/oauth2/token", "spring", nil, nil,
         "https://auth.example.com/.well-known/oauth-authorization-server/issuer1"),
        // node-oidc-provider: the deployer's issuer (the origin here).
        ("https://op.example.com/token/introspection", nil, nil, "app", "https://op.example.com/.well-known/openid-configuration"),
        // The generic servers: only with --issuer; RFC 10070 reads RFC 8414's document.
        ("https://as.example.com/oauth/token", nil, nil, "app", nil),
        ("https://as.example.com/oauth/token", nil, "https://as.example.com/", "app", "https://as.example.com/.well-known/openid-configuration"),
        ("https://as.example.com/oauth/token", "rfc10070", "https://as.example.com/tenant1", "app",
         "https://as.example.com/.well-known/oauth-authorization-server/tenant1"),
        ("https://as.example.com/oauth/token", "rfc10070", nil, nil, nil),
        ("https://as.example.com/oauth/token", "fapi2", "https://as.example.com", nil, "https://as.example.com/.well-known/openid-configuration"),
    ]

    @Test(arguments: table)
    func documentURL(_ url: String, _ server: String?, _ issuer: String?, _ clientID: String?, _ expected: String?) throws {
        let target = try Self.target(url, server: server)
        #expect(Discovery.documentURL(issuer: issuer, target: target, clientID: clientID) == expected, "\(url) as \(target.profile.id)")
    }

    @Test func aDiscoveryDocumentKindOutsideTheSchemaIsRefused() throws {
        let yaml = "id: x\nname: X\ndiscovery: {document: webfinger}\n"
        #expect(throws: ProfileError.self) { try ProfileLoader.profiles([try ProfileLoader.source(yaml, file: "x.yaml")]) }
    }
}

/// Spring's paths (`/oauth2/token`, …) are shared with other products, so they never pick Spring
/// (`recognise.name_only`): such a URL is judged as RFC 7523's generic server, and the reason
/// names `--server spring`; chosen by name, the paths still read the URL.
@Suite struct SpringRecognitionTests {
    @Test(arguments: ["https://auth.example.com/oauth2/token", "https://wso2.example.com:9443/oauth2/token",
                      "https://login.salesforce.com/services/oauth2/token", "https://auth.example.com/oauth2/introspect"])
    func aSharedPathFallsBackToRFC7523(_ url: String) throws {
        let endpoint = try #require(EndpointURL(url))
        #expect(ProfileSet.bundled.classify(endpoint).target.profile.id == "rfc7523")
        var subject = Subject(source: "-", request: TokenRequest(method: "POST", url: url), assertion: .absent)
        try ProfileSelection().apply(to: &subject)
        #expect(subject.profile.id == "rfc7523")
        #expect(subject.profileChoice?.reason
                == "no profile recognises the URL; its path is also Spring Authorization Server's (--server spring), which other servers share")
    }

    @Test func byNameThePathsStillReadTheURL() throws {
        let spring = try #require(ProfileSet.bundled["spring"])
        var subject = Subject(source: "-", request: TokenRequest(method: "POST", url: "https://auth.example.com/issuer1/oauth2/revoke"),
                              assertion: .absent)
        try ProfileSelection(forced: (spring, "--server spring")).apply(to: &subject)
        let target = try #require(subject.target)
        #expect(target.profile.id == "spring" && target.endpoint == .revoke && target.issuer == "https://auth.example.com/issuer1")
        #expect(target.sibling(.token) == "https://auth.example.com/issuer1/oauth2/token")
    }

    @Test func otherURLsKeepTheirProfiles() throws {
        for (url, id) in [("https://dev-1.okta.com/oauth2/v1/token", "okta-org"),
                          ("https://sso.example.com/realms/demo/protocol/openid-connect/token", "keycloak"),
                          ("https://op.example.com/token/introspection", "node-oidc-provider"),
                          ("https://as.example.com/oauth/token", "rfc7523")] {
            let endpoint = try #require(EndpointURL(url))
            #expect(ProfileSet.bundled.classify(endpoint).target.profile.id == id, "\(url)")
        }
        var plain = Subject(source: "-", request: TokenRequest(method: "POST", url: "https://as.example.com/oauth/token"), assertion: .absent)
        try ProfileSelection().apply(to: &plain)
        #expect(plain.profileChoice?.reason == "no profile recognises the URL")
    }
}

/// `ServerTarget.sibling` keeps the prefix of the path that was called (Keycloak's legacy `/auth`).
@Suite struct SiblingPrefixTests {
    @Test func theLegacyAuthPrefixIsKept() throws {
        let url = try #require(EndpointURL("https://sso.example.com/auth/realms/demo/protocol/openid-connect/revoke"))
        let target = ProfileSet.bundled.classify(url).target
        #expect(target.profile.id == "keycloak")
        #expect(target.sibling(.token) == "https://sso.example.com/auth/realms/demo/protocol/openid-connect/token")
        let modern = ProfileSet.bundled.classify(try #require(EndpointURL("https://sso.example.com/realms/demo/protocol/openid-connect/revoke"))).target
        #expect(modern.sibling(.token) == "https://sso.example.com/realms/demo/protocol/openid-connect/token")
    }
}
