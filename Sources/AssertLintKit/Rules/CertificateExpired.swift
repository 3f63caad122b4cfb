import Foundation

/// The registered certificate the server picks for the assertion has expired at `now`.
struct CertificateExpired: Rule {
    static let id = "certificate-expired"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject),
              let (jwk, certificate) = keys.expiredCertificate(subject.profile, at: subject.now) else { return }
        let end = certificate.notAfter.timeIntervalSince1970
        let message = "the header's thumbprint names the registered certificate \(CertificateThumbprints.describe(jwk, certificate)), valid from \(ClaimTime.utc(certificate.notBefore)) to \(ClaimTime.utc(certificate.notAfter)): it expired \(ClaimTime.duration(subject.now.timeIntervalSince1970 - end)) before now \(ClaimTime.utc(subject.now))"
            + ClaimTime.clockNote(subject)
        findings.add(Self.id, at: JWKSLocation.key(jwk.index), message, fix: [
            "subject": certificate.subject.isEmpty ? "the certificate" : Escape.line(certificate.subject),
            "end": ClaimTime.utc(certificate.notAfter),
            "start": ClaimTime.utc(certificate.notBefore),
            "thumbprint": certificate.hexThumbprint(CertificateThumbprints.lookedUpBy(keys, subject.profile)),
            "header": CertificateThumbprints.preferred(subject.profile).header,
        ])
    }
}
