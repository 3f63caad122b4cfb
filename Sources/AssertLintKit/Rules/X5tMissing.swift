import Foundation

/// None of the certificate thumbprint headers the server finds the client's key by.
struct X5tMissing: Rule {
    static let id = "x5t-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        let profile = subject.profile
        guard let keys = AssertionKeys(subject), case .missing(let reads, let hasX5C) = keys.thumbprintLookup(profile),
              let first = reads.first else { return }
        let names = reads.map(\.header)
        var message = "the header has " + (names.count == 1 ? "no \(names[0])" : "neither " + names.dropLast().joined(separator: ", ") + " nor " + (names.last ?? ""))
            + "; \(profile.speakerCapitalized) finds the client's certificate by that thumbprint"
            + (keys.assertion.header["kid"] != nil ? ", not by kid" : "")
        if hasX5C { message += "; the header's x5c serves a subject name + issuer registration, not a certificate uploaded to the app" }
        var fix = ["header": first.header, "value": CertificateThumbprints.howTo(first)]
        if let signer = CertificateThumbprints.signingCertificate(keys) {
            message += "; the registered certificate \(CertificateThumbprints.describe(signer.jwk, signer.certificate)) (\(signer.why))"
            fix["value"] = "\"\(signer.certificate.thumbprint(first))\""
        } else if let list = CertificateThumbprints.registeredList(keys) {
            message += "; " + list
        }
        findings.add(Self.id, at: Location.header(first.header), message, fix: fix)
    }
}
