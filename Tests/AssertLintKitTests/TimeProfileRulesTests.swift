import Foundation
import Testing
@testable import AssertLintKit

/// The time and jti rules under each server profile: limits, skew and severities come from the
/// profile, and each message names the limit it applied. Every case runs ALL rules under the
/// profile named, so it also checks that one mistake is reported by the right rule only.
@Suite struct TimeProfileRulesTests {
    static let now = 1_748_872_800  // 2025-06-02T14:00:00Z

    /// The findings for `claims` (times relative to now, e.g. `"+300"`) under `profile`. The
    /// default claims are sound for every profile except where the test changes them.
    static func run(_ profile: String, _ claims: [String: String?], seen: [String] = []) throws -> Diagnosis {
        var members: [String: String] = ["iss": "c1", "sub": "c1", "iat": "\"now\"", "exp": "\"+30\"", "jti": "j1"]
        for (k, v) in claims { members[k] = v }
        let p = try #require(ProfileSet.bundled[profile])
        // aud: whatever the profile accepts is not this suite's concern; the aud rules are left out.
        let body = members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        let yaml = """
            now: 2025-06-02T14:00:00Z
            app: {client_id: c1\(seen.isEmpty ? "" : ", seen_jtis: [\(seen.joined(separator: ", "))]")}
            request:
              url: https://as.example.com/token
              form:
                grant_type: client_credentials
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  claims: {\(body)}
            """
        var subject = try FixtureLoader().load(text: yaml, path: "t.yaml")
        try ProfileSelection(forced: (p, "--server \(profile)")).apply(to: &subject)
        return Engine(rules: Registry.all.filter { Self.timeRules.contains($0.id) }).run(subject)
    }

    static let timeRules: Set<String> = ["exp-missing", "exp-expired", "exp-too-far", "exp-near-cap", "iat-future", "nbf-future",
                                         "iat-too-old", "lifetime-too-long", "jti-missing", "jti-reused"]

    static func only(_ d: Diagnosis, _ id: String) throws -> Finding {
        #expect(d.ruleIDs == [id], "\(d.ruleIDs): \(d.findings.map(\.message))")
        return try #require(d.findings.first { $0.ruleID == id })
    }

    // MARK: - lifetime-too-long (Auth0: exp - iat ≤ 300 s)

    @Test func lifetimeTooLongAtAuth0() throws {
        let f = try Self.only(try Self.run("auth0", ["exp": "\"+301\""]), "lifetime-too-long")
        #expect(f.message == "exp 2025-06-02T14:05:01Z is 5 min 1 s after iat 2025-06-02T14:00:00Z; Auth0 allows at most 5 min from iat to exp")
        #expect(f.severity == .error)
        #expect(f.location.pointer == "/client_assertion/payload/exp")
        #expect(f.answer?.status == 401 && f.answer?.error == "invalid_client" && f.answer?.errorDescription == nil)
        #expect(f.fix == "Sign a new assertion with `exp` at most 5 minutes after `iat`, e.g. iat = now = 1748872800 (2025-06-02T14:00:00Z) and exp = 1748872950 (2025-06-02T14:02:30Z), now + 150 seconds.")
        // Exactly on the cap is allowed (`no more than 5 minutes after 'iat'`), and an old iat is not this rule's.
        #expect(try Self.run("auth0", ["exp": "\"+300\""]).ruleIDs == [])
        #expect(try Self.run("auth0", ["iat": "\"-600\"", "exp": "\"-300\""]).ruleIDs == ["exp-expired"])
        // Without iat there is no declared lifetime.
        #expect(try Self.run("auth0", ["iat": nil, "exp": "\"+3600\""]).ruleIDs == [])
    }

    @Test func lifetimeTooLongOnlyWhereTheProfileCapsIt() throws {
        for profile in ["keycloak", "okta-org", "spring", "node-oidc-provider", "rfc7523", "fapi2"] {
            #expect(!(try Self.run(profile, ["exp": "\"+1000\""]).ruleIDs.contains("lifetime-too-long")), "\(profile)")
        }
    }

