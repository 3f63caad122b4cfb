import Foundation
import Testing
@testable import AssertLintKit

@Suite("Code: C#")
struct CodeCSharpTests {
    @Test func identityModelWithSecretAndAssertionSendsTwoCredentials() throws {
        let text = """
            var descriptor = new SecurityTokenDescriptor
            {
                Issuer = "0oa8f3example",
                Audience = "https://dev-123.okta.com/oauth2/v1/token",
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = new Dictionary<string, object> { { "sub", "0oa8f3example" }, { "jti", Guid.NewGuid().ToString() } },
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256)
            };
            var jwt = new JsonWebTokenHandler().CreateToken(descriptor);
            var response = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = "https://dev-123.okta.com/oauth2/v1/token",
                ClientId = "0oa8f3example",
                ClientSecret = secret,
                ClientAssertion = new ClientAssertion { Type = OidcConstants.ClientAssertionTypes.JwtBearer, Value = jwt }
            });
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["multiple-credentials", "scope-invalid-for-server"])
        let claims = try CodePaste.claims(j)
        #expect(claims["exp"] == .number("1748873100"))
        #expect(claims["sub"] == .string("0oa8f3example"))
        #expect(j.subject.request?.grantType == "client_credentials")
        #expect(j.subject.request?.form("client_assertion_type")?.value == ClientAssertionType.jwtBearer)
        #expect(j.notes.first == "read as C# code")
        #expect(j.notes.contains { $0.contains("HTTP Basic credentials made from ClientId and ClientSecret (IdentityModel's default ClientCredentialStyle.AuthorizationHeader) (line 14)") })
    }

    @Test func msalCertificateIsOneCredentialItBuilds() throws {
        let text = """
            var app = ConfidentialClientApplicationBuilder.Create(clientId)
                .WithCertificate(certificate)
                .Build();
            var result = await app.AcquireTokenForClient(scopes).ExecuteAsync();
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == [])
        #expect(j.subject.request?.form("client_assertion") != nil)
        #expect(j.notes.contains("MSAL builds and signs the assertion from the certificate itself (line 2): its claims are not in the paste"))
    }
}
