import Foundation

/// The thumbprint header names no registered certificate under that header's hash: the other
/// hash's digest (SHA-256 in `x5t`), or a renewed or another certificate's thumbprint.
struct X5tMismatch: Rule {
    static let id = "x5t-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        let profile = subject.profile
        guard let keys = AssertionKeys(subject) else { return }
        let header: ThumbprintHash
        var message: String
        var fix: [String: String]
        switch keys.thumbprintLookup(profile) {
        case .otherHash(let analysis, let jwk):
            header = analysis.header
            let hash = analysis.digestHash ?? header.other
            message = "\(CertificateThumbprints.shown(analysis, value: keys.assertion.header[header.header])) is a \(hash.digestName) digest, but \(profile.speaker) reads \(header.header) as a \(header.digestName) thumbprint, so it finds no certificate"
            let reads = profile.keyLookup.compactMap(\.thumbprintHeader)
            if let jwk, let certificate = jwk.certificate {
                message += "; it is the \(hash.digestName) thumbprint of the registered certificate \(CertificateThumbprints.describe(jwk, certificate))"
                fix = reads.contains(hash) && hash != header
                    ? ["header": hash.header, "value": "\"\(certificate.thumbprint(hash))\""]
                    : ["header": header.header, "value": "\"\(certificate.thumbprint(header))\""]
            } else {
                if let list = CertificateThumbprints.registeredList(keys) { message += "; " + list }
                fix = reads.contains(hash) && hash != header
                    ? ["header": hash.header, "value": "\"\(Base64URL.encode(analysis.digest ?? []))\""]
                    : ["header": header.header, "value": CertificateThumbprints.howTo(header)]
            }
        case .unregistered(let analysis):
            // Keys no thumbprint can name (bare public keys) are jwks-not-configured's finding.
            guard case .success(let set)? = keys.jwks, set.keys.contains(where: \.answersToThumbprints) else { return }
            header = analysis.header
            message = "\(CertificateThumbprints.shown(analysis, value: keys.assertion.header[header.header])) is the \(header.digestName) thumbprint of no registered certificate (a renewed certificate, another app's, or one not uploaded yet)"
            if let list = CertificateThumbprints.registeredList(keys) { message += "; " + list }
            if let signer = CertificateThumbprints.signingCertificate(keys) {
                message += "; the certificate you sign with is most likely \(signer.jwk.label) (\(signer.why))"
                fix = ["header": header.header, "value": "\"\(signer.certificate.thumbprint(header))\""]
            } else {
                fix = ["header": header.header,
                       "value": "the thumbprint of the registered certificate you sign with, or upload the certificate whose thumbprint the header holds"]
            }
        case .noRegisteredKeys:
            // An empty key set is jwks-not-configured's finding.
            switch keys.jwks {
            case nil: findings.cannotJudge(Self.id, needs: "--jwks FILE or app.jwks")
            case .failure(let e)?: findings.cannotJudge(Self.id, needs: "a readable JWKS (app.jwks: \(e.reason))")
            case .success?: break
            }
            return
        default:
            return
        }
        // What the server prints as "Thumbprint of key used by client": the digest it decoded, in hex.
        if let digest = ThumbprintAnalysis(header: header, value: keys.assertion.header[header.header] ?? .null).digest {
            fix["thumbprint"] = CertificateThumbprints.hex(digest)
        }
        if let clientID = subject.app.clientID ?? keys.assertion.claims["iss"]?.stringValue { fix["client_id"] = clientID }
        findings.add(Self.id, at: Location.header(header.header), message, fix: fix)
    }
}
