import Foundation
import Testing
@testable import AssertLintKit

/// Each way a thumbprint header is written wrong in public reports, built from a real certificate.
@Suite struct ThumbprintAnalysisTests {
    static let certificate: Certificate? = {
        guard let bytes = try? CryptoSupport.bytes("test-rsa-2048.crt.pem") else { return nil }
        return try? Certificate.read(bytes).get().first
    }()

    func analyse(_ header: ThumbprintHash, _ value: String) -> ThumbprintAnalysis {
        ThumbprintAnalysis(header: header, value: .string(value))
    }

    static func hex(_ bytes: [UInt8], upper: Bool = true) -> String {
        bytes.map { String(format: upper ? "%02X" : "%02x", $0) }.joined()
    }

    @Test func correctValuesMatchTheirCertificate() throws {
        let cert = try #require(Self.certificate)
        for hash in ThumbprintHash.allCases {
            let a = analyse(hash, cert.thumbprint(hash))
            #expect(a.isCorrect && a.problems.isEmpty)
            #expect(a.digest == cert.digest(hash) && a.digestHash == hash)
            #expect(a.match(cert) == .matches)
            #expect(a.corrected == cert.thumbprint(hash))
        }
    }

    @Test func theOtherHashsDigest() throws {
        let cert = try #require(Self.certificate)
        // SHA-256 in x5t (open-webui/oikb#120): 43 characters where 27 are expected.
        let inX5t = analyse(.sha1, cert.thumbprint(.sha256))
        #expect(inX5t.problems == [.otherHash(.sha256)])
        #expect(inX5t.match(cert) == .otherHashOfThisCertificate)
        #expect(inX5t.corrected == nil)
        let inS256 = analyse(.sha256, cert.thumbprint(.sha1))
        #expect(inS256.problems == [.otherHash(.sha1)])
        #expect(inS256.match(cert) == .otherHashOfThisCertificate)
    }

    @Test func hexText() throws {
        let cert = try #require(Self.certificate)
        let upper = analyse(.sha1, Self.hex(cert.sha1))
        #expect(upper.problems == [.hexText] && upper.match(cert) == .sameDigestWrongEncoding)
        #expect(upper.corrected == cert.thumbprint(.sha1))
        #expect(analyse(.sha1, Self.hex(cert.sha1, upper: false)).problems == [.hexText])
        let colons = cert.sha256.map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(analyse(.sha256, colons).problems == [.hexText])
        #expect(analyse(.sha256, colons).match(cert) == .sameDigestWrongEncoding)
        // SHA-256 hex in x5t: both problems.
        #expect(analyse(.sha1, Self.hex(cert.sha256)).problems == [.hexText, .otherHash(.sha256)])
    }

    @Test func base64urlOfTheHexText() throws {
        // ADAL.NET#309: the hex string base64url-encoded instead of the raw bytes.
        let cert = try #require(Self.certificate)
        let value = Base64URL.encode(Self.hex(cert.sha1))
        let a = analyse(.sha1, value)
        #expect(a.problems == [.base64urlOfHex])
        #expect(a.digest == cert.sha1 && a.match(cert) == .sameDigestWrongEncoding)
        // Standard base64 with padding of the hex, as .NET's Convert.ToBase64String gives it.
        let padded = Data(Self.hex(cert.sha256).utf8).base64EncodedString()
        #expect(padded.hasSuffix("="))
        let b = analyse(.sha256, padded)
        #expect(b.problems.contains(.base64urlOfHex) && b.problems.contains(.padding))
        #expect(b.match(cert) == .sameDigestWrongEncoding)
    }

    @Test func standardBase64AndPadding() throws {
        // azure-docs#40871: Convert.ToBase64String instead of base64url.
        let cert = try #require(Self.certificate)
        let standard = Data(cert.sha1).base64EncodedString()
        #expect(standard.hasSuffix("="))
        let a = analyse(.sha1, standard)
        #expect(a.problems.contains(.padding))
        #expect(a.problems.contains(.standardBase64) == (standard.contains("+") || standard.contains("/")))
        #expect(a.match(cert) == .sameDigestWrongEncoding)
        // A digest that needs + or /: every byte 0xFB encodes to '+' and '/' characters.
        let digest = [UInt8](repeating: 0xFB, count: 20)
        let plus = Data(digest).base64EncodedString()
        #expect(plus.contains("+") || plus.contains("/"))
        #expect(analyse(.sha1, plus).problems == [.standardBase64, .padding])
        let unpadded = plus.replacingOccurrences(of: "=", with: "")
        #expect(analyse(.sha1, unpadded).problems == [.standardBase64])
        #expect(analyse(.sha1, unpadded).digest == digest)
    }

    @Test func whitespace() throws {
        let cert = try #require(Self.certificate)
        let value = cert.thumbprint(.sha256)
        let split = String(value.prefix(20)) + "\n" + String(value.dropFirst(20))
        for text in [" " + value, value + "\r\n", split] {
            let a = analyse(.sha256, text)
            #expect(a.problems == [.whitespace], "\(text.debugDescription)")
            #expect(a.match(cert) == .sameDigestWrongEncoding)
        }
    }

    @Test func notAThumbprintAtAll() throws {
        let cert = try #require(Self.certificate)
        #expect(ThumbprintAnalysis(header: .sha1, value: .number("12")).problems == [.notAString])
        #expect(analyse(.sha1, "").problems == [.empty])
        #expect(analyse(.sha1, "   ").problems == [.whitespace, .empty])
        #expect(analyse(.sha1, "not-a-thumbprint!").problems == [.undecodable])
        #expect(analyse(.sha1, Base64URL.encode([UInt8](repeating: 1, count: 16))).problems == [.wrongLength(16)])
        #expect(analyse(.sha1, "not-a-thumbprint!").match(cert) == .noMatch)
        // 39 hex digits is not hex of a digest; it is read as base64url and has no digest's length.
        #expect(analyse(.sha1, String(Self.hex(cert.sha1).dropLast())).problems.contains(.hexText) == false)
    }

    @Test func anotherCertificatesThumbprintDoesNotMatch() throws {
        let cert = try #require(Self.certificate)
        let renewed = [UInt8](repeating: 7, count: 20)
        let a = analyse(.sha1, Base64URL.encode(renewed))
        #expect(a.isCorrect && a.match(cert) == .noMatch)
    }
}
