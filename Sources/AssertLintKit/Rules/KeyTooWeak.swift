import Foundation

/// A registered (or given) RSA key shorter than the server's minimum (`limits.rsa_min_bits`).
struct KeyTooWeak: Rule {
    static let id = "key-too-weak"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let minimumBits = subject.profile.limits?.rsaMinBits else { return }
        let server = subject.profile.speakerCapitalized
        var reported: [AsymmetricKey] = []
        if case .success(let set)? = subject.app.jwks.map(JWKSet.parse) {
            for jwk in set.keys where jwk.kty == "RSA" {
                guard case .success(let key) = jwk.key(), let bits = key.rsaBits, bits < minimumBits else { continue }
                reported.append(key)
                findings.add(Self.id, at: JWKSLocation.key(jwk.index),
                             "the registered key \(jwk.label) is RSA \(bits)-bit; \(server) refuses RSA keys under \(minimumBits) bits",
                             fix: ["bits": String(minimumBits)])
            }
        }
        if let signing = subject.app.privateKey, let bits = signing.key.rsaBits, bits < minimumBits,
           !reported.contains(where: { $0.samePublicKey(as: signing.key) }) {
            findings.add(Self.id, at: "/app/private_key",
                         "the private key \(signing.origin) is RSA \(bits)-bit; \(server) refuses to register RSA keys under \(minimumBits) bits",
                         fix: ["bits": String(minimumBits)])
        }
    }
}
