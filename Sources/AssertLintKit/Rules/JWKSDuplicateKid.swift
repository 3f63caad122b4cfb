import Foundation

/// Two registered keys share a kid: a server cannot tell which one an assertion names.
struct JWKSDuplicateKid: Rule {
    static let id = "jwks-duplicate-kid"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard case .success(let set)? = subject.app.jwks.map(JWKSet.parse) else { return }
        var firstIndex: [String: Int] = [:]
        for jwk in set.keys {
            guard let kid = jwk.kid else { continue }
            if let first = firstIndex[kid] {
                findings.add(Self.id, at: JWKSLocation.member(jwk.index, "kid"),
                             "keys[\(first)] and keys[\(jwk.index)] both have kid \"\(kid)\"; kids must be unique within a JWKS",
                             fix: ["kid": kid])
            } else {
                firstIndex[kid] = jwk.index
            }
        }
    }
}
