import Foundation

/// The two certificate thumbprint headers of JWS (RFC 7515 §4.1.7, §4.1.8): base64url of the
/// raw SHA-1 or SHA-256 digest of the certificate's DER. Entra ID finds a client's key by them.
public enum ThumbprintHash: String, Sendable, CaseIterable, Hashable {
    case sha1 = "x5t"
    case sha256 = "x5t#S256"

    /// The JOSE header (and JWK member) name.
    public var header: String { rawValue }

    /// Bytes in the raw digest.
    public var digestLength: Int { self == .sha1 ? 20 : 32 }

    /// Characters of its correct base64url form (no padding).
    public var encodedLength: Int { self == .sha1 ? 27 : 43 }

    public var other: ThumbprintHash { self == .sha1 ? .sha256 : .sha1 }

    /// What a message calls the digest ("SHA-1").
    public var digestName: String { self == .sha1 ? "SHA-1" : "SHA-256" }

    var openSSLName: String { self == .sha1 ? "SHA1" : "SHA256" }

    /// The hash whose digest has this many bytes.
    init?(digestLength: Int) {
        switch digestLength {
        case 20: self = .sha1
        case 32: self = .sha256
        default: return nil
        }
    }
}

/// An X.509 certificate used as a client's key (Entra ID registers keys this way; `x5c`
/// members of a JWK carry them too): its public key, validity, names and thumbprints.
public struct Certificate: Sendable {
    /// The DER the thumbprints are taken over.
    public let der: [UInt8]
    public let key: AsymmetricKey
    public let notBefore: Date
    public let notAfter: Date
    /// RFC 2253 text, for messages (escape before printing: it is input).
    public let subject: String
    public let issuer: String
    public let sha1: [UInt8]
    public let sha256: [UInt8]

    init(_ handle: OpenSSLCertificate) throws(KeyError) {
        guard let der = handle.der else { throw KeyError("the certificate cannot be encoded as DER") }
        guard let publicKey = handle.publicKey else {
            OpenSSL.clearErrors()
            throw KeyError("the certificate's public key is not one assertlint can read (RSA, EC P-256/384/521, Ed25519, Ed448)")
        }
        guard let validity = handle.validity else { throw KeyError("the certificate's validity dates cannot be read") }
        guard let sha1 = OpenSSL.digest(ThumbprintHash.sha1.openSSLName, der),
              let sha256 = OpenSSL.digest(ThumbprintHash.sha256.openSSLName, der) else {
            throw KeyError("OpenSSL could not hash the certificate")
        }
        self.der = der
        self.key = try AsymmetricKey(publicKey)
        self.notBefore = Date(timeIntervalSince1970: TimeInterval(validity.notBefore))
        self.notAfter = Date(timeIntervalSince1970: TimeInterval(validity.notAfter))
        self.subject = handle.name(issuer: false) ?? ""
        self.issuer = handle.name(issuer: true) ?? ""
        self.sha1 = sha1
        self.sha256 = sha256
    }

    /// A DER certificate.
    public init(der: [UInt8]) throws(KeyError) {
        guard let handle = OpenSSL.certificate(der: der) else { throw KeyError("not a DER X.509 certificate") }
        try self.init(handle)
    }

    /// An `x5c` member: standard base64 of the DER (RFC 7517 §4.7; base64url is not allowed there,
    /// so it is refused rather than guessed).
    public init(x5c base64: String) throws(KeyError) {
        guard let der = Data(base64Encoded: base64.filter { !$0.isWhitespace }) else { throw KeyError("x5c[0] is not base64") }
        do {
            try self.init(der: Array(der))
        } catch {
            throw KeyError("x5c[0] is not a DER certificate assertlint can read")
        }
    }

    /// Every certificate in a file: the `CERTIFICATE` blocks of a PEM text (other blocks are
    /// skipped), or one DER certificate.
    public static func read(_ bytes: [UInt8]) -> Result<[Certificate], KeyError> {
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            let blocks = KeyFile.pemBlocks(text).filter { $0.label == "CERTIFICATE" }
            guard !blocks.isEmpty else { return .failure(KeyError("the PEM holds no CERTIFICATE block")) }
            var certificates: [Certificate] = []
            for (i, block) in blocks.enumerated() {
                guard let handle = OpenSSL.certificate(pem: Array(block.text.utf8)) else {
                    OpenSSL.clearErrors()
                    return .failure(KeyError("CERTIFICATE block \(i + 1) is not a certificate assertlint can read (damaged base64 or a cut-off block)"))
                }
                do { certificates.append(try Certificate(handle)) } catch { return .failure(error) }
            }
            return .success(certificates)
        }
        do {
            return .success([try Certificate(der: bytes)])
        } catch {
            return .failure(KeyError("neither a PEM certificate nor a DER certificate"))
        }
    }

    /// The raw digest for one thumbprint header.
    public func digest(_ hash: ThumbprintHash) -> [UInt8] { hash == .sha1 ? sha1 : sha256 }

    /// The header value a client should send: base64url of the raw digest.
    public func thumbprint(_ hash: ThumbprintHash) -> String { Base64URL.encode(digest(hash)) }

    /// What Entra's portal and `openssl x509 -fingerprint` show: upper-case hex of the digest.
    public func hexThumbprint(_ hash: ThumbprintHash) -> String {
        digest(hash).map { String(format: "%02X", $0) }.joined()
    }

    public func isExpired(at date: Date) -> Bool { date > notAfter }
    public func isNotYetValid(at date: Date) -> Bool { date < notBefore }

    /// The `x5c` member value (standard base64 DER).
    public var x5c: String { Data(der).base64EncodedString() }
}

extension JWK {
    /// The leaf certificate of the JWK's `x5c`, when it has one that reads.
    public var certificate: Certificate? {
        guard let first = members["x5c"]?.arrayValue?.first?.stringValue else { return nil }
        return try? Certificate(x5c: first)
    }

    /// Whether a server that finds keys by certificate thumbprint can find this key at all: it
    /// carries a certificate (`x5c`) or a thumbprint member.
    public var answersToThumbprints: Bool {
        certificate != nil || ThumbprintHash.allCases.contains { members[$0.header] != nil }
    }

    /// Whether this registered key answers to a thumbprint header: its own `x5t`/`x5t#S256`
    /// member, else the digest of its `x5c` certificate.
    public func hasThumbprint(_ digest: [UInt8], _ hash: ThumbprintHash) -> Bool {
        if let stated = members[hash.header]?.stringValue,
           case .success(let decoded) = Base64URL.decode(Substring(stated)), decoded.deviations.isEmpty {
            return decoded.bytes == digest
        }
        return certificate?.digest(hash) == digest
    }
}

extension JWKSet {
    /// The registered key a server that finds keys by certificate thumbprint (Entra ID) picks
    /// for this digest, if any.
    public func key(thumbprint digest: [UInt8], _ hash: ThumbprintHash) -> JWK? {
        keys.first { $0.hasThumbprint(digest, hash) }
    }

    /// A key set holding certificates, each with `x5c` and both thumbprint members.
    public static func json(certificates: [Certificate]) -> JSONValue {
        .object(JSONObject([JSONMember(key: "keys", value: .array(certificates.map { cert in
            .object(JSONObject(cert.key.publicJWK.members + [
                JSONMember(key: "x5c", value: .array([.string(cert.x5c)])),
                JSONMember(key: ThumbprintHash.sha1.header, value: .string(cert.thumbprint(.sha1))),
                JSONMember(key: ThumbprintHash.sha256.header, value: .string(cert.thumbprint(.sha256))),
            ]))
        }))]))
    }
}
