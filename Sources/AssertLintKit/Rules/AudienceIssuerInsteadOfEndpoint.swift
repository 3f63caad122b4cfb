import Foundation

/// `aud` names an authorization server's issuer (`https://{domain}` or
/// `https://{domain}/oauth2/{id}`) where Okta wants the endpoint URL. Reported alongside
/// `aud-mismatch`, which says what differs; this one says why the value was plausible and wrong.
struct AudienceIssuerInsteadOfEndpoint: Rule {
    static let id = "aud-issuer-instead-of-endpoint"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let target = subject.target,
              target.profile.audiencePolicy == .exactEndpoint,
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
    /// the origin (Org authorization server) or `/oauth2/{id}` (a custom authorization server).
    static func issuerName(_ audience: String, target: ServerTarget) -> String? {
        guard let aud = EndpointURL(audience), let endpoint = EndpointURL(target.endpointURL),
              aud.scheme == endpoint.scheme, aud.host.lowercased() == endpoint.host.lowercased(),
              aud.port == endpoint.port, aud.query == nil else { return nil }
        let segments = aud.path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.isEmpty { return "the Org authorization server" }
        guard segments.count == 2, segments[0] == "oauth2", segments[1] != "v1" else { return nil }
        let id = String(segments[1])
        return id == "default" ? "the default custom authorization server" : "the custom authorization server '\(id)'"
    }
}
