import Foundation

/// One JSON Web Key (RFC 7517) as registered: its members as written, and the key built
/// from them on demand.
public struct JWK: Sendable {
    /// Position in the JWKS `keys` array.
    public let index: Int
    public let members: JSONObject

    public init(index: Int, members: JSONObject) {
        self.index = index
        self.members = members
    }

    public var kty: String? { members["kty"]?.stringValue }
    public var kid: String? { members["kid"]?.stringValue }
    public var use: String? { members["use"]?.stringValue }
    public var alg: String? { members["alg"]?.stringValue }
    public var keyOps: [String]? { members["key_ops"]?.arrayValue?.compactMap(\.stringValue) }

    /// Members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
    public var privateMembers: [String] {
        let names = kty == "oct" ? ["k"] : ["d", "p", "q", "dp", "dq", "qi", "oth"]
        return names.filter { members[$0] != nil }
    }

    /// How the key is named in messages: its kid, or its position.
    public var label: String { kid.map { "'\($0)'" } ?? "keys[\(index)] (no kid)" }

    /// The key these members describe. Private members are used when present (a private JWK).
    /// Imported once per distinct JWK per run (JWKKeyCache).
    public func key() -> Result<AsymmetricKey, KeyError> {
        JWKKeyCache.shared.key(for: members) { () -> Result<AsymmetricKey, KeyError> in
            do throws(KeyError) {
                return .success(try build())
            } catch {
                return .failure(error)
            }
        }
    }

    private func bytes(_ name: String) throws(KeyError) -> [UInt8] {
        guard let value = members[name] else { throw KeyError("the JWK has no `\(name)`") }
        guard let text = value.stringValue else { throw KeyError("the JWK's `\(name)` is \(value.typeDescription), not a base64url string") }
        guard case .success(let d) = Base64URL.decode(Substring(text)), !d.bytes.isEmpty else {
            throw KeyError("the JWK's `\(name)` is not base64url")
        }
        return d.bytes
    }

    private func optionalBytes(_ name: String) throws(KeyError) -> [UInt8]? {
        members[name] == nil ? nil : try bytes(name)
    }

    private func build() throws(KeyError) -> AsymmetricKey {
        switch kty {
        case "RSA":
            let n = try bytes("n"), e = try bytes("e")
            // Refused before OpenSSL sees it: a 20,000-bit modulus is no key a server registers.
            let significant = n.drop { $0 == 0 }
            let bits = significant.first.map { significant.count * 8 - $0.leadingZeroBitCount } ?? 0
            if bits > AsymmetricKey.maxRSABits { throw AsymmetricKey.rsaTooLarge(bits) }
            let d = try optionalBytes("d")
            var crt: (p: [UInt8], q: [UInt8], dp: [UInt8], dq: [UInt8], qi: [UInt8])?
            if d != nil, let p = try optionalBytes("p"), let q = try optionalBytes("q"), let dp = try optionalBytes("dp"),
               let dq = try optionalBytes("dq"), let qi = try optionalBytes("qi") {
                crt = (p, q, dp, dq, qi)
            }
            guard let handle = OpenSSL.rsaKey(n: n, e: e, d: d, crt: crt) else {
                OpenSSL.clearErrors()
                throw KeyError("the RSA JWK's n, e (and d, p, q, dp, dq, qi) do not make a valid RSA key")
            }
            return try AsymmetricKey(handle)
        case "EC":
            guard let crvText = members["crv"]?.stringValue else { throw KeyError("the EC JWK has no `crv`") }
            guard let curve = ECCurve(rawValue: crvText) else {
                throw KeyError("the EC JWK's crv \"\(crvText)\" is not P-256, P-384 or P-521")
            }
            let x = try bytes("x"), y = try bytes("y")
            guard x.count == curve.coordinateSize, y.count == curve.coordinateSize else {
                throw KeyError("x and y of a \(curve.rawValue) key are \(curve.coordinateSize) bytes each; this JWK has \(x.count) and \(y.count)")
            }
            let d = try optionalBytes("d")
            guard let handle = OpenSSL.ecKey(curve: curve.rawValue, x: x, y: y, d: d) else {
                OpenSSL.clearErrors()
                throw KeyError("the point (x, y) is not on \(curve.rawValue), or the JWK's d does not fit it")
            }
            return try AsymmetricKey(handle)
        case "OKP":
            let crv = members["crv"]?.stringValue ?? ""
            guard crv == "Ed25519" || crv == "Ed448" else {
                throw KeyError("the OKP JWK's crv \"\(crv)\" is not a signature curve (Ed25519 or Ed448)")
            }
            let x = try bytes("x")
            guard let handle = OpenSSL.okpKey(ed448: crv == "Ed448", x: x, d: try optionalBytes("d")) else {
                OpenSSL.clearErrors()
                throw KeyError("the OKP JWK's x (or d) is not a valid \(crv) key")
            }
            return try AsymmetricKey(handle)
        case "oct":
            throw KeyError("an `oct` JWK is a shared secret, not a public key")
        case nil:
            // A JWK that carries only a certificate chain still names its key.
            if let cert = members["x5c"]?.arrayValue?.first?.stringValue { return try Self.certificateKey(cert) }
            throw KeyError("the JWK has no `kty`")
        case let other?:
            throw KeyError("the JWK's kty \"\(other)\" is not RSA, EC or OKP")
        }
    }

