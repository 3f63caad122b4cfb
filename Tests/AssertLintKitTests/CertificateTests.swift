import Foundation
import Testing
@testable import AssertLintKit

/// Certificates read by assertlint against the `openssl` command-line tool on certificates
/// generated fresh for each test: thumbprints (`-fingerprint`, hex → raw → base64url), dates,
/// names and the public key.
@Suite struct CertificateTests {
    typealias S = CryptoSupport

    /// A self-signed certificate and its private key, made by `openssl req`.
    struct Generated {
        let dir: URL
        let certificate: URL
        let key: URL
        var certificatePEM: [UInt8] { get throws { Array(try Data(contentsOf: certificate)) } }
    }

    static func generate(_ kind: String, subject: String = "/CN=assertlint-test/O=Example", days: Int = 30) throws -> Generated {
        let dir = try S.tempDir()
        let cert = dir.appendingPathComponent("cert.pem"), key = dir.appendingPathComponent("key.pem")
        let keyOptions = kind == "ec" ? ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"] : ["-newkey", "rsa:2048"]
        try S.run("openssl", ["req", "-x509"] + keyOptions + ["-nodes", "-keyout", key.path, "-out", cert.path,
                                                               "-subj", subject, "-days", String(days)])
        return Generated(dir: dir, certificate: cert, key: key)
    }

    /// `openssl x509 -fingerprint` as the raw digest: "sha1 Fingerprint=AB:CD:..." → bytes.
    static func opensslFingerprint(_ path: URL, _ digest: String) throws -> [UInt8] {
        let line = String(decoding: try S.run("openssl", ["x509", "-in", path.path, "-noout", "-fingerprint", "-\(digest)"]), as: UTF8.self)
        let hex = line.split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let pairs = hex.split(separator: ":")
        return pairs.compactMap { UInt8($0, radix: 16) }
    }

    static func opensslField(_ path: URL, _ flag: String) throws -> String {
        let out = String(decoding: try S.run("openssl", ["x509", "-in", path.path, "-noout", flag, "-nameopt", "RFC2253",
                                                         "-dateopt", "iso_8601"]), as: UTF8.self)
        return out.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }

    static func isoDate(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss'Z'"
        return f.date(from: text)
    }

