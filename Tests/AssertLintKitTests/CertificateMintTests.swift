import Foundation
import Testing
@testable import AssertLintKit

/// `mint --cert`: the thumbprint headers a certificate-keyed server (Entra ID) looks the key up by,
/// checked by the thumbprint analysis and by the certificate's own public key.
@Suite struct CertificateMintTests {
    typealias S = CryptoSupport
    static let audience = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token"

    func mint(_ g: CertificateTests.Generated, thumbprints: [ThumbprintHash] = [.sha256],
              algorithm: JWSAlgorithm? = nil) throws -> (ClientAssertion, Certificate, SigningKey) {
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        let key = try KeyFile.signingKey(Array(try Data(contentsOf: g.key)), origin: "key.pem").get()
        let compact = try Minter(key: .privateKey(key), clientID: "c1", audience: Self.audience, algorithm: algorithm,
                                 certificate: cert, thumbprints: thumbprints).mint(now: S.now)
        return (try S.decode(compact), cert, key)
    }

    @Test func defaultIsX5tS256WithPS256ForRSA() throws {
        let (a, cert, _) = try mint(try CertificateTests.generate("rsa"))
        #expect(a.alg == "PS256")
        #expect(a.header["x5t"] == nil)
        let value = try #require(a.header["x5t#S256"])
        #expect(ThumbprintAnalysis(header: .sha256, value: value).match(cert) == .matches)
        #expect(JWSSignature.verify(a, alg: .PS256, key: cert.key) == .valid)
    }

    @Test func sha1IsX5tWithRS256AndBothSendsBoth() throws {
        let g = try CertificateTests.generate("rsa")
        let (sha1, cert, _) = try mint(g, thumbprints: [.sha1])
        #expect(sha1.alg == "RS256" && sha1.header["x5t#S256"] == nil)
        #expect(ThumbprintAnalysis(header: .sha1, value: try #require(sha1.header["x5t"])).match(cert) == .matches)
        #expect(sha1.header["x5t"]?.stringValue == Base64URL.encode(try CertificateTests.opensslFingerprint(g.certificate, "sha1")))

        let (both, _, _) = try mint(g, thumbprints: [.sha1, .sha256])
        #expect(both.alg == "PS256")
        for hash in ThumbprintHash.allCases {
            #expect(ThumbprintAnalysis(header: hash, value: try #require(both.header[hash.header])).match(cert) == .matches)
        }
        // An explicit --alg wins.
        let (rs, _, _) = try mint(g, algorithm: .RS256)
        #expect(rs.alg == "RS256" && JWSSignature.verify(rs, alg: .RS256, key: cert.key) == .valid)
    }

    @Test func ecCertificateSignsWithItsCurve() throws {
        let (a, cert, _) = try mint(try CertificateTests.generate("ec"))
        #expect(a.alg == "ES256")
        #expect(ThumbprintAnalysis(header: .sha256, value: try #require(a.header["x5t#S256"])).match(cert) == .matches)
        #expect(JWSSignature.verify(a, alg: .ES256, key: cert.key) == .valid)
    }

    @Test func aCertificateOfAnotherKeyIsRefused() throws {
        let g = try CertificateTests.generate("rsa")
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        let other = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "other").get()
        let minter = Minter(key: .privateKey(other), clientID: "c1", audience: Self.audience, certificate: cert)
        #expect(throws: Minter.MintError.self) { try minter.mint(now: S.now) }
        do {
            _ = try minter.mint(now: S.now)
        } catch {
            #expect(error.about == "certificate" && error.description.hasPrefix("the certificate holds another public key"))
        }
    }

    @Test func cliMintWithCert() throws {
        let g = try CertificateTests.generate("rsa")
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        let ok = try FirstContact.run(["mint", "--key", g.key.path, "--cert", g.certificate.path, "--x5t", "both",
                                       "--client-id", "c1", "--endpoint", Self.audience])
        #expect(ok.status == 0, "\(ok.stderr)")
        let header = try FirstContact.header(ok.stdout)
        #expect(header["alg"] == .string("PS256"))
        #expect(header["x5t"] == .string(cert.thumbprint(.sha1)) && header["x5t#S256"] == .string(cert.thumbprint(.sha256)))

        let noCert = try FirstContact.run(["mint", "--key", g.key.path, "--x5t", "sha1", "--client-id", "c1", "--endpoint", Self.audience])
        #expect(noCert.status == 2 && FirstContact.isOneErrorLine(noCert.stderr), "\(noCert.stderr)")
        let wrongKey = try FirstContact.run(["mint", "--key", S.keyPath("test-rsa-2048.pem"), "--cert", g.certificate.path,
                                             "--client-id", "c1", "--endpoint", Self.audience])
        #expect(wrongKey.status == 2 && wrongKey.stderr.hasPrefix("assertlint: --cert: the certificate holds another public key"), "\(wrongKey.stderr)")
        let notACert = try FirstContact.run(["mint", "--key", g.key.path, "--cert", g.key.path, "--client-id", "c1", "--endpoint", Self.audience])
        #expect(notACert.status == 2 && notACert.stderr.hasPrefix("assertlint: --cert: the PEM holds no CERTIFICATE block"), "\(notACert.stderr)")
    }
}
