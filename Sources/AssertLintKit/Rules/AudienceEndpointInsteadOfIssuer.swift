import Foundation

/// `aud` is an endpoint URL of the server (token, PAR, ...) where its profile takes only the
/// issuer. An error where the endpoint URL is rejected (then `aud-mismatch` fires too and this
/// names why); a warning where the profile lists the endpoint kind in `audience.deprecated`
/// (accepted today, announced to stop), when `aud-mismatch` stays silent.
struct AudienceEndpointInsteadOfIssuer: Rule {
    static let id = "aud-endpoint-instead-of-issuer"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let target = subject.target,
              let audiences = assertion.audiences, !audiences.isEmpty else { return }
        let policy = AudiencePolicy(target, metadata: subject.serverMetadata)
        guard policy.issuerOnly else { return }
        let judged = audiences.map(policy.judge)
        // An array that also holds the issuer passes here (its form is aud-array-not-allowed's).
        guard !judged.contains(.accepted),
              let i = audiences.indices.first(where: { policy.isEndpointURL(audiences[$0]) }) else { return }
        let deprecated = judged[i] == .deprecated
        let server = target.profile.speakerCapitalized
        let issuer = policy.wanted.map { "\"\($0)\"" }
        let state = deprecated
            ? "\(server) still accepts an endpoint URL but has announced it will stop"
            : "\(server) accepts only its issuer identifier"
        findings.add(Self.id, at: Location.claim("aud"),
                     "aud \(ClaimText.quoted(audiences[i])) is an endpoint URL of the server, not its issuer: \(state), "
                        + (issuer ?? "the `issuer` of its discovery document (not known here)"),
                     fix: ["endpoint": audiences[i], "issuer": issuer ?? "(the `issuer` of the server's discovery document)"],
                     severity: deprecated ? .warning : nil)
    }
}
