import Foundation
import Testing
@testable import AssertLintKit

/// Messages, fixes and edge cases of the claim rules beyond the catalog examples. Every case runs
/// ALL rules, so it also checks that a problem is reported once, by the right rule.
@Suite struct ClaimRulesTests {
    static let tokenURL = "https://dev-123.okta.com/oauth2/v1/token"
    static let now = 1_748_872_800  // 2025-06-02T14:00:00Z
    static let signature = Base64URL.encode(Array(repeating: UInt8(0x5A), count: 32))

    static func compact(_ payload: String, header: String = #"{"alg":"RS256","typ":"JWT"}"#) -> String {
        Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + signature
    }

    /// A payload with sound defaults; `extra` members override or add (`nil` removes).
    static func payload(_ overrides: [String: String?] = [:]) -> String {
        var members: [(String, String)] = [
            ("iss", #""0oa1""#), ("sub", #""0oa1""#), ("aud", "\"\(tokenURL)\""),
            ("iat", "\(now)"), ("exp", "\(now + 300)"), ("jti", #""j-1""#),
        ]
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            if let i = members.firstIndex(where: { $0.0 == key }) {
                if let value { members[i].1 = value } else { members.remove(at: i) }
            } else if let value {
                members.append((key, value))
            }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func fixture(_ assertion: String, app: String? = "{client_id: 0oa1}", url: String = tokenURL,
                        now: String? = "2025-06-02T14:00:00Z", form: [String] = []) -> String {
        var lines: [String] = []
        if let now { lines.append("now: \(now)") }
        if let app { lines.append("app: \(app)") }
        lines += ["request:", "  url: \(url)", "  form:", "    grant_type: client_credentials",
                  "    client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer"]
        lines += form.map { "    \($0)" }
        lines.append("    client_assertion: '\(assertion)'")
        return lines.joined(separator: "\n") + "\n"
    }

    static func diagnose(_ yaml: String) throws -> Diagnosis {
        let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: Double(now)))
        return Engine().run(try loader.load(text: yaml, path: "test.yaml"))
    }

    static func diagnose(payload overrides: [String: String?] = [:], header: String = #"{"alg":"RS256","typ":"JWT"}"#,
                         app: String? = "{client_id: 0oa1}", url: String = tokenURL, form: [String] = []) throws -> Diagnosis {
        try diagnose(fixture(compact(payload(overrides), header: header), app: app, url: url, form: form))
    }

    /// The claim rules' findings only (other helpers' request rules are not under test here).
    static let mine: Set<String> = [
        "jwt-malformed", "alg-none", "aud-missing", "aud-mismatch", "aud-issuer-instead-of-endpoint",
        "iss-mismatch", "sub-mismatch", "exp-missing", "exp-expired", "exp-too-far", "exp-near-cap",
        "iat-future", "nbf-future", "jti-missing", "jti-reused", "claim-type-invalid",
        "json-duplicate-key", "base64url-lenient",
    ]

    static func ids(_ d: Diagnosis) -> [String] { d.ruleIDs.filter(mine.contains) }

    static func only(_ d: Diagnosis, _ id: String) throws -> Finding {
        #expect(ids(d) == [id], "found \(d.ruleIDs)")
        return try #require(d.findings.first { $0.ruleID == id })
    }

    // MARK: - Baseline

    @Test func aSoundAssertionIsClean() throws {
        #expect(Self.ids(try Self.diagnose()) == [])
    }

    // MARK: - jwt-malformed

    @Test func malformedAssertionGetsOnlyJWTMalformed() throws {
        let d = try Self.diagnose(Self.fixture("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0"))
        let f = try Self.only(d, "jwt-malformed")
        #expect(f.message == "the client assertion is not a compact JWS: it has 2 segments separated by '.'; a compact JWS has exactly 3 (header.payload.signature)")
        #expect(f.location.pointer == "/client_assertion")
        #expect(f.fix?.hasPrefix("Copy the whole token") == true)
        #expect(f.answer?.errorDescription == "The parsing of the client_assertion failed.")
        #expect(f.answer?.verbatim == true)
    }

    @Test func bareTokenThatIsNotAJWT() throws {
        let subjects = try InputReader.subjects(from: "  eyJhbGciOiJSUzI1NiJ9  \n", source: "-")
        let d = Engine().run(try #require(subjects.first))
        let f = try Self.only(d, "jwt-malformed")
        #expect(f.message.hasSuffix("it has 1 segment separated by '.'; a compact JWS has exactly 3 (header.payload.signature)"))
    }

    @Test func encryptedJWTIsNamedAsJWE() throws {
        let d = try Self.diagnose(Self.fixture("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"))
        let f = try Self.only(d, "jwt-malformed")
        #expect(f.message.contains("JWE"))
        #expect(f.fix?.hasPrefix("Sign the assertion (JWS) instead of encrypting it.") == true)
    }

    @Test func nonStringAlgIsMalformedNotATypeFinding() throws {
        let d = try Self.diagnose(Self.fixture(Self.compact(Self.payload(), header: #"{"alg":256}"#)))
        let f = try Self.only(d, "jwt-malformed")
        #expect(f.message.hasSuffix("the header's `alg` is a number, not a string"))
    }

    // MARK: - alg-none

    @Test func algNoneInAnyCase() throws {
        let d = try Self.diagnose(Self.fixture(Base64URL.encode(#"{"alg":"None"}"#) + "." + Base64URL.encode(Self.payload()) + ".",
                                               app: "{client_id: 0oa1, auth_method: private_key_jwt}"))
        let f = try #require(d.findings.first { $0.ruleID == "alg-none" })
        #expect(f.message == #"alg is "None": the assertion is unsigned and the signature segment is empty"#)
        #expect(f.location.pointer == "/client_assertion/header/alg")
        #expect(f.fix == "Sign the assertion with RS256 or ES256 (private_key_jwt: the private key whose public key is registered); the header's `alg` then names that algorithm.")
    }

    // MARK: - aud-missing, aud-issuer-instead-of-endpoint

    @Test func missingAudNamesTheEndpoint() throws {
        let f = try Self.only(try Self.diagnose(payload: ["aud": nil]), "aud-missing")
        #expect(f.message == "aud is missing; the request goes to \"\(Self.tokenURL)\"")
        #expect(f.fix == "Add `aud` with the value \"\(Self.tokenURL)\" and sign a new assertion.")
    }

    @Test func emptyAudIsAudMissingOnlyNotAlsoMismatch() throws {
        #expect(try Self.only(try Self.diagnose(payload: ["aud": #""""#]), "aud-missing").message.hasPrefix(#"aud is "", an empty string"#))
        #expect(try Self.only(try Self.diagnose(payload: ["aud": "[]"]), "aud-missing").message.hasPrefix("aud is an empty array"))
        #expect(try Self.only(try Self.diagnose(payload: ["aud": #"["", " "]"#]), "aud-missing").message.hasPrefix("aud is [\"\",\" \"]: an array of empty strings"))
    }

    @Test func audOfWrongTypeIsOnlyClaimTypeInvalid() throws {
        let f = try Self.only(try Self.diagnose(payload: ["aud": "42"]), "claim-type-invalid")
        #expect(f.message == "aud is a number (42), not a string or an array of strings")
        #expect(f.fix == "Write `aud` as a JSON string (or an array of strings): \"aud\": \"\(Self.tokenURL)\", and sign a new assertion.")
    }

    @Test func issuerWithTrailingSlashIsReportedWithAudMismatch() throws {
        let d = try Self.diagnose(payload: ["aud": #""https://dev-123.okta.com/""#])
        #expect(Self.ids(d) == ["aud-mismatch", "aud-issuer-instead-of-endpoint"])
        let f = try #require(d.findings.first { $0.ruleID == "aud-issuer-instead-of-endpoint" })
        #expect(f.message == "aud \"https://dev-123.okta.com/\" is the issuer of the Org authorization server, not an endpoint URL; the request goes to \"\(Self.tokenURL)\"")
        #expect(f.fix == "Replace the issuer \"https://dev-123.okta.com/\" in `aud` with the endpoint URL \"\(Self.tokenURL)\" and sign a new assertion.")
        #expect(d.serverAnswer?.ruleID == "aud-mismatch")
    }

    @Test func issuerOfAnotherServerOnTheSameDomain() throws {
        let d = try Self.diagnose(payload: ["aud": #""https://dev-123.okta.com/oauth2/aus9x1""#])
        #expect(Self.ids(d) == ["aud-mismatch", "aud-issuer-instead-of-endpoint"])
        #expect(d.findings.contains { $0.message.contains("the custom authorization server 'aus9x1'") })
    }

    @Test func notAnIssuer() throws {
        for aud in [#""https://other.okta.com""#, #""https://dev-123.okta.com/oauth2""#, #""https://dev-123.okta.com/oauth2/v1""#] {
            #expect(Self.ids(try Self.diagnose(payload: ["aud": aud])) == ["aud-mismatch"], "\(aud)")
        }
    }

    // MARK: - iss-mismatch, sub-mismatch

    @Test func issAgainstTheRegisteredClientID() throws {
        let f = try Self.only(try Self.diagnose(payload: ["iss": #""https://dev-123.okta.com""#]), "iss-mismatch")
        #expect(f.message == #"iss is "https://dev-123.okta.com"; it must be the client_id "0oa1" (the app's client_id)"#)
        #expect(f.fix?.hasPrefix(#"Set `iss` to "0oa1" and sign a new assertion; in a client assertion `iss` and `sub` both carry the app's client_id"#) == true)
        #expect(f.answer?.errorDescription == "The issuer claim for client_assertion is not a valid client_id.")
        #expect(f.answer?.verbatim == true)
    }

    @Test func missingAndEmptyCount() throws {
        #expect(try Self.only(try Self.diagnose(payload: ["iss": nil]), "iss-mismatch").message
                == #"iss is missing; it must be the client_id "0oa1" (the app's client_id)"#)
        #expect(try Self.only(try Self.diagnose(payload: ["sub": #""""#]), "sub-mismatch").message
                == #"sub is empty; it must be the client_id "0oa1" (the app's client_id)"#)
    }

    @Test func nearMissesAreNamed() throws {
        #expect(try Self.only(try Self.diagnose(payload: ["sub": #""0OA1""#]), "sub-mismatch").message
                .hasSuffix(": they differ only in letter case, and client ids are case-sensitive"))
        #expect(try Self.only(try Self.diagnose(payload: ["sub": #""0oa1\n""#]), "sub-mismatch").message
                .hasSuffix(": they differ only in surrounding whitespace"))
    }

    @Test func withoutClientIDIssDifferentFromSubIsOneFinding() throws {
        let d = try Self.diagnose(payload: ["sub": #""00u1user""#], app: nil)
        let f = try Self.only(d, "iss-mismatch")
        #expect(f.message == #"iss "0oa1" and sub "00u1user" differ; both must be the client_id"#)
        #expect(f.fix?.hasPrefix("Set `iss` to the app's client_id and sign a new assertion;") == true)
        let claimUnjudged = d.unjudged.filter { $0.ruleID == "iss-mismatch" || $0.ruleID == "sub-mismatch" }
        #expect(claimUnjudged.map(\.ruleID) == ["sub-mismatch"])
        #expect(claimUnjudged.first?.needs == "--client-id or app.client_id in a fixture")
    }

    @Test func withoutClientIDAgreeingClaimsCannotBeJudged() throws {
        let d = try Self.diagnose(app: nil)
        #expect(Self.ids(d) == [])
        #expect(Set(d.unjudged.map(\.ruleID)).isSuperset(of: ["iss-mismatch", "sub-mismatch"]))
    }

    @Test func withoutClientIDAMissingClaimIsStillReported() throws {
        let f = try Self.only(try Self.diagnose(payload: ["iss": nil], app: nil), "iss-mismatch")
        #expect(f.message == #"iss is missing; it must be the app's client_id (sub is "0oa1"; if that is the client_id, use it for iss too)"#)
    }

    @Test func clientIDParameterJudgesOnlyWhenTheClaimsDisagree() throws {
        // iss = sub ≠ client_id parameter: which side is wrong is client-id-mismatch's question.
        let agree = try Self.diagnose(payload: ["iss": #""0oa2""#, "sub": #""0oa2""#], app: nil, form: ["client_id: 0oa1"])
        #expect(!agree.ruleIDs.contains("iss-mismatch") && !agree.ruleIDs.contains("sub-mismatch"))
        // iss ≠ sub, sub = parameter: iss is the odd one out.
        let d = try Self.diagnose(payload: ["iss": #""0oa2""#], app: nil, form: ["client_id: 0oa1"])
        let f = try Self.only(d, "iss-mismatch")
        #expect(f.message == #"iss is "0oa2"; it must be the client_id "0oa1" (the request's client_id parameter)"#)
    }

    @Test func nonStringIssIsOnlyClaimTypeInvalid() throws {
        let f = try Self.only(try Self.diagnose(payload: ["iss": "123"]), "claim-type-invalid")
        #expect(f.message == "iss is a number (123), not a string")
        #expect(f.fix == #"Write `iss` as a JSON string: "iss": "123", and sign a new assertion."#)
        #expect(f.location.pointer == "/client_assertion/payload/iss")
    }

    // MARK: - exp

    @Test func expTooFarMessageShowsTimesInUTCAndRelative() throws {
        let f = try Self.only(try Self.diagnose(payload: ["exp": "\(Self.now + 3900)"]), "exp-too-far")
        #expect(f.message == "exp 2025-06-02T15:05:00Z is 65 min after now 2025-06-02T14:00:00Z; Okta allows at most 60 min")
        #expect(f.fix == "Set `exp` at most 60 minutes after the request, e.g. now + 5 minutes = 1748873100 (2025-06-02T14:05:00Z), and sign a new assertion.")
        #expect(f.answer?.errorDescription == "The client_assertion token has an expiration too far into the future.")
        #expect(f.answer?.verbatim == true)
    }

    @Test func theCapBoundary() throws {
        #expect(Self.ids(try Self.diagnose(payload: ["exp": "\(Self.now + 3601)"])) == ["exp-too-far"])
        #expect(Self.ids(try Self.diagnose(payload: ["exp": "\(Self.now + 3600)"])) == ["exp-near-cap"])
        #expect(Self.ids(try Self.diagnose(payload: ["exp": "\(Self.now + 3301)"])) == ["exp-near-cap"])
        #expect(Self.ids(try Self.diagnose(payload: ["exp": "\(Self.now + 3300)"])) == [])
    }

    @Test func nearCapSaysHowMuchClockSkewBreaksIt() throws {
        let at = try Self.only(try Self.diagnose(payload: ["exp": "\(Self.now + 3600)"]), "exp-near-cap")
        #expect(at.message == "exp 2025-06-02T15:00:00Z is 60 min after now 2025-06-02T14:00:00Z; Okta allows at most 60 min, and any clock difference at all makes Okta reject it")
        #expect(at.severity == .warning)
        #expect(at.answer == nil)
        let near = try Self.only(try Self.diagnose(payload: ["exp": "\(Self.now + 3480)"]), "exp-near-cap")
        #expect(near.message.hasSuffix("if the clock that set exp runs more than 2 min ahead of Okta's, Okta rejects it as too far in the future"))
    }

    @Test func millisecondsAreRecognised() throws {
        let f = try Self.only(try Self.diagnose(payload: ["exp": "1748873100000"]), "exp-too-far")
        #expect(f.message == "exp 1748873100000 is 55400 years after now 2025-06-02T14:00:00Z; exp looks like milliseconds (read as milliseconds it is 2025-06-02T14:05:00Z), and NumericDates are seconds; Okta allows at most 60 min")
        let iat = try Self.only(try Self.diagnose(payload: ["iat": "1748872800000"]), "iat-future")
        #expect(iat.message.contains("iat looks like milliseconds (read as milliseconds it is 2025-06-02T14:00:00Z)"))
    }

    @Test func hugeFiniteTimesDoNotTrap() throws {
        let f = try Self.only(try Self.diagnose(payload: ["exp": "1e300"]), "exp-too-far")
        #expect(f.message == "exp 1e+300 is more than 30 million years after now 2025-06-02T14:00:00Z; Okta allows at most 60 min")
        #expect(Self.ids(try Self.diagnose(payload: ["iat": "1.7976931348623157e308"])) == ["iat-future"])
        #expect(Self.ids(try Self.diagnose(payload: ["jti": nil, "exp": "9e17"])) == ["exp-too-far", "jti-missing"])
    }

    @Test func genericServerHasNoCap() throws {
        let d = try Self.diagnose(payload: ["aud": #""https://auth.example.com/oauth/token""#, "exp": "\(Self.now + 7200)"],
                                  url: "https://auth.example.com/oauth/token")
        #expect(Self.ids(d) == [])
    }

    /// A bare token is judged by the generic profile (no cap) unless a profile is chosen for it.
    @Test func bareTokenIsJudgedAgainstTheChosenProfilesCap() throws {
        let token = Self.compact(Self.payload(["exp": "\(Self.now + 7200)"]))
        var subject = Subject(source: "-", request: nil, assertion: FixtureLoader.decode(token),
                              now: Date(timeIntervalSince1970: Double(Self.now)), clockIsReal: false)
        #expect(subject.profile.id == "rfc7523")
        #expect(!Engine().run(subject).ruleIDs.contains("exp-too-far"))
        try ProfileSelection(forced: (try #require(ProfileSet.bundled["okta-org"]), "--server okta-org")).apply(to: &subject)
        #expect(subject.profile.id == "okta-org" && subject.profileChoice?.reason == "--server okta-org")
        #expect(Engine().run(subject).ruleIDs.contains("exp-too-far"))
    }

    @Test func expiredAndTheExactSecond() throws {
        let past = try Self.only(try Self.diagnose(payload: ["iat": "\(Self.now - 400)", "exp": "\(Self.now - 100)"]), "exp-expired")
        #expect(past.message == "exp 2025-06-02T13:58:20Z is 100 s before now 2025-06-02T14:00:00Z: the assertion has expired")
        #expect(past.fix == "Mint a new assertion for each request with `exp` shortly ahead, e.g. now + 5 minutes = 1748873100 (2025-06-02T14:05:00Z), and check the client's clock.")
        let exact = try Self.only(try Self.diagnose(payload: ["iat": "\(Self.now - 300)", "exp": "\(Self.now)"]), "exp-expired")
        #expect(exact.message == "exp 2025-06-02T14:00:00Z equals now 2025-06-02T14:00:00Z: the assertion has expired")
    }

    @Test func theRealClockIsSaid() throws {
        let token = Self.compact(Self.payload(["exp": "\(Self.now - 60)"]))
        let subject = Subject(source: "-", request: nil, assertion: FixtureLoader.decode(token),
                              now: Date(timeIntervalSince1970: Double(Self.now)), clockIsReal: true)
        let f = try #require(Engine().run(subject).findings.first { $0.ruleID == "exp-expired" })
        #expect(f.message.hasSuffix("(now is this machine's clock; use --now to judge at another time)"))
    }

    @Test func missingExp() throws {
        let f = try Self.only(try Self.diagnose(payload: ["exp": nil]), "exp-missing")
        #expect(f.message == "exp is missing; a client assertion must carry an expiry (RFC 7523 §3)")
        #expect(f.fixValues == ["exp": "1748873100", "exp_utc": "2025-06-02T14:05:00Z"])
    }

    @Test func stringExpIsOnlyClaimTypeInvalid() throws {
        let f = try Self.only(try Self.diagnose(payload: ["exp": #""1748873100""#]), "claim-type-invalid")
        #expect(f.message == #"exp is the string "1748873100", not a JSON number"#)
        #expect(f.fix == #"Write `exp` as a JSON number of seconds since 1970-01-01T00:00:00Z (an RFC 7519 NumericDate), without quotes: "exp": 1748873100, and sign a new assertion."#)
    }

    @Test func unusableNumericDates() throws {
        let overflow = try Self.only(try Self.diagnose(payload: ["exp": "1e309"]), "claim-type-invalid")
        #expect(overflow.message == "exp is 1e309, which is too large for any clock (not a finite number)")
        #expect(overflow.fixValues["corrected"] == #""exp": 1748873100"#)
        let negative = try Self.only(try Self.diagnose(payload: ["iat": "-5"]), "claim-type-invalid")
        #expect(negative.message == "iat is -5, a time before 1970: not a plausible NumericDate")
        #expect(negative.fixValues["corrected"] == #""iat": 1748872800"#)
        let word = try Self.only(try Self.diagnose(payload: ["nbf": #""tomorrow""#]), "claim-type-invalid")
        #expect(word.message == #"nbf is a string ("tomorrow"), not a JSON number"#)
        let bool = try Self.only(try Self.diagnose(payload: ["exp": "true"]), "claim-type-invalid")
        #expect(bool.message == "exp is a boolean (true), not a JSON number")
    }

    @Test func fractionalNumericDatesAreValid() throws {
        #expect(Self.ids(try Self.diagnose(payload: ["iat": "1748872800.75", "exp": "1748873100.5"])) == [])
    }

    @Test func oneFindingPerOffendingClaim() throws {
        let d = try Self.diagnose(payload: ["exp": #""x""#, "iat": #""y""#, "jti": "7", "aud": #"["a", 1]"#])
        let f = d.findings.filter { $0.ruleID == "claim-type-invalid" }
        #expect(Set(f.map(\.location.pointer)) == Set(["exp", "iat", "jti", "aud"].map(Location.claim)))
        #expect(Self.ids(d).allSatisfy { $0 == "claim-type-invalid" })
        #expect(f.first { $0.location.pointer == Location.claim("aud") }?.message == #"aud is an array whose member 1 is a number (1); every member must be a string"#)
    }

    // MARK: - iat, nbf

    @Test func futureLeewayIsSixtySeconds() throws {
        #expect(Self.ids(try Self.diagnose(payload: ["iat": "\(Self.now + 60)"])) == [])
        let f = try Self.only(try Self.diagnose(payload: ["iat": "\(Self.now + 61)"]), "iat-future")
        #expect(f.message == "iat 2025-06-02T14:01:01Z is 61 s after now 2025-06-02T14:00:00Z: the assertion claims to be issued in the future (the clock that set it looks 61 s fast)")
        #expect(f.fix == "Set `iat` to the time the assertion is signed, 1748872800 (2025-06-02T14:00:00Z) for now, from a clock synchronised with NTP; or leave `iat` out.")
        #expect(Self.ids(try Self.diagnose(payload: ["nbf": "\(Self.now + 60)"])) == [])
        let n = try Self.only(try Self.diagnose(payload: ["nbf": "\(Self.now + 600)", "exp": "\(Self.now + 900)"]), "nbf-future")
        #expect(n.message == "nbf 2025-06-02T14:10:00Z is 10 min after now 2025-06-02T14:00:00Z: the assertion is not valid yet")
    }

    // MARK: - jti

    @Test func jtiMissingSaysUntilWhen() throws {
        let f = try Self.only(try Self.diagnose(payload: ["jti": nil]), "jti-missing")
        #expect(f.message == "jti is missing: anyone who captures this assertion can reuse it until exp 2025-06-02T14:05:00Z")
        #expect(f.severity == .warning)
        #expect(try Self.only(try Self.diagnose(payload: ["jti": #""""#]), "jti-missing").message.hasPrefix("jti is empty"))
    }

    @Test func jtiReusedIsCaseSensitive() throws {
        let app = "{client_id: 0oa1, seen_jtis: [j-1]}"
        let f = try Self.only(try Self.diagnose(app: app), "jti-reused")
        #expect(f.message == #"jti "j-1" has already been used (it is among the jti values the server has seen); each jti is accepted once"#)
        #expect(f.answer?.errorDescription == "The client_assertion token has already been used.")
        #expect(Self.ids(try Self.diagnose(payload: ["jti": #""J-1""#], app: app)) == [])
    }

    // MARK: - json-duplicate-key, base64url-lenient

    @Test func duplicateKeysAreNamedWithTheirValues() throws {
        let payload = Self.payload().dropLast() + ",\"exp\":\(Self.now + 600)}"
        let d = try Self.diagnose(Self.fixture(Self.compact(String(payload), header: #"{"alg":"RS256","alg":"RS256"}"#)))
        let f = d.findings.filter { $0.ruleID == "json-duplicate-key" }
        #expect(Self.ids(d) == ["json-duplicate-key", "json-duplicate-key"])
        #expect(f.map(\.location.pointer).sorted() == ["/client_assertion/header/alg", "/client_assertion/payload/exp"])
        let exp = try #require(f.first { $0.location.pointer.hasSuffix("exp") })
        #expect(exp.message == #"the payload has "exp" 2 times (1748873100, 1748873400); parsers disagree on which value wins, assertlint judged the last"#)
        #expect(exp.fix == "Keep one `exp` in the payload, with the value you mean (assertlint read 1748873400), and sign a new assertion.")
    }

    @Test func lenientBase64IsOneFindingNamingEverySegment() throws {
        let header = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIgfQ=="
        let d = try Self.diagnose(Self.fixture(header + "." + Base64URL.encode(Self.payload()) + ".++++////"))
        let f = try Self.only(d, "base64url-lenient")
        #expect(f.message == "the header segment ends with '=' padding; the signature segment uses '+' or '/' (the standard base64 alphabet, not base64url); a strict JOSE decoder rejects this")
        #expect(f.answer == nil)
    }

    // MARK: - Formatting

    @Test func durations() {
        #expect(ClaimTime.duration(45) == "45 s")
        #expect(ClaimTime.duration(-119) == "119 s")
        #expect(ClaimTime.duration(3900) == "65 min")
        #expect(ClaimTime.duration(3570) == "59 min 30 s")
        #expect(ClaimTime.duration(5 * 3600 + 600) == "5 h 10 min")
        #expect(ClaimTime.duration(12 * 86400) == "12 days")
        #expect(ClaimTime.duration(.infinity) == "an unbounded time")
        #expect(ClaimTime.utc(1e300) == "(out of range)")
    }
}

@Suite struct TimeZoneAndAdminHostHintTests {
    static func run(_ claims: String, url: String = "https://dev-123.okta.com/oauth2/v1/token") throws -> Diagnosis {
        let yaml = """
            now: 2025-06-02T14:00:00Z
            app: {client_id: 0oa1}
            request:
              url: \(url)
              form:
                grant_type: client_credentials
                scope: okta.users.read
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  claims: \(claims)
            """
        return Engine().run(try FixtureLoader().load(text: yaml, path: "t.yaml"))
    }

    @Test func localTimeBehindUTCExplainsAnExpiredAssertion() throws {
        // iat and exp computed from US Eastern local time (UTC-5) as if it were UTC.
        let d = try Self.run(#"{iss: 0oa1, sub: 0oa1, aud: "https://dev-123.okta.com/oauth2/v1/token", iat: "-18000", exp: "-17700", jti: j}"#)
        let f = try #require(d.findings.first { $0.ruleID == "exp-expired" })
        #expect(f.message.hasSuffix("; iat is 5 h behind now almost exactly, which is what a client gets when it converts local time (UTC-5) to epoch seconds as if it were UTC"))
    }

    @Test func localTimeAheadOfUTCExplainsAFutureIat() throws {
        let d = try Self.run(#"{iss: 0oa1, sub: 0oa1, aud: "https://dev-123.okta.com/oauth2/v1/token", iat: "+7200", exp: "+7500", jti: j}"#)
        #expect(d.findings.first { $0.ruleID == "iat-future" }?.message.contains("iat is 2 h ahead of now almost exactly") == true)
        #expect(d.findings.first { $0.ruleID == "exp-too-far" }?.message.contains("(UTC+2)") == true)
    }

    @Test func noHintWhenTheOffsetIsNotWholeHours() throws {
        let d = try Self.run(#"{iss: 0oa1, sub: 0oa1, aud: "https://dev-123.okta.com/oauth2/v1/token", iat: "-5400", exp: "-5100", jti: j}"#)
        #expect(d.findings.first { $0.ruleID == "exp-expired" }?.message.contains("local time") == false)
    }

    @Test func adminHostInAud() throws {
        let d = try Self.run(#"{iss: 0oa1, sub: 0oa1, aud: "https://dev-123-admin.okta.com/oauth2/v1/token", iat: "now", exp: "+300", jti: j}"#)
        #expect(d.findings.first { $0.ruleID == "aud-mismatch" }?.message.hasSuffix("aud names the Admin Console host dev-123-admin.okta.com; the authorization server is at dev-123.okta.com (without -admin)") == true)
    }
}
