import Foundation

/// The registered JWKS holds private key material (or a shared secret).
struct JWKSPrivateKey: Rule {
    static let id = "jwks-private-key"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard case .success(let set)? = subject.app.jwks.map(JWKSet.parse) else { return }
        for jwk in set.keys {
            let found = jwk.privateMembers
            guard !found.isEmpty else { continue }
            let what = jwk.kty == "oct"
                ? "is an `oct` key: its `k` is a shared secret"
                : "contains private key members (\(found.joined(separator: ", ")))"
            findings.add(Self.id, at: JWKSLocation.key(jwk.index),
                         "the registered key \(jwk.label) \(what); whoever reads the JWKS can sign assertions as this client",
                         fix: ["key": jwk.label, "members": found.joined(separator: ", ")])
        }
    }
}
