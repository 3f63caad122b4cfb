import Foundation
import Testing
@testable import AssertLintKit

@Suite("Code: JavaScript and TypeScript")
struct CodeJavaScriptTests {
    @Test func jsonwebtokenOptionsAreClaims() throws {
        let text = """
            const jwt = require('jsonwebtoken');
            const assertion = jwt.sign({ sub: clientId }, privateKey, {
              algorithm: 'RS256',
              issuer: clientId,
              audience: 'https://dev-123.okta.com/oauth2/v1/token',
              expiresIn: '1h',
              jwtid: uuidv4(),
            });
            const params = new URLSearchParams();
            params.append('grant_type', 'client_credentials');
            params.append('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
            params.append('client_assertion', assertion);
            await axios.post('https://dev-123.okta.com/oauth2/v1/token', params);
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["exp-near-cap", "scope-invalid-for-server"])
        let claims = try CodePaste.claims(j)
        #expect(claims["aud"] == .string("https://dev-123.okta.com/oauth2/v1/token"))
        #expect(claims["exp"] == .number("1748876400"))
        #expect(claims["iss"] == nil)
        // `audience` here is the jsonwebtoken option, not the OAuth parameter.
        #expect(j.subject.request?.form("audience") == nil)
        #expect(j.subject.shows.heldInVariables == ["sub", "iss"])
        #expect(j.unjudged["iss-mismatch"] == "the `iss` claim, which the code sets from a variable: paste the token the code produces to check it")
        #expect(j.notes.contains("jsonwebtoken sets iat to now itself (line 2)"))
    }

    @Test func joseBuilderWithoutJti() throws {
        let text = """
            const assertion = await new SignJWT({})
              .setProtectedHeader({ alg: 'ES256' })
              .setIssuer('0oa8f3example')
              .setSubject('0oa8f3example')
              .setAudience('https://dev-123.okta.com/oauth2/v1/token')
              .setIssuedAt()
              .setExpirationTime('5m')
              .sign(privateKey);
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == ["jti-missing"])
        let a = try #require(j.subject.assertion.decoded)
        #expect(a.alg == "ES256")
        #expect(a.claims["exp"] == .number("1748873100"))
        #expect(a.claims["iat"] == .number("1748872800"))
        #expect(j.notes.contains { $0.contains("the paste shows only the assertion it builds but not the method, the headers or the whole body") })
    }

    @Test func diffNewSideOnly() throws {
        let text = """
            ```diff
            -            params.append('client_secret', client_secret);
            +            params.append('client_id', client_id);
            +            params.append('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
            +            params.append('client_assertion', assertion);
            ```
            """
        let j = try CodePaste.judge(text)
        #expect(j.ids == [])
        #expect(j.subject.request?.form("client_secret") == nil)
        #expect(j.subject.request?.formFields.map(\.name) == ["client_id", "client_assertion_type", "client_assertion"])
        #expect(j.notes.first == "read as JavaScript/TypeScript code, from a unified diff: the new side is read (`+` and unchanged lines), the `-` lines are what the change removed")
    }
}

@Suite("Code: what the code does not show is not judged")
struct CodeNotShownTests {
    /// openid-client issue 300's payload: every claim but jti is a variable, and no signing call is shown.
    static let payload = """
        const payload = {
                    iss: clientId,
                    sub: clientId,
                    iat: issuedAtTimeSeconds,
                    exp: expirationTimeSeconds,
                    aud: url,
                    jti: Math.random().toString(36).replace(/[^a-z]+/g, '').substr(0, 12)
                };
        const clientAssertion = await client.requestObject(payload);
        """

    @Test func heldClaimsAndAnUnshownAlgAreNotJudged() throws {
        var subject = try CodePaste.judge(Self.payload).subject
        subject.app.authMethod = .clientSecretJWT
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(d.ruleIDs == [])
        let unjudged = Dictionary(d.unjudged.map { ($0.ruleID, $0.needs) }, uniquingKeysWith: { a, _ in a })
        #expect(unjudged["exp-missing"] == "the `exp` claim, which the code sets from a variable: paste the token the code produces to check it")
        #expect(subject.shows.heldInVariables == ["iss", "sub", "aud", "exp", "iat", "header.alg"])
        let claims = try #require(subject.assertion.decoded?.claims)
        #expect(claims.keys == ["jti"])
    }
}

extension CodeNotShownTests {
    /// Claims and a request, but no signing call: the alg that stands in is not judged.
    @Test func anAlgTheCodeDoesNotShowIsNotJudged() throws {
        let text = """
            claims = {"iss": "0oa8f3example", "sub": "0oa8f3example", "aud": "https://dev-123.okta.com/oauth2/default/v1/token",
                      "exp": int(time.time()) + 300, "jti": str(uuid.uuid4())}
            r = requests.post("https://dev-123.okta.com/oauth2/default/v1/token", data={
                "grant_type": "client_credentials", "scope": "api:read",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": signed})
            """
        var subject = try CodePaste.judge(text).subject
        subject.app.authMethod = .clientSecretJWT
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(d.ruleIDs == [])
        let unjudged = Dictionary(d.unjudged.map { ($0.ruleID, $0.needs) }, uniquingKeysWith: { a, _ in a })
        #expect(unjudged["alg-not-allowed"] == "the header's `alg`, which the code does not show: paste the token the code produces to check it")
        #expect(subject.notes.contains { $0.contains("alg not shown (RS256 stands in for it, and is not judged)") })
    }
}
