import Foundation
import Testing
@testable import AssertLintKit

/// `mint` follows the chosen server profile: aud from `audience.accepts`, the lifetime inside its
/// caps, alg from `algorithms`, the thumbprint header from `keys.lookup`; and what it mints for a
/// profile's typical URL diagnoses clean under that profile.
@Suite struct MintProfileTests {
    typealias S = CryptoSupport
    static let tenant = "11111111-2222-3333-4444-555555555555"
    static let entraV2 = "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token"

    static func profile(_ id: String) throws -> ServerProfile { try #require(ProfileSet.bundled[id]) }

    /// The target a URL gives under a profile chosen by name, as `--server ID` reads it.
    static func target(_ id: String, _ url: String) throws -> ServerTarget {
        ServerTarget.read(try #require(EndpointURL(url)), with: try profile(id))
    }

    static func rsaKey() throws -> Minter.Key {
        .privateKey(try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get())
    }

    static func key(_ file: String) throws -> Minter.Key {
        .privateKey(try KeyFile.signingKey(S.bytes(file), origin: file).get())
    }

    // MARK: - aud

    @Test(arguments: [
        ("okta-org", "https://dev-123.okta.com/oauth2/v1/token", "https://dev-123.okta.com/oauth2/v1/token"),
        ("okta-custom", "https://dev-123.okta.com/oauth2/default/v1/introspect", "https://dev-123.okta.com/oauth2/default/v1/introspect"),
        ("entra", entraV2, entraV2),
        // The realm's documented (v2) token URL, whichever of its paths is called.
        ("entra", "https://login.microsoftonline.com/\(tenant)/oauth2/token", entraV2),
        ("entra", "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/token",
         "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/token"),
        ("keycloak", "https://sso.example.com/realms/demo/protocol/openid-connect/token", "https://sso.example.com/realms/demo"),
        ("keycloak", "https://sso.example.com/realms/demo/protocol/openid-connect/revoke", "https://sso.example.com/realms/demo"),
        ("keycloak@26.3", "https://sso.example.com/auth/realms/demo/protocol/openid-connect/token", "https://sso.example.com/auth/realms/demo"),
        // The issuer with its trailing slash; the endpoint URL is deprecated, so it comes last.
        ("auth0", "https://example-tenant.auth0.com/oauth/token", "https://example-tenant.auth0.com/"),
        ("spring", "https://auth.example.com/issuer1/oauth2/introspect", "https://auth.example.com/issuer1"),
        ("node-oidc-provider", "https://op.example.com/token/introspection", "https://op.example.com"),
        ("node-oidc-provider", "https://op.example.com/token", "https://op.example.com/token"),
        ("rfc7523", "https://as.example.com/oauth/token", "https://as.example.com/oauth/token"),
    ])
    func audienceFollowsTheProfile(_ id: String, _ url: String, _ expected: String) throws {
        let plan = try MintPlan(target: try Self.target(id, url), key: try Self.rsaKey(), certificate: id == "entra")
        #expect(plan.audience == expected)
        #expect(plan.reasons.first?.hasPrefix("aud \(expected): ") == true, "\(plan.reasons)")
    }

    @Test func anIssuerOnlyProfileNeedsTheIssuer() throws {
        for id in ["rfc10070", "fapi2"] {
            let target = try Self.target(id, "https://as.example.com/token")
            #expect(throws: Minter.MintError.self) { try MintPlan(target: target, key: try Self.rsaKey()) }
            do {
                _ = try MintPlan(target: target, key: try Self.rsaKey())
            } catch {
                #expect(String(describing: error).hasSuffix("does not tell the issuer: give --issuer URL (the server's issuer identifier)"), "\(error)")
            }
            let plan = try MintPlan(target: target, issuer: "https://as.example.com", key: try Self.rsaKey())
            #expect(plan.audience == "https://as.example.com")
        }
    }

    @Test func aTenantTheProfileRejectsIsRefused() throws {
        let target = try Self.target("entra", "https://login.microsoftonline.com/common/oauth2/v2.0/token")
        #expect(throws: Minter.MintError.self) { try MintPlan(target: target, key: try Self.rsaKey(), certificate: true) }
    }

    // MARK: - lifetime

    @Test(arguments: [("okta-org", 300.0, 3600.0), ("keycloak", 30, 60), ("keycloak@26.3", 30, 60), ("auth0", 150, 300),
                      ("entra", 300, nil), ("spring", 300, nil), ("fapi2", 300, nil)] as [(String, Double, Double?)])
    func lifetimeStaysInsideTheCaps(_ id: String, _ lifetime: Double, _ cap: Double?) throws {
        let (chosen, foundCap, why) = try MintPlan.lifetime(try Self.profile(id), requested: nil)
        #expect(chosen == lifetime && foundCap == cap, "\(why)")
        #expect(!why.isEmpty)
    }

    @Test func aRequestedLifetimeAboveTheCapIsRefused() throws {
        let keycloak = try Self.profile("keycloak")
        #expect(throws: Minter.MintError.self) { try MintPlan.lifetime(keycloak, requested: 61) }
        do {
            _ = try MintPlan.lifetime(keycloak, requested: 61)
        } catch {
            #expect(String(describing: error) == "--lifetime 61: Keycloak refuses an assertion used more than 60 s after its iat (lifetime.max_use_after_iat); give at most 60 s")
        }
        #expect(try MintPlan.lifetime(keycloak, requested: 60).0 == 60)
        #expect(throws: Minter.MintError.self) { try MintPlan.lifetime(try Self.profile("okta-org"), requested: 3601) }
        #expect(try MintPlan.lifetime(try Self.profile("entra"), requested: 3601).0 == 3601)
        #expect(throws: Minter.MintError.self) { try MintPlan.lifetime(try Self.profile("entra"), requested: MintPlan.longestLifetime + 1) }
    }

    // MARK: - alg and x5t

    @Test func algorithmIsOneTheProfileAcceptsAndTheKeySigns() throws {
        func alg(_ id: String, _ key: Minter.Key, certificate: Bool = false, x5t: [ThumbprintHash]? = nil) throws -> JWSAlgorithm {
            try MintPlan(target: try Self.target(id, id == "entra" ? Self.entraV2 : "https://as.example.com/token"), issuer: "https://as.example.com", key: key,
                         certificate: certificate, thumbprints: x5t).algorithm
        }
        #expect(try alg("fapi2", try Self.rsaKey()) == .PS256)
        #expect(try alg("auth0", try Self.rsaKey()) == .RS256)
        #expect(try alg("okta-org", try Self.key("test-ec-p256.pem")) == .ES256)
        #expect(try alg("keycloak", .secret(ClientSecret(S.secret))) == .HS256)
        #expect(try alg("entra", try Self.rsaKey(), certificate: true) == .PS256)
        #expect(try alg("entra", try Self.rsaKey(), certificate: true, x5t: [.sha1]) == .RS256)
        // No algorithm of the profile fits the key.
        #expect(throws: Minter.MintError.self) { try alg("auth0", try Self.key("test-ec-p256.pem")) }
        #expect(throws: Minter.MintError.self) { try alg("node-oidc-provider", try Self.key("test-ec-p384.jwk.json")) }
        #expect(throws: Minter.MintError.self) { try alg("entra", .secret(ClientSecret(S.secret))) }
        // An --alg the profile does not accept.
        #expect(throws: Minter.MintError.self) {
            try MintPlan(target: try Self.target("fapi2", "https://as.example.com/token"), issuer: "https://as.example.com",
                         key: try Self.rsaKey(), algorithm: .RS256)
        }
    }

    @Test func thumbprintFollowsTheLookupOrder() throws {
        let target = try Self.target("entra", Self.entraV2)
        let plan = try MintPlan(target: target, key: try Self.rsaKey(), certificate: true)
        #expect(plan.thumbprints == [.sha256] && plan.algorithm == .PS256)
        #expect(plan.reasons.contains("x5t#S256: Microsoft Entra ID finds the key by it first (keys.lookup: x5t#S256, x5t)"), "\(plan.reasons)")
        // Without the certificate, Entra ID cannot find the key.
        #expect(throws: Minter.MintError.self) { try MintPlan(target: target, key: try Self.rsaKey()) }
        // A kid-keyed server still gets the thumbprint a --cert asks for.
        let keycloak = try MintPlan(target: try Self.target("keycloak", "https://sso.example.com/realms/demo/protocol/openid-connect/token"),
                                    key: try Self.rsaKey(), certificate: true)
        #expect(keycloak.thumbprints == [.sha256])
    }

    // MARK: - --tenant

    @Test(arguments: [("entra", "contoso.onmicrosoft.com", "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
                      ("auth0", "example-tenant", "https://example-tenant.auth0.com/oauth/token"),
                      ("okta-org", "dev-123", "https://dev-123.okta.com/oauth2/v1/token")])
    func tenantBuildsTheTokenURL(_ id: String, _ tenant: String, _ expected: String) throws {
        #expect(try MintPlan.tokenURL(try Self.profile(id), tenant: tenant).get() == expected)
    }

    @Test func tenantCannotBuildEveryURL() throws {
        for id in ["keycloak", "okta-custom", "rfc7523"] {
            guard case .failure(let e) = MintPlan.tokenURL(try Self.profile(id), tenant: "x") else {
                Issue.record("\(id): built a URL from a tenant alone")
                continue
            }
            #expect(e.description.hasSuffix("give --endpoint URL"), "\(id): \(e)")
        }
        guard case .failure = MintPlan.tokenURL(try Self.profile("entra"), tenant: "a/b") else {
            Issue.record("a tenant with a slash was taken")
            return
        }
    }
}

/// Round trip: for each bundled profile, what `mint` makes for the profile's typical URL passes
/// `diagnose` under that profile with no finding at all.
@Suite struct MintRoundTripTests {
    typealias S = CryptoSupport

    /// (profile, typical URL, issuer the URL does not tell)
    static let cases: [(String, String, String?)] = [
        ("okta-org", "https://dev-123.okta.com/oauth2/v1/token", nil),
        ("okta-custom", "https://dev-123.okta.com/oauth2/default/v1/token", nil),
        ("entra", MintProfileTests.entraV2, nil),
        ("keycloak", "https://sso.example.com/realms/demo/protocol/openid-connect/token", nil),
        ("keycloak@26.3", "https://sso.example.com/auth/realms/demo/protocol/openid-connect/token", nil),
        ("auth0", "https://example-tenant.auth0.com/oauth/token", nil),
        ("spring", "https://auth.example.com/oauth2/token", nil),
        ("node-oidc-provider", "https://op.example.com/token", nil),
        ("rfc7523", "https://as.example.com/oauth/token", nil),
        ("rfc10070", "https://as.example.com/oauth/token", "https://as.example.com"),
        ("fapi2", "https://as.example.com/oauth/token", "https://as.example.com"),
    ]

    @Test func everyBundledProfileHasACase() {
        let covered = Set(Self.cases.map(\.0))
        #expect(Set(ProfileSet.bundled.ids) == covered)
    }

    @Test(arguments: cases)
    func mintedAssertionIsCleanUnderItsProfile(_ id: String, _ url: String, _ issuer: String?) throws {
        let profile = try MintProfileTests.profile(id)
        let endpoint = try #require(EndpointURL(url))
        var target = ServerTarget.read(endpoint, with: profile)
        if let issuer {
            // What diagnose knows once the issuer is named (online mode, a discovery document).
            target = ServerTarget(profile: profile, endpointURL: target.endpointURL, endpoint: target.endpoint, issuer: issuer,
                                  authServerID: nil, customDomain: false)
        }
        let certified = profile.keys?.lookup?.contains { $0.hasPrefix("x5t") } == true
        let generated = certified ? try CertificateTests.generate("rsa") : nil
        let key: SigningKey
        let certificate: Certificate?
        let registered: JSONValue
        if let generated {
            key = try KeyFile.signingKey(Array(try Data(contentsOf: generated.key)), origin: "key.pem").get()
            certificate = try #require(try Certificate.read(try generated.certificatePEM).get().first)
            registered = try KeyFile.publicKeySet(Array(try Data(contentsOf: generated.certificate))).get()
        } else {
            key = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get()
            certificate = nil
            registered = try KeyFile.publicKeySet(try S.bytes("test-jwks-rsa.json")).get()
        }
        let plan = try MintPlan(target: target, issuer: issuer, key: .privateKey(key), certificate: certificate != nil)
        let compact = try Minter(key: .privateKey(key), clientID: S.clientID, audience: plan.audience, lifetime: plan.lifetime,
                                 lifetimeCap: plan.lifetimeCap, algorithm: plan.algorithm, registeredKeys: try JWKSet.parse(registered).get(),
                                 certificate: certificate, thumbprints: plan.thumbprints).mint(now: S.now)

        var request = TokenRequest(method: "POST", url: url)
        request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
        var form = [FormField(name: "grant_type", value: "client_credentials"),
                    FormField(name: "scope", value: id.hasPrefix("okta-org") ? "okta.users.read" : "api.read")]
        if profile.clientID?.requiredInBody == true { form.append(FormField(name: "client_id", value: S.clientID)) }
        form += [FormField(name: "client_assertion_type", value: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                 FormField(name: "client_assertion", value: compact)]
        request.body = .form(form)
        var app = AppRegistration(clientID: S.clientID, authMethod: .privateKeyJWT)
        app.jwks = registered
        var subject = Subject(source: "round-trip", request: request, assertion: .decoded(try S.decode(compact)), app: app,
                              now: S.now, clockIsReal: false)
        try ProfileSelection(forced: (profile, "--server \(id)")).apply(to: &subject)
        if issuer != nil { subject.target = target }
        #expect(subject.profile.id == id)
        let diagnosis = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(diagnosis.findings.isEmpty, "\(id): \(plan.reasons) → \(diagnosis.findings.map { "\($0.ruleID): \($0.message)" })")
        let claims = try S.decode(compact)
        #expect(claims.audiences == [plan.audience])
        #expect(claims.claims["aud"]?.stringValue == plan.audience, "aud is one JSON string")
    }
}

/// The command: `mint --server entra --tenant … --cert … --key …` passes `diagnose --server entra`,
/// and what was chosen is said on stderr.
@Suite struct MintProfileCLITests {
    typealias S = CryptoSupport

    @Test func entraByTenantPassesDiagnoseUnderEntra() throws {
        let g = try CertificateTests.generate("rsa")
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        let minted = try FirstContact.run(["mint", "--server", "entra", "--tenant", MintProfileTests.tenant, "--cert", g.certificate.path,
                                           "--key", g.key.path, "--client-id", "c1", "--verbose"])
        #expect(minted.status == 0, "\(minted.stderr)")
        let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let header = try FirstContact.header(token)
        #expect(header["alg"] == .string("PS256") && header["x5t#S256"] == .string(cert.thumbprint(.sha256)) && header["x5t"] == nil)
        let claims = try S.decode(token)
        #expect(claims.claims["aud"] == .string(MintProfileTests.entraV2))
        #expect(minted.stderr.hasPrefix("mint: server entra (--server entra)\nmint: aud \(MintProfileTests.entraV2): "), "\(minted.stderr)")
        let judged = try FirstContact.run(["diagnose", "--server", "entra", "--endpoint", MintProfileTests.entraV2, "--client-id", "c1",
                                           "--auth-method", "private_key_jwt", "--jwks", g.certificate.path, token])
        #expect(judged.status == 0 && judged.stdout.contains("no problems found"), "\(judged.stdout)")

        // The whole request, client_id included (Entra ID requires it in the body).
        let curl = try FirstContact.run(["mint", "--server", "entra", "--tenant", MintProfileTests.tenant, "--cert", g.certificate.path,
                                         "--key", g.key.path, "--client-id", "c1", "--curl", "--scope", "api://x/.default"])
        #expect(curl.status == 0 && curl.stderr.isEmpty, "\(curl.stderr)")
        #expect(curl.stdout.contains("--data-urlencode 'client_id=c1'"), "\(curl.stdout)")
        let request = try FirstContact.run(["diagnose", "--server", "entra", "--auth-method", "private_key_jwt", "--jwks", g.certificate.path, "-"],
                                           stdin: curl.stdout)
        #expect(request.status == 0 && request.stdout.contains("no problems found"), "\(request.stdout)")
    }

    @Test func theURLPicksTheProfileAndItsCaps() throws {
        let url = "https://sso.example.com/realms/demo/protocol/openid-connect/token"
        let minted = try FirstContact.run(["mint", "--key", S.keyPath("test-rsa-2048.pem"), "--client-id", "c1", "--endpoint", url, "-v"])
        #expect(minted.status == 0, "\(minted.stderr)")
        let claims = try S.decode(minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(claims.claims["aud"] == .string("https://sso.example.com/realms/demo"))
        #expect(try #require(claims.date("exp").seconds) - (try #require(claims.date("iat").seconds)) == 30)
        #expect(minted.stderr.contains("mint: lifetime 30 s: half of Keycloak's cap, which refuses an assertion used more than 60 s after its iat (lifetime.max_use_after_iat)"), "\(minted.stderr)")

        let tooLong = try FirstContact.run(["mint", "--key", S.keyPath("test-rsa-2048.pem"), "--client-id", "c1", "--endpoint", url, "--lifetime", "61"])
        #expect(tooLong.status == 2 && FirstContact.isOneErrorLine(tooLong.stderr), "\(tooLong.stderr)")

        let shared = try FirstContact.run(["mint", "--key", S.keyPath("test-rsa-2048.pem"), "--client-id", "c1",
                                           "--endpoint", "https://wso2.example.com:9443/oauth2/token", "--verbose"])
        #expect(shared.stderr.hasPrefix("mint: server rfc7523 (no profile recognises the URL; its path is also Spring Authorization Server's (--server spring)"), "\(shared.stderr)")
    }

    /// `--fix` with a fixture's `server:`: the fixture names the profile, as in diagnose.
    @Test func theFixturesServerIsFollowed() throws {
        let tree = try TempTree()
        let fixture = try tree.write("request.yaml", """
            server: spring
            app: {client_id: c1, auth_method: private_key_jwt}
            request:
              method: POST
              url: https://auth.example.com/issuer1/oauth2/token
              headers: {Content-Type: application/x-www-form-urlencoded}
              form: {grant_type: client_credentials, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: eyJhbGciOi...}

            """)
        let minted = try FirstContact.run(["mint", "--key", S.keyPath("test-rsa-2048.pem"), "--fix", fixture, "--curl", "-v"])
        #expect(minted.status == 0, "\(minted.stderr)")
        #expect(minted.stderr.hasPrefix("mint: server spring (the fixture's `server: spring`)\nmint: aud https://auth.example.com/issuer1: "), "\(minted.stderr)")
        #expect(minted.stdout.contains("--data-urlencode 'client_id=c1'"), "\(minted.stdout)")
    }
}
