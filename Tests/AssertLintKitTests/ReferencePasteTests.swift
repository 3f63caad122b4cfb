import Foundation
import Testing
@testable import AssertLintKit

/// Reference scenario 2 as its forum post shows it (Fixtures/scenarios/forum-25024-*.txt, source
/// in Fixtures/scenarios/README.md), and placeholders wherever people write them.
@Suite struct ReferencePasteTests {
    static let goldenDir = CLITests.goldenDir.appendingPathComponent("reference-paste")
    static let app = ["--auth-method", "private_key_jwt", "--app-type", "service", "--now", "2025-06-02T14:00:00Z"]
    static let introspect = "Fixtures/scenarios/forum-25024-introspect.txt"
    static let token = "Fixtures/scenarios/forum-25024-token.txt"

    static let scenarios: [GoldenScenario] = [
        GoldenScenario("forum-introspect", ["diagnose"] + app + [introspect]),
        GoldenScenario("forum-introspect-json", ["diagnose", "--format", "json"] + app + [introspect]),
        GoldenScenario("forum-token", ["diagnose"] + app + [token]),
        GoldenScenario("forum-token-json", ["diagnose", "--format", "json"] + app + [token]),
    ]

    @Test(arguments: scenarios)
    func golden(_ scenario: GoldenScenario) throws {
        try CLITests.expectGolden(scenario, in: Self.goldenDir)
    }

