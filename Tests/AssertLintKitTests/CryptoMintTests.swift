import Foundation
import Testing
@testable import AssertLintKit

/// `Minter` builds assertions that diagnose clean under every rule.
@Suite struct CryptoMintTests {
    typealias S = CryptoSupport

    @Test(arguments: [("test-rsa-2048.pem", "test-jwks-rsa.json"), ("test-rsa-2048.jwk.json", "test-jwks-rsa.json"),
                      ("test-ec-p256.sec1.pem", "test-jwks-ec.json"), ("test-ec-p384.jwk.json", "test-jwks-ec.json"),
                      ("test-ec-p521.pem", "test-jwks-ec.json")])
    func mintedAssertionIsClean(_ keyFile: String, _ jwks: String) throws {
        let key = try KeyFile.signingKey(S.bytes(keyFile), origin: keyFile).get()
        let kid = keyFile.components(separatedBy: ".").first ?? ""
        let compact = try Minter(key: .privateKey(key), clientID: S.clientID, audience: S.tokenURL, kid: .explicit(kid)).mint(now: S.now)
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: jwks))
        #expect(diagnosis.findings.isEmpty, "\(diagnosis.findings.map(\.message))")
        let a = try S.decode(compact)
        #expect(a.issuer == S.clientID && a.subject == S.clientID && a.audiences == [S.tokenURL])
        #expect(a.date("exp").seconds == S.now.timeIntervalSince1970 + 300)
        #expect(a.date("iat").seconds == S.now.timeIntervalSince1970)
        #expect((a.jti?.count ?? 0) == 24)
    }

    @Test func jwkKidIsUsedAndThumbprintOnRequest() throws {
        let key = try KeyFile.signingKey(S.bytes("test-ec-p256.jwk.json"), origin: "k").get()
        let fromKey = try S.decode(try Minter(key: .privateKey(key), clientID: "c", audience: S.tokenURL).mint())
        #expect(fromKey.kid == "test-ec-p256" && fromKey.alg == "ES256")
        let pem = try KeyFile.signingKey(S.bytes("test-ec-p256.pem"), origin: "k").get()
        let thumb = try S.decode(try Minter(key: .privateKey(pem), clientID: "c", audience: S.tokenURL, kid: .thumbprint).mint())
        #expect(thumb.kid == "KIELcIpo33RIhK6ReNrHveKdFKPxtxwytwQEkPitYPQ")
        let noKid = try S.decode(try Minter(key: .privateKey(pem), clientID: "c", audience: S.tokenURL).mint())
        #expect(noKid.kid == nil)
    }

    @Test func hmacMintIsClean() throws {
        for (alg, secret) in [(JWSAlgorithm.HS256, S.secret), (.HS512, S.longSecret)] {
            let compact = try Minter(key: .secret(ClientSecret(secret)), clientID: S.clientID, audience: S.customTokenURL, algorithm: alg).mint(now: S.now)
            #expect(Engine().run(try S.subject(compact, method: .clientSecretJWT, secret: secret, url: S.customTokenURL)).findings.isEmpty)
        }
    }

    @Test func refusals() throws {
        let key = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get()
        #expect(throws: Minter.MintError.self) {
            try Minter(key: .privateKey(key), clientID: "c", audience: S.tokenURL, lifetime: 3601, lifetimeCap: 3600).mint()
        }
        #expect(throws: Minter.MintError.self) {
            try Minter(key: .privateKey(key), clientID: "c", audience: S.tokenURL, lifetime: MintPlan.longestLifetime + 1).mint()
        }
        #expect(throws: Minter.MintError.self) { try Minter(key: .privateKey(key), clientID: "c", audience: "not a url").mint() }
        #expect(throws: Minter.MintError.self) { try Minter(key: .privateKey(key), clientID: "c", audience: S.tokenURL, algorithm: .HS256).mint() }
        #expect(throws: Minter.MintError.self) { try Minter(key: .privateKey(key), clientID: "c", audience: S.tokenURL, algorithm: .ES256).mint() }
        #expect(throws: Minter.MintError.self) { try Minter(key: .secret(ClientSecret(S.secret)), clientID: "c", audience: S.tokenURL, algorithm: .RS256).mint() }
    }

    @Test func curlCommandCarriesTheAssertion() {
        let fields = Minter.formFields(assertion: "h.p.s", endpoint: .token, scope: "okta.users.read", clientID: nil)
        #expect(Minter.curlCommand(url: S.tokenURL, fields: fields) == """
            curl --request POST 'https://dev-123.okta.com/oauth2/v1/token' \\
              --header 'Content-Type: application/x-www-form-urlencoded' \\
              --header 'Accept: application/json' \\
              --data-urlencode 'grant_type=client_credentials' \\
              --data-urlencode 'scope=okta.users.read' \\
              --data-urlencode 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer' \\
              --data-urlencode 'client_assertion=h.p.s'
            """)
        #expect(Minter.formFields(assertion: "a", endpoint: .introspect, scope: nil, clientID: nil).map(\.0) == ["client_assertion_type", "client_assertion"])
    }
}
