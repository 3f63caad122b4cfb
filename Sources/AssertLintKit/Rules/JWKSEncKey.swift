import Foundation

/// A registered key marked for encryption (`use: enc`, or `key_ops` without `verify`).
struct JWKSEncKey: Rule {
    static let id = "jwks-enc-key"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard case .success(let set)? = subject.app.jwks.map(JWKSet.parse) else { return }
        let assertionKid = AssertionKeys(subject)?.kid
        for jwk in set.keys {
            var reason: String?
            var pointer = JWKSLocation.key(jwk.index)
            if let use = jwk.use, use != "sig" {
                reason = "has use \"\(use)\": it is registered for encryption, not for verifying signatures"
                pointer = JWKSLocation.member(jwk.index, "use")
            } else if let ops = jwk.keyOps, !ops.contains("verify") {
                reason = "has key_ops [\(ops.joined(separator: ", "))] without \"verify\""
                pointer = JWKSLocation.member(jwk.index, "key_ops")
            }
            guard let reason else { continue }
            let used = assertionKid != nil && jwk.kid == assertionKid ? "; the assertion's kid names this key" : ""
            findings.add(Self.id, at: pointer, "the registered key \(jwk.label) \(reason)\(used)", fix: ["key": jwk.label])
        }
    }
}