    /// The key of an `x5c` certificate (standard base64 DER, RFC 7517 §4.7).
    static func certificateKey(_ base64: String) throws(KeyError) -> AsymmetricKey {
        guard let der = Data(base64Encoded: base64.filter { !$0.isWhitespace }) else { throw KeyError("x5c[0] is not base64") }
        guard let handle = OpenSSL.publicKey(der: Array(der)) else {
            OpenSSL.clearErrors()
            throw KeyError("x5c[0] is not a DER certificate assertlint can read")
        }
        return try AsymmetricKey(handle)
    }

    /// When the JWK has `x5c`, whether the certificate holds the same key as the JWK members.
    public var certificateMismatch: Bool {
        guard let cert = members["x5c"]?.arrayValue?.first?.stringValue, kty != nil,
              case .success(let key) = key(), let certKey = try? Self.certificateKey(cert) else { return false }
        return !key.samePublicKey(as: certKey)
    }
}

/// A JWK Set as an app registers it.
public struct JWKSet: Sendable {
    public let keys: [JWK]

    public init(keys: [JWK]) { self.keys = keys }

    /// Reads `{"keys": [...]}`, and also what people paste instead: one JWK, or a bare array.
    public static func parse(_ value: JSONValue) -> Result<JWKSet, KeyError> {
        let items: [JSONValue]
        switch value {
        case .object(let o) where o["keys"] != nil:
            guard let array = o["keys"]?.arrayValue else { return .failure(KeyError("`keys` is not an array")) }
            items = array
        case .object(let o) where o["kty"] != nil || o["x5c"] != nil:
            items = [value]
        case .array(let array):
            items = array
        default:
            return .failure(KeyError("the JWKS is not an object with `keys`, a JWK, or an array of JWKs"))
        }
        var keys: [JWK] = []
        for (i, item) in items.enumerated() {
            guard let o = item.objectValue else { return .failure(KeyError("keys[\(i)] is \(item.typeDescription), not a JWK object")) }
            keys.append(JWK(index: i, members: o))
        }
        return .success(JWKSet(keys: keys))
    }

    /// The registered kids, for messages: `'a', 'b'` or `(none)`.
    public var kidList: String {
        let kids = keys.map(\.label)
        return kids.isEmpty ? "(no keys)" : kids.joined(separator: ", ")
    }

    /// A JWKS holding public keys (what `app.jwks` becomes when it names a PEM or certificate).
    public static func json(publicKeys: [(key: AsymmetricKey, extra: [JSONMember])]) -> JSONValue {
        .object(JSONObject([JSONMember(key: "keys", value: .array(publicKeys.map { entry in
            .object(JSONObject(entry.key.publicJWK.members + entry.extra))
        }))]))
    }
}

/// Where a JWKS member sits, as a finding pointer.
enum JWKSLocation {
    static let jwks = "/app/jwks"
    static func key(_ index: Int) -> String { "/app/jwks/keys/\(index)" }
    static func member(_ index: Int, _ name: String) -> String { "/app/jwks/keys/\(index)/\(name)" }
}
