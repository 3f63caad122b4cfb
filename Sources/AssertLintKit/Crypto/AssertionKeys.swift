import Foundation

/// The key material one assertion is judged with, and which registered key the server would
/// pick for it. Okta picks by the header's `kid`; a JWKS with a single key needs none.
struct AssertionKeys {
    let assertion: ClientAssertion
    let app: AppRegistration
    /// The header's alg when assertlint knows it.
    let alg: JWSAlgorithm?
    /// nil when no JWKS is known; a failure when the JWKS cannot be read.
    let jwks: Result<JWKSet, KeyError>?

    init?(_ subject: Subject) {
        guard let assertion = subject.assertion.decoded else { return nil }
        self.assertion = assertion
        self.app = subject.app
        self.alg = assertion.alg.flatMap(JWSAlgorithm.init(rawValue:))
        self.jwks = subject.app.jwks.map(JWKSet.parse)
    }

    /// HS* assertions are keyed with the client secret: `kid` and the JWKS play no part.
    var isHMAC: Bool { alg?.family == .hmac || (assertion.alg?.hasPrefix("HS") ?? false) }

    /// An unsigned (`alg: none`) assertion is alg-none's finding; no key is chosen for it.
    var isUnsigned: Bool { assertion.alg?.lowercased() == "none" }

    /// The header's kid; an empty string counts as none, since no registered key can be
    /// chosen by it (Okta fixed a crash on empty kids in 2025.06.2, OKTA-963932).
    var kid: String? {
        guard let value = assertion.header["kid"] else { return nil }
        guard let text = value.stringValue else { return value.compactTextForMessage }
        return text.isEmpty ? nil : text
    }

    var kidIsEmptyString: Bool { assertion.header["kid"]?.stringValue == "" }

    enum Resolution {
        case noJWKS
        case unreadableJWKS(KeyError)
        case resolved(JWK)
        case missingKid(candidates: [JWK])
        case unknownKid(String, registered: JWKSet)
    }

    var resolution: Resolution {
        guard let jwks else { return .noJWKS }
        let set: JWKSet
        switch jwks {
        case .failure(let e): return .unreadableJWKS(e)
        case .success(let s): set = s
        }
        guard let kid else {
            if set.keys.count == 1, let only = set.keys.first { return .resolved(only) }
            return set.keys.isEmpty ? .unknownKid("", registered: set) : .missingKid(candidates: set.keys)
        }
        if let match = set.keys.first(where: { $0.kid == kid }) { return .resolved(match) }
        // A single registered key without a kid: there is nothing to match the header's kid
        // against, and Okta documents that such a key is used for every assertion.
        if set.keys.count == 1, let only = set.keys.first, only.kid == nil { return .resolved(only) }
        return .unknownKid(kid, registered: set)
    }

    /// Registered keys whose public key verifies this assertion's signature (with its alg).
    func keysThatVerify(among keys: [JWK]) -> [JWK] {
        guard let alg, !isHMAC else { return [] }
        return keys.filter { jwk in
            guard case .success(let key) = jwk.key() else { return false }
            return JWSSignature.verify(assertion, alg: alg, key: key) == .valid
        }
    }

    /// What the private key the user gave says about the registered keys, for messages:
    /// its thumbprint, and which registered key (if any) is its public half.
    func privateKeyNote(_ set: JWKSet) -> (text: String, matchingKid: String?)? {
        guard let signing = app.privateKey else { return nil }
        let match = set.keys.first { jwk in
            guard case .success(let key) = jwk.key() else { return false }
            return key.samePublicKey(as: signing.key)
        }
        let thumbprint = signing.key.thumbprint
        if let match {
            return ("the private key \(signing.origin) (RFC 7638 thumbprint \(thumbprint)) is the registered key \(match.label)", match.kid)
        }
        return ("the private key \(signing.origin) (RFC 7638 thumbprint \(thumbprint)) matches none of the registered keys: register its public key", nil)
    }
}

extension JSONValue {
    /// Short JSON text of a value for messages.
    var compactTextForMessage: String {
        let text = compactText
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
