import Foundation
import Testing
@testable import AssertLintKit

/// Issue 13's "work done once": the hand-written UTC timestamps, the per-run key cache, and the
/// byte scans that replaced Foundation searches give the same answers as what they replaced.
@Suite struct WorkDoneOnceTests {
    static func formatter(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    @Test func utcTimestampMatchesTheFormatter() {
        var seconds: [Double] = [0, -1, 1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_800, 1_748_872_800,
                                 4_107_542_400, 253_402_300_799, UTCTimestamp.firstEpoch, UTCTimestamp.firstEpoch + 1,
                                 -2_208_988_800, -5_364_662_400, 946_684_799, 946_684_800]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 { seconds.append(Double(Int.random(in: Int(UTCTimestamp.firstEpoch)...253_402_300_799, using: &rng))) }
        for s in seconds {
            let d = Date(timeIntervalSince1970: s)
            #expect(UTCTimestamp.format(d) == Self.formatter(d), "at \(s)")
        }
    }

    @Test func outsideItsRangeTheFormatterAnswers() {
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1.5)) == nil)
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: UTCTimestamp.firstEpoch - 1)) == nil)
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 253_402_300_800)) == nil)
        for s in [1.5, UTCTimestamp.firstEpoch - 86_400 * 400] {
            let d = Date(timeIntervalSince1970: s)
            #expect(Timestamps.format(d) == Self.formatter(d))
        }
    }

    @Test func oneImportedKeyPerDistinctJWK() throws {
        let text = try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/keys/test-rsa-2048.jwk.json"), encoding: .utf8)
        let members = try #require(try JSONParser.parse(text).objectValue)
        let a = try JWK(index: 0, members: members).key().get()
        let b = try JWK(index: 3, members: members).key().get()
        #expect(a.handle === b.handle)
        var other = members
        other.members.removeAll { ["d", "p", "q", "dp", "dq", "qi"].contains($0.key) }
        let c = try JWK(index: 0, members: other).key().get()
        #expect(c.handle !== a.handle)
        #expect(c.samePublicKey(as: a) && a.isPrivate && !c.isPrivate)
        // A failure is kept with its message.
        let bad = JSONObject([JSONMember(key: "kty", value: .string("RSA")), JSONMember(key: "e", value: .string("AQAB"))])
        #expect(JWK(index: 0, members: bad).key().failureReason == "the JWK has no `n`")
        #expect(JWK(index: 1, members: bad).key().failureReason == "the JWK has no `n`")
    }

    @Test func pemScanFindsWhatTheSearchFound() {
        let key = "x: 1\n-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"
        #expect(PrivateKeyScan.pemBlocks(in: key) == [PrivateKeyScan.PEMBlock(label: "BEGIN EC PRIVATE KEY", line: 2)])
        #expect(PrivateKeyScan.pemBlocks(in: "-----BEGIN PUBLIC KEY-----\nAAAA\n").isEmpty)
        #expect(PrivateKeyScan.pemBlocks(in: "PRIVATE KEY----- without a begin line").isEmpty)
        #expect(PrivateKeyScan.hasBytes("é-----BEGIN ", PrivateKeyScan.pemBegin))
        #expect(!PrivateKeyScan.hasBytes("-----BEGIN", PrivateKeyScan.pemBegin))
        #expect(PrivateKeyScan.hasBytes(String(repeating: "a", count: 10) + "-----BEGIN RSA", PrivateKeyScan.pemBegin))
    }

    @Test func placeholderFastPathOnlyTakesTokens() {
        #expect(Placeholder.looksLikeJWS("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"))
        #expect(!Placeholder.looksLikeJWS("YOUR_CLIENT_ASSERTION"))
        #expect(!Placeholder.looksLikeJWS("eyJhbGciOi..."))
        #expect(!Placeholder.looksLikeJWS("{{assertion}}"))
        #expect(!Placeholder.looksLikeJWS("$TOKEN.x"))
        #expect(Placeholder.reason("eyJhbGciOi...") != nil)
        #expect(Placeholder.reason("YOUR_CLIENT_ASSERTION") != nil)
        #expect(Placeholder.reason("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln") == nil)
    }
}

private extension Result where Failure == KeyError {
    var failureReason: String? {
        if case .failure(let e) = self { return e.reason }
        return nil
    }
}
