import Foundation

/// More keys than Okta registers for one client.
struct JWKSTooManyKeys: Rule {
    static let id = "jwks-too-many-keys"
    static let limit = 50

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard case .success(let set)? = subject.app.jwks.map(JWKSet.parse), set.keys.count > Self.limit else { return }
        findings.add(Self.id, at: JWKSLocation.jwks,
                     "the JWKS has \(set.keys.count) keys; Okta registers at most \(Self.limit) per client",
                     fix: ["limit": String(Self.limit)])
    }
}
