import Foundation

/// The JWS signature algorithms of RFC 7518 §3 and RFC 8037 that assertlint verifies.
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    case RS256, RS384, RS512
    case PS256, PS384, PS512
    case ES256, ES384, ES512
    case HS256, HS384, HS512
    case EdDSA

    public enum Family: Sendable, Equatable {
        case rsa, rsaPSS, ecdsa(ECCurve), hmac, eddsa
    }

    public var family: Family {
        switch self {
        case .RS256, .RS384, .RS512: return .rsa
        case .PS256, .PS384, .PS512: return .rsaPSS
        case .ES256: return .ecdsa(.p256)
        case .ES384: return .ecdsa(.p384)
        case .ES512: return .ecdsa(.p521)
        case .HS256, .HS384, .HS512: return .hmac
        case .EdDSA: return .eddsa
        }
    }

    /// OpenSSL's digest name; nil for EdDSA, which hashes internally.
    public var digest: String? {
        switch self {
        case .RS256, .PS256, .ES256, .HS256: return "SHA256"
        case .RS384, .PS384, .ES384, .HS384: return "SHA384"
        case .RS512, .PS512, .ES512, .HS512: return "SHA512"
        case .EdDSA: return nil
        }
    }

    /// The hash output size in bytes (RFC 7518 §3.2's minimum HMAC key size).
    public var hashSize: Int {
        switch digest {
        case "SHA384": return 48
        case "SHA512": return 64
        default: return 32
        }
    }

    public var isSymmetric: Bool { family == .hmac }

    /// Why this algorithm cannot be used with a key of this type; nil when it fits.
    public func mismatch(with type: KeyType) -> String? {
        switch (family, type) {
        case (.rsa, .rsa), (.rsaPSS, .rsa), (.eddsa, .ed25519), (.eddsa, .ed448): return nil
        case (.ecdsa(let curve), .ec(let keyCurve)):
            return curve == keyCurve ? nil
                : "\(rawValue) needs a \(curve.rawValue) key but the key is on \(keyCurve.rawValue) (its algorithm is \(keyCurve.algorithm.rawValue))"
        case (.hmac, _):
            return "\(rawValue) is keyed with the client secret, not with a \(type) key"
        default:
            return "\(rawValue) cannot be used with an \(type) key (it needs \(keyNeeded))"
        }
    }

    var keyNeeded: String {
        switch family {
        case .rsa, .rsaPSS: return "an RSA key"
        case .ecdsa(let c): return "an EC \(c.rawValue) key"
        case .hmac: return "a shared secret"
        case .eddsa: return "an Ed25519 key"
        }
    }

    /// The algorithm a key signs with by default: RS256 for RSA, the curve's ES* for EC.
    public static func natural(for type: KeyType) -> JWSAlgorithm {
        switch type {
        case .rsa: return .RS256
        case .ec(let curve): return curve.algorithm
        case .ed25519, .ed448: return .EdDSA
        }
    }
}