    @Test func everyGoldenFileHasAScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(names) == Set(Self.scenarios.map { "\($0.name).txt" }))
    }

    static func json(_ arguments: [String]) throws -> (status: Int32, result: JSONObject) {
        let run = try CLITests.run(["diagnose", "--format", "json"] + arguments)
        let root = try #require(try JSONParser.parse(run.stdout).objectValue, "\(run.stderr)")
        let results = try #require(root["results"]?.arrayValue)
        #expect(results.count == 1)
        let result = try #require(results.first?.objectValue)
        return (run.status, result)
    }

    static func ruleIDs(_ result: JSONObject) -> [String] {
        (result["findings"]?.arrayValue ?? []).compactMap { $0.objectValue?["rule"]?.stringValue }
    }

    static func notes(_ result: JSONObject) -> [String] {
        (result["notes"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func forumIntrospectPasteGetsOktasRealAnswer() throws {
        let (status, result) = try Self.json(Self.app + [Self.introspect])
        #expect(status == 1)
        #expect(Self.ruleIDs(result) == ["assertion-missing", "assertion-type-missing"])
        let answer = try #require(result["server_answer"]?.objectValue)
        #expect(answer["status"] == .number("401"))
        let body = try #require(answer["body"]?.objectValue)
        #expect(body["error"] == .string("invalid_client"))
        #expect(body["error_description"] == .string("Client authentication failed. Either the client or the client credentials are invalid."))
        let notes = Self.notes(result)
        #expect(notes.contains("`{oktaDomain}` in the URL's host is a placeholder: the path is read (Okta Org authorization server, introspection endpoint); nothing is compared with the host"))
        #expect(notes.contains("`{clientId}` in `client_id` is a placeholder: the parameter is read as present, its value is not judged"))
        #expect(notes.contains("`{token}` in `token` is a placeholder: the parameter is read as present, its value is not judged"))
    }

    @Test func forumTokenPasteIsReadNotRefused() throws {
        let (status, result) = try Self.json(Self.app + [Self.token])
        // The reporter got a token with this request: the empty `--data-urlencode ''` is where a
        // line (the scope, most likely) was lost, so scope is not shown rather than missing.
        #expect(status == 0)
        let ids = Self.ruleIDs(result)
        // The assertion is a placeholder: it is present, so not missing, and nothing in it is judged.
        for id in ["assertion-missing", "assertion-type-missing", "jwt-malformed", "no-credentials", "client-id-mismatch", "scope-invalid-for-server"] {
            #expect(!ids.contains(id), "\(id) in \(ids)")
        }
        let notes = Self.notes(result)
        #expect(notes.contains("`{signedAssertion}` in `client_assertion` is a placeholder: the assertion is not in the paste, so its claims and signature are not checked"))
        #expect(notes.contains("`scope`, `audience` and `resource`, absent from the body, are read as not shown rather than missing: the empty `--data-urlencode ''` on line 7 may be where one of them was"))
        #expect(notes.contains { $0.hasPrefix("`{oktaDomain}` in the URL's host is a placeholder: the path is read (Okta Org authorization server, token endpoint)") })
    }

    static func curl(_ url: String, assertion: String = "{signedAssertion}", clientID: String = "{clientId}") -> String {
        """
        curl -X POST '\(url)' \\
          -H 'Content-Type: application/x-www-form-urlencoded' \\
          -d 'grant_type=client_credentials' -d 'scope=okta.users.read' -d 'client_id=\(clientID)' \\
          -d 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer' \\
          -d 'client_assertion=\(assertion)'
        """
    }

    static func diagnose(_ text: String, app: AppRegistration = AppRegistration()) throws -> Diagnosis {
        var subjects = try InputReader.subjects(from: text, source: "paste")
        #expect(subjects.count == 1)
        subjects[0].app = app
        subjects[0].now = Date(timeIntervalSince1970: 1_748_872_900)
        subjects[0].clockIsReal = false
        return Engine().run(subjects[0])
    }

    /// Every placeholder form people paste keeps the URL's shape, and is named.
    @Test(arguments: [
        ("https://{yourOktaDomain}/oauth2/v1/token", "{yourOktaDomain}", "okta-org", EndpointKind.token),
        ("https://${yourOktaDomain}/oauth2/default/v1/token", "${yourOktaDomain}", "okta-custom", .token),
        ("https://${OKTA_DOMAIN}/oauth2/v1/introspect", "${OKTA_DOMAIN}", "okta-org", .introspect),
        ("https://{{domain}}/oauth2/aus1a2b3c/v1/revoke", "{{domain}}", "okta-custom", .revoke),
        ("https://<your-okta-domain>/oauth2/v1/token", "<your-okta-domain>", "okta-org", .token),
        ("https://$OKTA_DOMAIN/oauth2/default/v1/token", "$OKTA_DOMAIN", "okta-custom", .token),
        ("https://%OKTA_DOMAIN%/oauth2/v1/token", "%OKTA_DOMAIN%", "okta-org", .token),
    ])
    func placeholderHostsKeepThePathShape(_ url: String, _ placeholder: String, _ profile: String, _ endpoint: EndpointKind) throws {
        let d = try Self.diagnose(Self.curl(url))
        let target = try #require(d.subject.target)
        #expect(target.profile.id == profile)
        #expect(target.endpoint == endpoint)
        #expect(target.endpointURL == url)
        #expect(!target.customDomain)
        #expect(d.subject.notes.contains { $0.hasPrefix("`\(placeholder)` in the URL's host is a placeholder") }, "\(d.subject.notes)")
        #expect(d.subject.notes.contains("`{clientId}` in `client_id` is a placeholder: the parameter is read as present, its value is not judged"))
    }

    static let orgTokenAssertion = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2E4ZjNleGFtcGxlIiwic3ViIjoiMG9hOGYzZXhhbXBsZSIsImF1ZCI6Imh0dHBzOi8vZGV2LTEyMy5va3RhLmNvbS9vYXV0aDIvdjEvdG9rZW4iLCJpYXQiOjE3NDg4NzI4MDAsImV4cCI6MTc0ODg3MzEwMCwianRpIjoicDEifQ.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw"

    /// aud `https://dev-123.okta.com/oauth2/v1/token` against a placeholder host: the host is not
    /// compared, the path the paste shows still is.
    @Test func audIsComparedOnlyWithWhatThePasteShows() throws {
        let same = try Self.diagnose(Self.curl("https://{yourOktaDomain}/oauth2/v1/token", assertion: Self.orgTokenAssertion, clientID: "0oa8f3example"))
        #expect(!same.findings.contains { $0.ruleID.hasPrefix("aud-") }, "\(same.findings.map(\.ruleID))")
        let other = try Self.diagnose(Self.curl("https://{yourOktaDomain}/oauth2/default/v1/token", assertion: Self.orgTokenAssertion, clientID: "0oa8f3example"))
        #expect(other.findings.contains { $0.ruleID == "aud-mismatch" }, "\(other.findings.map(\.ruleID))")
    }

    @Test func placeholderClientIDIsNotComparedWithTheApp() throws {
        let d = try Self.diagnose(Self.curl("https://{yourOktaDomain}/oauth2/v1/token", assertion: Self.orgTokenAssertion),
                                  app: AppRegistration(clientID: "0oa8f3example", authMethod: .privateKeyJWT))
        let ids = d.findings.map(\.ruleID)
        #expect(!ids.contains("client-id-mismatch") && !ids.contains("iss-mismatch") && !ids.contains("sub-mismatch"), "\(ids)")
        #expect(d.unjudged.contains { $0.ruleID == "client-id-mismatch" && $0.needs.contains("`{clientId}`") })
        // Without the app's id, iss and sub are not compared with `{clientId}` either.
        let bare = try Self.diagnose(Self.curl("https://{yourOktaDomain}/oauth2/v1/token", assertion: Self.orgTokenAssertion))
        #expect(!bare.findings.contains { ["iss-mismatch", "sub-mismatch", "client-id-mismatch"].contains($0.ruleID) })
    }

    @Test func placeholderValuesAreNotJudgedAsWrongValues() throws {
        let text = """
            curl -X POST 'https://{yourOktaDomain}/oauth2/v1/token' \\
              -d 'grant_type={grantType}' -d 'scope={scopes}' -d 'client_id=0oa1' \\
              -d 'client_assertion_type={assertionType}' -d 'client_assertion=$JWT'
            """
        let app = AppRegistration(clientID: "0oa1", authMethod: .privateKeyJWT, type: .service)
        let d = try Self.diagnose(text, app: app)
        #expect(d.findings.isEmpty, "\(d.findings.map(\.ruleID))")
        for id in ["grant-type-invalid", "assertion-type-invalid"] {
            #expect(d.unjudged.contains { $0.ruleID == id }, "\(id) not in Not checked")
        }
        // `{scopes}` at the Org server: neither custom scopes nor a missing `scope`.
        let scoped = try Self.diagnose(text.replacingOccurrences(of: "{grantType}", with: "client_credentials"), app: app)
        #expect(scoped.findings.isEmpty, "\(scoped.findings.map(\.ruleID))")
        #expect(scoped.unjudged.contains { $0.ruleID == "scope-invalid-for-server" })
    }

    @Test func placeholderScanner() {
        #expect(Placeholders.find("https://{{host}}/a/{id}/b?x=${Y}&z=$Z_1&w=<w v>&v=%OKTA_ID%") == ["{{host}}", "{id}", "${Y}", "$Z_1", "<w v>", "%OKTA_ID%"])
        // Percent-encoding and JSON are not placeholders.
        #expect(Placeholders.find("a%E2%80%99b%2Fc") == [])
        #expect(Placeholders.find("eyJhbGciOiJSUzI1NiJ9.e30.c2ln") == [])
        #expect(Placeholders.isWhole(" {clientId} ") && !Placeholders.isWhole("0oa{clientId}"))
        #expect(Placeholders.mayEqual("https://{d}/oauth2/v1/token", "https://dev-1.okta.com/oauth2/v1/token"))
        #expect(!Placeholders.mayEqual("https://{d}/oauth2/v1/token", "https://dev-1.okta.com/oauth2/default/v1/token"))
        #expect(Placeholders.mayEqual("https://dev-1.okta.com/oauth2/v1/token", "https://{d}/oauth2/v1/token"))
        #expect(!Placeholders.mayEqual("a.b", "axb"), "regex characters in the literal part are literal")
        #expect(Placeholders.isShowable("{token}") && Placeholders.isShowable("$CLIENT_SECRET") && !Placeholders.isShowable("$ecret1"))
        // A URL with a placeholder keeps it as written; one without is parsed as before.
        #expect(EndpointURL("https://{yourOktaDomain}/oauth2/v1/token")?.withoutQuery == "https://{yourOktaDomain}/oauth2/v1/token")
        #expect(EndpointURL("https://dev-1.okta.com/oauth2/v1/token?x=1")?.placeholders == [])
    }

    /// Hostile shapes: many placeholders against a long value, long runs of openers. The scanner
    /// looks a bounded distance ahead and the comparison does not backtrack, so these return.
    @Test func placeholderScanIsLinear() {
        let template = String(repeating: "{a}x", count: 2000)
        #expect(!Placeholders.mayEqual(template, String(repeating: "xx", count: 4000) + "y"))
        #expect(Placeholders.mayEqual("{a}x{b}x{c}x{d}x", String(repeating: "ax", count: 4000)))
        #expect(Placeholders.find(String(repeating: "{", count: 8000)) == [])
        #expect(Placeholders.find(String(repeating: "${aaaa", count: 1000)) == [])
        #expect(Placeholders.find(String(repeating: "%A_", count: 2500)).isEmpty == false)
        #expect(EndpointURL("https://{a}.{b}.{c}/oauth2/{d}/v1/token")?.host == "{a}.{b}.{c}")
        #expect(EndpointURL("https://" + String(repeating: "{x}", count: 2000) + "/oauth2/v1/token")?.host.hasPrefix("{x}{x}") ?? true)
    }

    /// A credential that merely starts with `$` is not printed as if it were a placeholder.
    @Test func secretLookingLikeAVariableIsNotPrinted() throws {
        let text = """
            curl -X POST 'https://{yourOktaDomain}/oauth2/default/v1/token' \\
              -d 'grant_type=client_credentials' -d 'client_id=0oa1' -d 'client_secret=$ecretValue1234'
            """
        let d = try Self.diagnose(text)
        #expect(!d.subject.notes.joined().contains("ecretValue1234"), "\(d.subject.notes)")
        #expect(d.subject.notes.contains("the value of `client_secret` looks like a placeholder (not shown): the parameter is read as present, and its value is not judged"))
    }
}
