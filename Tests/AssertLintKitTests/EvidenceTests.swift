import Foundation
import Testing
@testable import AssertLintKit

/// Pastes that show part of a request, judged with the same helper the trace readers use.
enum Pasted {
    static let now = Date(timeIntervalSince1970: 1_748_872_900) // 2025-06-02T14:01:40Z
    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"

    /// A well-formed assertion for `aud`, live at `now`, with a dummy signature.
    static func token(aud: String = endpoint) -> String {
        let header = #"{"alg":"RS256","kid":"k1"}"#
        let claims = #"{"iss":"0oa1example","sub":"0oa1example","aud":"\#(aud)","iat":1748872800,"exp":1748873100,"jti":"j-1"}"#
        return Base64URL.encode(header) + "." + Base64URL.encode(claims) + ".c2lnbmF0dXJl"
    }

    static func subjects(_ text: String) throws -> [Subject] {
        try InputReader.subjects(from: text, source: "paste", loader: FixtureLoader(environment: [:], realNow: now))
    }

    static func judge(_ text: String, overrides: ContextOverrides? = nil) throws -> (ids: [String], unjudged: [String: String], subject: Subject) {
        var subject = try #require(try subjects(text).first)
        if let overrides { subject = overrides.apply(to: subject) }
        subject.now = now
        subject.realNow = now.addingTimeInterval(3600) // after exp: the pasted token is no longer replayable
        let d = Engine().run(subject)
        return (d.ruleIDs.sorted(), Dictionary(d.unjudged.map { ($0.ruleID, $0.needs) }, uniquingKeysWith: { a, _ in a }), subject)
    }
}

@Suite("Evidence: rules judge only what the paste shows")
struct EvidenceTests {
    @Test("a log line with only the assertion and the URL gets no finding about the parts it does not show")
    func logLineWithAssertionOnly() throws {
        let line = "2025-06-02 14:01:39.112 DEBUG [main] o.a.TokenClient - POST \(Pasted.endpoint) client_assertion=\(Pasted.token())"
        let r = try Pasted.judge(line)
        #expect(r.ids == [])
        #expect(r.subject.shows.body == false)
        #expect(r.subject.shows.headers == false)
        #expect(r.unjudged["assertion-type-missing"] == "the `client_assertion_type` parameter, which a line that shows one parameter does not show: paste the whole request body to check it")
        #expect(r.unjudged["grant-type-invalid"]?.contains("`grant_type` parameter") == true)
        #expect(r.subject.notes.contains { $0.contains("the paste shows only the client_assertion parameter but not the headers or the whole body") })
    }

    @Test("the same line still gets findings about what it does show")
    func logLineJudgesTheAssertion() throws {
        let line = "DEBUG token call \(Pasted.endpoint) client_assertion=\(Pasted.token(aud: "https://dev-123.okta.com/oauth2/default/v1/token"))"
        let r = try Pasted.judge(line)
        #expect(r.ids.contains("aud-mismatch"))
        #expect(!r.ids.contains("grant-type-invalid"))
        #expect(!r.ids.contains("assertion-type-missing"))
    }

    @Test("--endpoint is honoured for a paste that shows only part of the request")
    func endpointHonouredForPartialPaste() throws {
        let line = "DEBUG token call https://dev-123.okta.com/oauth2/v1/token client_assertion=\(Pasted.token())"
        let overrides = try ContextOverrides.parse(endpoint: "https://dev-123.okta.com/oauth2/default/v1/token")
        let r = try Pasted.judge(line, overrides: overrides)
        #expect(r.subject.target?.endpointURL == "https://dev-123.okta.com/oauth2/default/v1/token")
        #expect(r.ids.contains("aud-mismatch"))
        #expect(r.subject.notes.contains { $0.hasPrefix("the request was judged as sent to --endpoint https://dev-123.okta.com/oauth2/default/v1/token") })
    }

    @Test("--endpoint is still ignored for a whole curl command that names its URL")
    func endpointIgnoredForWholeRequest() throws {
        let curl = "curl -X POST \(Pasted.endpoint) -d grant_type=client_credentials -d scope=okta.users.read -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -d client_assertion=\(Pasted.token())"
        let overrides = try ContextOverrides.parse(endpoint: "https://dev-123.okta.com/oauth2/default/v1/token")
        let r = try Pasted.judge(curl, overrides: overrides)
        #expect(r.subject.target?.endpointURL == Pasted.endpoint)
        #expect(r.ids == [])
        #expect(r.subject.notes.contains { $0.hasPrefix("--endpoint was ignored") })
    }

    @Test("a whole request still gets the findings about what it lacks")
    func wholeRequestStillJudged() throws {
        let curl = "curl -X POST \(Pasted.endpoint) -d client_assertion=\(Pasted.token())"
        let r = try Pasted.judge(curl)
        #expect(r.ids == ["assertion-type-missing", "grant-type-invalid"])
        #expect(r.unjudged["assertion-type-missing"] == nil)
    }

    @Test("Shown: present, absent, not shown")
    func shownValues() {
        var request = TokenRequest(url: Pasted.endpoint, body: .form([FormField(name: "client_assertion", value: "x")]))
        #expect(request.shows(parameter: "client_assertion") == .present)
        #expect(request.shows(parameter: "grant_type") == .absent)
        #expect(request.shows(header: "Authorization") == .absent)
        request.shows = .formOnly("Spring's `Writing form fields` line")
        #expect(request.shows(parameter: "client_assertion") == .present)
        #expect(request.shows(parameter: "grant_type") == .absent)
        #expect(request.shows(header: "Content-Type") == .notShown)
        request.shows.body = false
        #expect(request.shows(parameter: "grant_type") == .notShown)
        #expect(request.shows.hiddenPhrase == "the method, the URL, the headers or the whole body")
    }

    @Test("an assertion rebuilt from code is not signature-invalid: the paste holds no signed token")
    func rebuiltAssertionSignatureNotChecked() throws {
        let code = """
        import jwt, time, requests
        claims = {"iss": "0oa1example", "sub": "0oa1example", "aud": "\(Pasted.endpoint)", "exp": int(time.time()) + 300, "jti": "j-2"}
        assertion = jwt.encode(claims, key, algorithm="RS256")
        r = requests.post("\(Pasted.endpoint)", data={"grant_type": "client_credentials", "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": assertion})
        """
        let jwks = #"{"keys":[{"kty":"RSA","kid":"k1","use":"sig","alg":"RS256","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"}]}"#
        let overrides = try ContextOverrides.parse(jwksFile: "jwks.json", readFile: { (_: String) throws(InputError) -> [UInt8] in Array(jwks.utf8) })
        let r = try Pasted.judge(code, overrides: overrides)
        #expect(!r.ids.contains("signature-invalid"))
        #expect(r.unjudged["signature-invalid"]?.hasPrefix("the paste holds no signed token") == true)
        #expect(r.subject.shows.signature == false)
    }
}
