import Foundation
import Testing
@testable import AssertLintKit

/// A server's text pasted alone (a response, a log line, an exception message) is matched to
/// the rules that produce it on that server, through the profiles' answers, also for a rule
/// that has no catalog entry yet.
@Suite struct ServerTextsTests {
    /// A test server whose answer for `x5t-mismatch` exists before the rule does.
    static let profile = """
        id: test-server
        name: Test Server
        answers:
          x5t-mismatch:
            status: 401
            error: invalid_client
            error_description: "TEST1234: The thumbprint {thumbprint} names no registered certificate."
            verbatim: true
            source: "a test"
            note: "Logged as `certificate lookup failed for thumbprint`."
          default:
            status: 401
            error: invalid_client
            verbatim: false
            source: "a test"
        """

    static func texts() throws -> ServerTexts {
        let p = try ProfileLoader.profiles([try ProfileLoader.source(profile, file: "test-server.yaml")])
        return ServerTexts(ProfileSet(p))
    }

    static let entry = CatalogEntry(id: "x5t-mismatch", title: "x5t names no certificate of the app", severity: .error,
                                    explanation: "The server finds the key by the thumbprint.", fix: "Send the thumbprint of the registered certificate.",
                                    references: [])

    @Test func anAnswerWithoutCatalogEntryIsFoundAndThenWithIt() throws {
        let texts = try Self.texts()
        let pasted = "ERROR token call failed: TEST1234: The thumbprint 8BDE… names no registered certificate. (retrying)"
        let without = ExplainLookup.lookup(pasted, in: Catalog(entries: []), texts: texts)
        #expect(without.ruleIDs == ["x5t-mismatch"])
        let shown = CatalogReporter(options: ReportOptions(width: 80)).matches(try #require(Self.matches(without)), catalog: Catalog(entries: []), texts: texts)
        #expect(shown.contains("x5t-mismatch  (no catalog entry yet"), "\(shown)")
        #expect(shown.contains("Test Server answers with this text for 1 rule:"), "\(shown)")
        // Once the entry exists, the same lookup gives it.
        let with = Catalog(entries: [Self.entry])
        #expect(ExplainLookup.lookup(pasted, in: with, texts: texts).ruleIDs == ["x5t-mismatch"])
        #expect(with.entries(matchingServerText: pasted, profiles: texts.profiles).map(\.id) == ["x5t-mismatch"])
        let full = CatalogReporter(options: ReportOptions(width: 80)).matches(try #require(Self.matches(ExplainLookup.lookup(pasted, in: with, texts: texts))), catalog: with, texts: texts)
        #expect(full.contains("x5t names no certificate of the app") && full.contains("fix: Send the thumbprint"), "\(full)")
        // The logged string quoted in the answer's note is found too, as a log.
        let logged = texts.matching("WARN certificate lookup failed for thumbprint ABC")
        #expect(logged.map(\.ruleID) == ["x5t-mismatch"] && logged.first?.kind == .quoted)
    }

    static func matches(_ lookup: ExplainLookup) -> [ServerTexts.AnswerText]? {
        if case .serverText(let m) = lookup { return m }
        return nil
    }

    @Test func entraCodesWithTheirTailAndInsideExceptions() throws {
        let alone = ServerTexts.bundled.matching("AADSTS700027")
        #expect(Set(alone.map(\.ruleID)).isSuperset(of: ["x5t-mismatch", "signature-invalid"]), "\(alone.map(\.ruleID))")
        #expect(Set(alone.map(\.profileID)) == ["entra"])
        let wrapped = "Azure.Identity.AuthenticationFailedException: ClientAssertionCredential authentication failed: Original exception: AADSTS5002741: Number of audience values in the provided client credential exceed maximum allowed. 2 audience values provided, maximum allowed is 1. Trace ID: f04a7c38 Correlation ID: b374a1aa Timestamp: 2026-04-27 07:57:22Z"
        #expect(ServerTexts.bundled.matching(wrapped).map(\.ruleID) == ["aud-multiple-values"])
        // Two codes, one of which no profile knows: the known one's text decides among its answers.
        let old = #"{"AADSTS70002: Error validating credentials. AADSTS50027: Invalid JWT token. No certificate thumbprint specified in token header.\r\nTrace ID: d1e3"}"#
        #expect(ServerTexts.bundled.matching(old).map(\.ruleID) == ["x5t-missing"])
        let (answer, _) = try #require(ServerAnswerInput.find(in: "Caused by: " + wrapped))
        #expect(answer.errorDescription?.hasPrefix("AADSTS5002741: Number of audience values") == true)
        #expect(answer.errorDescription?.contains("Trace ID") == false)
    }

    @Test func keycloakBothGenerationsAndTheLongerTextWins() {
        let new = ServerTexts.bundled.matching("Token is not active")
        #expect(Set(new.map(\.profileID)) == ["keycloak"] && Set(new.map(\.ruleID)) == ["exp-expired", "nbf-future"])
        let old = ServerTexts.bundled.matching(#"{"error":"invalid_client","error_description":"Client authentication with signed JWT failed: Token is not active"}"#)
        #expect(Set(old.map(\.profileID)) == ["keycloak@26.3"], "\(old.map(\.profileID))")
        // --server keycloak@26.3 with a 26.4+ phrase: nothing of 26.3 matches, so Keycloak's texts stay.
        #expect(!ServerTexts.bundled.matching("Token reuse detected", prefer: "keycloak@26.3").isEmpty)
    }

    @Test func silentServersAndLoggedDetails() {
        let spring = ServerTexts.bundled.codeOnly("invalid_client", prefer: "spring")
        #expect(Set(spring.map(\.profileID)) == ["spring"] && spring.map(\.ruleID).contains("jwks-not-configured"))
        let node = ServerTexts.bundled.matching(#"{"error":"invalid_client","error_description":"client authentication failed"}"#)
        #expect(Set(node.map(\.profileID)) == ["node-oidc-provider"] && node.count > 5)
        #expect(ServerTexts.bundled.matching("InvalidClientAuth: error_detail: jwt not active yet").map(\.ruleID) == ["nbf-future"])
        // The logged detail narrows the generic answer beside it to its own check.
        let narrowed = ServerTexts.bundled.matching(#"{"error":"invalid_client","error_description":"client authentication failed"} error_detail: jwt expired"#)
        #expect(Set(narrowed.map(\.ruleID)) == ["exp-expired"], "\(narrowed.map(\.ruleID))")
        let auth0 = ServerTexts.bundled.matching("log description: Failed client authentication\n\"client_authentication_error\": \"'exp' claim must specify a time that is no more than 5 minutes after 'iat'\"")
        #expect(auth0.map(\.ruleID) == ["lifetime-too-long"], "\(auth0.map(\.ruleID))")
        #expect(ServerTexts.bundled.matching("log description: Failed client authentication").map(\.ruleID) == ["default"])
        // Only the catch-all matched: the report lists what the profile says the server checks.
        let shown = CatalogReporter(options: ReportOptions(width: 100)).matches(ServerTexts.bundled.matching("Failed client authentication"))
        #expect(shown.contains("What the Auth0 profile notes:") && shown.contains("Auth0 supports a maximum of 5 minutes"), "\(shown)")
    }

    @Test func explainAndDiagnoseNameTheServer() throws {
        let r = try CLITests.run(["diagnose", "--server", "spring", "-"], stdin: #"{"error":"invalid_client"}"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("This is Spring Authorization Server's answer, not the request: invalid_client"), "\(r.stdout)")
        #expect(r.stdout.contains("What the Spring Authorization Server profile notes:"), "\(r.stdout)")
        let json = try CLITests.run(["diagnose", "--format", "json", "--server", "entra", "-"], stdin: "AADSTS700027\n")
        let o = try #require(try JSONParser.parse(json.stdout).objectValue)
        let rules = o["server_texts"]?.arrayValue?.compactMap { $0.objectValue?["rule"]?.stringValue } ?? []
        #expect(rules.contains("x5t-mismatch"), "\(json.stdout)")
    }

    /// `rules` at 80 and 120 columns, and with one server's column, kept as golden files.
    @Test(arguments: [("rules-80", ["rules"], "80"), ("rules-120", ["rules"], "120"), ("rules-entra-80", ["rules", "--server", "entra"], "80"),
                      ("explain-aadsts700027", ["explain", "AADSTS700027"], "80"),
                      ("explain-keycloak-log", ["explain", "KC-SERVICES0025: Error when validating client assertion: java.lang.RuntimeException: Token reuse detected"], "80"),
                      ("diagnose-spring-bare-invalid-client", ["diagnose", "--server", "spring", #"{"error":"invalid_client"}"#], "80")])
    func golden(_ name: String, _ arguments: [String], _ columns: String) throws {
        let run = try CLITests.run(arguments, environment: ["COLUMNS": columns])
        let actual = "$ COLUMNS=\(columns) assertlint \(arguments.map(CLITests.shellQuoted).joined(separator: " "))\nexit: \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
        let url = CLITests.goldenDir.appendingPathComponent("server-texts/\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from \(url.path) (UPDATE_GOLDEN=1 rewrites it):\n\(actual)")
        for line in run.stdout.split(separator: "\n") where name.hasPrefix("rules") {
            #expect(Text.columns(String(line)) <= Int(columns) ?? 80, "\(name): \(line)")
        }
    }
}
