import Foundation

/// More keys than the server registers for one client (`limits.keys_per_client`).
struct JWKSTooManyKeys: Rule {
    static let id = "jwks-too-many-keys"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let limit = subject.profile.limits?.keysPerClient,
              case .success(let set)? = subject.app.jwks.map(JWKSet.parse), set.keys.count > limit else { return }
        findings.add(Self.id, at: JWKSLocation.jwks,
                     "the JWKS has \(set.keys.count) keys; \(subject.profile.speakerCapitalized) registers at most \(limit) per client",
                     fix: ["limit": String(limit)])
    }
}
