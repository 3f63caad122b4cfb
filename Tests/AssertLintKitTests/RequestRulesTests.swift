import Foundation
import Testing
@testable import AssertLintKit

/// The request rules on their own (so that claim rules written elsewhere do not blur what is
/// tested), and the three reference scenarios with every rule.
@Suite struct RequestRulesTests {
    static let requestRules: [any Rule] = [
        MethodNotPost(), ContentTypeInvalid(), ParameterRepeated(), MultipleCredentials(), AssertionTypeInvalid(),
        AssertionTypeMissing(), AssertionMissing(), NoCredentials(), ClientIDMissing(), ClientIDMismatch(),
        AuthMethodMismatch(), OrgServerRequiresPrivateKeyJWT(), ScopeInvalidForServer(), GrantTypeInvalid(),
        EndpointNotClientAuth(),
    ]
    static let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_748_872_800))
    static let org = "https://dev-123.okta.com/oauth2/v1"
    static let custom = "https://dev-123.okta.com/oauth2/default/v1"
    static let jwtType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    static let secret = "not-a-real-secret-0123456789"

    static func subject(_ yaml: String) throws -> Subject {
        try loader.load(text: yaml, path: "test.yaml")
    }

    static func diagnose(_ yaml: String) throws -> Diagnosis {
        Engine(rules: requestRules).run(try subject(yaml))
    }

    static func scenario(_ name: String) throws -> Diagnosis {
        let path = FixtureSuiteTests.fixturesDir.appendingPathComponent("scenarios/\(name)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Engine().run(try loader.load(text: text, path: "Fixtures/scenarios/\(name)"))
    }

    /// A token request with a well-formed assertion; `form` lines are added to the form.
    static func assertionRequest(url: String, app: String = "{client_id: 0oa1, auth_method: private_key_jwt, type: service}",
                                 alg: String = "RS256", aud: String? = nil, form: String = "grant_type: client_credentials",
                                 headers: String? = nil) -> String {
        """
        now: 2025-06-02T14:00:00Z
        app: \(app)
        request:
          url: \(url)
        \(headers.map { "  headers: \($0)" } ?? "")
          form:
            \(form.split(separator: "\n").joined(separator: "\n    "))
            client_assertion_type: \(jwtType)
            client_assertion:
              header: {alg: \(alg), typ: JWT}
              claims: {iss: 0oa1, sub: 0oa1, aud: "\(aud ?? url)", iat: "now", exp: "+300", jti: j1}
        """
    }

    // MARK: - Reference scenarios

    @Test func scenario1AudienceForDefaultServerAtOrgServer() throws {
        let d = try Self.scenario("org-token-aud-default.yaml")
        #expect(d.ruleIDs == ["aud-mismatch"])
        let f = try #require(d.findings.first)
        #expect(f.isServerAnswer)
        #expect(f.answer?.errorDescription == "The audience claim for client_assertion must be the endpoint invoked for the request.")
        #expect(f.fix?.contains("\"https://dev-123.okta.com/oauth2/v1/token\"") == true, "\(f.fix ?? "")")
    }

    @Test func scenario2IntrospectWithoutAssertion() throws {
        let d = try Self.scenario("introspect-without-assertion.yaml")
        #expect(d.ruleIDs == ["assertion-missing", "assertion-type-missing"])
        let answer = try #require(d.serverAnswer)
        #expect(answer.ruleID == "assertion-missing")
        #expect(answer.answer?.status == 401)
        #expect(answer.answer?.error == "invalid_client")
        // Okta's answer in the forum report, filed under invalid_token_endpoint_auth_method in its catalog.
        #expect(answer.answer?.errorDescription == "Client authentication failed. Either the client or the client credentials are invalid.")

        let missing = try #require(d.findings.first { $0.ruleID == "assertion-missing" })
        #expect(missing.fix == "Sign a fresh client assertion with `aud` set to \"https://dev-123.okta.com/oauth2/v1/introspect\" (iss and sub = the client id, a short exp, a new jti) and send it as `client_assertion`, together with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.")
        #expect(missing.message.contains("/introspect needs the same client authentication as /token, with a fresh assertion whose `aud` is \"https://dev-123.okta.com/oauth2/v1/introspect\""))
        #expect(missing.message.contains("Tokens from the Org authorization server are meant for Okta's own APIs"))
        #expect(missing.message.contains("custom authorization server (/oauth2/default or your own)"))
        #expect(missing.message.contains("`client_id` alone identifies the client but does not authenticate it"))
        let explanation = try #require(Catalog.bundled["assertion-missing"]?.explanation)
        #expect(explanation.contains("Introspection and revocation need the same client authentication as the token endpoint"))
        // Okta's own catch (the Org server's tokens) is the okta-org profile's message above, not the shared explanation.
        #expect(!explanation.contains("Okta"))

        let type = try #require(d.findings.first { $0.ruleID == "assertion-type-missing" })
        #expect(type.fix == "Add `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` to the form body, next to `client_assertion`.")
    }

    @Test func scenario3OrgClientCredentialsWithSecret() throws {
        let d = try Self.scenario("org-client-credentials-secret.yaml")
        #expect(d.ruleIDs == ["org-server-requires-private-key-jwt"])
        let f = try #require(d.serverAnswer)
        #expect(f.ruleID == "org-server-requires-private-key-jwt")
        #expect(f.location.pointer == "/request/form/client_secret")
        #expect(f.answer?.errorDescription == "Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.")
        #expect(f.fix == "Set the app's Client authentication to \"Public key / Private key\" (Admin Console, the app's General tab) and register your public key; then send a signed assertion (iss = sub = the client id, aud = \"https://dev-123.okta.com/oauth2/v1/token\") as `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` instead of the secret. To keep the secret, request tokens for your own API from https://dev-123.okta.com/oauth2/default/v1/token (no okta.* scopes there).")
        #expect(Catalog.bundled["org-server-requires-private-key-jwt"]?.explanation.contains("(OIN) API service") == true)
    }

    @Test func scenario2IntrospectAtCustomServerHasNoOrgNote() throws {
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: private_key_jwt}
            request:
              url: \(Self.custom)/introspect
              form: {token: abc, client_id: 0oa1}
            """)
        let f = try #require(d.findings.first { $0.ruleID == "assertion-missing" })
        #expect(f.message.contains("/introspect needs the same client authentication"))
        #expect(!f.message.contains("Org authorization server"))
        #expect(f.fixValues["endpoint"] == "\(Self.custom)/introspect")
    }

    // MARK: - Method and body

    @Test func curlGetMovesParametersIntoTheQuery() throws {
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: private_key_jwt}
            request:
              method: GET
              url: "\(Self.org)/token?grant_type=client_credentials&scope=okta.users.read"
            """)
        // The parameters are misplaced, not missing: only the method is reported.
        #expect(d.ruleIDs == ["method-not-post"])
        #expect(d.findings[0].message == "The request uses GET; the token endpoint accepts only POST. The parameters (grant_type, scope) are in the URL's query string, which is where curl's -G puts them; they belong in the form body")
    }

    @Test func lowercaseMethodIsNotPost() throws {
        let d = try Self.diagnose("""
            request: {method: post, url: "\(Self.custom)/token", form: {grant_type: client_credentials}}
            """)
        let f = try #require(d.findings.first { $0.ruleID == "method-not-post" })
        #expect(f.message.hasSuffix("(methods are case-sensitive: write it in capitals)"))
    }

    @Test func jsonBodyFixShowsTheFormWithoutCredentials() throws {
        let d = try Self.diagnose("""
            request:
              url: \(Self.org)/token
              headers: {Content-Type: application/json}
              body: '{"grant_type": "client_credentials", "scope": ["okta.users.read", "okta.apps.read"], "client_secret": "\(Self.secret)"}'
            """)
        #expect(d.ruleIDs == ["content-type-invalid"])
        let f = d.findings[0]
        #expect(f.location.pointer == "/request/headers/Content-Type")
        #expect(f.fix == "Send the parameters form-encoded with the header `Content-Type: application/x-www-form-urlencoded`: grant_type=client_credentials&scope=okta.users.read%20okta.apps.read&client_secret=<client_secret>")
        #expect(f.answer?.apiErrorShape == true)
        #expect(f.answer?.body == #"{"errorCode":"E0000021","errorSummary":"Bad request. Accept and/or Content-Type headers likely do not match supported values."}"#)
    }

    @Test func multipartBodyIsReported() throws {
        let d = try Self.diagnose("""
            request:
              url: \(Self.org)/token
              headers: {Content-Type: "multipart/form-data; boundary=x"}
              body: "--x"
            """)
        #expect(d.ruleIDs == ["content-type-invalid"])
        #expect(d.findings[0].message.contains("curl -F"))
    }

    @Test func formBodyWithoutHeader() throws {
        let raw = try Self.diagnose("""
            request: {url: "\(Self.custom)/token", body: "grant_type=client_credentials&scope=api"}
            """)
        #expect(raw.ruleIDs == ["content-type-invalid"])
        #expect(raw.findings[0].message == "The body is sent with no Content-Type header; the body already looks form-encoded, so the header is what is missing")
        #expect(raw.findings[0].location.pointer == "/request/body")

        // A parser that built form fields knew the body was form-encoded (curl -d adds the header itself).
        let request = TokenRequest(url: "\(Self.custom)/token", body: .form([FormField(name: "grant_type", value: "client_credentials"),
                                                                           FormField(name: "client_id", value: "0oa1"),
                                                                           FormField(name: "client_secret", value: Self.secret)]))
        let parsed = Engine(rules: Self.requestRules).run(Subject(source: "-", request: request, assertion: .absent))
        #expect(parsed.ruleIDs.isEmpty)
    }

    @Test func repeatedScopesAreJoined() throws {
        let d = try Self.diagnose("""
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, scope: [api.read, api.write api.read]}}
            """)
        let f = try #require(d.findings.first { $0.ruleID == "parameter-repeated" })
        #expect(f.fix == "Send `scope` once: put all scopes in one `scope` parameter, separated by spaces: `scope=api.read api.write`.")
    }

    @Test func repeatedSecretIsNotShown() throws {
        let d = try Self.diagnose("""
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, client_secret: ["\(Self.secret)", "\(Self.secret)"]}}
            """)
        let f = try #require(d.findings.first { $0.ruleID == "parameter-repeated" })
        #expect(f.message == "`client_secret` is sent 2 times (<client_secret, 28 bytes, not shown>, <client_secret, 28 bytes, not shown>); even identical repeats are not allowed")
    }

    // MARK: - Credentials

    @Test func basicAndBodySecretAreTwoCredentials() throws {
        let basic = Data("0oa1:\(Self.secret)".utf8).base64EncodedString()
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: client_secret_basic}
            request:
              url: \(Self.custom)/token
              headers: {Authorization: "Basic \(basic)", Content-Type: application/x-www-form-urlencoded}
              form: {grant_type: client_credentials, client_id: 0oa1, client_secret: "\(Self.secret)"}
            """)
        #expect(d.ruleIDs == ["multiple-credentials"])
        let f = d.findings[0]
        #expect(f.isServerAnswer)
        #expect(f.answer?.status == 401 && f.answer?.error == "invalid_request")
        #expect(f.message == "The request carries 2 client credentials: an Authorization header and `client_secret` in the body (the Basic header and the body carry the same secret; sending it twice is still two credentials)")
        #expect(f.fix == "Send exactly one credential: the app is registered for client_secret_basic, so keep the Authorization header and remove `client_secret` from the body.")
    }

    @Test func assertionPlusDefaultBasicHeaderForJWTApp() throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token",
                                                        headers: "{Authorization: \"Basic MG9hMTpzZWNyZXQ=\", Content-Type: application/x-www-form-urlencoded}"))
        #expect(d.ruleIDs == ["multiple-credentials"])
        #expect(d.findings[0].fix == "Send exactly one credential: the app is registered for private_key_jwt, so keep `client_assertion` (with `client_assertion_type`) and remove the Authorization header.")
    }

    @Test(arguments: [
        ("urn:ietf:params:oauth:grant-type:jwt-bearer", "grant-type URN of RFC 7523 §2.1"),
        ("urn:ietf:params:oauth:client-assertion-type:jwt_bearer", "underscores where the URN has hyphens"),
        ("urn:ietf:params:oauth:client-assertion-type:jwt-bearer ", "leading or trailing whitespace"),
        ("URN:IETF:PARAMS:OAUTH:CLIENT-ASSERTION-TYPE:JWT-BEARER", "letter case differs"),
        ("urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", "still percent-encoded"),
        ("", "present but empty"),
        ("jwt-bearer", "full URN, not a short name"),
        ("urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "SAML assertion type"),
    ])
    func assertionTypeDifferenceIsNamed(_ value: String, _ expected: String) throws {
        let d = try Self.diagnose("""
            request:
              url: \(Self.org)/token
              form: {grant_type: client_credentials, client_assertion_type: "\(value)", client_assertion: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}
            """)
        let f = try #require(d.findings.first { $0.ruleID == "assertion-type-invalid" })
        #expect(f.message.contains(expected), "\(f.message)")
        #expect(f.fix == "Set `client_assertion_type` to \"urn:ietf:params:oauth:client-assertion-type:jwt-bearer\" exactly.")
    }

    @Test func assertionWithoutTypeForUnknownApp() throws {
        let d = try Self.diagnose("""
            request: {url: "\(Self.org)/token", form: {grant_type: client_credentials, scope: okta.users.read, client_id: 0oa1, client_assertion: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}}
            """)
        #expect(d.ruleIDs == ["assertion-type-missing"])
        #expect(d.findings[0].message == "The body has `client_assertion` but no `client_assertion_type`")
    }

    @Test func emptyAssertionWithoutTypeForJWTApp() throws {
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: client_secret_jwt}
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, scope: api, client_id: 0oa1, client_assertion: ""}}
            """)
        #expect(d.ruleIDs == ["assertion-missing", "assertion-type-missing"])
        #expect(d.findings[1].message == "The app authenticates with client_secret_jwt, and the body has an empty `client_assertion` and no `client_assertion_type`")
        #expect(d.findings[0].fix?.contains("\"\(Self.custom)/token\"") == true)
    }

    @Test func emptyAssertionWithTypeIsAssertionMissing() throws {
        let d = try Self.diagnose("""
            request: {url: "\(Self.custom)/revoke", form: {token: abc, client_assertion_type: "\(Self.jwtType)", client_assertion: ""}}
            """)
        #expect(d.ruleIDs == ["assertion-missing"])
        #expect(d.findings[0].message.hasPrefix("The request has `client_assertion_type` but has an empty `client_assertion`. /revoke needs"))
    }

    @Test func jwtAppSendingSecretIsAuthMethodMismatchOnly() throws {
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: private_key_jwt}
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, scope: api, client_id: 0oa1, client_secret: "\(Self.secret)"}}
            """)
        #expect(d.ruleIDs == ["auth-method-mismatch"])
        let f = d.findings[0]
        #expect(f.location.pointer == "/request/form/client_secret")
        #expect(f.fix?.hasPrefix("Authenticate the way the app is registered (private_key_jwt): sign an assertion with the app's private key") == true)
        #expect(f.fix?.contains("set the app's client authentication to \"Client secret\".") == true)
    }

    @Test func hmacAssertionForPrivateKeyJWTAppIsAlgNotAllowed() throws {
        // Both are JWT methods: the wrong `alg` for the app is alg-not-allowed's finding, not this one.
        let yaml = Self.assertionRequest(url: "\(Self.custom)/token", alg: "HS256")
        #expect(try Self.diagnose(yaml).ruleIDs == [])
        let all = Engine().run(try Self.subject(yaml))
        #expect(all.ruleIDs == ["alg-not-allowed"])
        #expect(all.findings[0].location.pointer == "/client_assertion/header/alg")
        #expect(all.findings[0].message.contains("HS256 is keyed with the client secret (client_secret_jwt), but the app authenticates with private_key_jwt"))
    }

    @Test func rsaAssertionForSecretAppNamesTheJWKSetAnswer() throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", app: "{client_id: 0oa1, auth_method: client_secret_basic}"))
        #expect(d.ruleIDs == ["auth-method-mismatch"])
        #expect(d.findings[0].answer?.errorDescription == "The client does not have a JWKSet configured, but the client_assertion requires one.")
        #expect(d.findings[0].answer?.verbatim == true)
        #expect(d.findings[0].answer?.status == 401)
        #expect(d.findings[0].fix?.contains("\"Public key / Private key\"") == true)
    }

    @Test func secretInBodyForBasicAppIsNotAMismatch() throws {
        let d = try Self.diagnose("""
            app: {client_id: 0oa1, auth_method: client_secret_basic}
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, scope: api, client_id: 0oa1, client_secret: "\(Self.secret)"}}
            """)
        #expect(d.ruleIDs.isEmpty)
    }

    @Test func noCredentialsWithoutAppContext() throws {
        // client_credentials is for confidential clients only: no assumption needed.
        let cc = Engine(rules: Self.requestRules).run(try Self.subject("""
            request: {url: "\(Self.custom)/token", form: {grant_type: client_credentials, client_id: 0oa1}}
            """))
        #expect(cc.ruleIDs == ["no-credentials"])
        #expect(cc.findings[0].message.contains("client_credentials is a grant for confidential clients only"))
        // Elsewhere the app is assumed confidential (Okta's default), and the message says so.
        let introspect = Engine(rules: Self.requestRules).run(try Self.subject("""
            request: {url: "https://dev-123.okta.com/oauth2/v1/introspect", form: {token: abc, client_id: 0oa1}}
            """))
        #expect(introspect.ruleIDs == ["no-credentials"])
        #expect(introspect.findings[0].message.contains("assumed to be a confidential client"))
        #expect(introspect.findings[0].message.contains("--auth-method none"))
        // A PKCE code exchange may be a public client's: not judged without context.
        let pkce = Engine(rules: Self.requestRules).run(try Self.subject("""
            request: {url: "\(Self.custom)/token", form: {grant_type: authorization_code, client_id: 0oa1, code: c, code_verifier: v}}
            """))
        #expect(pkce.ruleIDs.isEmpty)
        #expect(pkce.unjudged.contains { $0.ruleID == "no-credentials" && $0.needs.contains("--auth-method") })
    }

    @Test func noCredentialsForWebApp() throws {
        let d = try Self.diagnose("""
            app: {type: web}
            request: {url: "\(Self.custom)/token", form: {grant_type: authorization_code, code: c, redirect_uri: "https://a.example/cb", client_id: 0oa1}}
            """)
        #expect(d.ruleIDs == ["no-credentials"])
        #expect(d.findings[0].message == "The request to the token endpoint carries no client credentials, but a web app is a confidential client; `client_id` alone identifies the client but does not authenticate it")
    }

    @Test func clientIDMissingWhenNothingNamesTheClient() throws {
        let d = try Self.diagnose("""
            now: 2025-06-02T14:00:00Z
            app: {client_id: 0oa1, auth_method: private_key_jwt}
            request:
              url: \(Self.org)/token
              form:
                grant_type: client_credentials
                scope: okta.users.read
                client_assertion_type: \(Self.jwtType)
                client_assertion: {claims: {iss: "", aud: "\(Self.org)/token", exp: "+300"}}
            """)
        #expect(d.ruleIDs == ["client-id-missing"])
        #expect(d.findings[0].message == "Nothing in the request names the client: there is no `client_id` parameter, no Basic user, and the assertion's `iss` is \"\" and `sub` is missing")
        #expect(d.findings[0].fix == "Set `iss` and `sub` in the assertion to the client id (\"0oa1\") and sign it again; sending `client_id=0oa1` in the body as well is allowed.")
        #expect(d.findings[0].answer?.status == 400)
    }

    @Test func clientIDParameterAgainstAppAndAssertion() throws {
        let other = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "grant_type: client_credentials\nclient_id: \"0oa1 \""))
        #expect(other.ruleIDs == ["client-id-mismatch"])
        #expect(other.findings[0].message == "The `client_id` parameter is \"0oa1 \" but the app's client_id is \"0oa1\" (they differ only in surrounding whitespace)")

        let noApp = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", app: "{}", form: "grant_type: client_credentials\nclient_id: 0oa2"))
        #expect(noApp.ruleIDs == ["client-id-mismatch"])
        #expect(noApp.findings[0].message == "The `client_id` parameter is \"0oa2\" but the assertion's `sub` is \"0oa1\"")
        #expect(noApp.findings[0].fix == "Use one client id everywhere: set `client_id` (and the Basic user, if any) to \"0oa1\", the same value as the assertion's `iss` and `sub`.")
    }

    // MARK: - Org server, scopes, grant types

    @Test func hmacAssertionAtOrgServerForClientCredentials() throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.org)/token", app: "{client_id: 0oa1, auth_method: client_secret_jwt}",
                                                        alg: "HS256", form: "grant_type: client_credentials\nscope: okta.users.read"))
        #expect(d.ruleIDs == ["org-server-requires-private-key-jwt"])
        #expect(d.findings[0].location.pointer == "/client_assertion/header/alg")
    }

    @Test func orgServerRuleOnlyForClientCredentialsAtOrgToken() throws {
        for yaml in [
            "request: {url: \"\(Self.custom)/token\", form: {grant_type: client_credentials, scope: api, client_id: 0oa1, client_secret: s}}",
            "request: {url: \"\(Self.org)/token\", form: {grant_type: refresh_token, refresh_token: r, client_id: 0oa1, client_secret: s}}",
            "request: {url: \"\(Self.org)/revoke\", form: {token: t, client_id: 0oa1, client_secret: s}}",
        ] {
            #expect(!(try Self.diagnose(yaml)).ruleIDs.contains("org-server-requires-private-key-jwt"), "\(yaml)")
        }
    }

    @Test func oktaScopeAtCustomServerQuotesItsOwnAnswer() throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "grant_type: client_credentials\nscope: okta.users.read api.read"))
        #expect(d.ruleIDs == ["scope-invalid-for-server"])
        #expect(d.findings[0].message == "A custom authorization server cannot mint Okta API scopes, and the request asks for `okta.users.read`")
        #expect(d.findings[0].answer?.errorDescription == "One or more scopes are not configured for the authorization server resource.")
        #expect(d.findings[0].answer?.error == "invalid_scope" && d.findings[0].answer?.status == 400)
        #expect(d.findings[0].fix == "Request scopes this server can grant: request Okta API scopes from the Org authorization server at https://dev-123.okta.com/oauth2/v1/token (which requires private_key_jwt and an assertion with that `aud`), and only your own scopes here.")
    }

    @Test func orgServerClientCredentialsWithoutScope() throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.org)/token"))
        #expect(d.ruleIDs == ["scope-invalid-for-server"])
        #expect(d.findings[0].fix?.contains("`scope=okta.users.read`") == true)
    }

    @Test(arguments: [
        ("client-credentials", "client_credentials"), ("client_credential", "client_credentials"),
        ("clientcredentials", "client_credentials"), ("Client_Credentials", "client_credentials"),
        ("authorization-code", "authorization_code"), ("device_code", "urn:ietf:params:oauth:grant-type:device_code"),
        ("refreshtoken", "refresh_token"), ("token-exchange", "urn:ietf:params:oauth:grant-type:token-exchange"),
    ])
    func grantTypeSuggestion(_ value: String, _ suggestion: String) throws {
        let d = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "grant_type: \(value)\nscope: api"))
        #expect(d.ruleIDs == ["grant-type-invalid"])
        #expect(d.findings[0].message == "grant_type \"\(value)\" is not a grant type; did you mean \"\(suggestion)\"?")
        #expect(d.findings[0].fix == "Set `grant_type` to \"\(suggestion)\".")
    }

    @Test func grantTypeMissingOrUnknown() throws {
        let missing = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "code: abc\nredirect_uri: https://a.example/cb"))
        #expect(missing.ruleIDs == ["grant-type-invalid"])
        #expect(missing.findings[0].fixValues["grant_type"] == "authorization_code")

        let unknown = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "grant_type: implicit"))
        #expect(unknown.findings.first?.message == "grant_type \"implicit\" is not a grant type Okta knows")

        let trailing = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/token", form: "grant_type: \"client_credentials\\n\"\nscope: api"))
        #expect(trailing.findings.first?.message.contains("leading or trailing whitespace") == true)

        // grant_type belongs to /token only.
        let introspect = try Self.diagnose(Self.assertionRequest(url: "\(Self.custom)/introspect", form: "token: abc"))
        #expect(introspect.ruleIDs.isEmpty)
    }

    // MARK: - Where the rules apply

    @Test func assertionAtEndpointsThatDoNotAuthenticateClients() throws {
        let authorize = try Self.diagnose(Self.assertionRequest(url: "\(Self.org)/authorize", form: "response_type: code"))
        #expect(authorize.ruleIDs == ["endpoint-not-client-auth"])
        #expect(authorize.findings[0].fix == "Send the request with the client assertion to \(Self.org)/token, and set the assertion's `aud` to that URL.")

        let discovery = try Self.diagnose(Self.assertionRequest(url: "https://dev-123.okta.com/oauth2/aus1a2b3/.well-known/openid-configuration"))
        #expect(discovery.ruleIDs == ["endpoint-not-client-auth"])
        #expect(discovery.findings[0].fixValues["endpoint"] == "https://dev-123.okta.com/oauth2/aus1a2b3/v1/token")

        let foreign = try Self.diagnose(Self.assertionRequest(url: "https://login.example.com/.well-known/openid-configuration"))
        #expect(foreign.findings.first?.fixValues["endpoint"] == "the server's token_endpoint")
    }

    @Test func bareTokenGetsNoRequestFindings() throws {
        let s = try Self.subject("""
            app: {client_id: 0oa1, auth_method: client_secret_basic, type: web}
            token: {claims: {iss: 0oa1, sub: 0oa1, aud: "\(Self.org)/token", exp: "+300"}}
            endpoint: \(Self.org)/token
            """)
        let d = Engine(rules: Self.requestRules).run(s)
        #expect(d.ruleIDs.isEmpty)
        #expect(d.unjudged.isEmpty)
    }

    @Test func noSecretIsEverPrinted() throws {
        let basic = Data("0oa1:\(Self.secret)".utf8).base64EncodedString()
        let yamls = [
            """
            app: {client_id: 0oa2, auth_method: private_key_jwt}
            request:
              url: \(Self.org)/token
              headers: {Authorization: "Basic \(basic)", Content-Type: application/x-www-form-urlencoded}
              form: {grant_type: client_credential, client_id: [0oa1, 0oa3], client_secret: ["\(Self.secret)", x], scope: api}
            """,
            """
            request:
              url: \(Self.org)/token
              body: '{"client_secret": "\(Self.secret)", "grant_type": "client_credentials"}'
            """,
        ]
        for yaml in yamls {
            let d = try Self.diagnose(yaml)
            #expect(!d.findings.isEmpty)
            for f in d.findings {
                #expect(!f.message.contains(Self.secret) && !(f.fix ?? "").contains(Self.secret), "\(f.ruleID) leaks the secret")
                #expect(!f.message.contains(basic) && !(f.fix ?? "").contains(basic), "\(f.ruleID) leaks the Basic credential")
            }
        }
    }
}
