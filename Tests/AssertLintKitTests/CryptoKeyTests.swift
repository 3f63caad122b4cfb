import Foundation
import Testing
@testable import AssertLintKit

/// Reading keys in every format users have, and RFC 7638 thumbprints checked against values
/// computed independently with Python's `cryptography` (Fixtures/keys/thumbprints.json).
@Suite struct CryptoKeyTests {
    typealias S = CryptoSupport

    static let names = ["test-rsa-2048", "test-rsa-2048-other", "test-rsa-1024", "test-ec-p256", "test-ec-p384", "test-ec-p521", "test-ed25519"]

    static func expectedThumbprints() throws -> [String: String] {
        let json = try JSONParser.parse(S.bytes("thumbprints.json"))
        var out: [String: String] = [:]
        for m in json.objectValue?.members ?? [] { out[m.key] = m.value.stringValue }
        return out
    }

    @Test(arguments: names)
    func sameKeyFromEveryFormatWithTheIndependentThumbprint(_ name: String) throws {
        let expected = try #require(try Self.expectedThumbprints()[name])
        let fromPEM = try KeyFile.signingKey(S.bytes("\(name).pem"), origin: name).get()
        let fromJWK = try KeyFile.signingKey(S.bytes("\(name).jwk.json"), origin: name).get()
        let publicSet = try JWKSet.parse(KeyFile.publicKeySet(S.bytes("\(name).pub.pem")).get()).get()
        let fromPublicPEM = try #require(publicSet.keys.first).key().get()
        #expect(fromPEM.key.isPrivate && fromJWK.key.isPrivate && !fromPublicPEM.isPrivate)
        #expect(fromPEM.key.thumbprint == expected)
        #expect(fromJWK.key.thumbprint == expected)
        #expect(fromPublicPEM.thumbprint == expected)
        #expect(fromPEM.key.samePublicKey(as: fromJWK.key) && fromPEM.key.samePublicKey(as: fromPublicPEM))
        #expect(fromJWK.kid == name && fromPEM.kid == nil)
    }

    @Test func traditionalFormatsAndCertificates() throws {
        let pkcs8 = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "pkcs8").get().key
        let pkcs1 = try KeyFile.signingKey(S.bytes("test-rsa-2048.pkcs1.pem"), origin: "pkcs1").get().key
        #expect(pkcs1.type == .rsa(bits: 2048) && pkcs1.samePublicKey(as: pkcs8))
        let sec1 = try KeyFile.signingKey(S.bytes("test-ec-p256.sec1.pem"), origin: "sec1").get().key
        #expect(sec1.type == .ec(.p256) && sec1.isPrivate)
        for file in ["test-rsa-2048.crt.pem", "test-rsa-2048.crt.der"] {
            let jwks = try KeyFile.publicKeySet(S.bytes(file)).get()
            let jwk = try #require(JWKSet.parse(jwks).get().keys.first)
            #expect(try jwk.key().get().samePublicKey(as: pkcs8), "\(file)")
            #expect(jwk.members["x5c"] != nil, "\(file) keeps its certificate as x5c")
            #expect(!jwk.certificateMismatch)
        }
        // PKCS#1 "RSA PUBLIC KEY" blocks, which `openssl rsa -RSAPublicKey_out` writes.
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pub.pem")
        try S.run("openssl", ["rsa", "-in", S.keyPath("test-rsa-2048.pem"), "-RSAPublicKey_out", "-out", out.path])
        let pkcs1Public = try JWKSet.parse(KeyFile.publicKeySet(Array(Data(contentsOf: out))).get()).get().keys[0].key().get()
        #expect(pkcs1Public.samePublicKey(as: pkcs8))
    }

    @Test func x5cOnlyJWK() throws {
        let der = try S.bytes("test-rsa-2048.crt.der")
        let jwk = JWK(index: 0, members: JSONObject([JSONMember(key: "kid", value: .string("c")),
                                                     JSONMember(key: "x5c", value: .array([.string(Data(der).base64EncodedString())]))]))
        let pkcs8 = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get().key
        #expect(try jwk.key().get().samePublicKey(as: pkcs8))
    }

    @Test func unusableKeysSayWhy() throws {
        func reason(_ json: String) -> String? {
            guard case .object(let o)? = try? JSONParser.parse(json) else { return "not an object" }
            if case .failure(let e) = JWK(index: 0, members: o).key() { return e.reason }
            return nil
        }
        #expect(reason(#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#) == "x and y of a P-256 key are 32 bytes each; this JWK has 3 and 3")
        #expect(reason(#"{"kty":"EC","crv":"secp256k1","x":"AAAA","y":"AAAA"}"#) == "the EC JWK's crv \"secp256k1\" is not P-256, P-384 or P-521")
        #expect(reason(#"{"kty":"RSA","e":"AQAB"}"#) == "the JWK has no `n`")
        #expect(reason(#"{"kty":"oct","k":"c2VjcmV0"}"#) == "an `oct` JWK is a shared secret, not a public key")
        let offCurve = #"{"kty":"EC","crv":"P-256","x":"\#(Base64URL.encode([UInt8](repeating: 1, count: 32)))","y":"\#(Base64URL.encode([UInt8](repeating: 2, count: 32)))"}"#
        #expect(reason(offCurve)?.hasPrefix("the point (x, y) is not on P-256") == true)
        #expect(throws: Never.self) { _ = try KeyFile.signingKey(S.bytes("test-ec-p256.pem"), origin: "k").get() }
        if case .failure(let e) = KeyFile.signingKey(try S.bytes("test-rsa-2048.pub.pem"), origin: "k") {
            #expect(e.reason == "the PEM holds no private key (a public key or certificate cannot sign)")
        } else {
            Issue.record("a public key was accepted as a signing key")
        }
    }

    @Test func ecdsaDERConversionAgreesWithAnIndependentCodec() throws {
        for size in [32, 48, 66] {
            for _ in 0..<20 {
                var raw = try #require(OpenSSL.randomBytes(2 * size))
                raw[0] = 0  // exercise leading zeros, which DER strips
                let der = try #require(OpenSSL.ecdsaDER(fromRaw: raw))
                #expect(der == S.rawToDER(raw))
                #expect(OpenSSL.ecdsaRaw(fromDER: der, size: size) == .raw(raw))
                #expect(S.derToRaw(der, size: size) == raw)
            }
        }
        #expect(OpenSSL.ecdsaRaw(fromDER: [0x30, 0x02, 0x05, 0x00], size: 32) == .notDER)
    }

    @Test func constantTimeCompareAndRandomness() throws {
        #expect(OpenSSL.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!OpenSSL.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!OpenSSL.constantTimeEqual([1, 2, 3], [1, 2]))
        let a = try #require(OpenSSL.randomBytes(16)), b = try #require(OpenSSL.randomBytes(16))
        #expect(a.count == 16 && a != b)
    }
}
