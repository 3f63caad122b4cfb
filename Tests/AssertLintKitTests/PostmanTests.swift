import Foundation
import Testing
@testable import AssertLintKit

/// Postman collections and environments (Inputs/Postman): variables, inheritance, the OAuth 2.0
/// helper's token request, and what the rules make of them.
@Suite struct PostmanTests {
    static let dir = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Data/multi")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    static func environment() throws -> PostmanEnvironment {
        try PostmanEnvironment.load(dir.appendingPathComponent("dev-123.postman_environment.json").path)
    }

    static func subjects(_ name: String, environment: PostmanEnvironment? = nil) throws -> [Subject] {
        try InputReader.subjects(from: try text(name), source: name, postmanEnvironment: environment)
    }

    static func ruleIDs(_ s: Subject, authMethod: AuthMethod? = .privateKeyJWT) -> [String] {
        var s = s
        s.now = Date(timeIntervalSince1970: 1_748_872_900)
        s.app.authMethod = authMethod
        return Engine(rules: Registry.forDiagnose).run(s).ruleIDs
    }

    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    @Test func oauth2HelperSendsBasicHeaderByDefault() throws {
        let subjects = try Self.subjects("oauth2-helper-header.postman_collection.json", environment: try Self.environment())
        // The API call (/api/v1/users) is not judged; the helper's token request is.
        #expect(subjects.map(\.entry) == ["Postman OAuth 2.0 helper of the collection: POST https://dev-123.okta.com/oauth2/v1/token"])
        let request = try #require(subjects[0].request)
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_assertion_type", "client_assertion"])
        let basic = try #require(request.basicCredentials)
        #expect(basic.decodable && basic.user == "0oa8f3example" && basic.password == "fake-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(subjects[0].notes.contains { $0.contains("\"Send as Basic Auth header\" (Postman's default)") })
        #expect(Self.ruleIDs(subjects[0]) == ["multiple-credentials"])
    }

    @Test func oauth2HelperInBodySendsClientSecretBesideTheAssertion() throws {
        let subjects = try Self.subjects("oauth2-helper-body.postman_collection.json", environment: try Self.environment())
        let request = try #require(subjects.first?.request)
        #expect(request.authorization == nil)
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_id", "client_secret", "client_assertion_type", "client_assertion"])
        #expect(request.presentedCredentials == [.clientSecret, .clientAssertion])
        #expect(Self.ruleIDs(subjects[0]) == ["multiple-credentials"])
    }

    @Test func oauth2HelperWithOnlyTheAssertionIsClean() throws {
        let subjects = try Self.subjects("oauth2-helper-assertion-only.postman_collection.json", environment: try Self.environment())
        let request = try #require(subjects.first?.request)
        #expect(request.form("client_id")?.value == "0oa8f3example")
        #expect(request.form("client_secret") == nil)
        #expect(Self.ruleIDs(subjects[0]) == [])
    }

    @Test func undefinedVariablesStayPlaceholders() throws {
        // Without the environment, {{clientSecret}} is defined nowhere.
        let subjects = try Self.subjects("oauth2-helper-header.postman_collection.json")
        let request = try #require(subjects.first?.request)
        #expect(request.basicCredentials?.decodable == false)
        #expect(subjects[0].notes.contains { $0.hasPrefix("`{{clientSecret}}` is defined neither in the collection nor in an environment") })
        #expect(subjects[0].notes.contains { $0.contains("`{{yourOktaDomain}}` from the collection's variables") })
    }

    @Test func environmentWinsOverCollectionAndDisabledValuesAreIgnored() throws {
        var variables = PostmanVariables(
            collection: JSONObject([JSONMember(key: "variable", value: .array([
                .object(JSONObject([JSONMember(key: "key", value: .string("host")), JSONMember(key: "value", value: .string("collection.okta.com"))])),
                .object(JSONObject([JSONMember(key: "key", value: .string("path")), JSONMember(key: "value", value: .string("/oauth2/{{server}}/v1"))])),
            ]))]),
            environment: PostmanEnvironment(name: "e", values: [("host", "env.okta.com"), ("server", "default")]))
        #expect(variables.resolve("https://{{host}}{{path}}/token?x={{$guid}}&y={{nope}}")
                == "https://env.okta.com/oauth2/default/v1/token?x={{$guid}}&y={{nope}}")
        #expect(variables.unresolved == ["{{nope}}"])
        #expect(variables.dynamic == ["{{$guid}}"])
        // A variable naming itself stops after three rounds.
        var looping = PostmanVariables(collection: nil, environment: PostmanEnvironment(name: nil, values: [("a", "{{a}}")]))
        #expect(looping.resolve("{{a}}") == "{{a}}")

        // A large value is not multiplied past 64 KiB, and is not reported as undefined.
        var large = PostmanVariables(collection: nil, environment: PostmanEnvironment(name: nil, values: [("big", String(repeating: "x", count: 40_000))]))
        let filled = large.resolve("{{big}}{{big}}")
        #expect(filled.utf8.count == 40_000 + "{{big}}".utf8.count)
        #expect(large.unresolved.isEmpty)

        let env = try PostmanEnvironment.read(JSONParser.parse(Self.text("dev-123.postman_environment.json")))
        #expect(env?.values.map(\.key) == ["clientSecret", "introspectToken"])
    }

    @Test func environmentPastedAfterTheCollection() throws {
        let paste = try Self.text("oauth2-helper-body.postman_collection.json") + "\n" + Self.text("dev-123.postman_environment.json")
        let subjects = try InputReader.subjects(from: paste, source: "-")
        let request = try #require(subjects.first?.request)
        #expect(request.form("client_secret")?.value == "fake-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(subjects[0].notes.contains { $0.contains("`{{clientSecret}}` from the environment `dev-123`") })
    }

    @Test func anEnvironmentAloneIsRefused() throws {
        #expect(throws: InputError("env", "this is a Postman environment, not a collection: paste the collection (Export, Collection v2.1) with it, or give it with --postman-environment FILE")) {
            try InputReader.subjects(from: try Self.text("dev-123.postman_environment.json"), source: "env")
        }
    }

    @Test func foldersInheritAuthAndBodiesAreReadByMode() throws {
        let subjects = try Self.subjects("folders.postman_collection.json", environment: try Self.environment())
        #expect(subjects.map(\.entry) == [
            "Postman request `Tokens / Introspect`: POST https://dev-123.okta.com/oauth2/v1/introspect",
            "Postman request `Tokens / Assertion / Token with assertion`: POST https://dev-123.okta.com/oauth2/v1/token",
            "Postman request `Tokens / Assertion / Revoke as JSON`: POST https://dev-123.okta.com/oauth2/v1/revoke",
        ])
        // Collection-level Basic auth (v2.0 object form), inherited; a disabled field is not sent.
        let introspect = try #require(subjects[0].request)
        #expect(introspect.basicCredentials?.user == "0oa8f3example")
        #expect(introspect.formFields.map { "\($0.name)=\($0.value)" } == ["token=opaque-access-token", "token_type_hint=access_token"])
        #expect(introspect.mediaType == "application/x-www-form-urlencoded")
        #expect(subjects[0].notes.contains("disabled in Postman, so not sent: body field `client_id`"))
        // `noauth` on the request stops the inheritance; the URL object has no `raw`.
        let token = try #require(subjects[1].request)
        #expect(token.authorization == nil)
        #expect(token.header("Accept")?.value == "application/json")
        #expect(token.form("client_assertion_type")?.value == Self.assertionType)
        #expect(Self.ruleIDs(subjects[1]) == ["aud-mismatch"])
        // A raw JSON body gets the Content-Type Postman adds; its assertion is a variable left undefined.
        let revoke = try #require(subjects[2].request)
        #expect(revoke.mediaType == "application/json")
        #expect(Self.ruleIDs(subjects[2]) == ["content-type-invalid"])
    }

    @Test func formDataIsMultipartAndALoneItemIsRead() throws {
        let item = """
        {"name": "t", "request": {"method": "POST", "url": {"raw": "https://dev-123.okta.com/oauth2/v1/introspect"},
         "body": {"mode": "formdata", "formdata": [{"key": "token", "value": "abc", "type": "text"},
           {"key": "client_id", "value": "0oa8f3example", "type": "text"}]}}}
        """
        let subjects = try InputReader.subjects(from: item, source: "item")
        let request = try #require(subjects.first?.request)
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/introspect")
        #expect(request.mediaType == "multipart/form-data")
        #expect(Self.ruleIDs(subjects[0]).contains("content-type-invalid"))

        let urlencoded = item.replacingOccurrences(of: "formdata", with: "urlencoded")
        let read = try #require(try InputReader.subjects(from: urlencoded, source: "item").first?.request)
        #expect(read.formFields.map(\.name) == ["token", "client_id"])
    }

    @Test func aCollectionWithNoTokenRequestIsRefusedInOneLine() throws {
        let text = #"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"name": "u", "request": {"method": "GET", "url": "https://dev-123.okta.com/api/v1/users"}}]}"#
        #expect(throws: InputError("c", "the Postman collection has 1 request, and none calls an authorization server's token, introspect, revoke or PAR endpoint, sends a client_assertion or uses the OAuth 2.0 auth helper")) {
            try InputReader.subjects(from: text, source: "c")
        }
    }

    @Test func urlWithAnUndefinedBaseKeepsItsPath() throws {
        let text = #"{"info": {"name": "x"}, "item": [{"name": "t", "request": {"method": "POST", "url": "{{baseUrl}}/oauth2/default/v1/token", "body": {"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"}]}}}]}"#
        let s = try #require(try InputReader.subjects(from: text, source: "c").first)
        #expect(s.request?.url == "https://{{baseUrl}}/oauth2/default/v1/token")
        #expect(s.target?.endpoint == .token)
        #expect(s.request?.endpoint?.hostIsPlaceholder == true)
    }

    @Test func environmentFlagOnTheCommandLine() throws {
        let run = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z", "--auth-method", "private_key_jwt",
                                    "--postman-environment", "Tests/AssertLintKitTests/Data/multi/dev-123.postman_environment.json",
                                    "Tests/AssertLintKitTests/Data/multi/oauth2-helper-header.postman_collection.json"])
        #expect(run.status == 1)
        let results = try JSONParser.parse(run.stdout).objectValue?["results"]?.arrayValue ?? []
        let ids = results.map { r in (r.objectValue?["findings"]?.arrayValue ?? []).compactMap { $0.objectValue?["rule"]?.stringValue } }
        #expect(ids == [["multiple-credentials"]])
        #expect(!run.stdout.contains("fake-secret-aaaa"), "the client secret is printed")

        let missing = try CLITests.run(["diagnose", "--postman-environment", "no/such/env.json", "x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/env.json"))
    }
}
