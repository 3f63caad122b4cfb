import Foundation
import Testing
@testable import AssertLintKit

/// Which registered certificate a thumbprint-keyed server picks, from signed assertions whose
/// headers carry each kind of thumbprint, against a JWKS read from the certificate file.
@Suite struct ThumbprintKeyLookupTests {
    typealias S = CryptoSupport

    struct Policy: KeyLookupPolicy {
        let keyLookup: [KeyLookupMethod]
    }
    static let entra = Policy(keyLookup: [.x5tS256, .x5t])
    static let byKid = Policy(keyLookup: [.kid, .alg])

    static func certificate(_ name: String = "test-rsa-2048.crt.pem") throws -> Certificate {
        try #require(try Certificate.read(S.bytes(name)).get().first)
    }

    /// An RS256 assertion signed with test-rsa-2048 carrying `header` members, judged against the
    /// JWKS that `certificateFile` (PEM) becomes.
    static func keys(_ header: [String: JSONValue], certificateFile: [UInt8]? = nil, alg: String = "RS256") throws -> AssertionKeys {
        let key = try KeyFile.signingKey(S.bytes("test-rsa-2048.pem"), origin: "k").get()
        var members = [JSONMember(key: "alg", value: .string(alg))]
        for name in header.keys.sorted() { members.append(JSONMember(key: name, value: header[name] ?? .null)) }
        let claims = JSONObject([JSONMember(key: "iss", value: .string(S.clientID)), JSONMember(key: "sub", value: .string(S.clientID)),
                                 JSONMember(key: "aud", value: .string(S.tokenURL)), JSONMember(key: "exp", value: .number("1748873100"))])
        let signer: JWSSignature.Signer = alg.hasPrefix("HS") ? .secret(Array(S.secret.utf8)) : .key(key.key)
        let compact = try JWSSignature.compact(header: JSONObject(members), claims: claims, signer: signer)
        var subject = try S.subject(compact, method: .privateKeyJWT)
        subject.app.jwks = try KeyFile.publicKeySet(certificateFile ?? (try S.bytes("test-rsa-2048.crt.pem"))).get()
        return try #require(AssertionKeys(subject))
    }

    @Test func aCorrectHeaderResolvesTheRegisteredCertificate() throws {
        let cert = try Self.certificate()
        for hash in ThumbprintHash.allCases {
            let lookup = try Self.keys([hash.header: .string(cert.thumbprint(hash))]).thumbprintLookup(Self.entra)
            guard case .resolved(let jwk, let by) = lookup else {
                Issue.record("\(hash): \(lookup)")
                continue
            }
            #expect(by == hash && jwk.index == 0 && jwk.certificate?.sha1 == cert.sha1)
        }
    }

    @Test func aServerThatFindsKeysByKidIsNotConcerned() throws {
        let lookup = try Self.keys([:]).thumbprintLookup(Self.byKid)
        guard case .notApplicable = lookup else { Issue.record("\(lookup)"); return }
        let hmac = try Self.keys([:], alg: "HS256")
        guard case .notApplicable = hmac.thumbprintLookup(Self.entra) else { Issue.record("HS256"); return }
    }

    @Test func noThumbprintHeaderIsMissing() throws {
        guard case .missing(let reads, let hasX5C) = try Self.keys(["kid": .string("test-rsa-2048")]).thumbprintLookup(Self.entra) else {
            Issue.record("not missing")
            return
        }
        #expect(reads == [.sha256, .sha1] && !hasX5C)
        guard case .missing(_, true) = try Self.keys(["x5c": .array([.string("MIIB")])]).thumbprintLookup(Self.entra) else {
            Issue.record("x5c not noticed")
            return
        }
    }

    @Test func sha256InX5tIsTheOtherHashOfThisCertificate() throws {
        let cert = try Self.certificate()
        let lookup = try Self.keys(["x5t": .string(cert.thumbprint(.sha256))]).thumbprintLookup(Self.entra)
        guard case .otherHash(let analysis, let jwk) = lookup else { Issue.record("\(lookup)"); return }
        #expect(analysis.header == .sha1 && analysis.digestHash == .sha256 && jwk?.index == 0)
    }

    @Test func illEncodedHeadersAreMalformedAndNameTheirCertificate() throws {
        let cert = try Self.certificate()
        let hex = cert.hexThumbprint(.sha1)
        for value in [hex, Base64URL.encode(hex), Data(cert.sha1).base64EncodedString(), " " + cert.thumbprint(.sha1)] {
            let lookup = try Self.keys(["x5t": .string(value)]).thumbprintLookup(Self.entra)
            guard case .malformed(let analysis, let jwk) = lookup else { Issue.record("\(value): \(lookup)"); continue }
            #expect(!analysis.isCorrect && jwk?.index == 0, "\(value)")
        }
        guard case .malformed(_, nil) = try Self.keys(["x5t": .string("not-a-thumbprint!")]).thumbprintLookup(Self.entra) else {
            Issue.record("undecodable")
            return
        }
    }

    @Test func anotherCertificatesThumbprintIsUnregistered() throws {
        let other = try Self.keys(["x5t#S256": .string(Base64URL.encode([UInt8](repeating: 9, count: 32)))]).thumbprintLookup(Self.entra)
        guard case .unregistered(let analysis) = other else { Issue.record("\(other)"); return }
        #expect(analysis.isCorrect && analysis.header == .sha256)
    }

    @Test func anExpiredRegisteredCertificate() throws {
        let g = try CertificateTests.generate("rsa")
        let expiredURL = g.dir.appendingPathComponent("expired.pem")
        try S.run("openssl", ["x509", "-in", g.certificate.path, "-signkey", g.key.path, "-days", "-1", "-out", expiredURL.path])
        let expiredPEM = Array(try Data(contentsOf: expiredURL))
        let expired = try #require(try Certificate.read(expiredPEM).get().first)
        // Signed with another key than the certificate's: the lookup is by thumbprint alone.
        let keys = try Self.keys(["x5t#S256": .string(expired.thumbprint(.sha256))], certificateFile: expiredPEM)
        let found = try #require(keys.expiredCertificate(Self.entra, at: Date()))
        #expect(found.certificate.sha256 == expired.sha256 && found.jwk.index == 0)
        #expect(keys.expiredCertificate(Self.entra, at: expired.notAfter.addingTimeInterval(-1)).map(\.jwk.index) == nil)
        let valid = try Self.keys(["x5t#S256": .string(try Self.certificate().thumbprint(.sha256))])
        #expect(valid.expiredCertificate(Self.entra, at: Date()).map(\.jwk.index) == nil)
    }
}
