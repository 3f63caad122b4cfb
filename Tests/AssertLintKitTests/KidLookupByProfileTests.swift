import Foundation
import Testing
@testable import AssertLintKit

/// kid-missing, kid-unknown and signature-invalid follow the profile's `keys`: a server that does
/// not require a kid with several keys and looks keys up by alg (Keycloak) tries the keys that
/// fit; Okta needs the kid.
@Suite struct KidLookupByProfileTests {
    typealias S = CryptoSupport

    static func run(_ signWith: String, kid: String?, profile: String) throws -> Diagnosis {
        let compact = try CryptoRuleTests.signed(signWith, alg: .RS256, kid: kid)
        var subject = try S.subject(compact, method: .privateKeyJWT, jwks: "test-jwks-two-rsa.json")
        try ProfileSelection(forced: (try #require(ProfileSet.bundled[profile]), "test")).apply(to: &subject)
        return Engine(rules: [KidMissing(), KidUnknown(), SignatureInvalid()]).run(subject)
    }

    @Test func noKidWithTwoKeys() throws {
        #expect(try Self.run("test-rsa-2048-other.pem", kid: nil, profile: "okta-custom").ruleIDs == ["kid-missing"])
        // Keycloak picks by alg: the second key verifies, nothing to report.
        #expect(try Self.run("test-rsa-2048-other.pem", kid: nil, profile: "keycloak").ruleIDs == [])
        // Signed with an RSA key that is not registered: no registered key that fits RS256 verifies it.
        let d = try Self.run("test-rsa-1024.pem", kid: nil, profile: "keycloak")
        #expect(d.ruleIDs == ["signature-invalid"])
        #expect(d.findings.first?.message == "the header has no kid, so Keycloak tries the registered keys that fit RS256 ('test-rsa-2048', 'test-rsa-2048-other'), and the signature verifies with none of them")
        // A kid that names no key fails at Keycloak too (`Unable to load public key`).
        #expect(try Self.run("test-rsa-2048.pem", kid: "other", profile: "keycloak").ruleIDs == ["kid-unknown"])
    }
}
