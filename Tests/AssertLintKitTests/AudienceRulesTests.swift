import Foundation
import Testing
@testable import AssertLintKit

/// The audience rules beyond Okta's exact endpoint (issue 12): each fixture under
/// Data/audience/ judged under the server it is written for, with the exact rule ids, the one
/// cause they make, the severity the profile gives, and the text output kept in Golden/audience/.
@Suite struct AudienceRulesTests {
    static let data = "Tests/AssertLintKitTests/Data/audience"
    static let goldenDir = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Golden/audience")

    static func diagnose(_ name: String, server: String? = nil) throws -> Diagnosis {
        let url = GeneratedSourcesTests.root.appendingPathComponent("\(data)/\(name).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_748_872_800))
        var subject = try #require(try InputReader.subjects(from: text, source: url.path, loader: loader).first)
        if let server {
            let profile = try #require(ProfileSet.bundled[server], "no profile \(server)")
            try ProfileSelection(forced: (profile, "the test")).apply(to: &subject)
        }
        return Engine(rules: Registry.forDiagnose).run(subject)
    }

    /// The audience findings only (the fixtures leave key and signature checks unjudged).
    static func audience(_ d: Diagnosis) -> [String: Severity] {
        Dictionary(d.findings.filter { $0.ruleID.hasPrefix("aud-") }.map { ($0.ruleID, $0.severity) }) { a, _ in a }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let fixture: String
        let server: String?
        let expected: [String: Severity]
        var testDescription: String { "\(fixture) under \(server ?? "its URL's profile")" }
    }

    static let cases: [Case] = [
        // Issuer-only servers: the endpoint URL is one cause of two ids; the issuer passes.
        Case(fixture: "issuer-only-token-url", server: "rfc10070", expected: ["aud-mismatch": .error, "aud-endpoint-instead-of-issuer": .error]),
        Case(fixture: "issuer-only-token-url", server: "fapi2", expected: ["aud-mismatch": .error, "aud-endpoint-instead-of-issuer": .error]),
        Case(fixture: "issuer-unknown-token-url", server: "rfc10070", expected: ["aud-mismatch": .error, "aud-endpoint-instead-of-issuer": .error]),
        Case(fixture: "issuer-only-issuer", server: "rfc10070", expected: [:]),
        Case(fixture: "issuer-only-issuer", server: "fapi2", expected: [:]),
        // RFC 10070 takes a one-member array, FAPI 2.0 no array; two values: one finding each.
        Case(fixture: "issuer-array-one", server: "rfc10070", expected: [:]),
        Case(fixture: "issuer-array-one", server: "fapi2", expected: ["aud-array-not-allowed": .error]),
        Case(fixture: "issuer-array-two", server: "fapi2", expected: ["aud-array-not-allowed": .error]),
        Case(fixture: "issuer-array-two", server: "rfc10070", expected: ["aud-multiple-values": .error]),
        // Servers that take the token URL and arrays see nothing wrong.
        Case(fixture: "issuer-only-token-url", server: "rfc7523", expected: [:]),
        Case(fixture: "issuer-array-two", server: "spring", expected: [:]),
        Case(fixture: "issuer-array-two", server: "node-oidc-provider", expected: [:]),
        // Auth0: deprecated forms are warnings from the profile's `deprecated`, never errors.
        Case(fixture: "auth0-token-url", server: nil, expected: ["aud-endpoint-instead-of-issuer": .warning]),
        Case(fixture: "auth0-array", server: nil, expected: ["aud-array-not-allowed": .warning]),
        // Keycloak: one value since 26.2, even when one of two is accepted.
        Case(fixture: "keycloak-two-values", server: nil, expected: ["aud-multiple-values": .error]),
        Case(fixture: "keycloak-two-values", server: "keycloak@26.3", expected: ["aud-multiple-values": .error]),
        // Entra: a realm.
        Case(fixture: "entra-exact", server: nil, expected: [:]),
        Case(fixture: "entra-v1-token-url", server: nil, expected: ["aud-mismatch": .warning]),
        Case(fixture: "entra-multiple-values", server: nil, expected: ["aud-multiple-values": .error]),
        Case(fixture: "entra-tenant-mismatch", server: nil, expected: ["aud-mismatch": .error, "aud-tenant-mismatch": .error]),
        Case(fixture: "entra-common-audience", server: nil, expected: ["aud-mismatch": .error, "aud-tenant-mismatch": .error]),
        Case(fixture: "entra-other-host", server: nil, expected: ["aud-mismatch": .error]),
        // Okta's exact endpoint is unchanged: another tenant's path is just another URL.
        Case(fixture: "entra-v1-token-url", server: "okta-org", expected: ["aud-mismatch": .error]),
        Case(fixture: "entra-tenant-mismatch", server: "okta-custom", expected: ["aud-mismatch": .error]),
        Case(fixture: "entra-multiple-values", server: "okta-org", expected: [:]),
    ]

    @Test(arguments: cases)
    func rulesAndSeverities(_ c: Case) throws {
        let d = try Self.diagnose(c.fixture, server: c.server)
        #expect(Self.audience(d) == c.expected, "\(c.testDescription): \(d.findings.map { "\($0.ruleID) \($0.severity): \($0.message)" })")
    }

    /// Each error pair is one cause, led by the special case (its fix is the one shown).
    @Test(arguments: [("issuer-only-token-url", "rfc10070", "aud-endpoint-instead-of-issuer"),
                      ("entra-tenant-mismatch", nil, "aud-tenant-mismatch"),
                      ("entra-common-audience", nil, "aud-tenant-mismatch")] as [(String, String?, String)])
    func oneCause(_ fixture: String, _ server: String?, _ lead: String) throws {
        let d = try Self.diagnose(fixture, server: server)
        let causes = d.causes(in: .bundled).filter { $0.ruleIDs.contains("aud-mismatch") }
        #expect(causes.count == 1)
        #expect(causes.first?.lead.ruleID == lead)
        #expect(causes.first?.ruleIDs == ["aud-mismatch", lead])
    }

    @Test func fixesNameTheValueToSend() throws {
        func fix(_ fixture: String, _ server: String?, _ id: String) throws -> String {
            try #require(try Self.diagnose(fixture, server: server).findings.first { $0.ruleID == id }?.fix)
        }
        #expect(try fix("issuer-only-token-url", "fapi2", "aud-endpoint-instead-of-issuer").contains("with the issuer identifier \"https://as.example.com\""))
        #expect(try fix("issuer-unknown-token-url", "rfc10070", "aud-endpoint-instead-of-issuer").contains("(the `issuer` of the server's discovery document)"))
        #expect(try fix("issuer-array-two", "fapi2", "aud-array-not-allowed").contains("single string \"https://as.example.com\""))
        #expect(try fix("keycloak-two-values", nil, "aud-multiple-values").contains("Send only \"https://sso.example.com/realms/r1\""))
        #expect(try fix("entra-common-audience", nil, "aud-tenant-mismatch")
            .contains("\"https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token\""))
    }

    /// The server's answer comes from the profile: Entra's and Keycloak's texts, none invented.
    @Test func answersComeFromTheProfiles() throws {
        let entra = try Self.diagnose("entra-multiple-values")
        #expect(entra.serverAnswer?.answer?.errorDescription?.hasPrefix("AADSTS5002741:") == true)
        let tenant = try Self.diagnose("entra-tenant-mismatch")
        #expect(tenant.serverAnswer?.answer?.errorDescription?.hasPrefix("AADSTS700023:") == true)
        let keycloak = try Self.diagnose("keycloak-two-values")
        #expect(keycloak.serverAnswer?.ruleID == "aud-multiple-values")
        #expect(keycloak.serverAnswer?.answer?.errorDescription == "Multiple audiences not allowed")
        // A warning is no answer: Auth0 still accepts the deprecated forms.
        #expect(try Self.diagnose("auth0-token-url").serverAnswer == nil)
    }

    /// A bare token: the value count needs no URL; a realm or an issuer does.
    @Test func bareTokenCountsValuesOnly() throws {
        var subject = Subject(source: "test", request: nil,
                              assertion: AssertionInput.read(Self.unsigned(#"{"iss":"c","sub":"c","aud":["https://a.example/v2.0","https://a.example/v2.0/token"],"exp":1748873100,"jti":"x"}"#)))
        try ProfileSelection(forced: (try #require(ProfileSet.bundled["entra"]), "the test")).apply(to: &subject)
        let ids = Engine(rules: Registry.forDiagnose).run(subject).ruleIDs.filter { $0.hasPrefix("aud-") }
        #expect(ids == ["aud-multiple-values"])
    }

    static func unsigned(_ payload: String) -> String {
        Base64URL.encode(Array(#"{"alg":"RS256"}"#.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + ".c2ln"
    }

    static let goldens: [GoldenScenario] = [
        GoldenScenario("rfc10070-endpoint-instead-of-issuer", ["diagnose", "--server", "rfc10070", "\(data)/issuer-only-token-url.yaml"]),
        GoldenScenario("fapi2-array-not-allowed", ["diagnose", "--server", "fapi2", "\(data)/issuer-array-one.yaml"]),
        GoldenScenario("rfc10070-multiple-values", ["diagnose", "--server", "rfc10070", "\(data)/issuer-array-two.yaml"]),
        GoldenScenario("keycloak-multiple-values", ["diagnose", "\(data)/keycloak-two-values.yaml"]),
        GoldenScenario("auth0-endpoint-deprecated", ["diagnose", "\(data)/auth0-token-url.yaml"]),
        GoldenScenario("entra-multiple-values", ["diagnose", "\(data)/entra-multiple-values.yaml"]),
        GoldenScenario("entra-tenant-mismatch", ["diagnose", "\(data)/entra-tenant-mismatch.yaml"]),
        GoldenScenario("entra-common-audience", ["diagnose", "\(data)/entra-common-audience.yaml"]),
        GoldenScenario("entra-v1-token-url", ["diagnose", "\(data)/entra-v1-token-url.yaml"]),
    ]

    @Test(arguments: goldens)
    func golden(_ scenario: GoldenScenario) throws {
        try CLITests.expectGolden(scenario, in: Self.goldenDir)
    }

    @Test func everyGoldenFileHasAScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(names) == Set(Self.goldens.map { "\($0.name).txt" }))
    }
}
