import Foundation
import Testing
@testable import AssertLintKit

@Suite("Code: Python")
struct CodePythonTests {
    static let pyjwt = """
        import time, jwt, requests
        CLIENT_ID = "0oa8f3example"
        claims = {
            "iss": CLIENT_ID,
            "sub": CLIENT_ID,
            "aud": f"https://{domain}/oauth2/default/v1/token",
            "exp": int(time.time()) + 3600,
        }
        assertion = jwt.encode(claims, key, algorithm="RS256")
        r = requests.post(f"https://{domain}/oauth2/v1/token", data={
            "grant_type": "client_credentials",
            "scope": "okta.users.read",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion,
        })
        """

    @Test func pyjwtClaimsAreRebuiltAndJudged() throws {
        let j = try CodePaste.judge(Self.pyjwt)
        #expect(j.ids == ["aud-mismatch", "exp-near-cap", "jti-missing"])
        let claims = try CodePaste.claims(j)
        #expect(claims["iss"] == .string("0oa8f3example"))
        #expect(claims["aud"] == .string("https://{domain}/oauth2/default/v1/token"))
        #expect(claims["exp"] == .number("1748876400"))
        #expect(j.subject.request?.url == "https://{domain}/oauth2/v1/token")
        #expect(j.notes.first == "read as Python code")
        #expect(j.notes.contains("the request goes to https://{domain}/oauth2/v1/token (line 10)"))
        #expect(j.notes.contains { $0.contains("exp = now + 3600 s (line 7)") && $0.contains("no kid (the signing call on line 9 sets none)") })
        #expect(j.notes.contains("times the code sets relative to now were set from this run's clock (2025-06-02T14:00:00Z)"))
        // A rebuilt assertion has no signature: never signature-invalid.
        #expect(j.subject.shows.signature == false)
    }

    @Test func heldValuesAreNotShownAndNotGuessed() throws {
        let text = """
            import requests
            r = requests.post("https://dev-123.okta.com/oauth2/v1/token", data={
                "grant_type": grant,
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": signed_jwt,
            }, auth=(client_id, client_secret))
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["multiple-credentials"])
        #expect(j.subject.request?.form("grant_type")?.value == "{grant}")
        #expect(j.notes.contains { $0.contains("held in variables, so not shown and not judged: `grant_type` (held in `grant`, line 3), `client_assertion` (held in `signed_jwt`, line 5)") })
        #expect(j.notes.contains("the code also sends HTTP Basic credentials (line 6); their value is not shown"))
        #expect(j.unjudged["grant-type-invalid"] != nil)
    }

    @Test func authlibSignsItsOwnAssertion() throws {
        let text = """
            from authlib.integrations.requests_client import OAuth2Session
            from authlib.oauth2.rfc7523 import PrivateKeyJWT
            client = OAuth2Session(client_id, private_key, token_endpoint_auth_method=PrivateKeyJWT(token_url))
            token = client.fetch_token("https://dev-123.okta.com/oauth2/default/v1/token", scope="api:read")
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == [])
        #expect(j.subject.request?.grantType == "client_credentials")
        #expect(j.notes.contains("authlib builds and signs the assertion itself (line 3): its claims are not in the paste"))
    }
}
