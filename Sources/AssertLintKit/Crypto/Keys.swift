import Foundation

/// The NIST curves JOSE uses for ES256/ES384/ES512.
public enum ECCurve: String, Sendable, CaseIterable {
    case p256 = "P-256"
    case p384 = "P-384"
    case p521 = "P-521"

    /// Bytes per coordinate, and per half of a JOSE ECDSA signature (r or s).
    public var coordinateSize: Int {
        switch self {
        case .p256: return 32
        case .p384: return 48
        case .p521: return 66
        }
    }

    /// The one JWS algorithm that uses this curve (RFC 7518 §3.4).
    public var algorithm: JWSAlgorithm {
        switch self {
        case .p256: return .ES256
        case .p384: return .ES384
        case .p521: return .ES512
        }
    }

    init?(openSSLName: String) {
        switch openSSLName.lowercased() {
        case "prime256v1", "secp256r1", "p-256": self = .p256
        case "secp384r1", "p-384": self = .p384
        case "secp521r1", "p-521": self = .p521
        default: return nil
        }
    }
}

/// What kind of key a key is, as a message would name it.
public enum KeyType: Sendable, Equatable, CustomStringConvertible {
    case rsa(bits: Int)
    case ec(ECCurve)
    case ed25519
    case ed448

    public var description: String {
        switch self {
        case .rsa(let bits): return "RSA \(bits)-bit"
        case .ec(let curve): return "EC \(curve.rawValue)"
        case .ed25519: return "Ed25519 (OKP)"
        case .ed448: return "Ed448 (OKP)"
        }
    }

    /// The JWK `kty`.
    public var kty: String {
        switch self {
        case .rsa: return "RSA"
        case .ec: return "EC"
        case .ed25519, .ed448: return "OKP"
        }
    }
}

/// Why key material could not be read or built.
public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// An RSA, EC or OKP key (public, or a key pair), backed by OpenSSL. Its public half is also
/// kept as a JWK so that messages and thumbprints need no C.
public struct AsymmetricKey: Sendable {
    let handle: OpenSSLKey
    public let type: KeyType
    public let isPrivate: Bool
    /// The public key as JWK members in RFC 7638 order (only the required members).
    public let publicJWK: JSONObject

    /// The largest RSA key read: OpenSSL verifies up to 16,384 bits (OPENSSL_RSA_MAX_MODULUS_BITS),
    /// and no server registers larger ones.
    public static let maxRSABits = 16_384

    /// The one message for a key above `maxRSABits`.
    static func rsaTooLarge(_ bits: Int) -> KeyError {
        KeyError("RSA key of \(bits) bits: assertlint reads keys up to 16,384 bits")
    }

    init(_ handle: OpenSSLKey) throws(KeyError) {
        self.handle = handle
        self.isPrivate = handle.hasPrivate
        switch handle.kind {
        case .rsa, .rsaPSS:
            if handle.bits > Self.maxRSABits { throw Self.rsaTooLarge(handle.bits) }
            guard let n = handle.bigNumber("n"), let e = handle.bigNumber("e") else { throw KeyError("cannot read the RSA modulus and exponent") }
            type = .rsa(bits: handle.bits)
            publicJWK = JSONObject([JSONMember(key: "e", value: .string(Base64URL.encode(e))),
                                    JSONMember(key: "kty", value: .string("RSA")),
                                    JSONMember(key: "n", value: .string(Base64URL.encode(n)))])
        case .ec:
            guard let name = handle.groupName else { throw KeyError("cannot read the EC curve") }
            guard let curve = ECCurve(openSSLName: name) else {
                throw KeyError("the EC curve \(name) has no JWS algorithm (JOSE uses P-256, P-384 and P-521)")
            }
            guard let x = handle.bigNumber("qx", pad: curve.coordinateSize),
                  let y = handle.bigNumber("qy", pad: curve.coordinateSize) else { throw KeyError("cannot read the EC point") }
            type = .ec(curve)
            publicJWK = JSONObject([JSONMember(key: "crv", value: .string(curve.rawValue)),
                                    JSONMember(key: "kty", value: .string("EC")),
                                    JSONMember(key: "x", value: .string(Base64URL.encode(x))),
                                    JSONMember(key: "y", value: .string(Base64URL.encode(y)))])
        case .ed25519, .ed448:
            guard let x = handle.rawPublicKey else { throw KeyError("cannot read the raw public key") }
            let ed448 = handle.kind == .ed448
            type = ed448 ? .ed448 : .ed25519
            publicJWK = JSONObject([JSONMember(key: "crv", value: .string(ed448 ? "Ed448" : "Ed25519")),
                                    JSONMember(key: "kty", value: .string("OKP")),
                                    JSONMember(key: "x", value: .string(Base64URL.encode(x)))])
        case .unknown:
            throw KeyError("the key is neither RSA, EC nor Ed25519/Ed448")
        }
    }

    /// RFC 7638 JWK thumbprint (SHA-256, base64url): the required members in lexicographic
    /// order, no whitespace. `publicJWK` already holds exactly those, in that order.
    public var thumbprint: String {
        Base64URL.encode(OpenSSL.digest("SHA256", Array(publicJWK.compact.utf8)) ?? [])
    }

    /// True when both hold the same public key.
    public func samePublicKey(as other: AsymmetricKey) -> Bool { handle.publicEquals(other.handle) }

    public var rsaBits: Int? {
        if case .rsa(let bits) = type { return bits }
        return nil
    }
}

/// A private key the client signs with, and the `kid` its JWK carried (if it was a JWK).
public struct SigningKey: Sendable {
    public let key: AsymmetricKey
    public let kid: String?
    /// Where it came from, for messages ("keys/client.pem").
    public let origin: String

    public init(key: AsymmetricKey, kid: String?, origin: String) {
        self.key = key
        self.kid = kid
        self.origin = origin
    }
}

extension JSONObject {
    /// Compact JSON text with members in their stored order (thumbprint input).
    var compact: String { JSONValue.object(self).compactText }
}
