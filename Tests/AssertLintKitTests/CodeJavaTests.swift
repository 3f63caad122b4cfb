import Foundation
import Testing
@testable import AssertLintKit

@Suite("Code: Java and Kotlin")
struct CodeJavaTests {
    @Test func nimbusBuilderAndSpringForm() throws {
        let text = """
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("0oa8f3example")
                .subject("0oa8f3example")
                .audience("https://dev-123.okta.com/oauth2/v1/token")
                .expirationTime(new Date(System.currentTimeMillis() + 5 * 60 * 1000))
                .build();
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.add("client_assertion", signed.serialize());
            restTemplate.postForEntity("https://dev-123.okta.com/oauth2/v1/token", form, String.class);
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["jti-missing", "scope-invalid-for-server"])
        let a = try #require(j.subject.assertion.decoded)
        #expect(a.claims["exp"] == .number("1748873100"))
        #expect(a.kid == nil)
        #expect(j.subject.shows.heldInVariables == ["header.kid"])
        #expect(j.notes.first == "read as Java/Kotlin code")
        #expect(j.notes.contains { $0.contains("kid held in `kid` (line 7)") })
    }

    @Test func jjwtDurationsFromInstant() throws {
        let text = """
            Instant now = Instant.now();
            String jwt = Jwts.builder()
                    .setAudience("https://${yourOktaDomain}/oauth2/default/v1/token")
                    .setIssuedAt(Date.from(now))
                    .setExpiration(Date.from(now.plus(5L, ChronoUnit.MINUTES)))
                    .setIssuer(clientId)
                    .setSubject(clientId)
                    .setId(UUID.randomUUID().toString())
                    .signWith(privateKey)
                    .compact();
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == [])
        let claims = try CodePaste.claims(j)
        #expect(claims["exp"] == .number("1748873100"))
        #expect(claims["iat"] == .number("1748872800"))
        #expect(claims["jti"] == .string("{UUID.randomUUID.toString}"))
    }
}
