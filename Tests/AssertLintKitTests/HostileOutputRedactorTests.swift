import Foundation
import Testing
@testable import AssertLintKit

/// The redactor on its own: what it learns from each kind of input, and what it replaces.
@Suite struct HostileOutputRedactorTests {
    static let secret = "Zq9xW7vK2mN4pL8sEcReT"

    @Test(arguments: [
        "client_secret", "clientSecret", "client-secret", "CLIENT_SECRET", "auth.client_secret", "password", "api_key", "apiKey",
        "access_token", "refresh_token", "client_assertion", "X-Okta-Api-Token", "private_key", "code_verifier",
    ])
    func learnsAValueByItsNameInAnyStyle(_ name: String) {
        for text in ["\(name)=\(Self.secret)&x=1", "\(name): \(Self.secret)", "\"\(name)\": \"\(Self.secret)\"", "{\"\(name)\":\"\(Self.secret)\"}"] {
            let r = Redactor()
            r.learn(text: text)
            #expect(r.redact("said \(Self.secret) twice: x\(Self.secret)y") == "said ••• twice: x•••y", "\(text)")
        }
    }

    @Test func jsonInsideAJSONStringOfALargeDocument() {
        let r = Redactor()
        let entry = #"{"postData": {"text": "{\"auth\":{\"client_secret\":\"nested-in-string-0123456789\"}}"}}"#
        r.learn(text: "[" + Array(repeating: entry, count: 4000).joined(separator: ",\n") + "]")
        #expect(r.redact("nested-in-string-0123456789") == "•••")
    }

    @Test(arguments: ["client_assertion_type", "token_endpoint_auth_method", "client_secret_env", "grant_type", "client_id", "token_type_hint"])
    func namesOfKindsAreNotSecrets(_ name: String) {
        let r = Redactor()
        r.learn(text: "\(name)=urn-or-name-Value12345")
        #expect(r.redact("urn-or-name-Value12345") == "urn-or-name-Value12345")
    }

    @Test func jsonAtAnyDepthAndPrivateJWKMembers() throws {
        let r = Redactor()
        r.learn(json: try JSONParser.parse(#"{"a": [{"auth": {"clientSecret": "deep-secret-0123456789"}}], "keys": [{"kty": "EC", "x": "public-x-0123456789", "d": "private-d-0123456789"}]}"#))
        #expect(r.redact("deep-secret-0123456789 public-x-0123456789 private-d-0123456789") == "••• public-x-0123456789 •••")
    }

    @Test func urlUserinfoQueryAndFragment() {
        let r = Redactor()
        r.learn(url: "https://id:user-pass-0123456789@h.example/p?api_key=query-key-0123456789&x=plain-value-0123456789#access_token=frag-token-0123456789")
        #expect(r.redact("user-pass-0123456789 query-key-0123456789 frag-token-0123456789 plain-value-0123456789")
            == "••• ••• ••• plain-value-0123456789")
    }

    @Test func basicCredentialAndItsDecodedPassword() {
        let r = Redactor()
        let blob = Data("0oa1:basic-pass-0123456789".utf8).base64EncodedString()
        r.learn(text: "Authorization: Basic \(blob)")
        #expect(r.redact("\(blob) basic-pass-0123456789") == "••• •••")
    }

    @Test func encodedFormsAreReplacedToo() {
        let r = Redactor()
        r.learn("a b&c\"d<e%f-0123456789")
        #expect(r.redact("a+b%26c\"d<e%25f") != "") // the raw form
        #expect(r.redact("a%20b%26c%22d%3Ce%25f-0123456789") == "•••")
        #expect(r.redact(#""a b&c\"d<e%f-0123456789""#) == "\"•••\"")
        #expect(r.redact("a b&amp;c&quot;d&lt;e%f-0123456789") == "•••")
    }

    @Test func shortSecretsOnlyWhereTheyStandAsAValue() {
        let r = Redactor()
        r.learn(text: "client_secret=abc12&password=hunter")
        #expect(r.redact("client_secret=abc12 and abc123 and xabc12") == "client_secret=••• and abc123 and xabc12")
        #expect(r.redact("password: \"hunter\" hunters") == "password: \"•••\" hunters")
    }

    @Test func booleansAndPlaceholdersAreNotLearnt() {
        let r = Redactor()
        r.learn(text: "sign_with_secret: true\nclient_secret: $CLIENT_SECRET\nclient_assertion: {{assertion}}\npassword: null")
        #expect(r.isEmpty)
    }

    @Test func showSecretsNeverShowsTheEnvironmentsToken() {
        let r = Redactor()
        r.learn(environment: ["OKTA_API_TOKEN": "env-token-0123456789abcdef", "HOME": "/root"])
        r.learn("input-secret-0123456789")
        r.showSecrets(true)
        #expect(r.redact("env-token-0123456789abcdef input-secret-0123456789") == "••• input-secret-0123456789")
        r.showSecrets(false)
        #expect(r.redact("env-token-0123456789abcdef input-secret-0123456789") == "••• •••")
    }

    @Test func tokenFileIsReadOnlyWhenRegular() throws {
        let t = try TempTree()
        try t.write("token", "file-token-0123456789abcdef\n")
        let r = Redactor()
        r.learn(environment: ["OKTA_ACCESS_TOKEN_FILE": t.path("token"), "OKTA_API_TOKEN_FILE": "/dev/zero"])
        #expect(r.redact("file-token-0123456789abcdef") == "•••")
        // A FIFO is never opened for reading (it would block).
        let fifo = t.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let r2 = Redactor()
        r2.learn(environment: ["OKTA_API_TOKEN_FILE": fifo])
        #expect(r2.isEmpty)
    }

    @Test func pemBodiesAndSignatures() {
        let r = Redactor()
        r.learn(text: "x\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\nlog: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ trailing")
        #expect(r.redact("MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49") == "•••")
        #expect(r.redact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ") == "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.•••")
    }

    @Test func sswsAuthorizationViewShowsNoPrefix() {
        let request = TokenRequest(url: "https://dev-123.okta.com/oauth2/v1/token", headers: [HTTPHeader(name: "Authorization", value: "SSWS 00abcdefghijklmnopqrstuvwxyz")])
        let shown = Text.headerValue(request.headers[0], request: request, showSecrets: false)
        #expect(shown == "SSWS ••• (28 chars, not shown)")
        #expect(Text.formValue(FormField(name: "OKTA_API_TOKEN", value: "00abcdefghijklmnopqrstuvwxyz"), showSecrets: false) == "••• (28 bytes, not shown)")
    }

    @Test func urlViewHidesUserinfoAndFragmentTokens() {
        #expect(Text.url("https://id:pw-0123456789@h.example/t?client_secret=abc&x=1#access_token=tok-0123456789abcdef&state=s", showSecrets: false)
            == "https://id:•••@h.example/t?client_secret=••• (3 bytes, not shown)&x=1#access_token=tok-01234567… (20 chars)&state=s")
    }

    @Test func redactingALargeOutputIsLinear() {
        let r = Redactor()
        for n in 0..<2000 { r.learn("secret-number-\(n)-0123456789") }
        let big = String(repeating: "ordinary output line with secret-number-1999-0123456789 in it\n", count: 20_000)
        let start = Date()
        let out = r.redact(big)
        #expect(!out.contains("secret-number-1999"))
        #expect(Date().timeIntervalSince(start) < 30, "redacting 1.2 MB against 2000 secrets took \(Date().timeIntervalSince(start)) s")
    }
}
