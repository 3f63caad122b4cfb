import Foundation
import Testing
@testable import AssertLintKit

/// Signatures made by independent implementations (the `openssl` command-line tool, Python's
/// `cryptography`) verify in assertlint, and assertlint's verify there.
@Suite struct CryptoInteropTests {
    typealias S = CryptoSupport

    struct Case: CustomTestStringConvertible, Sendable {
        let alg: String
        let privateKey: String
        let jwks: String
        let kid: String
        /// Extra `openssl dgst` arguments (PSS padding).
        let options: [String]
        var testDescription: String { "\(alg) with \(privateKey)" }
    }

    static let asymmetric: [Case] = [
        Case(alg: "RS256", privateKey: "test-rsa-2048.pem", jwks: "test-jwks-rsa.json", kid: "test-rsa-2048", options: []),
        Case(alg: "RS384", privateKey: "test-rsa-2048.pem", jwks: "test-jwks-rsa.json", kid: "test-rsa-2048", options: []),
        Case(alg: "RS512", privateKey: "test-rsa-2048.pem", jwks: "test-jwks-rsa.json", kid: "test-rsa-2048", options: []),
        Case(alg: "RS256", privateKey: "test-rsa-1024.pem", jwks: "test-jwks-rsa-1024.json", kid: "test-rsa-1024", options: []),
        Case(alg: "PS256", privateKey: "test-rsa-2048.pem", jwks: "test-jwks-rsa.json", kid: "test-rsa-2048",
             options: ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"]),
        Case(alg: "PS512", privateKey: "test-rsa-2048.pem", jwks: "test-jwks-rsa.json", kid: "test-rsa-2048",
             options: ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"]),
        Case(alg: "ES256", privateKey: "test-ec-p256.pem", jwks: "test-jwks-ec.json", kid: "test-ec-p256", options: []),
        Case(alg: "ES384", privateKey: "test-ec-p384.pem", jwks: "test-jwks-ec.json", kid: "test-ec-p384", options: []),
        Case(alg: "ES512", privateKey: "test-ec-p521.pem", jwks: "test-jwks-ec.json", kid: "test-ec-p521", options: []),
    ]

    static func digestFlag(_ alg: String) -> String { "-sha" + alg.suffix(3) }

    /// Signs the signing input with `openssl dgst -sign`; ECDSA's DER is converted to r||s here.
    static func opensslSign(_ c: Case, input: String, in dir: URL) throws -> [UInt8] {
        let inputFile = dir.appendingPathComponent("input.txt")
        try Data(input.utf8).write(to: inputFile)
        let der = Array(try S.run("openssl", ["dgst", digestFlag(c.alg), "-sign", S.keyPath(c.privateKey)] + c.options + [inputFile.path]))
        guard c.alg.hasPrefix("ES") else { return der }
        let size = c.alg == "ES256" ? 32 : c.alg == "ES384" ? 48 : 66
        guard let raw = S.derToRaw(der, size: size) else { throw S.ToolError(description: "openssl returned no DER ECDSA signature") }
        return raw
    }

    @Test(arguments: asymmetric)
    func opensslSignatureVerifiesInAssertlint(_ c: Case) throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = S.signingInput(alg: c.alg, kid: c.kid)
        let compact = input + "." + Base64URL.encode(try Self.opensslSign(c, input: input, in: dir))
        let assertion = try S.decode(compact)
        let jwks = try JWKSet.parse(KeyFile.publicKeySet(S.bytes(c.jwks)).get()).get()
        let jwk = try #require(jwks.keys.first { $0.kid == c.kid })
        let alg = try #require(JWSAlgorithm(rawValue: c.alg))
        #expect(JWSSignature.verify(assertion, alg: alg, key: try jwk.key().get()) == .valid)

        // Through every rule: an accepted alg with a 2048-bit key is clean; the others name exactly their problem.
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: c.jwks))
        let expected: Set<String> = c.alg.hasPrefix("PS") ? ["alg-not-allowed"] : c.privateKey.contains("1024") ? ["key-too-weak"] : []
        #expect(Set(diagnosis.ruleIDs) == expected, "\(diagnosis.findings.map(\.message))")
    }

    @Test(arguments: asymmetric)
    func wrongKeyFailsToVerify(_ c: Case) throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = S.signingInput(alg: c.alg, kid: c.kid)
        var signature = try Self.opensslSign(c, input: input, in: dir)
        // Same key, other message: the same claims with another jti.
        let tampered = S.signingInput(alg: c.alg, kid: c.kid)
        try #require(tampered != input)
        let alg = try #require(JWSAlgorithm(rawValue: c.alg))
        let jwks = try JWKSet.parse(KeyFile.publicKeySet(S.bytes(c.jwks)).get()).get()
        let key = try #require(jwks.keys.first { $0.kid == c.kid }).key().get()
        #expect(JWSSignature.verify(try S.decode(tampered + "." + Base64URL.encode(signature)), alg: alg, key: key) == .invalid)
        // Other key of the same type.
        let other: String
        switch c.alg.prefix(2) {
        case "ES": other = "test-jwks-ec.json"
        default: other = "test-jwks-two-rsa.json"
        }
        let otherSet = try JWKSet.parse(KeyFile.publicKeySet(S.bytes(other)).get()).get()
        for jwk in otherSet.keys where jwk.kid != c.kid {
            let otherKey = try jwk.key().get()
            guard alg.mismatch(with: otherKey.type) == nil else { continue }
            // A 1024-bit signature is 128 bytes; a 2048-bit key expects 256, and says so.
            let expected: SignatureVerdict = c.privateKey.contains("1024") ? .wrongLength(expected: 256, actual: 128) : .invalid
            #expect(JWSSignature.verify(try S.decode(input + "." + Base64URL.encode(signature)), alg: alg, key: otherKey) == expected)
        }
        signature[signature.count / 2] ^= 0x01
        #expect(JWSSignature.verify(try S.decode(input + "." + Base64URL.encode(signature)), alg: alg, key: key) == .invalid)
    }

    @Test func opensslWrongKeyIsSignatureInvalidWithAHint() throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = Case(alg: "RS256", privateKey: "test-rsa-2048-other.pem", jwks: "test-jwks-two-rsa.json", kid: "test-rsa-2048", options: [])
        let input = S.signingInput(alg: "RS256", kid: "test-rsa-2048")
        let compact = input + "." + Base64URL.encode(try Self.opensslSign(c, input: input, in: dir))
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: c.jwks))
        #expect(diagnosis.ruleIDs == ["signature-invalid"])
        let finding = try #require(diagnosis.findings.first)
        #expect(finding.message == "the RS256 signature does not verify with the registered key 'test-rsa-2048' (RSA 2048-bit); it verifies with the registered key 'test-rsa-2048-other'")
        #expect(finding.fix == "Set the header's kid to \"test-rsa-2048-other\".")
        #expect(finding.isServerAnswer)
        #expect(finding.answer?.errorDescription == "The client_assertion signature is invalid.")
    }

    @Test func derEncodedES256IsDetected() throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = S.signingInput(alg: "ES256", kid: "test-ec-p256")
        let file = dir.appendingPathComponent("input.txt")
        try Data(input.utf8).write(to: file)
        let der = Array(try S.run("openssl", ["dgst", "-sha256", "-sign", S.keyPath("test-ec-p256.pem"), file.path]))
        let compact = input + "." + Base64URL.encode(der)
        let key = try JWKSet.parse(KeyFile.publicKeySet(S.bytes("test-jwks-ec.json")).get()).get().keys[0].key().get()
        #expect(JWSSignature.verify(try S.decode(compact), alg: .ES256, key: key) == .derEncodedECDSA(convertedVerifies: true))
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: "test-jwks-ec.json"))
        #expect(diagnosis.ruleIDs == ["signature-invalid"])
        let message = try #require(diagnosis.findings.first?.message)
        #expect(message.hasPrefix("the ES256 signature is DER-encoded"))
        #expect(message.contains("JWS needs the 64-byte r||s form. Converted, it verifies"))
    }

    @Test(arguments: [("HS256", CryptoSupport.secret), ("HS512", CryptoSupport.longSecret)])
    func opensslHMACVerifies(_ alg: String, secret: String) throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = S.signingInput(alg: alg, kid: nil, aud: S.customTokenURL)
        let file = dir.appendingPathComponent("input.txt")
        try Data(input.utf8).write(to: file)
        let mac = Array(try S.run("openssl", ["dgst", Self.digestFlag(alg), "-mac", "HMAC", "-macopt", "key:\(secret)", "-binary", file.path]))
        let compact = input + "." + Base64URL.encode(mac)
        let a = try #require(JWSAlgorithm(rawValue: alg))
        #expect(JWSSignature.verify(try S.decode(compact), alg: a, secret: Array(secret.utf8)) == .valid)
        #expect(JWSSignature.verify(try S.decode(compact), alg: a, secret: Array((secret + "x").utf8)) == .invalid)
        // client_secret_jwt is refused for client_credentials at the Org server, so judge it at a custom one.
        #expect(Engine().run(try S.subject(compact, method: .clientSecretJWT, secret: secret, url: S.customTokenURL)).ruleIDs == [])
        #expect(Engine().run(try S.subject(compact, method: .clientSecretJWT, secret: secret + "x", url: S.customTokenURL)).ruleIDs == ["signature-invalid"])
    }

    @Test func opensslEd25519VerifiesButIsNotAccepted() throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = S.signingInput(alg: "EdDSA", kid: "test-ed25519")
        let file = dir.appendingPathComponent("input.txt")
        try Data(input.utf8).write(to: file)
        let sig = Array(try S.run("openssl", ["pkeyutl", "-sign", "-rawin", "-inkey", S.keyPath("test-ed25519.pem"), "-in", file.path]))
        let compact = input + "." + Base64URL.encode(sig)
        let key = try JWKSet.parse(KeyFile.publicKeySet(S.bytes("test-jwks-ed25519.json")).get()).get().keys[0].key().get()
        #expect(JWSSignature.verify(try S.decode(compact), alg: .EdDSA, key: key) == .valid)
        let diagnosis = Engine().run(try S.subject(compact, method: .privateKeyJWT, jwks: "test-jwks-ed25519.json"))
        #expect(diagnosis.ruleIDs == ["alg-not-allowed"])
    }

    // MARK: assertlint signs, openssl verifies

    @Test(arguments: asymmetric.filter { !$0.privateKey.contains("1024") })
    func mintedAssertionVerifiesWithOpenssl(_ c: Case) throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = try KeyFile.signingKey(S.bytes(c.privateKey), origin: c.privateKey).get()
        let minter = Minter(key: .privateKey(key), clientID: S.clientID, audience: S.tokenURL,
                            algorithm: JWSAlgorithm(rawValue: c.alg), kid: .explicit(c.kid))
        let compact = try minter.mint(now: S.now)
        let parts = compact.split(separator: ".")
        try #require(parts.count == 3)
        let input = dir.appendingPathComponent("input.txt"), sigFile = dir.appendingPathComponent("sig.bin")
        try Data((parts[0] + "." + parts[1]).utf8).write(to: input)
        var signature = try #require(try? Base64URL.decode(parts[2]).get().bytes)
        if c.alg.hasPrefix("ES") { signature = S.rawToDER(signature) }
        try Data(signature).write(to: sigFile)
        let pub = S.keyPath(c.privateKey.replacingOccurrences(of: ".pem", with: ".pub.pem"))
        let out = try S.run("openssl", ["dgst", Self.digestFlag(c.alg), "-verify", pub, "-signature", sigFile.path] + c.options + [input.path])
        #expect(String(decoding: out, as: UTF8.self).contains("Verified OK"))
    }

    @Test func mintedHMACMatchesOpenssl() throws {
        let dir = try S.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compact = try Minter(key: .secret(ClientSecret(S.longSecret)), clientID: S.clientID, audience: S.tokenURL,
                                 algorithm: .HS512).mint(now: S.now)
        let parts = compact.split(separator: ".")
        let input = dir.appendingPathComponent("input.txt")
        try Data((parts[0] + "." + parts[1]).utf8).write(to: input)
        let mac = Array(try S.run("openssl", ["dgst", "-sha512", "-mac", "HMAC", "-macopt", "key:\(S.longSecret)", "-binary", input.path]))
        #expect(Base64URL.encode(mac) == String(parts[2]))
    }

    // MARK: Python's cryptography as a second peer

    @Test(.enabled(if: CryptoSupport.hasPythonCryptography))
    func pythonVerifiesMintedES384AndPS256() throws {
        for (alg, keyName) in [("ES384", "test-ec-p384"), ("PS256", "test-rsa-2048")] {
            let key = try KeyFile.signingKey(S.bytes("\(keyName).jwk.json"), origin: keyName).get()
            let compact = try Minter(key: .privateKey(key), clientID: S.clientID, audience: S.tokenURL,
                                     algorithm: JWSAlgorithm(rawValue: alg)).mint(now: S.now)
            let script = """
                import sys, base64
                from cryptography.hazmat.primitives import serialization, hashes
                from cryptography.hazmat.primitives.asymmetric import ec, padding, utils
                h, p, s = sys.argv[2].split('.')
                sig = base64.urlsafe_b64decode(s + '=' * (-len(s) % 4))
                key = serialization.load_pem_public_key(open(sys.argv[1], 'rb').read())
                data = (h + '.' + p).encode()
                if sys.argv[3] == 'ES384':
                    key.verify(utils.encode_dss_signature(int.from_bytes(sig[:48], 'big'), int.from_bytes(sig[48:], 'big')), data, ec.ECDSA(hashes.SHA384()))
                else:
                    key.verify(sig, data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
                print('ok')
                """
            let out = try S.run("python3", ["-c", script, S.keyPath("\(keyName).pub.pem"), compact, alg])
            #expect(String(decoding: out, as: UTF8.self) == "ok\n", "\(alg)")
            #expect(key.kid == keyName)
            #expect(compact.hasPrefix(Base64URL.encode(#"{"alg":"\#(alg)","typ":"JWT","kid":"\#(keyName)"}"#)))
        }
    }

    @Test(.enabled(if: CryptoSupport.hasPythonCryptography))
    func pythonSignedPS384VerifiesInAssertlint() throws {
        let input = S.signingInput(alg: "PS384", kid: "test-rsa-2048")
        let script = """
            import sys, base64
            from cryptography.hazmat.primitives import serialization, hashes
            from cryptography.hazmat.primitives.asymmetric import padding
            key = serialization.load_pem_private_key(open(sys.argv[1], 'rb').read(), None)
            sig = key.sign(sys.argv[2].encode(), padding.PSS(mgf=padding.MGF1(hashes.SHA384()), salt_length=48), hashes.SHA384())
            print(base64.urlsafe_b64encode(sig).rstrip(b'=').decode())
            """
        let sig = String(decoding: try S.run("python3", ["-c", script, S.keyPath("test-rsa-2048.pem"), input]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get().key
        #expect(JWSSignature.verify(try S.decode(input + "." + sig), alg: .PS384, key: key) == .valid)
    }
}
