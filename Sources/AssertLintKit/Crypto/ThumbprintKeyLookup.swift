import Foundation

/// How a server finds the key that verifies a client assertion: a profile's `keys.lookup` values.
public enum KeyLookupMethod: String, Sendable, CaseIterable {
    case kid
    case alg
    case x5t
    case x5tS256 = "x5t#S256"
    case thumbprint

    /// The certificate thumbprint header this method reads, if it is one.
    public var thumbprintHeader: ThumbprintHash? {
        switch self {
        case .x5t: return .sha1
        case .x5tS256: return .sha256
        default: return nil
        }
    }
}

/// What the thumbprint rules (x5t-missing, x5t-encoding-invalid, x5t-mismatch, certificate-expired)
/// need from the server profile: how keys are found, in the server's order. The profile engine's
/// profile type conforms to it; the rules never assume a server.
public protocol KeyLookupPolicy: Sendable {
    var keyLookup: [KeyLookupMethod] { get }
}

/// Which registered certificate a server that finds keys by thumbprint (Entra ID) picks for one
/// assertion, or why it picks none. One value per rule's question, so each rule is a switch.
public enum ThumbprintLookup: Sendable {
    /// The server does not find keys by thumbprint, or the assertion is unsigned or keyed by a secret.
    case notApplicable
    /// None of the thumbprint headers the server reads (x5t-missing). `x5c` in the header is not
    /// counted as one: it serves subject-name/issuer (SNI) registrations instead.
    case missing(reads: [ThumbprintHash], hasX5C: Bool)
    /// A header written in a way the server cannot read as a digest (x5t-encoding-invalid).
    case malformed(ThumbprintAnalysis, sameDigestAs: JWK?)
    /// The other hash's digest in this header: SHA-256 in `x5t` (x5t-mismatch), with the registered
    /// key whose certificate has that digest under the other hash, when there is one.
    case otherHash(ThumbprintAnalysis, certificateOf: JWK?)
    /// A correct header that names no registered certificate (x5t-mismatch: a renewed or another certificate).
    case unregistered(ThumbprintAnalysis)
    /// No registered keys to compare with: assertlint cannot judge.
    case noRegisteredKeys
    /// The registered key the server picks.
    case resolved(JWK, by: ThumbprintHash)
}

extension AssertionKeys {
    /// The thumbprint headers of this assertion as the server reads them, in the server's order.
    func thumbprintLookup(_ policy: KeyLookupPolicy) -> ThumbprintLookup {
        let reads = policy.keyLookup.compactMap(\.thumbprintHeader)
        guard !reads.isEmpty, !isHMAC, !isUnsigned else { return .notApplicable }
        let sent = reads.compactMap { hash in assertion.header[hash.header].map { ThumbprintAnalysis(header: hash, value: $0) } }
        guard !sent.isEmpty else { return .missing(reads: reads, hasX5C: assertion.header["x5c"] != nil) }
        let registered: JWKSet?
        switch jwks {
        case .success(let set)?: registered = set
        default: registered = nil
        }
        // The first header the server reads decides; a later one is not consulted (inferred: Entra
        // documents no fallback between them).
        let analysis = sent[0]
        let encodingProblems = analysis.problems.filter { if case .otherHash = $0 { return false } else { return true } }
        if encodingProblems.isEmpty, let digest = analysis.digest, let hash = analysis.digestHash, hash != analysis.header {
            return .otherHash(analysis, certificateOf: registered?.key(thumbprint: digest, hash))
        }
        guard analysis.isCorrect, let digest = analysis.digest else {
            let same = analysis.digest.flatMap { digest in analysis.digestHash.flatMap { registered?.key(thumbprint: digest, $0) } }
            return .malformed(analysis, sameDigestAs: same)
        }
        guard let registered, !registered.keys.isEmpty else { return .noRegisteredKeys }
        guard let jwk = registered.key(thumbprint: digest, analysis.header) else { return .unregistered(analysis) }
        return .resolved(jwk, by: analysis.header)
    }

    /// The certificate of the key the server picks, when it has expired at `date` (certificate-expired).
    func expiredCertificate(_ policy: KeyLookupPolicy, at date: Date) -> (jwk: JWK, certificate: Certificate)? {
        guard case .resolved(let jwk, _) = thumbprintLookup(policy), let certificate = jwk.certificate,
              certificate.isExpired(at: date) else { return nil }
        return (jwk, certificate)
    }
}

extension ServerProfile: KeyLookupPolicy {
    /// The profile's `keys.lookup`, in its order (words the loader does not know are refused there).
    public var keyLookup: [KeyLookupMethod] { (keys?.lookup ?? []).compactMap(KeyLookupMethod.init(rawValue:)) }

    /// Whether the server finds the key by a certificate thumbprint header alone, never by `kid`:
    /// kid-missing and kid-unknown do not apply there.
    public var findsKeysByThumbprintOnly: Bool {
        let lookup = keyLookup
        return lookup.contains { $0.thumbprintHeader != nil } && !lookup.contains(.kid)
    }
}
