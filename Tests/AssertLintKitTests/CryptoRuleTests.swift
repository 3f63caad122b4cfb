import Foundation
import Testing
@testable import AssertLintKit

/// The key rules' messages name the values a user needs, and rules that lack key material
/// say what they need instead of guessing.
@Suite struct CryptoRuleTests {
    typealias S = CryptoSupport

    static func signed(_ keyFile: String, alg: JWSAlgorithm, kid: String?) throws -> String {
        let key = try KeyFile.signingKey(S.bytes(keyFile), origin: keyFile).get()
        return try Minter(key: .privateKey(key), clientID: S.clientID, audience: S.tokenURL, algorithm: alg,
                          kid: kid.map { .explicit($0) } ?? .none).mint(now: S.now)
    }

    @Test func kidUnknownListsKidsAndTheGivenPrivateKeysThumbprint() throws {
        var subject = try S.subject(try Self.signed("test-rsa-2048.pem", alg: .RS256, kid: "prod-2024"),
                                    method: .privateKeyJWT, jwks: "test-jwks-two-rsa.json")
        subject.app.privateKey = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "client.pem").get()
        let diagnosis = Engine().run(subject)
        #expect(diagnosis.ruleIDs == ["kid-unknown"])
        let f = try #require(diagnosis.findings.first)
        #expect(f.message == "kid \"prod-2024\" names none of the app's registered keys: 'test-rsa-2048', 'test-rsa-2048-other'; the signature verifies with the registered key 'test-rsa-2048'; the private key client.pem (RFC 7638 thumbprint DvQgcgJf9wcKWLj6CfD6v1K4GIiQ1j0pH2EYZq9-X7Q) is the registered key 'test-rsa-2048'")
        #expect(f.fix == "Make the header's `kid` name a registered key: set it to \"test-rsa-2048\", and sign again.")
        #expect(f.location.pointer == "/client_assertion/header/kid")
        #expect(f.answer?.errorDescription == "The client_assertion JWT kid is invalid.")
    }

    @Test func unregisteredPrivateKeyIsNamedByThumbprint() throws {
        var subject = try S.subject(try Self.signed("test-ec-p256.pem", alg: .ES256, kid: "x"),
                                    method: .privateKeyJWT, jwks: "test-jwks-rsa.json")
        subject.app.privateKey = try KeyFile.signingKey(S.bytes("test-ec-p256.pem"), origin: "ec.pem").get()
        let f = try #require(Engine().run(subject).findings.first { $0.ruleID == "kid-unknown" })
        #expect(f.message.hasSuffix("the private key ec.pem (RFC 7638 thumbprint KIELcIpo33RIhK6ReNrHveKdFKPxtxwytwQEkPitYPQ) matches none of the registered keys: register its public key"))
    }

    @Test func kidMissingNamesTheKeyThatVerifies() throws {
        let diagnosis = Engine().run(try S.subject(try Self.signed("test-rsa-2048-other.pem", alg: .RS256, kid: nil),
                                                   method: .privateKeyJWT, jwks: "test-jwks-two-rsa.json"))
        #expect(diagnosis.ruleIDs == ["kid-missing"])
        let f = try #require(diagnosis.findings.first)
        #expect(f.message == "the header has no kid and the app has 2 registered keys ('test-rsa-2048', 'test-rsa-2048-other'); Okta needs kid to choose one; the signature verifies with 'test-rsa-2048-other'")
        #expect(f.fix?.contains("(\"test-rsa-2048-other\")") == true)
    }

    @Test func algNotAllowedAndSignatureAreBothJudged() throws {
        // PS256 with the registered key: not accepted, but the signature is sound.
        let ps = Engine().run(try S.subject(try Self.signed("test-rsa-2048.pem", alg: .PS256, kid: "test-rsa-2048"),
                                            method: .privateKeyJWT, jwks: "test-jwks-rsa.json"))
        #expect(ps.ruleIDs == ["alg-not-allowed"])
        #expect(ps.findings.first?.fix == "Sign with alg \"RS256\" and set the header's `alg` to match.")
        // PS256 with another key: both facts.
        let both = Engine().run(try S.subject(try Self.signed("test-rsa-2048-other.pem", alg: .PS256, kid: "test-rsa-2048"),
                                              method: .privateKeyJWT, jwks: "test-jwks-rsa.json"))
        #expect(both.ruleIDs == ["alg-not-allowed", "signature-invalid"])
    }

    @Test func algKeyTypeMismatch() throws {
        let compact = try Self.signed("test-ec-p384.pem", alg: .ES384, kid: "test-ec-p256")
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: "test-jwks-ec.json"))
        #expect(diagnosis.ruleIDs == ["alg-not-allowed"])
        #expect(diagnosis.findings.first?.message == "alg is \"ES384\": the registered key 'test-ec-p256' is EC P-256: ES384 needs a P-384 key but the key is on P-256 (its algorithm is ES256)")
        let rsWithEC = try S.subject(try Self.signed("test-rsa-2048.pem", alg: .RS256, kid: "test-ec-p256"), method: .privateKeyJWT, jwks: "test-jwks-ec.json")
        #expect(Engine().run(rsWithEC).findings.first?.message == "alg is \"RS256\": the registered key 'test-ec-p256' is EC P-256: RS256 cannot be used with an EC P-256 key (it needs an RSA key)")
    }

    @Test func hmacOnPrivateKeyAppAndRSAOnSecretApp() throws {
        let hs = try Minter(key: .secret(ClientSecret(S.secret)), clientID: S.clientID, audience: S.tokenURL).mint(now: S.now)
        let onPK = Engine().run(try S.subject(hs, method: .privateKeyJWT, jwks: "test-jwks-rsa.json"))
        #expect(onPK.ruleIDs == ["alg-not-allowed"])
        #expect(onPK.unjudged.map(\.ruleID).contains("signature-invalid"))
        let rs = try Self.signed("test-rsa-2048.pem", alg: .RS256, kid: "test-rsa-2048")
        let onCS = Engine().run(try S.subject(rs, method: .clientSecretJWT, jwks: "test-jwks-rsa.json", secret: S.secret))
        #expect(onCS.ruleIDs == ["alg-not-allowed"])
        #expect(onCS.findings.first?.message.contains("the app authenticates with client_secret_jwt") == true)
    }

    @Test func secretLengths() throws {
        func run(_ alg: JWSAlgorithm, _ secret: String) throws -> [Finding] {
            let compact = try Minter(key: .secret(ClientSecret(secret)), clientID: S.clientID, audience: S.customTokenURL, algorithm: alg).mint(now: S.now)
            return Engine().run(try S.subject(compact, method: .clientSecretJWT, secret: secret, url: S.customTokenURL)).findings
        }
        let short = try run(.HS256, "twenty-char-secret-1")
        #expect(short.map(\.ruleID) == ["secret-too-short"])
        #expect(short.first?.severity == .error && short.first?.isServerAnswer == true)
        #expect(short.first?.message == "the client secret is 20 bytes; Okta verifies HS256 assertions only with secrets of at least 32 bytes")
        #expect(!(short.first?.message.contains("twenty") ?? true), "the secret itself is never printed")
        let hs512 = try run(.HS512, S.secret)
        #expect(hs512.map(\.ruleID) == ["secret-too-short"])
        #expect(hs512.first?.severity == .warning && hs512.first?.isServerAnswer == false)
        #expect(try run(.HS384, String(repeating: "k", count: 48)).isEmpty)
        #expect(try run(.HS256, String(repeating: "k", count: 32)).isEmpty)
    }

    @Test func base64DecodedSecretIsRecognised() throws {
        let secret = Base64URL.encode(Array("a-raw-key-of-thirty-two-bytes!!!".utf8))
        let decoded = Array("a-raw-key-of-thirty-two-bytes!!!".utf8)
        let input = S.signingInput(alg: "HS256", kid: nil)
        let mac = try JWSSignature.sign(input, alg: .HS256, secret: decoded)
        let diagnosis = Engine().run(try S.subject(input + "." + Base64URL.encode(mac), method: .clientSecretJWT, secret: secret))
        let f = try #require(diagnosis.findings.first { $0.ruleID == "signature-invalid" })
        #expect(f.message.hasSuffix("it verifies with the secret base64-decoded: the signer uses different key bytes than Okta"))
    }

    @Test func withoutKeysTheRulesSayWhatTheyNeed() throws {
        let compact = try Self.signed("test-rsa-2048.pem", alg: .RS256, kid: "k")
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT))
        #expect(diagnosis.findings.isEmpty)
        let needs = Dictionary(diagnosis.unjudged.map { ($0.ruleID, $0.needs) }, uniquingKeysWith: { a, _ in a })
        #expect(needs["kid-unknown"] == "--jwks FILE or app.jwks")
        #expect(needs["kid-missing"] == "--jwks FILE or app.jwks")
        #expect(needs["signature-invalid"] == "--jwks FILE or app.jwks")
    }

    @Test func weakKeyAndHygiene() throws {
        let weak = Engine().run(try S.subject(try Self.signed("test-rsa-1024.pem", alg: .RS256, kid: "test-rsa-1024"),
                                              method: .privateKeyJWT, jwks: "test-jwks-rsa-1024.json"))
        #expect(weak.ruleIDs == ["key-too-weak"])
        #expect(weak.findings.first?.message == "the registered key 'test-rsa-1024' is RSA 1024-bit; Okta refuses RSA keys under 2048 bits")
        // As diagnose judges it: private-key-committed is for files kept in a repository.
        let priv = Engine(rules: Registry.forDiagnose).run(try S.subject(try Self.signed("test-ec-p256.pem", alg: .ES256, kid: "test-ec-p256"),
                                                                         method: .privateKeyJWT, jwks: "test-ec-p256.jwk.json"))
        #expect(priv.ruleIDs == ["jwks-private-key"])
        #expect(priv.findings.first?.message == "the registered key 'test-ec-p256' contains private key members (d); whoever reads the JWKS can sign assertions as this client")
        #expect(priv.findings.first?.severity == .warning)
    }

    @Test func fixtureSignWithoutHeaderUsesTheKeysAlgorithm() throws {
        let text = """
            now: 2025-06-02T14:00:00Z
            app: {client_id: 0oa8f3example, auth_method: private_key_jwt, jwks: test-ec-p384.pub.pem}
            request:
              url: https://dev-123.okta.com/oauth2/v1/token
              form:
                grant_type: client_credentials
                scope: okta.users.read
                client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
                client_assertion:
                  claims: {iss: 0oa8f3example, sub: 0oa8f3example, aud: "https://dev-123.okta.com/oauth2/v1/token", iat: "now", exp: "+300", jti: j1}
                  sign_with: test-ec-p384.jwk.json
            """
        let subject = try FixtureLoader().load(text: text, path: CryptoSupport.keyPath("inline.yaml"))
        #expect(subject.assertion.decoded?.alg == "ES384")
        #expect(Engine().run(subject).findings.isEmpty)
    }
}
