import Foundation
@testable import AssertLintKit

/// A temporary directory of files for batch tests, removed when the value is dropped.
final class TempTree: @unchecked Sendable {
    let root: String

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("assertlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // The canonical path, so that paths computed from it match what a walk reports.
        root = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}

enum BatchFixtures {
    /// 2026-01-01T00:00:00Z: after every `now:` the fixtures use, so their assertions are expired.
    static let realNow = Date(timeIntervalSince1970: 1_767_225_600)

    /// Rules whose output these tests pin down; other rules are tested elsewhere, and leaving
    /// them out keeps the golden files stable as rules are added.
    static let rules: [any Rule] = [AudienceMismatch(), AssertionLive(), PrivateKeyCommitted(), PolicyLifetime(),
                                    PolicyJTIRequired(), PolicyAlgorithm(), PolicyKidRequired()]

    static func fixture(aud: String = "https://dev-123.okta.com/oauth2/v1/token", jti: String, now: String? = "2025-06-02T14:00:00Z",
                        exp: String = "+300", header: String = "{alg: RS256, kid: key-2025}", extra: String = "") -> String {
        var s = now.map { "now: \($0)\n" } ?? ""
        s += """
        request:
          url: https://dev-123.okta.com/oauth2/v1/token
          form:
            grant_type: client_credentials
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion:
              header: \(header)
              claims: {iss: 0oa1, sub: 0oa1, aud: "\(aud)", iat: "now", exp: "\(exp)", jti: \(jti)}

        """
        return s + extra
    }

    static let wrongAud = "https://dev-123.okta.com/oauth2/default/v1/token"

    /// A fixture holding a literal compact assertion (as if captured and committed), valid for five
    /// minutes after `realNow`: `assertion-live` judges literal tokens only.
    static func literalLiveFixture(jti: String) -> String {
        let iat = Int(realNow.timeIntervalSince1970)
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"key-2025"}"#)
        let claims = Base64URL.encode(#"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","iat":\#(iat),"exp":\#(iat + 300),"jti":"\#(jti)"}"#)
        return """
        request:
          url: https://dev-123.okta.com/oauth2/v1/token
          form:
            grant_type: client_credentials
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion: \(header).\(claims).c2lnbmF0dXJl

        """
    }

    /// A small tree with one of each outcome.
    static func tree() throws -> TempTree {
        let t = try TempTree()
        try t.write("fixtures/clean.yaml", fixture(jti: "clean-1"))
        try t.write("fixtures/bad-aud.yaml", fixture(aud: wrongAud, jti: "bad-1"))
        try t.write("fixtures/known-bad.yaml", fixture(aud: wrongAud, jti: "known-1", extra: "expect: [aud-mismatch]\n"))
        try t.write("fixtures/wrong-expect.yaml", fixture(aud: wrongAud, jti: "wrong-1", extra: "expect: []\n"))
        try t.write("fixtures/live.yaml", literalLiveFixture(jti: "live-1"))
        try t.write("fixtures/broken.yaml", "request:\n  method: POST\n")
        try t.write("fixtures/settings.yaml", "name: not a fixture\nvalues: [1, 2]\n")
        try t.write("fixtures/notes.txt", "Remember to rotate the key.\n")
        try t.write("keys/leaked.json", #"{"keys": [{"kty": "EC", "kid": "k1", "crv": "P-256", "x": "f83O", "y": "x_FE", "d": "jpsQ"}]}"# + "\n")
        try t.write("node_modules/pkg/bad.yaml", fixture(aud: wrongAud, jti: "nm-1"))
        try t.write(".git/bad.yaml", fixture(aud: wrongAud, jti: "git-1"))
        return t
    }

    static func run(_ t: TempTree, _ paths: [String] = ["."], configure: (inout CheckOptions) -> Void = { _ in }) -> CheckReport {
        var options = CheckOptions(paths: paths, workingDirectory: t.root, realNow: realNow, environment: [:], rules: rules,
                                   standardInput: { nil })
        configure(&options)
        return CheckRunner(options).run()
    }
}
