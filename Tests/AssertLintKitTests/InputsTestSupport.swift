import Foundation
@testable import AssertLintKit

/// Shared helpers for the input parser tests: real compact JWTs and short renderings of what
/// a parser read, so expectations stay exact and readable.
enum InputSamples {
    static let header = #"{"alg":"RS256","kid":"k1"}"#
    static let claims = #"{"iss":"0oa8f3example","sub":"0oa8f3example","aud":"https://dev-123.okta.com/oauth2/v1/token","exp":1748873100,"jti":"j1"}"#

    /// A structurally valid compact JWS (the signature is not a real one).
    static func jwt(header: String = header, claims: String = claims) -> String {
        Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + Base64URL.encode(Array("signature".utf8))
    }

    static let token = jwt()

    static func at(_ p: SourcePosition?) -> String {
        guard let p else { return "-" }
        return p.column.map { "\(p.line):\($0)" } ?? "\(p.line)"
    }

    static func fields(_ r: TokenRequest) -> [String] {
        r.formFields.map { "\($0.name)=\($0.value) @\(at($0.position))" }
    }

    static func headers(_ r: TokenRequest) -> [String] {
        r.headers.map { "\($0.name): \($0.value) @\(at($0.position))" }
    }

    static var fixturesDir: URL { GeneratedSourcesTests.root.appendingPathComponent("Fixtures/inputs") }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixturesDir.appendingPathComponent(name), encoding: .utf8)
    }

    static func issuer(_ s: Subject) -> String? { s.assertion.decoded?.issuer }

    static func malformedReason(_ s: Subject) -> String? {
        if case .malformed(let m) = s.assertion { return m.reason }
        return nil
    }
}
