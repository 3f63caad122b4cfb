import Foundation
import Testing
@testable import AssertLintKit

/// Several requests in one paste (a HAR with a DPoP nonce retry, a script with two calls): each
/// judged in order, then against each other (Engine/CrossRequest.swift, shared with `check`).
@Suite struct MultiRequestDiagnoseTests {
    static let data = "Tests/AssertLintKitTests/Data/multi"
    static let goldenDir = CLITests.goldenDir.appendingPathComponent("multi")

    /// The rule ids of each result of `diagnose --format json`, in order.
    static func ruleIDs(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, ids: [[String]], entries: [String]) {
        let run = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z"] + arguments, stdin: stdin)
        let results = try JSONParser.parse(run.stdout).objectValue?["results"]?.arrayValue ?? []
        let ids = results.map { r in (r.objectValue?["findings"]?.arrayValue ?? []).compactMap { $0.objectValue?["rule"]?.stringValue } }
        let entries = results.map { $0.objectValue?["entry"]?.stringValue ?? "" }
        return (run.status, ids, entries)
    }

    @Test func dpopNonceRetryResendingTheAssertionIsAReplay() throws {
        let r = try Self.ruleIDs(["\(Self.data)/dpop-nonce-retry.har"])
        // The discovery GET is not a request that authenticates a client.
        #expect(r.entries == ["entry 2: POST https://dev-123.okta.com/oauth2/v1/token", "entry 3: POST https://dev-123.okta.com/oauth2/v1/token"])
        #expect(r.ids == [[], ["jti-reused"]])
        #expect(r.status == 1)
    }

    @Test func scriptReusingTheTokenAssertionAtIntrospect() throws {
        let r = try Self.ruleIDs(["\(Self.data)/two-calls-one-assertion.sh"])
        #expect(r.ids == [[], ["aud-mismatch", "jti-reused"]])
        #expect(r.status == 1)
        let run = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z", "\(Self.data)/two-calls-one-assertion.sh"])
        #expect(run.stdout.contains("jti \\\"multi-1\\\" is already used by request 1 (curl on line 4: POST https://dev-123.okta.com/oauth2/v1/token) line 7"))
        #expect(run.stdout.contains("It was sent to https://dev-123.okta.com/oauth2/v1/token first and is sent here to https://dev-123.okta.com/oauth2/v1/introspect"))
    }