    // MARK: - iat-too-old (Keycloak: now ≤ iat + 60, no skew)

    @Test func iatTooOldAtKeycloakNamesTheClientSetting() throws {
        let f = try Self.only(try Self.run("keycloak", ["iat": "\"-61\"", "exp": "\"+239\""]), "iat-too-old")
        #expect(f.message == "iat 2025-06-02T13:58:59Z is 61 s before now 2025-06-02T14:00:00Z; Keycloak accepts an assertion for at most 60 s after its iat, whatever exp says (60 s is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client)")
        #expect(f.answer?.errorDescription == "Token was issued too far in the past to be used now")
        #expect(f.answer?.status == 400)
        #expect(f.fixValues["max"] == "60 seconds" && f.fixValues["lifetime"] == "30 seconds")
        // No clock skew on this limit: 60 s passes, 61 s fails.
        #expect(try Self.run("keycloak", ["iat": "\"-60\"", "exp": "\"+240\""]).ruleIDs == [])
        let old = try Self.only(try Self.run("keycloak@26.3", ["iat": "\"-120\"", "exp": "\"+180\""]), "iat-too-old")
        #expect(old.answer?.errorDescription == "Client authentication with signed JWT failed: Token was issued too far in the past to be used now")
    }

    @Test func iatTooOldOnlyWhereTheProfileLimitsIt() throws {
        for profile in ["auth0", "okta-org", "spring", "node-oidc-provider", "rfc7523", "fapi2"] {
            #expect(!(try Self.run(profile, ["iat": "\"-600\"", "exp": "\"+30\""]).ruleIDs.contains("iat-too-old")), "\(profile)")
        }
    }

    // MARK: - exp-too-far without iat (Keycloak)

    @Test func expTooFarWithoutIatAtKeycloak() throws {
        let f = try Self.only(try Self.run("keycloak", ["iat": nil, "exp": "\"+300\""]), "exp-too-far")
        #expect(f.message == "exp 2025-06-02T14:05:00Z is 5 min after now 2025-06-02T14:00:00Z; without iat, Keycloak allows exp at most 60 s ahead (with iat, it limits the time since iat instead, to 60 s); 60 s is the default of the client attribute `token.endpoint.auth.signing.max.exp`, which can be set per client")
        #expect(f.answer?.errorDescription == "Token expiration is too far in the future and iat claim not present in token")
        #expect(f.fix == "Set `exp` at most 60 seconds after the request, e.g. now + 30 seconds = 1748872830 (2025-06-02T14:00:30Z), and sign a new assertion.")
        // With iat, the same exp is fine at first (the limit is then on the time since iat).
        #expect(try Self.run("keycloak", ["exp": "\"+300\""]).ruleIDs == [])
        #expect(try Self.run("keycloak", ["iat": nil, "exp": "\"+50\""]).ruleIDs == [])
        #expect(try Self.run("keycloak", ["iat": nil, "exp": "\"+58\""]).ruleIDs == ["exp-near-cap"])
    }

    @Test func oktaCapIsUnchanged() throws {
        let f = try Self.only(try Self.run("okta-org", ["exp": "\"+3601\""]), "exp-too-far")
        #expect(f.message == "exp 2025-06-02T15:00:01Z is 60 min 1 s after now 2025-06-02T14:00:00Z; Okta allows at most 60 min")
        #expect(f.fix == "Set `exp` at most 60 minutes after the request, e.g. now + 5 minutes = 1748873100 (2025-06-02T14:05:00Z), and sign a new assertion.")
        #expect(try Self.run("okta-org", ["iat": nil, "exp": "\"+3601\""]).ruleIDs == ["exp-too-far"])
    }

    // MARK: - skew on exp, nbf, iat

