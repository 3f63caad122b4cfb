import Foundation
import Testing
@testable import AssertLintKit

@Suite struct ConfigTests {
    @Test func unknownKeyNamesKeyAndFile() throws {
        let t = try TempTree()
        let config = try t.write(".assertlint.yml", "include: [\"*.yaml\"]\ncolour: always\n")
        try t.write("a.yaml", BatchFixtures.fixture(jti: "a"))
        let report = BatchFixtures.run(t, [])
        #expect(report.errors.map(\.description) == [
            "\(config): line 2: unknown key 'colour' (expected one of: include, exclude, app, profile, servers, profiles, disable, severity, ignore, policy, fail_on, online, extend)",
        ])
        #expect(report.exitCode == 2)
    }

    @Test func badValuesAreOneLineErrors() {
        func error(_ yaml: String) -> String? {
            do {
                _ = try Configuration.parse(yaml, path: "/r/.assertlint.yml")
                return nil
            } catch {
                return error.description
            }
        }
        #expect(error("disable: [no-such-rule]\n") == "/r/.assertlint.yml: line 1: unknown rule 'no-such-rule' in disable (see `assertlint rules`)")
        #expect(error("severity: {aud-mismatch: loud}\n") == "/r/.assertlint.yml: line 1: severity of aud-mismatch must be error, warning, info or off, not 'loud'")
        #expect(error("policy: {max_lifetime: 300, max_age: 5}\n") == "/r/.assertlint.yml: line 1: unknown key 'policy.max_age' (expected one of: max_lifetime, require_jti, allowed_algs, require_kid)")
        #expect(error("app: {client_id: x, secret: y}\n") == "/r/.assertlint.yml: line 1: unknown key 'app.secret' (expected one of: client_id, auth_method, type, jwks)")
        #expect(error("fail_on: sometimes\n") == "/r/.assertlint.yml: line 1: fail_on must be one of error, warning, info, never")
        #expect(error("profile: nosuch\n") == "/r/.assertlint.yml: line 1: profile: nosuch: no such server profile; known: \(ProfileSet.bundled.ids.joined(separator: ", "))")
        #expect(error("ignore: [{path: x, rule: [aud-mismatch]}]\n") == "/r/.assertlint.yml: line 1: unknown key 'ignore.rule' (expected one of: path, rules)")
        #expect(error("- a\n- b\n") == "/r/.assertlint.yml: the config must be a mapping of include, exclude, app, profile, servers, profiles, disable, severity, ignore, policy, fail_on, online, extend")
        #expect(error("online: false\n") == nil)
    }

    @Test func includeExcludeAndNearestConfig() throws {
        let t = try TempTree()
        try t.write(".assertlint.yml", "include: [\"fixtures/**/*.yaml\"]\nexclude: [scratch]\nfail_on: warning\n")
        try t.write("fixtures/a.yaml", BatchFixtures.fixture(jti: "a"))
        try t.write("fixtures/scratch/b.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "b"))
        try t.write("fixtures/live/.assertlint.yml", "disable: [assertion-live]\n")
        try t.write("fixtures/live/c.yaml", BatchFixtures.literalLiveFixture(jti: "c"))
        try t.write("other/d.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "d"))
        let report = BatchFixtures.run(t, [])
        #expect(report.files.map(\.path) == ["fixtures/a.yaml", "fixtures/live/c.yaml"])
        #expect(report.failOn == .warning)
        // The nearest config (fixtures/live) wins for c.yaml: assertion-live is disabled there.
        #expect(report.files.flatMap(\.findings).isEmpty)
        #expect(report.exitCode == 0)

        // --config overrides discovery: assertion-live is back, and fail_on comes from it.
        let override = try t.write("ci.yml", "fail_on: warning\n")
        let overridden = BatchFixtures.run(t, ["fixtures"]) { $0.configFile = override }
        #expect(overridden.files.map(\.path) == ["fixtures/a.yaml", "fixtures/live/c.yaml", "fixtures/scratch/b.yaml"])
        #expect(overridden.files[1].findings.map(\.ruleID) == ["assertion-live"])
        #expect(overridden.exitCode == 1)
    }

    @Test func policyFromConfig() throws {
        let t = try TempTree()
        try t.write(".assertlint.yml", "policy: {max_lifetime: 300, require_jti: true, allowed_algs: [ES256], require_kid: true}\n")
        try t.write("long.yaml", BatchFixtures.fixture(jti: "l", exp: "+3600", header: "{alg: ES256, kid: k}"))
        try t.write("rs.yaml", BatchFixtures.fixture(jti: "r", header: "{alg: RS256}"))
        try t.write("own-policy.yaml", BatchFixtures.fixture(jti: "o", exp: "+3600", header: "{alg: ES256, kid: k}", extra: "policy: {max_lifetime: 7200}\n"))
        let report = BatchFixtures.run(t)
        #expect(report.files.map(\.path) == ["long.yaml", "own-policy.yaml", "rs.yaml"])
        #expect(report.files[0].findings.map(\.message) == ["the assertion lives 3600 s (iat to exp); the policy allows at most 300 s"])
        #expect(report.files[0].findings[0].fix == "Mint the assertion with `exp` at most 300 seconds after `iat` (here exp 1748873100).")
        #expect(report.files[1].findings.isEmpty, "a fixture's own policy wins")
        #expect(Set(report.files[2].findings.map(\.ruleID)) == ["policy-alg", "policy-kid-required"])
        #expect(report.exitCode == 1)
    }

    @Test func severityIgnoreAndAppDefaults() throws {
        let t = try TempTree()
        try t.write("keys/app.json", #"{"keys": [{"kty": "RSA", "kid": "k", "e": "AQAB", "n": "sXch", "d": "VFCW"}]}"#)
        try t.write("cfg/.assertlint.yml", """
        app: {client_id: 0oa1, auth_method: private_key_jwt, jwks: ../keys/app.json}
        severity: {private-key-committed: warning, aud-mismatch: info}
        ignore:
          - {path: "legacy/**", rules: [aud-mismatch]}
        """)
        try t.write("cfg/a.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "a"))
        try t.write("cfg/legacy/b.yaml", BatchFixtures.fixture(aud: BatchFixtures.wrongAud, jti: "b"))
        let report = BatchFixtures.run(t, ["cfg"])
        let a = report.files[0]
        #expect(a.findings.map { "\($0.ruleID) \($0.severity)" } == ["aud-mismatch info", "private-key-committed warning"])
        #expect(a.subjects[0].subject.app.clientID == "0oa1")
        #expect(a.subjects[0].subject.app.authMethod == .privateKeyJWT)
        #expect(report.files[1].findings.map(\.ruleID) == ["private-key-committed"])
        #expect(report.exitCode == 0)
    }

    @Test func profileOverride() throws {
        var config = Configuration(directory: "/r")
        config.profile = ProfileSet.bundled["rfc7523"]
        var subject = try FixtureLoader().load(text: BatchFixtures.fixture(jti: "p"), path: "/r/p.yaml")
        #expect(subject.target?.profile.id == "okta-org")
        try config.apply(to: &subject, file: "/r/p.yaml")
        #expect(subject.target?.profile.id == "rfc7523")
        #expect(subject.target?.endpointURL == "https://dev-123.okta.com/oauth2/v1/token")
    }
}