    @Test func jsonLogWithTwoAttempts() throws {
        let r = try Self.ruleIDs(["\(Self.data)/two-attempts.log.json"])
        #expect(r.entries == ["log line 1: POST https://dev-123.okta.com/oauth2/default/v1/token",
                              "log line 3: POST https://dev-123.okta.com/oauth2/default/v1/token"])
        #expect(r.ids == [[], ["jti-reused"]])
        #expect(r.status == 1)
    }

    /// A replay is judged by the server's profile as one request's jti is: nothing where the server
    /// accepts a jti again (Spring: `jti.single_use: false`), a warning where the profile does not say.
    @Test func aReplayFollowsTheProfilesSingleUse() throws {
        let file = "\(Self.data)/two-attempts.log.json"
        let spring = try Self.ruleIDs(["--server", "spring", file])
        #expect(!spring.ids.joined().contains("jti-reused"))
        let run = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z", "--server", "rfc7523", file])
        let results = try JSONParser.parse(run.stdout).objectValue?["results"]?.arrayValue ?? []
        let replay = results.last?.objectValue?["findings"]?.arrayValue?.first { $0.objectValue?["rule"]?.stringValue == "jti-reused" }
        #expect(replay?.objectValue?["severity"]?.stringValue == "warning")
        let okta = try Self.ruleIDs([file])
        #expect(okta.ids.last == ["jti-reused"])
    }

    @Test func twoDifferentAssertionsAreNoReplay() throws {
        let text = try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("\(Self.data)/two-calls-one-assertion.sh"), encoding: .utf8)
        // The second call signs its own assertion (another jti, aud /introspect).
        let second = InputSamples.jwt(claims: #"{"iss":"0oa8f3example","sub":"0oa8f3example","aud":"https://dev-123.okta.com/oauth2/v1/introspect","iat":1748872800,"exp":1748873100,"jti":"multi-3"}"#)
        let lines = text.components(separatedBy: "\n")
        var changed = lines
        changed[10] = "  -d client_assertion=" + second
        let r = try Self.ruleIDs(["-"], stdin: changed.joined(separator: "\n"))
        #expect(r.ids == [[], []])
        #expect(r.status == 0)
    }

    @Test func sameAssertionWithoutJtiAndAThirdUseNamesTheFirst() {
        let token = InputSamples.jwt(claims: #"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","exp":1748873100}"#)
        let subject = Subject(source: "-", request: TokenRequest(url: "https://dev-123.okta.com/oauth2/v1/token", body: .form([FormField(name: "client_assertion", value: token)])),
                              assertion: AssertionInput.read(token))
        let replays = CrossRequest.replays([subject, subject, subject].enumerated().map { CrossRequest.Use(subject: $0.element, file: "request \($0.offset + 1)") })
        #expect(replays.map(\.index) == [1, 2])
        #expect(replays.map(\.pointer) == [Location.assertion, Location.assertion])
        #expect(replays.map(\.first.file) == ["request 1", "request 1"])
        #expect(replays.allSatisfy { $0.jti == nil && $0.endpoints == nil })
    }

    @Test func aRuleIgnoredByTheSubjectIsNotAdded() {
        let token = InputSamples.token
        var subject = Subject(source: "-", request: TokenRequest(url: "https://dev-123.okta.com/oauth2/v1/token", body: .form([FormField(name: "client_assertion", value: token)])),
                              assertion: AssertionInput.read(token))
        subject.ignoredRuleIDs = ["jti-reused"]
        let engine = Engine(rules: [])
        let marked = CrossRequest.markReplays(in: [engine.run(subject), engine.run(subject)])
        #expect(marked.map(\.ruleIDs) == [[], []])
    }

    static let scenarios: [GoldenScenario] = [
        GoldenScenario("dpop-nonce-retry-har", ["diagnose", "--now", "2025-06-02T14:00:00Z", "\(data)/dpop-nonce-retry.har"]),
        GoldenScenario("two-calls-one-assertion", ["diagnose", "--now", "2025-06-02T14:00:00Z", "\(data)/two-calls-one-assertion.sh"]),
        GoldenScenario("postman-oauth2-helper-header", ["diagnose", "--now", "2025-06-02T14:00:00Z", "--auth-method", "private_key_jwt",
                                                        "--postman-environment", "\(data)/dev-123.postman_environment.json",
                                                        "\(data)/oauth2-helper-header.postman_collection.json"]),
        GoldenScenario("postman-folders", ["diagnose", "--now", "2025-06-02T14:00:00Z", "--postman-environment", "\(data)/dev-123.postman_environment.json",
                                           "\(data)/folders.postman_collection.json"]),
        GoldenScenario("claims-alone", ["diagnose", "--now", "2025-06-02T14:01:00Z", "--endpoint", "https://dev-123.okta.com/oauth2/v1/token", "-"],
                       stdin: #"{"iss": "0oa8f3example", "sub": "0oa8f3example", "aud": "https://dev-123.okta.com/oauth2/default/v1/token", "iat": 1748872800, "exp": 1748873100, "jti": "c1"}"#),
        GoldenScenario("node-error-alone", ["diagnose", "-"],
                       stdin: "[OktaApiError: Okta HTTP 401 undefined ] {\n  status: 401,\n  errorCode: undefined,\n  errorSummary: '',\n  url: 'https://dev-123.okta.com/oauth2/v1/token',\n  headers: Headers {}\n}\n"),
    ]

    @Test(arguments: scenarios)
    func golden(_ scenario: GoldenScenario) throws {
        try CLITests.expectGolden(scenario, in: Self.goldenDir)
    }
}

/// Decoded claims pasted without the token, and an SDK error pasted without the request.
@Suite struct PastedAloneTests {
    @Test func claimsAloneAreJudgedWithoutHeaderOrSignature() throws {
        let claims = #"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/default/v1/token","iat":1748872800,"exp":1748873100,"jti":"c1"}"#
        var s = try #require(try InputReader.subjects(from: claims, source: "-").first)
        #expect(s.request == nil)
        #expect(s.assertion.decoded?.audiences == ["https://dev-123.okta.com/oauth2/default/v1/token"])
        #expect(s.shows.signature == false && s.shows.header == false)
        s.target = EndpointURL("https://dev-123.okta.com/oauth2/v1/token").map(ServerTarget.classify)
        s.now = Date(timeIntervalSince1970: 1_748_872_860)
        s.app.authMethod = .clientSecretJWT
        let d = Engine(rules: Registry.forDiagnose).run(s)
        // aud is judged; the stood-in RS256 header is not (it would be alg-not-allowed for client_secret_jwt).
        #expect(d.ruleIDs == ["aud-mismatch"])
        #expect(d.unjudged.contains { $0.ruleID == "alg-not-allowed" && $0.needs.contains("without the token's header or signature") })
    }

    @Test func decodedHeaderThenClaimsJudgeTheHeaderToo() throws {
        let paste = #"{"alg": "HS256", "typ": "JWT"}"# + "\n" + #"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","exp":1748873100}"#
        var s = try #require(try InputReader.subjects(from: paste, source: "-").first)
        #expect(s.assertion.decoded?.alg == "HS256")
        #expect(s.shows.header && !s.shows.signature)
        s.target = EndpointURL("https://dev-123.okta.com/oauth2/v1/token").map(ServerTarget.classify)
        s.now = Date(timeIntervalSince1970: 1_748_872_860)
        s.app.authMethod = .privateKeyJWT
        #expect(Engine(rules: Registry.forDiagnose).run(s).ruleIDs.contains("alg-not-allowed"))
    }

    @Test func nodeErrorObjectIsAnAnswer() throws {
        let text = "[OktaApiError: Okta HTTP 400 E0000021 Bad request. Accept and/or Content-Type headers likely do not match supported values. ] {\n  status: 400,\n  errorCode: 'E0000021',\n  errorSummary: 'Bad request. Accept and/or Content-Type headers likely do not match supported values.',\n  url: 'https://dev-123.okta.com/oauth2/v1/token'\n}"
        let (answer, _) = try #require(ServerAnswerInput.read(text))
        #expect(answer.status == 400 && answer.error == "E0000021")
        #expect(answer.errorDescription == "Bad request. Accept and/or Content-Type headers likely do not match supported values.")
        #expect(answer.url == "https://dev-123.okta.com/oauth2/v1/token")
        let bare = try #require(ServerAnswerInput.nodeError("[OktaApiError: Okta HTTP 401 undefined ] {\n  status: 401,\n  errorCode: undefined,\n  errorSummary: ''\n}"))
        #expect(bare.isStatusOnly && bare.status == 401)
        #expect(ServerAnswerInput.nodeError("[1, 2, 3]") == nil)
        #expect(ServerAnswerInput.nodeError("[Error: boom] { status: 200 }") == nil)
    }
}
