import Foundation
import Testing
@testable import AssertLintKit

@Suite("Code: Go")
struct CodeGoTests {
    @Test func registeredClaimsAndURLValues() throws {
        let text = """
            claims := jwt.RegisteredClaims{
            	Issuer:    "0oa8f3example",
            	Subject:   "0oa8f3example",
            	Audience:  jwt.ClaimStrings{"https://dev-123.okta.com/oauth2/default/v1/token"},
            	ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
            	ID:        uuid.New().String(),
            }
            token := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
            data := url.Values{}
            data.Set("grant_type", "client_credentials")
            data.Set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            data.Set("client_assertion", signed)
            req, err := http.NewRequest("POST", "https://dev-123.okta.com/oauth2/v1/token", strings.NewReader(data.Encode()))
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["aud-mismatch", "exp-near-cap", "scope-invalid-for-server"])
        let claims = try CodePaste.claims(j)
        #expect(claims["aud"] == .string("https://dev-123.okta.com/oauth2/default/v1/token"))
        #expect(claims["exp"] == .number("1748876400"))
        #expect(j.notes.first == "read as Go code")
    }

    @Test func oneClaimLineIsNotTheWholeClaimSet() throws {
        // The line names no server; Okta's cap on exp is what makes an hour ahead a problem.
        let j = try CodePaste.judge("```go\nExpiry: jwt.NewNumericDate(time.Now().Add(time.Hour * time.Duration(1))),\n```\n", server: "okta-org")
        #expect(j.ids == ["exp-near-cap"])
        #expect(j.subject.shows.claims == false)
        #expect(j.unjudged["aud-missing"] == "the `aud` claim, which the code does not show: paste the token the code produces to check it")
        #expect(j.unjudged["signature-invalid"]?.hasPrefix("the paste holds no signed token") == true)
        #expect(j.notes.contains("the code shows only some of the claims (no claims object or builder in the paste): claims it does not show are not judged"))
    }

    @Test func clientCredentialsConfigInParams() throws {
        let text = """
            cfg := clientcredentials.Config{
            	ClientID:     "0oa8f3example",
            	ClientSecret: secret,
            	TokenURL:     "https://dev-123.okta.com/oauth2/default/v1/token",
            	AuthStyle:    oauth2.AuthStyleInParams,
            }
            tok, err := cfg.Token(ctx)
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == [])
        #expect(j.subject.request?.url == "https://dev-123.okta.com/oauth2/default/v1/token")
        #expect(j.subject.request?.formFields.map(\.name) == ["grant_type", "client_id", "client_secret"])
        #expect(j.subject.request?.authorization == nil)
    }
}
