import Foundation
import Testing
@testable import AssertLintKit

/// The rules that use the server's discovery document: their exact messages.
@Suite struct OnlineRulesTests {
    static func subject(url: String, aud: String, announced: String = "https://login.example.com/oauth2/default") throws -> Subject {
        let text = """
            now: 2025-06-02T14:00:00Z
            server: {issuer: "\(announced)", token_endpoint: "\(announced)/v1/token"}
            request:
              url: \(url)
              form:
                grant_type: client_credentials
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  claims: {iss: 0oa1, sub: 0oa1, aud: "\(aud)", exp: "+300", jti: r1}
            """
        return try FixtureLoader().load(text: text, path: "t.yaml")
    }

    @Test func oktaHostAudOnTheAnnouncedCustomDomain() throws {
        let s = try Self.subject(url: "https://login.example.com/oauth2/default/v1/token", aud: "https://dev-123.okta.com/oauth2/default/v1/token")
        let f = try #require(Engine(rules: [AudienceHostNotAnnounced()]).run(s).findings.first)
        #expect(f.message == "aud names the host dev-123.okta.com, which the server's discovery document does not announce; the server announces its endpoints on login.example.com, where the request goes (dev-123.okta.com is the Okta host, login.example.com a custom URL domain)")
        #expect(f.fix == "Make `aud` and the request URL name the same host (set `aud` to \"https://login.example.com/oauth2/default/v1/token\" and sign a new assertion).")
        #expect(f.isServerAnswer && f.answer?.status == 401)
    }

    @Test func requestToTheOktaHostWhileTheServerAnnouncesTheCustomDomain() throws {
        let s = try Self.subject(url: "https://dev-123.okta.com/oauth2/default/v1/token", aud: "https://login.example.com/oauth2/default/v1/token")
        let f = try #require(Engine(rules: [AudienceHostNotAnnounced()]).run(s).findings.first)
        #expect(f.message == "the request goes to dev-123.okta.com, which the server's discovery document does not announce, while aud names login.example.com, the host it announces (t.yaml (server:)) (dev-123.okta.com is the Okta host, login.example.com a custom URL domain)")
        #expect(f.fixValues["advice"]?.hasPrefix("send the request to \"https://login.example.com/oauth2/default/v1/token\"") == true)
    }

    @Test func nothingWithoutTheDiscoveryDocument() throws {
        var s = try Self.subject(url: "https://login.example.com/oauth2/default/v1/token", aud: "https://dev-123.okta.com/oauth2/default/v1/token")
        s.serverMetadata = nil
        #expect(Engine(rules: [AudienceHostNotAnnounced(), EndpointNotAnnounced()]).run(s).findings.isEmpty)
    }

    @Test func endpointNotAnnouncedNamesTheAnnouncedOne() throws {
        let s = try Self.subject(url: "https://login.example.com/oauth2/v1/token", aud: "https://login.example.com/oauth2/v1/token")
        let f = try #require(Engine(rules: [EndpointNotAnnounced()]).run(s).findings.first)
        #expect(f.message == "the request goes to \"https://login.example.com/oauth2/v1/token\", which the server's discovery document (t.yaml (server:)) does not announce; it announces the token endpoint as \"https://login.example.com/oauth2/default/v1/token\"")
        #expect(f.location.pointer == Location.url)
    }

    @Test func aFixtureServerWithoutIssuerIsAnInputError() {
        let text = """
            server: {token_endpoint: "https://x.example/token"}
            request: {url: "https://x.example/token"}
            """
        #expect(throws: InputError("t.yaml", "line 1: `server`: the document has no `issuer`: it is not an OpenID Connect / OAuth discovery document")) {
            try FixtureLoader().load(text: text, path: "t.yaml")
        }
    }
}