    @Test func expSkewComesFromTheProfile() throws {
        // node-oidc-provider: 15 s past exp still accepted (a warning), from 15 s on refused.
        let within = try Self.only(try Self.run("node-oidc-provider", ["iat": "\"-300\"", "exp": "\"-14\""]), "exp-expired")
        #expect(within.severity == .warning)
        #expect(within.answer == nil || within.isServerAnswer == false)
        #expect(within.message == "exp 2025-06-02T13:59:46Z is 14 s before now 2025-06-02T14:00:00Z: the assertion has expired; node-oidc-provider allows 15 s of clock skew past exp, so it still accepts it, for 1 s more")
        let beyond = try Self.only(try Self.run("node-oidc-provider", ["iat": "\"-300\"", "exp": "\"-15\""]), "exp-expired")
        #expect(beyond.severity == .error)
        #expect(beyond.message.hasSuffix(": the assertion has expired; node-oidc-provider accepts an expired assertion only within 15 s of exp"))
        // Spring: 60 s.
        #expect(try Self.only(try Self.run("spring", ["iat": "\"-300\"", "exp": "\"-59\""]), "exp-expired").severity == .warning)
        #expect(try Self.only(try Self.run("spring", ["iat": "\"-300\"", "exp": "\"-60\""]), "exp-expired").severity == .error)
        // Keycloak and Auth0 put no skew on exp; Okta has none.
        for profile in ["keycloak", "keycloak@26.3", "auth0", "okta-org"] {
            let f = try Self.only(try Self.run(profile, ["iat": "\"-30\"", "exp": "\"-1\""]), "exp-expired")
            #expect(f.severity == .error, "\(profile)")
            #expect(f.message == "exp 2025-06-02T13:59:59Z is 1 s before now 2025-06-02T14:00:00Z: the assertion has expired", "\(profile)")
        }
    }

    @Test func nbfAndIatSkewComeFromTheProfile() throws {
        // Keycloak: 15 s on nbf and iat.
        #expect(try Self.run("keycloak", ["nbf": "\"+15\""]).ruleIDs == [])
        let nbf = try Self.only(try Self.run("keycloak", ["nbf": "\"+16\""]), "nbf-future")
        #expect(nbf.message == "nbf 2025-06-02T14:00:16Z is 16 s after now 2025-06-02T14:00:00Z: the assertion is not valid yet; Keycloak allows nbf at most 15 s ahead")
        #expect(nbf.answer?.errorDescription == "Token is not active")
        #expect(try Self.run("keycloak", ["iat": "\"+15\"", "exp": "\"+60\""]).ruleIDs == [])
        let iat = try Self.only(try Self.run("keycloak", ["iat": "\"+16\"", "exp": "\"+60\""]), "iat-future")
        #expect(iat.message.hasSuffix("(the clock that set it looks 16 s fast); Keycloak allows iat at most 15 s ahead"))
        #expect(iat.answer?.errorDescription == "Token was issued in the future")
        // Auth0: 10 s.
        #expect(try Self.run("auth0", ["iat": "\"+10\"", "exp": "\"+60\""]).ruleIDs == [])
        #expect(try Self.run("auth0", ["iat": "\"+11\"", "exp": "\"+60\""]).ruleIDs == ["iat-future"])
        // Spring and node-oidc-provider do not judge iat (with exp present): a warning naming no limit.
        for profile in ["spring", "node-oidc-provider"] {
            let f = try Self.only(try Self.run(profile, ["iat": "\"+120\"", "exp": "\"+300\""]), "iat-future")
            #expect(f.severity == .warning, "\(profile)")
            #expect(f.message.hasSuffix("fast); \(profile == "spring" ? "Spring Authorization Server" : "node-oidc-provider") does not judge iat and accepts it, but servers that do refuse it"))
        }
        // No profile tolerance (Okta): assertlint's 60 s, and the message names no server limit.
        #expect(try Self.run("okta-org", ["iat": "\"+60\"", "exp": "\"+300\""]).ruleIDs == [])
        let okta = try Self.only(try Self.run("okta-org", ["iat": "\"+61\"", "exp": "\"+300\""]), "iat-future")
        #expect(okta.message == "iat 2025-06-02T14:01:01Z is 61 s after now 2025-06-02T14:00:00Z: the assertion claims to be issued in the future (the clock that set it looks 61 s fast)")
    }

