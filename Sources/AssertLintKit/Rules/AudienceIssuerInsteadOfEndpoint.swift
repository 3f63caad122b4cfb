import Foundation

/// `aud` names an authorization server's issuer where the server wants the endpoint URL (its
/// profile accepts only `endpoint`). Reported alongside `aud-mismatch`, which says what differs;
/// this one says why the value was plausible and wrong.
struct AudienceIssuerInsteadOfEndpoint: Rule {
    static let id = "aud-issuer-instead-of-endpoint"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let target = subject.target,
              target.profile.audienceIsExactEndpoint,
              let audiences = assertion.audiences else { return }
        let accepted = AudiencePolicyCheck.accepted(by: target)
        // Only when the assertion fails on `aud` at all: an array that also holds the endpoint passes.
        guard !audiences.isEmpty, !audiences.contains(where: { AudiencePolicyCheck.accepts(accepted, $0) }) else { return }
        guard let audience = audiences.first(where: { Self.issuerName($0, target: target) != nil }),
              let server = Self.issuerName(audience, target: target) else { return }
        findings.add(Self.id, at: Location.claim("aud"),
                     "aud \(ClaimText.quoted(audience)) is the issuer of \(server), not an endpoint URL; the request goes to \"\(target.endpointURL)\"",
                     fix: ["issuer": audience, "endpoint": accepted[0]])
    }

    /// Which server `audience` is the issuer of, when it is one on the same host as the target:
    /// an issuer the profiles of the target's server family build from their path templates
    /// (Okta: the origin for the Org server, `/oauth2/{server}` for a custom one).
    static func issuerName(_ audience: String, target: ServerTarget) -> String? {
        guard let aud = EndpointURL(audience), let endpoint = EndpointURL(target.endpointURL),
              aud.scheme == endpoint.scheme, aud.host.lowercased() == endpoint.host.lowercased(),
              aud.port == endpoint.port, aud.query == nil else { return nil }
        let family = ProfileSet.bundled.profiles.filter { $0.recognise?.hosts == target.profile.recognise?.hosts && !$0.id.contains("@") }
        for profile in [target.profile] + family.filter({ $0.id != target.profile.id }) {
            if let name = IssuerTemplates.serverName(aud, profile) { return name }
        }
        return nil
    }
}
