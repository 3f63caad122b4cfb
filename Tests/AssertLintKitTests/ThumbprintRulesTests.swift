import Foundation
import Testing
@testable import AssertLintKit

/// The thumbprint rules (x5t-missing, x5t-encoding-invalid, x5t-mismatch, certificate-expired,
/// jwks-not-configured) and the kid/signature rules under a server that finds keys by certificate
/// thumbprint, run with every rule on requests to an Entra ID token URL. Thumbprints are compared
/// with `openssl x509 -fingerprint` on certificates generated for each test.
@Suite struct ThumbprintRulesTests {
    typealias S = CryptoSupport
    static let clientID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    static let url = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token"

    /// A fixture sent to Entra ID with `header` (flow YAML), the app's keys from `jwks`, signed with `signWith`.
    static func diagnose(header: String, jwks: String?, signWith: String, now: String = "2026-12-02T06:00:00Z") throws -> Diagnosis {
        let dir = try S.tempDir()
        let text = """
        now: \(now)
        app:
          client_id: \(clientID)
          auth_method: private_key_jwt
        \(jwks.map { "  jwks: \($0)" } ?? "")
        request:
          url: \(url)
          form:
            grant_type: client_credentials
            scope: https://graph.microsoft.com/.default
            client_id: \(clientID)
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion:
              header: \(header)
              claims: {iss: \(clientID), sub: \(clientID), aud: "\(url)", nbf: "now", exp: "+300", jti: 5b0e7a52-0001-4c1e-9a51-00000000000a}
              sign_with: \(signWith)
        """
        let subject = try FixtureLoader().load(text: text, path: dir.appendingPathComponent("case.yaml").path)
        #expect(subject.profile.id == "entra")
        return Engine().run(subject)
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    @Test func sha256InX5tShowsBothThumbprintsAsOpenSSLPrintsThem() throws {
        let g = try CertificateTests.generate("rsa")
        let sha1 = try CertificateTests.opensslFingerprint(g.certificate, "sha1")
        let sha256 = try CertificateTests.opensslFingerprint(g.certificate, "sha256")
        let d = try Self.diagnose(header: "{alg: RS256, x5t: \(Base64URL.encode(sha256))}", jwks: g.certificate.path, signWith: g.key.path)
        #expect(d.ruleIDs == ["x5t-mismatch"])
        let f = try #require(d.findings.first)
        #expect(f.location.pointer == "/client_assertion/header/x5t")
        for shown in [Base64URL.encode(sha1), Base64URL.encode(sha256), Self.hex(sha1), Self.hex(sha256)] {
            #expect(f.message.contains(shown), "\(shown) not in \(f.message)")
        }
        #expect(f.message.contains("is a SHA-256 digest, but Microsoft Entra ID reads x5t as a SHA-1 thumbprint"))
        #expect(f.fix == "Set `x5t#S256` to \"\(Base64URL.encode(sha256))\", and sign again.")
        #expect(f.answer?.errorDescription?.hasPrefix("AADSTS700027:") == true)
    }

    @Test func aRenewedCertificatesThumbprintNamesTheRegisteredOneThatVerifies() throws {
        let registered = try CertificateTests.generate("rsa")
        let renewed = try CertificateTests.generate("rsa")
        let newSHA256 = try CertificateTests.opensslFingerprint(renewed.certificate, "sha256")
        let oldSHA256 = try CertificateTests.opensslFingerprint(registered.certificate, "sha256")
        // Signed with the registered certificate's key, but the header names the renewed one.
        let d = try Self.diagnose(header: "{alg: RS256, \"x5t#S256\": \(Base64URL.encode(newSHA256))}",
                                  jwks: registered.certificate.path, signWith: registered.key.path)
        #expect(d.ruleIDs == ["x5t-mismatch"])
        let f = try #require(d.findings.first)
        #expect(f.message.contains("is the SHA-256 thumbprint of no registered certificate"))
        #expect(f.message.contains(Self.hex(newSHA256)) && f.message.contains(Self.hex(oldSHA256)))
        #expect(f.message.contains("(the signature verifies with its key)"))
        #expect(f.fix == "Set `x5t#S256` to \"\(Base64URL.encode(oldSHA256))\", and sign again.")
    }

    @Test func anIllEncodedThumbprintIsCorrectedToTheRegisteredCertificates() throws {
        let g = try CertificateTests.generate("rsa")
        let sha1 = try CertificateTests.opensslFingerprint(g.certificate, "sha1")
        for value in [Self.hex(sha1), Base64URL.encode(Self.hex(sha1)), "\"\(Data(sha1).base64EncodedString())\""] {
            let d = try Self.diagnose(header: "{alg: RS256, x5t: \(value)}", jwks: g.certificate.path, signWith: g.key.path)
            #expect(d.ruleIDs == ["x5t-encoding-invalid"], "\(value)")
            #expect(d.findings.first?.fix == "Set `x5t` to \"\(Base64URL.encode(sha1))\" (base64url of the raw digest bytes, no padding), and sign again.", "\(value)")
        }
    }

    @Test func kidIsNotReadAndTheSignatureIsCheckedAgainstTheNamedCertificate() throws {
        let g = try CertificateTests.generate("rsa")
        let sha256 = Base64URL.encode(try CertificateTests.opensslFingerprint(g.certificate, "sha256"))
        // An unknown kid beside the right thumbprint: Entra does not read kid.
        let clean = try Self.diagnose(header: "{alg: RS256, kid: whatever, \"x5t#S256\": \(sha256)}", jwks: g.certificate.path, signWith: g.key.path)
        #expect(clean.ruleIDs == [])
        #expect(!clean.unjudged.map(\.ruleID).contains("kid-unknown"))
        // The right thumbprint, signed with another key: the certificate it names does not verify it.
        let other = S.keyPath("test-rsa-2048-other.pem")
        let bad = try Self.diagnose(header: "{alg: RS256, \"x5t#S256\": \(sha256)}", jwks: g.certificate.path, signWith: other)
        #expect(bad.ruleIDs == ["signature-invalid"])
        // Only a kid: x5t-missing, and no kid rule.
        let kidOnly = try Self.diagnose(header: "{alg: RS256, kid: k1}", jwks: g.certificate.path, signWith: g.key.path)
        #expect(kidOnly.ruleIDs == ["x5t-missing"])
        #expect(kidOnly.findings.first?.fix?.contains("\"\(sha256)\"") == true)
    }

    @Test func anExpiredCertificateAndAnAppWithoutOne() throws {
        let g = try CertificateTests.generate("rsa", days: 1)
        let sha256 = Base64URL.encode(try CertificateTests.opensslFingerprint(g.certificate, "sha256"))
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3 * 86_400))
        let expired = try Self.diagnose(header: "{alg: RS256, \"x5t#S256\": \(sha256)}", jwks: g.certificate.path, signWith: g.key.path, now: later)
        #expect(expired.ruleIDs == ["certificate-expired"])
        #expect(expired.findings.first?.location.pointer == "/app/jwks/keys/0")
        // Bare public keys: nothing Entra can find by thumbprint.
        let bare = try Self.diagnose(header: "{alg: RS256, \"x5t#S256\": \(sha256)}", jwks: S.keyPath("test-jwks-rsa.json"), signWith: g.key.path)
        #expect(bare.ruleIDs == ["jwks-not-configured"])
        // No app keys shown: not judged, and said so.
        let unknown = try Self.diagnose(header: "{alg: RS256, \"x5t#S256\": \(sha256)}", jwks: nil, signWith: g.key.path)
        #expect(unknown.ruleIDs == [])
        #expect(Set(unknown.unjudged.map(\.ruleID)).isSuperset(of: ["jwks-not-configured", "x5t-mismatch", "signature-invalid"]))
    }

    /// A DER certificate as the registered key reads like its PEM form (`--jwks cert.der`).
    @Test func aDERCertificateIsARegisteredCertificate() throws {
        let der = S.keyPath("test-rsa-2048.crt.der")
        let sha1 = try CertificateTests.opensslFingerprint(URL(fileURLWithPath: S.keyPath("test-rsa-2048.crt.pem")), "sha1")
        let clean = try Self.diagnose(header: "{alg: RS256, x5t: \(Base64URL.encode(sha1))}", jwks: der, signWith: S.keyPath("test-rsa-2048.pem"))
        #expect(clean.ruleIDs == [])
        let wrong = try Self.diagnose(header: "{alg: RS256, x5t: \(Self.hex(sha1))}", jwks: der, signWith: S.keyPath("test-rsa-2048.pem"))
        #expect(wrong.ruleIDs == ["x5t-encoding-invalid"])
        #expect(wrong.findings.first?.message.contains("it is the digest of the registered certificate keys[0]") == true)
    }

    /// A decoded header pasted alone is judged for what it shows (ADAL.NET#309).
    @Test func aDecodedHeaderAloneIsJudgedWithoutItsClaims() throws {
        func run(_ paste: String) throws -> Diagnosis {
            var subject = try #require(try InputReader.subjects(from: paste, source: "paste", loader: FixtureLoader()).first)
            try ProfileSelection(forced: (try #require(ProfileSet.bundled["entra"]), "test")).apply(to: &subject)
            return Engine().run(subject)
        }
        let ill = try run("{\n  \"alg\": \"RS256\",\n  \"x5t\": \"ODk1NjlCOUU0MjZGOUM4OUY2QkIxMTIwMTJDQzU0RjkyQjFBREQ5Qg\"\n}")
        #expect(ill.ruleIDs == ["x5t-encoding-invalid"])
        #expect(ill.findings.first?.fix == "Set `x5t` to \"iVabnkJvnIn2uxEgEsxU-Ssa3Zs\" (base64url of the raw digest bytes, no padding), and sign again.")
        let good = try run("{\"alg\":\"RS256\",\"x5t\":\"iVabnkJvnIn2uxEgEsxU-Ssa3Zs\"}")
        #expect(good.ruleIDs == [])
        #expect(good.subject.shows.header && !good.subject.shows.claims && !good.subject.shows.signature)
        let missing = try run("{\"alg\":\"RS256\",\"kid\":\"abc\"}")
        #expect(missing.ruleIDs == ["x5t-missing"])
    }
}