    @Test(arguments: ["rsa", "ec"])
    func thumbprintsAreOpenSSLFingerprintsInBase64URL(_ kind: String) throws {
        let g = try Self.generate(kind)
        let certificates = try Certificate.read(try g.certificatePEM).get()
        #expect(certificates.count == 1)
        let cert = try #require(certificates.first)
        let sha1 = try Self.opensslFingerprint(g.certificate, "sha1")
        let sha256 = try Self.opensslFingerprint(g.certificate, "sha256")
        #expect(sha1.count == 20 && sha256.count == 32)
        #expect(cert.sha1 == sha1 && cert.sha256 == sha256)
        #expect(cert.thumbprint(.sha1) == Base64URL.encode(sha1))
        #expect(cert.thumbprint(.sha256) == Base64URL.encode(sha256))
        #expect(cert.thumbprint(.sha1).count == 27 && cert.thumbprint(.sha256).count == 43)
        #expect(!cert.thumbprint(.sha256).contains("=") && !cert.thumbprint(.sha256).contains("+") && !cert.thumbprint(.sha256).contains("/"))
        let hexLine = String(decoding: try S.run("openssl", ["x509", "-in", g.certificate.path, "-noout", "-fingerprint", "-sha1"]), as: UTF8.self)
        #expect(hexLine.replacingOccurrences(of: ":", with: "").contains(cert.hexThumbprint(.sha1)))

        // The DER form of the same certificate reads to the same thumbprints.
        let der = try S.run("openssl", ["x509", "-in", g.certificate.path, "-outform", "DER"])
        let fromDER = try #require(try Certificate.read(Array(der)).get().first)
        #expect(fromDER.der == Array(der) && fromDER.sha256 == sha256)

        // Its public key is the private key's.
        let signing = try KeyFile.signingKey(Array(try Data(contentsOf: g.key)), origin: "key.pem").get()
        #expect(cert.key.samePublicKey(as: signing.key))
        if kind == "ec" { #expect(cert.key.type == .ec(.p256)) } else { #expect(cert.key.type == .rsa(bits: 2048)) }
    }

    @Test func namesAndDatesAreOpenSSLs() throws {
        let g = try Self.generate("rsa", subject: "/CN=assertlint names/O=Example Org/C=DE", days: 10)
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        #expect(cert.subject == (try Self.opensslField(g.certificate, "-subject")))
        #expect(cert.issuer == (try Self.opensslField(g.certificate, "-issuer")))
        #expect(cert.subject.contains("CN=assertlint names"))
        #expect(cert.notBefore == Self.isoDate(try Self.opensslField(g.certificate, "-startdate")))
        #expect(cert.notAfter == Self.isoDate(try Self.opensslField(g.certificate, "-enddate")))
        #expect(cert.notAfter.timeIntervalSince(cert.notBefore) == 10 * 86_400)
        #expect(!cert.isExpired(at: Date()) && !cert.isNotYetValid(at: Date()))
    }

    @Test func anExpiredCertificatesDates() throws {
        let g = try Self.generate("rsa")
        let expired = g.dir.appendingPathComponent("expired.pem")
        // Re-signed with a validity that ended a day ago (notAfter = now - 1 day).
        try S.run("openssl", ["x509", "-in", g.certificate.path, "-signkey", g.key.path, "-days", "-1", "-out", expired.path])
        let cert = try #require(try Certificate.read(Array(try Data(contentsOf: expired))).get().first)
        let notAfter = try #require(Self.isoDate(try Self.opensslField(expired, "-enddate")))
        #expect(cert.notAfter == notAfter)
        #expect(cert.notBefore == Self.isoDate(try Self.opensslField(expired, "-startdate")))
        #expect(cert.isExpired(at: Date()))
        #expect(!cert.isExpired(at: notAfter.addingTimeInterval(-1)))
        #expect(cert.notAfter < cert.notBefore, "openssl -days -1 puts notAfter a day before notBefore")
    }

    @Test func severalCertificatesInOnePEMAndOtherBlocksSkipped() throws {
        let a = try Self.generate("rsa"), b = try Self.generate("ec")
        let key = Array(try Data(contentsOf: a.key))
        let bundle = try a.certificatePEM + key + (try b.certificatePEM)
        let certs = try Certificate.read(bundle).get()
        #expect(certs.map(\.sha1) == [try Self.opensslFingerprint(a.certificate, "sha1"), try Self.opensslFingerprint(b.certificate, "sha1")])
        #expect(throws: KeyError.self) { try Certificate.read(key).get() }
        #expect(throws: KeyError.self) { try Certificate.read(Array("not a certificate".utf8)).get() }
        // A cut-off block is refused, not half-read.
        let text = String(decoding: try a.certificatePEM, as: UTF8.self)
        let cut = text.replacingOccurrences(of: "\n-----END CERTIFICATE-----", with: "AAAA\n-----END CERTIFICATE-----")
        #expect(throws: KeyError.self) { try Certificate.read(Array(cut.utf8)).get() }
        // DER with trailing bytes is not one certificate.
        let der = try S.run("openssl", ["x509", "-in", a.certificate.path, "-outform", "DER"])
        #expect(throws: KeyError.self) { try Certificate(der: Array(der) + [0]) }
    }

    @Test func jwksFromACertificateIsLookedUpByEitherThumbprint() throws {
        let rsa = try Self.generate("rsa"), ec = try Self.generate("ec")
        let rsaCert = try #require(try Certificate.read(try rsa.certificatePEM).get().first)
        let ecCert = try #require(try Certificate.read(try ec.certificatePEM).get().first)

        // --jwks / app.jwks given a PEM certificate: the JWK carries x5c, and the lookup computes the digests.
        let fromPEM = try JWKSet.parse(try KeyFile.publicKeySet(try rsa.certificatePEM + (try ec.certificatePEM)).get()).get()
        #expect(fromPEM.keys.count == 2)
        #expect(fromPEM.keys.first?.certificate?.sha256 == rsaCert.sha256)
        #expect(fromPEM.key(thumbprint: rsaCert.sha1, .sha1)?.index == 0)
        #expect(fromPEM.key(thumbprint: ecCert.sha256, .sha256)?.index == 1)
        // The SHA-256 digest looked up as x5t (SHA-1) finds nothing, as at Entra ID.
        #expect(fromPEM.key(thumbprint: ecCert.sha256, .sha1) == nil)
        #expect(fromPEM.key(thumbprint: rsaCert.sha1, .sha256) == nil)

        // A JWKS written with thumbprint members, and a DER certificate file.
        let written = try JWKSet.parse(JWKSet.json(certificates: [ecCert])).get()
        #expect(written.keys.first?.members["x5t#S256"]?.stringValue == ecCert.thumbprint(.sha256))
        #expect(written.key(thumbprint: ecCert.sha1, .sha1) != nil)
        let der = try S.run("openssl", ["x509", "-in", rsa.certificate.path, "-outform", "DER"])
        let fromDER = try JWKSet.parse(try KeyFile.publicKeySet(Array(der)).get()).get()
        #expect(fromDER.key(thumbprint: rsaCert.sha256, .sha256) != nil)
        #expect(try fromDER.keys.first?.key().get().samePublicKey(as: rsaCert.key) == true)
    }

    @Test func x5cMemberReadsAndRefusesBase64URL() throws {
        let g = try Self.generate("ec")
        let cert = try #require(try Certificate.read(try g.certificatePEM).get().first)
        #expect(try Certificate(x5c: cert.x5c).sha256 == cert.sha256)
        // base64url in x5c is an RFC 7517 violation; refused rather than guessed when it differs.
        let urlForm = Base64URL.encode(cert.der)
        if urlForm != cert.x5c.replacingOccurrences(of: "=", with: "") {
            #expect(throws: KeyError.self) { try Certificate(x5c: urlForm) }
        }
        #expect(throws: KeyError.self) { try Certificate(x5c: "AAAA") }
    }
}
