import Foundation
import Testing
@testable import AssertLintKit

@Suite struct CodeSnippetTests {
    @Test func pythonRequestsWithJSONBody() throws {
        let text = """
        import requests
        url = "https://dev-123.okta.com/oauth2/v1/token"
        payload = {
            "grant_type": "client_credentials",
            "scope": "okta.users.read",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": signed_jwt,
        }
        r = requests.post(url, json=payload)
        """
        let request = try #require(CodeSnippet.request(from: text))
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.urlPosition == SourcePosition(line: 2))
        #expect(request.mediaType == "application/json")
        guard case .raw(let body) = request.body else { Issue.record("expected a JSON body"); return }
        #expect(body == #"{"grant_type":"client_credentials","scope":"okta.users.read","client_assertion_type":"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}"#)
        #expect(request.notes.contains { $0.contains("`client_assertion` (held in `signed_jwt`, line 7)") })
    }

    @Test func javascriptURLSearchParamsWithPastedToken() throws {
        let text = """
        const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0.c2ln';
        await fetch('https://dev-123.okta.com/oauth2/default/v1/token', {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
        });
        """
        let request = try #require(CodeSnippet.request(from: text))
        #expect(request.url == "https://dev-123.okta.com/oauth2/default/v1/token")
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(request.form("grant_type")?.value == "client_credentials")
        #expect(request.form("client_assertion")?.value == "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0.c2ln")
        #expect(request.form("client_assertion")?.position == SourcePosition(line: 1))
    }

    @Test func javaNameValuePairsAndBasicAuth() throws {
        let text = """
        HttpPost post = new HttpPost("https://dev-123.okta.com/oauth2/v1/token");
        post.setHeader("Authorization", "Basic " + encoded);
        params.add(new BasicNameValuePair("grant_type", "client_credentials"));
        params.add(new BasicNameValuePair("client_secret", secret));
        """
        let request = try #require(CodeSnippet.request(from: text))
        #expect(request.form("grant_type")?.value == "client_credentials")
        #expect(request.authorization?.value.hasPrefix("Basic") == true)
        #expect(request.form("client_secret")?.value == "{secret}")
        #expect(request.notes.contains { $0.contains("`client_secret` (held in `secret`, line 4)") })
    }

    @Test func unrelatedTextIsNotARequest() {
        #expect(CodeSnippet.request(from: "hello https://example.com/docs grant_type") == nil)
        #expect(CodeSnippet.request(from: "see https://dev-123.okta.com/oauth2/v1/token for details") == nil)
    }
}

@Suite struct CodeSnippetDiagnosisTests {
    /// The shape of a forum question: PyJWT signs claims whose aud names /oauth2/default while the
    /// request goes to the Org server, and exp is now + 3600.
    static let python = """
        import time, uuid, jwt, requests

        client_id = "0oa8f3example"
        now = int(time.time())
        payload = {"iss": client_id, "sub": client_id, "aud": "https://dev-123.okta.com/oauth2/default/v1/token",
                   "iat": now, "exp": now + 3600, "jti": str(uuid.uuid4())}
        token = jwt.encode(payload, private_key, algorithm="RS256", headers={"kid": kid})
        r = requests.post("https://dev-123.okta.com/oauth2/v1/token", data={
            "grant_type": "client_credentials",
            "scope": "okta.users.read",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": token,
        })
        """

    @Test func theRequestURLIsTheCallsNotTheAudiences() throws {
        let request = try #require(CodeSnippet.request(from: Self.python))
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.urlPosition == SourcePosition(line: 8))
    }

    @Test func claimsWrittenInTheCodeAreJudged() throws {
        let now = Date(timeIntervalSince1970: 1_748_872_800)
        let subjects = try InputReader.subjects(from: Self.python, source: "snippet.py", loader: FixtureLoader(realNow: now))
        let subject = try #require(subjects.first)
        let claims = try #require(subject.assertion.decoded?.claims)
        #expect(claims["iss"] == .string("0oa8f3example"))
        #expect(claims["aud"] == .string("https://dev-123.okta.com/oauth2/default/v1/token"))
        #expect(claims["exp"] == .number("1748876400"))
        #expect(subject.notes.contains { $0.contains("rebuilt from the claims the code signs: iss \"0oa8f3example\" (line 5), sub \"0oa8f3example\" (line 5), aud \"https://dev-123.okta.com/oauth2/default/v1/token\" (line 5), exp = now + 3600 s (line 6), iat = now (line 6), jti made by `str(uuid.uuid4())` (line 6); header: alg RS256 (line 7), kid held in `kid` (line 7)") })
        #expect(subject.notes.contains("times the code sets relative to now were set from this run's clock (2025-06-02T14:00:00Z)"))
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(d.ruleIDs == ["aud-mismatch", "exp-near-cap"])
        #expect(d.serverAnswer?.ruleID == "aud-mismatch")
    }

    @Test func timedeltaLifetimes() {
        #expect(RelativeTime.seconds("datetime.utcnow() + timedelta(minutes=5)") == 300)
        #expect(RelativeTime.seconds("datetime.utcnow()") == 0)
        #expect(RelativeTime.seconds("now + _ASSERTION_LIFETIME") == nil)
    }

    @Test func relativeTimesInEveryLanguage() {
        #expect(RelativeTime.seconds("Math.floor(Date.now() / 1000) + 300") == 300)
        #expect(RelativeTime.seconds("new Date(System.currentTimeMillis() + 5 * 60 * 1000)") == 300)
        #expect(RelativeTime.seconds("Date.from(Instant.now().plusSeconds(300))") == 300)
        #expect(RelativeTime.seconds("DateTime.UtcNow.AddMinutes(5)") == 300)
        #expect(RelativeTime.seconds("jwt.NewNumericDate(time.Now().Add(5 * time.Minute))") == 300)
        #expect(RelativeTime.seconds("time.Now().Add(time.Hour * time.Duration(1)).Unix()") == 3600)
        #expect(RelativeTime.duration("5m") == 300)
        #expect(RelativeTime.duration("2 hours") == 7200)
        #expect(RelativeTime.seconds("expirationTimeSeconds") == nil)
    }

    /// Pasted numbers can be any size: a time that overflows is not a time, and nothing traps.
    @Test func hugeTimesAreNotTimes() {
        #expect(RelativeTime.seconds("now + 99999999999 * 99999999999") == nil)
        #expect(RelativeTime.seconds("DateTime.UtcNow.AddDays(999999999999999999)") == nil)
        #expect(RelativeTime.duration("999999999999999999w") == nil)
        #expect(RelativeTime.seconds("time.Now().Add(9223372036854775807 * time.Hour)") == nil)
    }
}
