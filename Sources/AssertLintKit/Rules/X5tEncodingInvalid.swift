import Foundation

/// A thumbprint header the server cannot read as the digest it is: hex text, the hex
/// base64url-encoded, standard base64, padding or whitespace.
struct X5tEncodingInvalid: Rule {
    static let id = "x5t-encoding-invalid"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject), case .malformed(let analysis, let same) = keys.thumbprintLookup(subject.profile) else { return }
        let header = analysis.header
        let value = keys.assertion.header[header.header]
        let problems = analysis.problems.map(Self.describe).joined(separator: "; ")
        var message = "\(CertificateThumbprints.shown(analysis, value: value)) is not base64url of the raw \(header.digestName) digest: \(problems)"
        // The value to send: the registered certificate's, else the digest recovered, re-encoded.
        var target = header
        var corrected = analysis.corrected
        if let hash = analysis.digestHash, hash != header, let digest = analysis.digest {
            let reads = subject.profile.keyLookup.compactMap(\.thumbprintHeader)
            message += "; it is a \(hash.digestName) digest, which belongs in \(hash.header)"
                + (reads.contains(hash) ? "" : ", a header \(subject.profile.speaker) does not read")
            if reads.contains(hash) {
                target = hash
                corrected = Base64URL.encode(digest)
            }
        }
        if let same, let certificate = same.certificate {
            message += "; it is the digest of the registered certificate \(CertificateThumbprints.describe(same, certificate))"
            corrected = certificate.thumbprint(target)
        }
        let fix = corrected.map { "\"\($0)\"" } ?? CertificateThumbprints.howTo(target)
        findings.add(Self.id, at: Location.header(header.header), message,
                     fix: ["header": target.header, "value": fix, "sent": header.header])
    }

    static func describe(_ problem: ThumbprintAnalysis.Problem) -> String {
        switch problem {
        case .notAString: return "it is not a JSON string"
        case .empty: return "it is empty"
        case .whitespace: return "it holds whitespace (a copied line break or space)"
        case .hexText: return "it is the hex text of the digest (as the portal and `openssl x509 -fingerprint` print it), not the digest's bytes in base64url"
        case .base64urlOfHex: return "it is the hex text of the digest, base64url-encoded, instead of the raw digest bytes"
        case .standardBase64: return "it uses `+` or `/` (standard base64), not base64url's `-` and `_`"
        case .padding: return "it ends in `=` padding, which base64url in JOSE leaves out"
        case .otherHash(let hash): return "it holds a \(hash.digestName) digest"
        case .wrongLength(let n): return "it decodes to \(n) bytes, neither a SHA-1 (20) nor a SHA-256 (32) digest"
        case .undecodable: return "it is neither base64url, base64 nor hex"
        }
    }
}
