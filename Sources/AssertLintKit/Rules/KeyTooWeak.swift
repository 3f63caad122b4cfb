import Foundation

/// A registered (or given) RSA key shorter than 2048 bits.
struct KeyTooWeak: Rule {
    static let id = "key-too-weak"
    static let minimumBits = 2048

    func check(_ subject: Subject, into findings: inout FindingSink) {
        var reported: [AsymmetricKey] = []
        if case .success(let set)? = subject.app.jwks.map(JWKSet.parse) {
            for jwk in set.keys where jwk.kty == "RSA" {
                guard case .success(let key) = jwk.key(), let bits = key.rsaBits, bits < Self.minimumBits else { continue }
                reported.append(key)
                findings.add(Self.id, at: JWKSLocation.key(jwk.index),
                             "the registered key \(jwk.label) is RSA \(bits)-bit; Okta refuses RSA keys under \(Self.minimumBits) bits",
                             fix: ["bits": String(Self.minimumBits)])
            }
        }
        if let signing = subject.app.privateKey, let bits = signing.key.rsaBits, bits < Self.minimumBits,
           !reported.contains(where: { $0.samePublicKey(as: signing.key) }) {
            findings.add(Self.id, at: "/app/private_key",
                         "the private key \(signing.origin) is RSA \(bits)-bit; Okta refuses to register RSA keys under \(Self.minimumBits) bits",
                         fix: ["bits": String(Self.minimumBits)])
        }
    }
}
