import Foundation

/// Texts and fix values shared by the thumbprint rules (x5t-missing, x5t-encoding-invalid,
/// x5t-mismatch, certificate-expired): a thumbprint shown both ways users meet it (the base64url
/// a header carries, the upper-case hex a portal and `openssl x509 -fingerprint` print), and
/// which registered certificate the signer most likely meant.
enum CertificateThumbprints {
    /// "keys[0] (CN=…): x5t#S256 \"…\" (SHA-256 hex …), x5t \"…\" (SHA-1 hex …)".
    static func describe(_ jwk: JWK, _ certificate: Certificate) -> String {
        let name = certificate.subject.isEmpty ? "" : " (\(Escape.line(certificate.subject)))"
        return "\(jwk.kid.map { "'\(Escape.line($0))'" } ?? "keys[\(jwk.index)]")\(name): "
            + ThumbprintHash.allCases.reversed().map { hash in
                "\(hash.header) \"\(certificate.thumbprint(hash))\" (\(hash.digestName) hex \(certificate.hexThumbprint(hash)))"
            }.joined(separator: ", ")
    }

    /// The registered keys that carry a certificate, with it.
    static func certificates(_ keys: AssertionKeys) -> [(jwk: JWK, certificate: Certificate)] {
        guard case .success(let set)? = keys.jwks else { return [] }
        return set.keys.compactMap { jwk in jwk.certificate.map { (jwk, $0) } }
    }

    /// "the registered certificates: …; …", or nil when none is known.
    static func registeredList(_ keys: AssertionKeys) -> String? {
        let certs = certificates(keys)
        guard !certs.isEmpty else { return nil }
        return "the registered certificate\(certs.count == 1 ? " is" : "s are") "
            + certs.prefix(AssertionKeys.maxKeysTried).map { describe($0.jwk, $0.certificate) }.joined(separator: "; ")
            + (certs.count > AssertionKeys.maxKeysTried ? "; and \(certs.count - AssertionKeys.maxKeysTried) more" : "")
    }

    /// A header's value as sent, with the digest it stands for when that is not plain to see:
    /// "x5t \"…\" (SHA-1 digest, hex …)".
    static func shown(_ analysis: ThumbprintAnalysis, value: JSONValue?) -> String {
        let text = value?.stringValue.map { "\"\(Escape.line($0))\"" } ?? value?.compactTextForMessage ?? "?"
        guard let digest = analysis.digest else { return "\(analysis.header.header) \(text)" }
        let hex = hex(digest)
        if let raw = value?.stringValue, raw.uppercased().replacingOccurrences(of: ":", with: "") == hex {
            return "\(analysis.header.header) \(text)"
        }
        let hash = analysis.digestHash?.digestName ?? "\(digest.count)-byte"
        return "\(analysis.header.header) \(text) (\(hash) digest, hex \(hex))"
    }

    /// Upper-case hex, as Entra's portal, its error texts and `openssl x509 -fingerprint` print a digest.
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    /// The registered certificate the signer most likely holds: the one whose key verifies the
    /// signature, else the one whose key is the given private key's, else the only one.
    static func signingCertificate(_ keys: AssertionKeys) -> (jwk: JWK, certificate: Certificate, why: String)? {
        let certs = certificates(keys)
        guard !certs.isEmpty else { return nil }
        if let verified = keys.keysThatVerify(among: certs.map(\.jwk)).first,
           let match = certs.first(where: { $0.jwk.index == verified.index }) {
            return (match.jwk, match.certificate, "the signature verifies with its key")
        }
        if let signing = keys.app.privateKey, let match = certs.first(where: { $0.certificate.key.samePublicKey(as: signing.key) }) {
            return (match.jwk, match.certificate, "its key is the private key \(signing.origin)'s")
        }
        if certs.count == 1, let only = certs.first { return (only.jwk, only.certificate, "it is the only registered certificate") }
        return nil
    }

    /// The header the server found the registered key by (else the first it reads).
    static func lookedUpBy(_ keys: AssertionKeys, _ policy: KeyLookupPolicy) -> ThumbprintHash {
        if case .resolved(_, let by) = keys.thumbprintLookup(policy) { return by }
        return preferred(policy)
    }

    /// The header a fix should set: the first the server reads.
    static func preferred(_ policy: KeyLookupPolicy) -> ThumbprintHash {
        policy.keyLookup.compactMap(\.thumbprintHeader).first ?? .sha256
    }

    /// How to compute a thumbprint header from the certificate file, for fixes that know no certificate.
    static func howTo(_ hash: ThumbprintHash) -> String {
        "base64url of the raw \(hash.digestName) digest of the certificate's DER, without padding "
            + "(`openssl x509 -in cert.pem -outform DER | openssl dgst -\(hash == .sha1 ? "sha1" : "sha256") -binary | basenc --base64url | tr -d =`)"
    }
}
