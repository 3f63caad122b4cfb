import Foundation
import Testing
@testable import AssertLintKit

/// Server profiles as data (issue 12): reading profile files, choosing a profile once per request,
/// and a server added with a YAML file and no Swift change.
@Suite struct ProfileTests {
    /// A server no bundled profile knows, written the way docs/profiles.md says.
    static let acme = """
        id: acme
        name: Acme Identity
        sources: ["a test: the server is made up"]
        recognise:
          hosts: ["*.acme-id.test"]
          paths:
            - {path: "/t/{tenant}/token", endpoint: token, issuer: "{origin}/t/{tenant}"}
        audience: {accepts: [issuer], array: forbidden}
        lifetime: {exp_required: true, max_exp_ahead: 120}
        jti: {required: true}
        check_order: [jti-missing, aud-mismatch, exp-too-far]
        answers:
          aud-mismatch:
            status: 400
            error: invalid_client
            error_description: "audience is not this tenant"
            verbatim: false
            note: "made up for a test"
          default:
            status: 401
            error: invalid_client
            error_description: "authentication failed"
            verbatim: false
            note: "made up for a test"
        """

    static func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let now = Date(timeIntervalSince1970: 1_748_872_800)

    static func subject(_ fixture: String) throws -> Subject {
        try FixtureLoader(realNow: now).load(text: fixture, path: "inline.yaml")
    }

    // MARK: - Reading profile files

