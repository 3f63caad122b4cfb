import Foundation

/// Builds a client assertion: `iss = sub = client_id`, the `aud` given (`MintPlan` reads it from
/// the server's profile), `iat` = now, `exp` = now + lifetime (within `lifetimeCap`), a random
/// `jti`, and `kid` from the registered JWKS (the entry whose public key is the signing key), the
/// key's JWK, or its RFC 7638 thumbprint.
public struct Minter: Sendable {
    public enum Key: Sendable {
        case privateKey(SigningKey)
        case secret(ClientSecret)
    }

    public enum KidChoice: Sendable, Equatable {
        /// The kid the server knows the key by: with registered keys, the kid of the one whose
        /// public key is the signing key; without, the JWK's kid when the key came from a JWK;
        /// none otherwise.
        case fromKey
        case thumbprint
        case explicit(String)
        case none
    }

    public struct MintError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        /// What the error is about when it is one of the inputs (`registered keys`), else nil.
        public let about: String?
        init(_ description: String, about: String? = nil) {
            self.description = description
            self.about = about
        }
    }

    public var key: Key
    public var clientID: String
    public var audience: String
    public var lifetime: TimeInterval
    /// The server's cap on the lifetime (`MintPlan.lifetimeCap`); nil: `MintPlan.longestLifetime`.
    public var lifetimeCap: TimeInterval?
    public var algorithm: JWSAlgorithm?
    public var kid: KidChoice
    /// The app's registered keys (`--jwks`, a fixture's `app.jwks`), for `.fromKey`.
    public var registeredKeys: JWKSet?
    /// The certificate registered for the key (Entra ID): its thumbprints go in the header.
    public var certificate: Certificate?
    /// Which thumbprint headers to send with a certificate, in header order.
    public var thumbprints: [ThumbprintHash]

    public init(key: Key, clientID: String, audience: String, lifetime: TimeInterval = MintPlan.defaultLifetime,
                lifetimeCap: TimeInterval? = nil, algorithm: JWSAlgorithm? = nil, kid: KidChoice = .fromKey, registeredKeys: JWKSet? = nil,
                certificate: Certificate? = nil, thumbprints: [ThumbprintHash] = [.sha256]) {
        self.registeredKeys = registeredKeys
        self.certificate = certificate
        self.thumbprints = thumbprints
        self.key = key
        self.clientID = clientID
        self.audience = audience
        self.lifetime = lifetime
        self.lifetimeCap = lifetimeCap
        self.algorithm = algorithm
        self.kid = kid
    }

    /// The algorithm used: the one asked for, else RS256 / the curve's ES* / HS256. With a
    /// certificate and an RSA key, PS256 when `x5t#S256` is sent and RS256 for `x5t` alone, as
    /// MSAL pairs them (msal-js PR #7185).
    public var effectiveAlgorithm: JWSAlgorithm {
        if let algorithm { return algorithm }
        if certificate != nil, case .privateKey(let k) = key, case .rsa = k.key.type {
            return thumbprints.contains(.sha256) ? .PS256 : .RS256
        }
        switch key {
        case .privateKey(let k): return JWSAlgorithm.natural(for: k.key.type)
        case .secret: return .HS256
        }
    }

    public func mint(now: Date = Date()) throws(MintError) -> String {
        guard !clientID.isEmpty else { throw MintError("the client id is empty") }
        guard EndpointURL(audience) != nil else { throw MintError("the endpoint '\(audience)' is not an absolute URL") }
        guard lifetime > 0 else { throw MintError("the lifetime must be positive") }
        let cap = lifetimeCap ?? MintPlan.longestLifetime
        guard lifetime <= cap else {
            throw MintError("a lifetime of \(Int(lifetime)) s is more than the server's cap of \(Int(cap)) s")
        }
        let alg = effectiveAlgorithm
        guard let random = JWSSignature.randomBytes(18) else { throw MintError("OpenSSL could not produce random bytes for jti") }

        var header = [JSONMember(key: "alg", value: .string(alg.rawValue)), JSONMember(key: "typ", value: .string("JWT"))]
        if let kid = try resolvedKid() { header.append(JSONMember(key: "kid", value: .string(kid))) }
        header += try thumbprintHeaders()
        let iat = Int64(now.timeIntervalSince1970.rounded(.down))
        let claims = [
            JSONMember(key: "iss", value: .string(clientID)),
            JSONMember(key: "sub", value: .string(clientID)),
            JSONMember(key: "aud", value: .string(audience)),
            JSONMember(key: "iat", value: .number(String(iat))),
            JSONMember(key: "exp", value: .number(String(iat + Int64(lifetime)))),
            JSONMember(key: "jti", value: .string(Base64URL.encode(random))),
        ]
        let signer: JWSSignature.Signer
        switch key {
        case .privateKey(let k):
            if alg.family == .hmac { throw MintError("\(alg.rawValue) is keyed with a client secret, not a private key") }
            signer = .key(k.key)
        case .secret(let s):
            guard alg.family == .hmac else { throw MintError("a client secret signs HS256/HS384/HS512 only, not \(alg.rawValue)") }
            signer = .secret(Array(s.value.utf8))
        }
        do {
            return try JWSSignature.compact(header: JSONObject(header), claims: JSONObject(claims), signer: signer)
        } catch {
            throw MintError(error.reason)
        }
    }

    /// `x5t` / `x5t#S256` for the certificate, after checking it holds the signing key.
    func thumbprintHeaders() throws(MintError) -> [JSONMember] {
        guard let certificate else { return [] }
        guard case .privateKey(let k) = key else {
            throw MintError("a certificate goes with a private key (private_key_jwt), not a client secret", about: "certificate")
        }
        guard certificate.key.samePublicKey(as: k.key) else {
            throw MintError("the certificate holds another public key than the private key (RFC 7638 thumbprints \(certificate.key.thumbprint) and \(k.key.thumbprint))",
                            about: "certificate")
        }
        guard !thumbprints.isEmpty else { throw MintError("no thumbprint header chosen for the certificate") }
        var seen = Set<ThumbprintHash>()
        return thumbprints.filter { seen.insert($0).inserted }.map {
            JSONMember(key: $0.header, value: .string(certificate.thumbprint($0)))
        }
    }

    func resolvedKid() throws(MintError) -> String? {
        switch (kid, key) {
        case (.explicit(let k), _): return k
        case (.none, _), (_, .secret): return nil
        case (.fromKey, .privateKey(let k)):
            guard let registeredKeys, !registeredKeys.keys.isEmpty else { return k.kid }
            // The server picks the key by the header's kid, so the kid it registered wins over
            // whatever kid the private JWK carries.
            let match = registeredKeys.keys.first { jwk in
                guard case .success(let registered) = jwk.key() else { return false }
                return registered.samePublicKey(as: k.key)
            }
            guard let match else {
                throw MintError("no registered key is the public half of the private key (RFC 7638 thumbprint \(k.key.thumbprint)); registered: \(registeredKeys.kidList)",
                                about: "registered keys")
            }
            return match.kid
        case (.thumbprint, .privateKey(let k)): return k.key.thumbprint
        }
    }

    /// The form body of a token request carrying the assertion (client_credentials at /token).
    public static func formFields(assertion: String, endpoint: EndpointKind, scope: String?, clientID: String?) -> [(String, String)] {
        var fields: [(String, String)] = []
        if endpoint == .token { fields.append(("grant_type", "client_credentials")) }
        if let scope, !scope.isEmpty { fields.append(("scope", scope)) }
        if let clientID { fields.append(("client_id", clientID)) }
        fields.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
        fields.append(("client_assertion", assertion))
        return fields
    }

    /// A curl command sending the assertion (POSIX shell quoting).
    public static func curlCommand(url: String, fields: [(String, String)]) -> String {
        var lines = ["curl --request POST \(shellQuote(url))",
                     "  --header 'Content-Type: application/x-www-form-urlencoded'",
                     "  --header 'Accept: application/json'"]
        for (name, value) in fields {
            lines.append("  --data-urlencode \(shellQuote("\(name)=\(value)"))")
        }
        return lines.joined(separator: " \\\n")
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
