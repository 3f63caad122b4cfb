import Foundation
import Testing
@testable import AssertLintKit

/// Online lookups against the loopback Okta stand-in, and how their results merge into a subject.
@Suite struct OnlineContextTests {
    static let ssws = ManagementCredential(scheme: .ssws, token: OktaStandIn.apiToken, origin: "OKTA_API_TOKEN")

    /// The stand-in's origin, named the way a user names it: OKTA_ORG_URL.
    static func named(_ server: LoopbackHTTPServer) throws -> OnlineAccess {
        OnlineAccess(org: try NamedOrigin(server.base, namedBy: "OKTA_ORG_URL"))
    }

    /// The introspect scenario: only the URL and `token`, `token_type_hint`, `client_id`.
    static func introspectRequest(base: String) -> TokenRequest {
        TokenRequest(method: "POST", url: "\(base)/oauth2/v1/introspect",
                     headers: [HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                     body: .form([FormField(name: "token", value: "eyJraWQiOiJhY2Nlc3MifQ.e30.c2ln"),
                                  FormField(name: "token_type_hint", value: "access_token"),
                                  FormField(name: "client_id", value: OktaStandIn.clientID)]))
    }

    @Test func introspectScenarioGetsAppContextFromTheServer() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let context = OnlineLookup(client: HTTPClient(), credential: Self.ssws, access: try Self.named(server)).gather(for: subject)
        #expect(context.failures.isEmpty, "\(context.failures)")
        #expect(context.discoveryURL == "\(server.base)/.well-known/openid-configuration?client_id=\(OktaStandIn.clientID)")
        let merged = context.merge(into: subject)
        let app = merged.subject.app
        #expect(app.clientID == OktaStandIn.clientID)
        #expect(app.authMethod == .privateKeyJWT)
        #expect(app.type == .service)
        #expect(app.jwks?.objectValue?["keys"]?.arrayValue?.first?.objectValue?["kid"] == .string("key-2025"))
        #expect(app.provenance["auth_method"] == .server && app.provenance["type"] == .server && app.provenance["jwks"] == .server)
        #expect(merged.subject.serverMetadata?.introspectionEndpoint == "\(server.base)/oauth2/v1/introspect")
        #expect(merged.fromServer.contains(OnlineFact(name: "token_endpoint_auth_method", value: "private_key_jwt",
                                                      source: "\(server.base)/oauth2/v1/clients/\(OktaStandIn.clientID)")))
        #expect(merged.assumed.isEmpty, "\(merged.assumed)")
        // The management call carried the API token; discovery did not.
        let calls = server.requests
        #expect(calls.first { $0.path == "/.well-known/openid-configuration" }?.header("Authorization") == nil)
        #expect(calls.first { $0.path.hasPrefix("/oauth2/v1/clients/") }?.header("Authorization") == "SSWS \(OktaStandIn.apiToken)")
        // Nothing the user reads shows the token.
        #expect(!merged.summaryLines.joined(separator: "\n").contains(OktaStandIn.apiToken))
    }

    /// `diagnose --online` with only the URL and the token must judge like offline with full flags.
    @Test func onlineMergeDiagnosesLikeTheFixtureWithFullContext() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let offlineText = """
            now: 2025-06-02T14:00:00Z
            app:
              client_id: \(OktaStandIn.clientID)
              auth_method: private_key_jwt
              type: service
              jwks: \(OktaStandIn.jwks)
            request:
              url: \(server.base)/oauth2/v1/introspect
              form:
                token: eyJraWQiOiJhY2Nlc3MifQ.e30.c2ln
                token_type_hint: access_token
                client_id: \(OktaStandIn.clientID)
            """
        let offline = try FixtureLoader().load(text: offlineText, path: "offline.yaml")
        var bare = offline
        bare.app = AppRegistration()
        let merged = OnlineLookup(client: HTTPClient(), credential: Self.ssws, access: try Self.named(server)).gather(for: bare).merge(into: bare)
        #expect(merged.subject.app.authMethod == offline.app.authMethod)
        #expect(merged.subject.app.type == offline.app.type)
        #expect(merged.subject.app.jwks == offline.app.jwks)
        let onlineIDs = Engine().run(merged.subject).ruleIDs
        let offlineIDs = Engine().run(offline).ruleIDs
        #expect(Set(onlineIDs) == Set(offlineIDs), "online \(onlineIDs) vs offline \(offlineIDs)")
        for id in ["assertion-missing", "assertion-type-missing"] {
            #expect(onlineIDs.contains(id))
        }
    }

    @Test func appsAPIFillsWhatTheClientsAPILacks() throws {
        var options = OktaStandIn.Options()
        options.clientsAPIHasJWKS = false
        let server = try OktaStandIn.start(options)
        defer { server.stop() }
        let registry = ClientRegistry(client: HTTPClient(), baseURL: server.base, credential: Self.ssws)
        let r = try registry.fetch(clientID: OktaStandIn.clientID)
        #expect(r.authMethod == .privateKeyJWT)
        #expect(r.sources["token_endpoint_auth_method"] == "\(server.base)/oauth2/v1/clients/\(OktaStandIn.clientID)")
        #expect(r.sources["jwks"] == "\(server.base)/api/v1/apps/\(OktaStandIn.clientID)")
        #expect(r.jwks != nil)
    }

    @Test func appHostedJWKSURIIsFetched() throws {
        var options = OktaStandIn.Options()
        options.clientsAPIHasJWKS = false
        options.hostedJWKSURI = true
        let server = try OktaStandIn.start(options)
        defer { server.stop() }
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let context = OnlineLookup(client: HTTPClient(), credential: Self.ssws, access: try Self.named(server)).gather(for: subject)
        #expect(context.registration?.jwksURI == "\(server.base)/client-keys.json")
        #expect(context.hostedJWKSSource == "\(server.base)/client-keys.json")
        let merged = context.merge(into: subject)
        #expect(merged.subject.app.jwks?.objectValue?["keys"]?.arrayValue?.count == 1)
        #expect(merged.fromServer.contains { $0.name == "jwks" && $0.source == "\(server.base)/client-keys.json" })
    }

    @Test func aFlagWinsOverTheServerAndTheDifferenceIsReported() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        var subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        subject.app.authMethod = .clientSecretBasic
        subject.app.provenance["auth_method"] = .flag
        let merged = OnlineLookup(client: HTTPClient(), credential: Self.ssws, access: try Self.named(server)).gather(for: subject).merge(into: subject)
        #expect(merged.subject.app.authMethod == .clientSecretBasic)
        #expect(merged.subject.app.provenance["auth_method"] == .flag)
        #expect(merged.overriddenByUser.count == 1)
        #expect(merged.overriddenByUser.first?.hasPrefix("token_endpoint_auth_method: the server has private_key_jwt") == true)
        #expect(merged.subject.app.type == .service)
    }

    @Test func withoutCredentialOnlyDiscoveryIsReadAndTheRestIsAssumed() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let merged = OnlineLookup(client: HTTPClient()).gather(for: subject).merge(into: subject)
        #expect(merged.subject.serverMetadata != nil)
        #expect(merged.subject.app.authMethod == nil)
        #expect(merged.skipped.first?.hasPrefix("app registration: no management credential (set OKTA_API_TOKEN") == true)
        #expect(merged.assumed.contains { $0.hasPrefix("token_endpoint_auth_method: not known") })
        #expect(!server.requests.contains { $0.path.hasPrefix("/oauth2/v1/clients") || $0.path.hasPrefix("/api/v1/apps") })
    }

    @Test func aRejectedTokenNeverAppearsInTheError() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let wrong = ManagementCredential(scheme: .ssws, token: "00WRONGtoken-zyxwvutsrqponmlkjihgfedcba", origin: "OKTA_API_TOKEN")
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let context = OnlineLookup(client: HTTPClient(), credential: wrong, access: try Self.named(server)).gather(for: subject)
        let failure = try #require(context.failures.first)
        #expect(failure.cause == .httpStatus(401, reason: "Unauthorized",
                                             excerpt: #"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeTEST","errorCauses":[]}"#))
        #expect(!failure.description.contains("00WRONGtoken"))
        #expect(!wrong.description.contains("00WRONGtoken"))
    }

    @Test func aTokenEchoedByTheServerIsRedacted() throws {
        let server = try LoopbackHTTPServer { r in
            .json(500, #"{"debug":"received \#(r.header("Authorization") ?? "")"}"#)
        }
        defer { server.stop() }
        let registry = ClientRegistry(client: HTTPClient(), baseURL: server.base, credential: Self.ssws)
        do {
            _ = try registry.fetch(clientID: OktaStandIn.clientID)
            Issue.record("expected a failure")
        } catch {
            #expect(!error.description.contains(OktaStandIn.apiToken))
            #expect(!error.description.contains(String(OktaStandIn.apiToken.prefix(12))))
            #expect(error.description.contains("(redacted)"))
        }
    }

    @Test func issuerOverrideFindsTheCustomServersDocument() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let context = OnlineLookup(client: HTTPClient(), issuer: "\(server.base)/oauth2/default/").gather(for: subject)
        #expect(context.discoveryURL == "\(server.base)/oauth2/default/.well-known/openid-configuration?client_id=\(OktaStandIn.clientID)")
        #expect(context.metadata?.issuer == "\(server.base)/oauth2/default")
        // The request goes to the Org server's introspect URL, which this custom server does not announce.
        let merged = context.merge(into: subject)
        #expect(Engine(rules: [EndpointNotAnnounced()]).run(merged.subject).ruleIDs == ["endpoint-not-announced"])
    }

    @Test func discoveryFailureLeavesTheOfflineSubjectAndSaysSo() throws {
        let server = try LoopbackHTTPServer { _ in .json(500, #"{"errorSummary":"boom"}"#) }
        defer { server.stop() }
        let subject = Subject(source: "<test>", request: Self.introspectRequest(base: server.base), assertion: .absent)
        let merged = OnlineLookup(client: HTTPClient()).gather(for: subject).merge(into: subject)
        #expect(merged.failures.count == 1)
        #expect(merged.subject.serverMetadata == nil)
        #expect(merged.assumed.first == "endpoints and issuer: inferred from the request URL's shape (no discovery document was read)")
        #expect(merged.summaryLines.contains("could not fetch: GET \(server.base)/.well-known/openid-configuration?client_id=\(OktaStandIn.clientID): HTTP 500 Internal Server Error: {\"errorSummary\":\"boom\"}"))
    }

    @Test func documentURLsFollowOktasShapes() throws {
        let org = ServerTarget.classify(try #require(EndpointURL("https://dev-1.okta.com/oauth2/v1/token")))
        let custom = ServerTarget.classify(try #require(EndpointURL("https://login.example.com/oauth2/aus9x/v1/introspect")))
        let generic = ServerTarget.classify(try #require(EndpointURL("https://idp.example.com/connect/token")))
        #expect(Discovery.documentURL(issuer: nil, target: org, clientID: nil) == "https://dev-1.okta.com/.well-known/openid-configuration")
        #expect(Discovery.documentURL(issuer: nil, target: custom, clientID: "0oa 1") == "https://login.example.com/oauth2/aus9x/.well-known/openid-configuration?client_id=0oa%201")
        #expect(Discovery.documentURL(issuer: nil, target: generic, clientID: "x") == nil)
        #expect(Discovery.documentURL(issuer: "https://idp.example.com/", target: generic, clientID: nil) == "https://idp.example.com/.well-known/openid-configuration")
    }

    @Test func credentialsComeFromTheEnvironmentOrAFile() throws {
        let ssws = try #require(try ManagementCredential.fromEnvironment(["OKTA_API_TOKEN": " 00abc-secret-token \n"]))
        #expect(ssws.scheme == .ssws && ssws.token == "00abc-secret-token")
        #expect(ssws.description == "API token from OKTA_API_TOKEN (not shown)")
        let bearer = try #require(try ManagementCredential.fromEnvironment(["OKTA_ACCESS_TOKEN": "Bearer eyJabc"]))
        #expect(bearer.scheme == .bearer && bearer.token == "eyJabc")
        #expect(try ManagementCredential.fromEnvironment([:]) == nil)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-token-\(UUID().uuidString)")
        try "SSWS 00fromfile\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try #require(try ManagementCredential.fromEnvironment(["OKTA_API_TOKEN_FILE": file.path]))
        #expect(fromFile.token == "00fromfile" && fromFile.scheme == .ssws)
        #expect(!fromFile.description.contains("00fromfile"))
    }
}