    @Test func unknownKeyIsOneLineNamingFileAndKey() throws {
        let text = Self.acme.replacingOccurrences(of: "lifetime: {exp_required: true, max_exp_ahead: 120}",
                                                  with: "lifetime: {exp_required: true, max_age: 120}")
        #expect(throws: ProfileError("Profiles/acme.yaml", "unknown key `lifetime.max_age` (see docs/profiles.md)")) {
            _ = try ProfileLoader.profiles([try ProfileLoader.source(text, file: "Profiles/acme.yaml")])
        }
        let top = Self.acme + "\ncolour: blue\n"
        #expect(throws: ProfileError("x.yaml", "unknown key `colour` (see docs/profiles.md)")) {
            _ = try ProfileLoader.profiles([try ProfileLoader.source(top, file: "x.yaml")])
        }
        let inAnswer = Self.acme.replacingOccurrences(of: "note: \"made up for a test\"\n  default:", with: "notes: x\n  default:")
        #expect(throws: ProfileError("x.yaml", "unknown key `answers.aud-mismatch.notes` (see docs/profiles.md)")) {
            _ = try ProfileLoader.profiles([try ProfileLoader.source(inAnswer, file: "x.yaml")])
        }
    }

    @Test func valuesOutsideTheSchemasWordsAreRefused() throws {
        let text = Self.acme.replacingOccurrences(of: "accepts: [issuer]", with: "accepts: [issuer, tenant]")
        #expect(throws: ProfileError("x.yaml", "`audience.accepts`: `tenant` is not one of endpoint, issuer, issuer_slash, realm, token_endpoint")) {
            _ = try ProfileLoader.profiles([try ProfileLoader.source(text, file: "x.yaml")])
        }
        #expect(throws: ProfileError("x.yaml", "the key `id` is missing")) {
            _ = try ProfileLoader.source("name: x\n", file: "x.yaml")
        }
    }

    @Test func extendsMergesMappingsAndReplacesTheRest() throws {
        let base = try ProfileLoader.source(Self.acme, file: "acme.yaml")
        let child = try ProfileLoader.source("""
            id: acme@1
            name: Acme Identity 1.x
            extends: acme
            lifetime: {max_exp_ahead: 60}
            answers:
              aud-mismatch: {error_description: "bad audience"}
            """, file: "acme@1.yaml")
        let profiles = try ProfileLoader.profiles([base, child])
        let old = try #require(profiles.first { $0.id == "acme@1" })
        #expect(old.lifetime?.maxExpAhead == 60 && old.lifetime?.expRequired == true)
        #expect(old.answers?["aud-mismatch"]?.errorDescription == "bad audience")
        #expect(old.answers?["aud-mismatch"]?.status == 400)
        #expect(old.sources == nil)
        #expect(old.recognise?.hosts == ["*.acme-id.test"])
        let loop = try ProfileLoader.source("id: a\nname: A\nextends: b\n", file: "a.yaml")
        let back = try ProfileLoader.source("id: b\nname: B\nextends: a\n", file: "b.yaml")
        #expect(throws: ProfileError.self) { _ = try ProfileLoader.profiles([loop, back]) }
        #expect(throws: ProfileError("c.yaml", "`extends: nowhere` names no known profile")) {
            _ = try ProfileLoader.profiles([try ProfileLoader.source("id: c\nname: C\nextends: nowhere\n", file: "c.yaml")])
        }
    }

    @Test func bundledProfilesAreTheFilesInProfiles() throws {
        let read = try ProfileLoader.profiles(try GeneratedSourcesTests.profileSources()).sorted { $0.id < $1.id }
        #expect(read == BundledProfiles.all, "the compiled-in profiles differ from Profiles/: run scripts/generate")
        for id in ["okta-org", "okta-custom", "rfc7523"] { #expect(ProfileSet.bundled[id] != nil, "\(id) is not bundled") }
    }

    // MARK: - Recognising and choosing

    @Test func hostGlobsAndPathTemplates() {
        #expect(ServerProfile.hostGlob("*.okta.com", "dev-1.okta.com"))
        #expect(ServerProfile.hostGlob("*.okta.com", "a.b.okta.com"))
        #expect(!ServerProfile.hostGlob("*.okta.com", "okta.com"))
        #expect(!ServerProfile.hostGlob("*.okta.com", "dev-1.okta.com.evil.test"))
        #expect(ServerProfile.match("/oauth2/{server}/v1/{endpoint+}", ["oauth2", "aus1", "v1", "device", "authorize"])
                == ["server": "aus1", "endpoint": "device/authorize"])
        #expect(ServerProfile.match("/oauth2/v1/{endpoint+}", ["oauth2", "v1"]) == nil)
        #expect(ServerProfile.match("/{prefix*}/token", ["token"]) == ["prefix": ""])
    }

    @Test func oktaURLsPickTheOktaProfiles() throws {
        let org = try #require(EndpointURL("https://dev-1.okta.com/oauth2/v1/token"))
        #expect(ProfileSet.bundled.classify(org).target.profile.id == "okta-org")
        let custom = ProfileSet.bundled.classify(try #require(EndpointURL("https://login.example.com/oauth2/default/v1/introspect"))).target
        #expect(custom.profile.id == "okta-custom" && custom.customDomain && custom.endpoint == .introspect)
        #expect(custom.issuer == "https://login.example.com/oauth2/default")
        #expect(custom.sibling(.token) == "https://login.example.com/oauth2/default/v1/token")
        let other = ProfileSet.bundled.classify(try #require(EndpointURL("https://auth.example.com/oauth/token"))).target
        #expect(other.profile.id == "rfc7523" && other.endpoint == .token && other.issuer == nil)
    }

    @Test func theChoiceFollowsTheDocumentedOrder() throws {
        let set = ProfileSet.bundled
        let org = try #require(set["okta-org"]), generic = try #require(set["rfc7523"]), custom = try #require(set["okta-custom"])
        let fixture = """
            server: rfc7523
            request: {url: "https://dev-1.okta.com/oauth2/v1/token", form: {grant_type: client_credentials}}
            """
        var s = try Self.subject(fixture)
        try ProfileSelection(set: set, forced: (custom, "--server okta-custom")).apply(to: &s)
        #expect(s.profile.id == "okta-custom" && s.profileChoice?.reason == "--server okta-custom")
        s = try Self.subject(fixture)
        try ProfileSelection(set: set, hostMappings: [(["*.okta.com"], org)]).apply(to: &s)
        #expect(s.profile.id == "rfc7523" && s.profileChoice?.reason == "the fixture's `server: rfc7523`")
        s = try Self.subject(fixture.replacingOccurrences(of: "server: rfc7523\n", with: ""))
        try ProfileSelection(set: set, hostMappings: [(["*.okta.com"], generic)], configDefault: (custom, "config")).apply(to: &s)
        #expect(s.profile.id == "rfc7523" && s.profileChoice?.reason == "the config's `servers:` maps dev-1.okta.com to rfc7523")
        s = try Self.subject(fixture.replacingOccurrences(of: "server: rfc7523\n", with: ""))
        try ProfileSelection(set: set).apply(to: &s)
        #expect(s.profile.id == "okta-org" && s.profileChoice?.reason == "the URL's host and path are Okta Org authorization server's")
        var bare = Subject(source: "-", request: nil, assertion: .absent)
        try ProfileSelection(set: set).apply(to: &bare)
        #expect(bare.profile.id == "rfc7523" && bare.profileChoice?.reason == "the input names no URL")
        var unknown = try Self.subject("server: nosuch\ntoken: a.b.c\n")
        #expect(throws: ProfileError.self) { try ProfileSelection(set: set).apply(to: &unknown) }
    }

    // MARK: - A server added as a file

    /// The issue's "done when": a profile read from YAML at run time is recognised from its URLs and
    /// applied (its audience policy, lifetime cap, jti rule, check order and answers), with no Swift change.
    @Test func anExtraProfileFileIsRecognisedAndItsAnswersAreUsed() throws {
        let path = try Self.write(Self.acme, name: "acme.yaml")
        let acme = try ProfileLoader.read(path: path, known: ProfileSet.bundled.profiles)
        let set = ProfileSet.bundled.adding([acme])
        var s = try Self.subject("""
            now: 2025-06-02T14:00:00Z
            request:
              url: https://login.acme-id.test/t/blue/token
              form:
                grant_type: client_credentials
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  claims: {iss: c1, sub: c1, aud: "https://login.acme-id.test/t/blue/token", exp: "+600"}
            """)
        try ProfileSelection(set: set).apply(to: &s)
        #expect(s.profile.id == "acme")
        #expect(s.target?.issuer == "https://login.acme-id.test/t/blue")
        let d = Engine().run(s)
        // Its check order: jti first (required here, so an error), then aud (the issuer only), then the cap.
        #expect(d.ruleIDs.filter { ["jti-missing", "aud-mismatch", "exp-too-far"].contains($0) } == ["jti-missing", "aud-mismatch", "exp-too-far"])
        let aud = try #require(d.findings.first { $0.ruleID == "aud-mismatch" })
        #expect(aud.fix?.contains("https://login.acme-id.test/t/blue") == true)
        #expect(aud.answer?.errorDescription == "audience is not this tenant" && aud.answer?.profile == "acme")
        let jti = try #require(d.findings.first { $0.ruleID == "jti-missing" })
        #expect(jti.severity == .error && jti.answer?.errorDescription == "authentication failed" && jti.isServerAnswer)
        let text = TextReporter(options: ReportOptions(color: false, width: 100)).report([d])
        #expect(text.contains("Acme Identity will answer: HTTP 401 Unauthorized, invalid_client"))
        #expect(text.contains("\"authentication failed\" (not confirmed as Acme Identity's wording)"))
        let json = try #require(try JSONParser.parse(JSONReporter().report([d])).objectValue)
        let result = try #require(json["results"]?.arrayValue?.first?.objectValue)
        #expect(result["server"]?.objectValue?["id"] == .string("acme"))
    }

    @Test func cliTakesServerAndProfileFile() throws {
        let path = try Self.write(Self.acme, name: "acme.yaml")
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjMSIsInN1YiI6ImMxIiwiYXVkIjoiaHR0cHM6Ly9sb2dpbi5hY21lLWlkLnRlc3QvdC9ibHVlL3Rva2VuIiwiZXhwIjoxNzQ4ODczNTAwfQ.c2ln"
        let unknown = try CLITests.run(["diagnose", "--server", "nosuch", token])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "assertlint: --server: nosuch: no such server profile; known: \(ProfileSet.bundled.ids.joined(separator: ", "))\n")
        let run = try CLITests.run(["diagnose", "--profile-file", path, "--server", "acme", "--now", "2025-06-02T14:00:00Z",
                                    "--format", "json", token])
        #expect(run.status == 1, "\(run.stderr)")
        let result = try #require(try JSONParser.parse(run.stdout).objectValue?["results"]?.arrayValue?.first?.objectValue)
        #expect(result["server"]?.objectValue?["id"] == .string("acme"))
        #expect(result["server"]?.objectValue?["reason"] == .string("--server acme"))
        let bad = try Self.write(Self.acme + "\nextra_key: 1\n", name: "bad.yaml")
        let refused = try CLITests.run(["diagnose", "--profile-file", bad, token])
        #expect(refused.status == 2)
        #expect(refused.stderr == "assertlint: \(bad): unknown key `extra_key` (see docs/profiles.md)\n")
        let check = try CLITests.run(["check", "--server", "nosuch", "Fixtures/rules/aud-mismatch"])
        #expect(check.status == 2 && check.stderr.hasPrefix("assertlint: --server: nosuch: no such server profile; known: "))
    }

    @Test func configMapsHostsToProfilesAndAddsProfileFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.acme.write(to: dir.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let config = try Configuration.parse("""
            profiles: [acme.yaml]
            servers: [{hosts: ["login.example.com"], profile: acme}]
            """, path: dir.appendingPathComponent(".assertlint.yml").path)
        #expect(config.extraProfiles.map(\.id) == ["acme"])
        var s = try Self.subject("request: {url: \"https://login.example.com/oauth2/default/v1/token\", form: {grant_type: client_credentials}}\n")
        try config.apply(to: &s, file: nil)
        #expect(s.profile.id == "acme" && s.profileChoice?.reason == "the config's `servers:` maps login.example.com to acme")
        #expect(throws: InputError.self) { _ = try Configuration.parse("servers: [{hosts: [a.test], profile: nosuch}]\n", path: "/r/.assertlint.yml") }
        #expect(throws: InputError.self) { _ = try Configuration.parse("servers: [{hosts: [a.test], profile: acme, extra: 1}]\n", path: "/r/.assertlint.yml") }
    }

    // MARK: - Okta's documented exception

    /// OIN API service integrations may send client_credentials to the Org server with
    /// client_secret_basic (okta-facts D10); any other method gets Okta's catalog text for them.
    @Test func apiServiceIntegrationsMayUseBasicAtTheOrgServer() throws {
        let basic = try Self.subject("""
            app: {type: api-service-integration}
            request:
              url: https://dev-1.okta.com/oauth2/v1/token
              headers: {Authorization: "Basic MG9hMTpzZWNyZXQ=", Content-Type: application/x-www-form-urlencoded}
              form: {grant_type: client_credentials, scope: okta.users.read}
            """)
        #expect(!Engine().run(basic).ruleIDs.contains("org-server-requires-private-key-jwt"))
        let post = try Self.subject("""
            app: {type: api-service-integration}
            request:
              url: https://dev-1.okta.com/oauth2/v1/token
              form: {grant_type: client_credentials, scope: okta.users.read, client_id: 0oa1, client_secret: s3cr3t-value}
            """)
        let f = try #require(Engine().run(post).findings.first { $0.ruleID == "org-server-requires-private-key-jwt" })
        #expect(f.message.contains("only with private_key_jwt or client_secret_basic"))
        #expect(f.answer?.errorDescription == "OAuth Integration Client Credentials requests to the Org Authorization Server must use either private_key_jwt or client_secret_basic as the token_endpoint_auth_method.")
        let service = try Self.subject("""
            app: {type: service}
            request:
              url: https://dev-1.okta.com/oauth2/v1/token
              headers: {Authorization: "Basic MG9hMTpzZWNyZXQ=", Content-Type: application/x-www-form-urlencoded}
              form: {grant_type: client_credentials, scope: okta.users.read}
            """)
        let s = try #require(Engine().run(service).findings.first { $0.ruleID == "org-server-requires-private-key-jwt" })
        #expect(s.answer?.errorDescription == "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.")
    }

    /// No rule, the engine or a reporter names Okta: server knowledge is in Profiles/.
    @Test func noSwiftOutsideTheProfilesNamesOkta() throws {
        let sources = GeneratedSourcesTests.root.appendingPathComponent("Sources/AssertLintKit")
        for folder in ["Rules", "Rules/Support", "Engine", "Reporters"] {
            let dir = sources.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".swift") {
                let code = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                    .split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
                #expect(!code.contains("isOkta") && !code.contains("oktaOrg") && !code.contains("oktaCustom"), "\(folder)/\(name)")
                #expect(!code.contains("\"Okta") && !code.contains(" Okta "), "\(folder)/\(name) has Okta in a string")
            }
        }
    }
}