    @Test func fapi2AcceptsTenRejectsBeyondSixtyAndWarnsBetween() throws {
        for claim in ["iat", "nbf"] {
            let id = claim == "iat" ? "iat-future" : "nbf-future"
            #expect(try Self.run("fapi2", [claim: "\"+10\"", "exp": "\"+120\""]).ruleIDs == [], "\(claim) +10 must be accepted")
            let between = try Self.only(try Self.run("fapi2", [claim: "\"+11\"", "exp": "\"+120\""]), id)
            #expect(between.severity == .warning)
            #expect(between.message.hasSuffix("; FAPI 2.0 authorization server must accept \(claim) up to 10 s ahead and refuse it beyond 60 s: in between, as here, it may refuse it"))
            #expect(try Self.only(try Self.run("fapi2", [claim: "\"+60\"", "exp": "\"+120\""]), id).severity == .warning)
            let beyond = try Self.only(try Self.run("fapi2", [claim: "\"+61\"", "exp": "\"+120\""]), id)
            #expect(beyond.severity == .error)
            #expect(beyond.message.contains("; FAPI 2.0 authorization server refuses \(claim) more than 60 s ahead"))
            #expect(beyond.isServerAnswer)
        }
    }

    // MARK: - exp-missing where exp is optional (Keycloak 26.2-26.3)

    @Test func expMissingWhereTheServerDoesWithout() throws {
        let withIat = try Self.only(try Self.run("keycloak@26.3", ["exp": nil]), "exp-missing")
        #expect(withIat.severity == .warning)
        let neither = try Self.only(try Self.run("keycloak@26.3", ["exp": nil, "iat": nil]), "exp-missing")
        #expect(neither.severity == .error)
        #expect(neither.answer?.errorDescription == "Client authentication with signed JWT failed: Token cannot be validated. Neither the exp nor the iat claim are present.")
        #expect(try Self.only(try Self.run("keycloak", ["exp": nil]), "exp-missing").severity == .error)
    }

    // MARK: - jti

    @Test func jtiMissingSeverityFollowsTheProfile() throws {
        for (profile, required) in [("keycloak", true), ("keycloak@26.3", true), ("auth0", true), ("node-oidc-provider", true),
                                    ("fapi2", true), ("entra", true), ("okta-org", false), ("okta-custom", false), ("spring", false),
                                    ("rfc7523", false), ("rfc10070", false)] {
            let f = try Self.only(try Self.run(profile, ["jti": nil]), "jti-missing")
            #expect(f.severity == (required ? .error : .warning), "\(profile)")
        }
    }

    @Test func jtiReusedOnlyWhereTheServerKeepsThem() throws {
        for profile in ["keycloak", "auth0", "node-oidc-provider", "fapi2", "okta-org"] {
            let f = try Self.only(try Self.run(profile, [:], seen: ["j1"]), "jti-reused")
            #expect(f.severity == .error, "\(profile)")
        }
        for profile in ["spring", "entra"] {
            #expect(try Self.run(profile, [:], seen: ["j1"]).ruleIDs == [], "\(profile)")
        }
        let generic = try Self.only(try Self.run("rfc7523", [:], seen: ["j1"]), "jti-reused")
        #expect(generic.severity == .warning)
        #expect(generic.message.hasSuffix("a server that keeps the jti values it has seen refuses it (RFC 7523 §3 allows this; whether the server does is not known)"))
    }

    // MARK: - the suggested lifetime fits the server

    @Test func suggestedLifetimeFitsEveryLimit() {
        #expect(ClaimTime.spelled(3600) == "60 minutes")
        #expect(ClaimTime.spelled(300) == "5 minutes")
        #expect(ClaimTime.spelled(60) == "60 seconds")
        #expect(ClaimTime.spelled(7200) == "2 hours")
        #expect(ClaimTime.spelled(1) == "1 second")
    }
}
