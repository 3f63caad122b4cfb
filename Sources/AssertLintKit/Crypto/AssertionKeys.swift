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
        /// No kid, several keys, and a server that then chooses by alg: none of these keys
        /// (those that fit the alg) verifies the signature, or none fits.
        case chosenByAlg(candidates: [JWK])
    }

    /// `resolution` as a server whose profile says how it finds keys: one that does not require a
    /// kid when the app has several keys (`keys.kid_required_with_several_keys: false`) and looks
    /// keys up by alg tries the registered keys that fit the alg (Keycloak, node-oidc-provider,
    /// Spring's Nimbus selector), so a missing kid is no finding there.
    func resolution(_ profile: ServerProfile) -> Resolution {
        let byKid = resolution
        guard case .missingKid(let candidates) = byKid, profile.keys?.kidRequiredWithSeveralKeys == false,
              profile.keyLookup.contains(.alg) else { return byKid }
        let fitting = candidates.filter(fits)
        if let verified = keysThatVerify(among: fitting).first { return .resolved(verified) }
        if fitting.count == 1, let only = fitting.first { return .resolved(only) }
        return .chosenByAlg(candidates: fitting)
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

    /// Besides the key the `kid` names, how many registered keys a failed signature is tried
    /// against: a JWKS of 10,000 large keys cost 75 s when every one was tried.
    static let maxKeysTried = 8

    /// Whether a registered key can hold this assertion's alg, judged from its members alone
    /// (no key is imported): RSA for RS*/PS*, EC on the alg's curve for ES*, OKP for EdDSA. A key
    /// without `kty` (only `x5c`) may be anything and fits.
    func fits(_ jwk: JWK) -> Bool {
        guard let alg else { return false }
        switch (alg.family, jwk.kty) {
        case (_, nil): return jwk.members["x5c"] != nil
        case (.rsa, "RSA"?), (.rsaPSS, "RSA"?), (.eddsa, "OKP"?): return true
        case (.ecdsa(let curve), "EC"?): return jwk.members["crv"]?.stringValue == curve.rawValue
        default: return false
        }
    }

    /// The registered keys tried for this signature (those that fit the alg, at most
    /// `maxKeysTried`), the ones among them that verify it, and how many fitting keys there were.
    func verification(among keys: [JWK]) -> (verified: [JWK], tried: Int, fitting: Int) {
        guard let alg, !isHMAC else { return ([], 0, 0) }
        let fitting = keys.filter(fits)
        let tried = fitting.prefix(Self.maxKeysTried)
        let verified = tried.filter { jwk in
            guard case .success(let key) = jwk.key() else { return false }
            return JWSSignature.verify(assertion, alg: alg, key: key) == .valid
        }
        return (Array(verified), tried.count, fitting.count)
    }

    /// Registered keys whose public key verifies this assertion's signature (with its alg),
    /// among the first `maxKeysTried` that fit the alg.
    func keysThatVerify(among keys: [JWK]) -> [JWK] {
        verification(among: keys).verified
    }

    /// "tried 8 of the 10000 registered keys that fit RS256", when not every fitting key was
    /// tried and none verified; nil otherwise.
    func triedNote(among keys: [JWK]) -> String? {
        let v = verification(among: keys)
        guard v.verified.isEmpty, v.fitting > v.tried, let alg else { return nil }
        return "assertlint tried \(v.tried) of the \(v.fitting) registered keys that fit \(alg.rawValue) (at most \(Self.maxKeysTried) besides the one the kid names)"
    }

    /// What the private key the user gave says about the registered keys, for messages:
    /// its thumbprint, and which registered key (if any) is its public half.
    func privateKeyNote(_ set: JWKSet) -> (text: String, matchingKid: String?)? {
        guard let signing = app.privateKey else { return nil }
        let thumbprint = signing.key.thumbprint
        // By thumbprint first, from the members alone (no import); then by importing at most
        // `maxKeysTried` keys, for JWKs written with non-canonical members.
        let match = set.keys.first { Self.thumbprint(of: $0) == thumbprint }
            ?? set.keys.prefix(Self.maxKeysTried).first { jwk in
                guard case .success(let key) = jwk.key() else { return false }
                return key.samePublicKey(as: signing.key)
            }
        if let match {
            return ("the private key \(signing.origin) (RFC 7638 thumbprint \(thumbprint)) is the registered key \(match.label)", match.kid)
        }
        return ("the private key \(signing.origin) (RFC 7638 thumbprint \(thumbprint)) matches none of the registered keys: register its public key", nil)
    }
}

extension AssertionKeys {
    /// RFC 7638 thumbprint computed from a JWK's own members, or nil when a required one is missing.
    static func thumbprint(of jwk: JWK) -> String? {
        let required: [String]
        switch jwk.kty {
        case "RSA"?: required = ["e", "kty", "n"]
        case "EC"?: required = ["crv", "kty", "x", "y"]
        case "OKP"?: required = ["crv", "kty", "x"]
        default: return nil
        }
        var members: [JSONMember] = []
        for name in required {
            guard let value = jwk.members[name]?.stringValue else { return nil }
            members.append(JSONMember(key: name, value: .string(value)))
        }
        return Base64URL.encode(OpenSSL.digest("SHA256", Array(JSONValue.object(JSONObject(members)).compactText.utf8)) ?? [])
    }
}

extension JSONValue {
    /// Short JSON text of a value for messages.
    var compactTextForMessage: String {
        let text = compactText
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
