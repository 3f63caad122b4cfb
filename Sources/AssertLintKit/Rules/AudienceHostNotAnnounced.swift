import Foundation

/// With the server's discovery document at hand: `aud` and the request URL name different
/// hosts, and the document says which of the two is the server's (custom URL domain vs the
/// okta.com host, typically).
struct AudienceHostNotAnnounced: Rule {
    static let id = "aud-host-not-announced"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let metadata = subject.serverMetadata, let assertion = subject.assertion.decoded,
              let target = subject.target, let invoked = EndpointURL(target.endpointURL), !invoked.hostIsPlaceholder,
              let audiences = assertion.audiences, !audiences.isEmpty else { return }
        let requestHost = invoked.host.lowercased()
        let audHosts = audiences.compactMap { EndpointURL($0)?.host.lowercased() }
        // When some aud names the request's host, any remaining difference is aud-mismatch's.
        guard !audHosts.isEmpty, !audHosts.contains(requestHost) else { return }
        let announced = metadata.announcedHosts
        let announcedEndpoint = metadata.endpoint(target.endpoint)

        if announced.contains(requestHost), let stray = audHosts.first(where: { !announced.contains($0) }) {
            findings.add(Self.id, at: Location.claim("aud"),
                         "aud names the host \(stray), which the server's discovery document does not announce; the server announces its endpoints on \(requestHost), where the request goes\(Self.kindHint(stray, requestHost))",
                         fix: ["advice": "set `aud` to \"\(target.endpointURL)\" and sign a new assertion"])
        } else if !announced.contains(requestHost), let right = audHosts.first(where: announced.contains) {
            let destination = announcedEndpoint ?? "the \(target.endpoint.displayName) on \(right)"
            findings.add(Self.id, at: Location.claim("aud"),
                         "the request goes to \(requestHost), which the server's discovery document does not announce, while aud names \(right), the host it announces (\(metadata.source))\(Self.kindHint(right, requestHost))",
                         fix: ["advice": "send the request to \"\(destination)\", the endpoint the server announces (the assertion's aud already names that host), or set `aud` to \"\(target.endpointURL)\""])
        }
    }

    /// Says which of two hosts is Okta's and which a custom URL domain, when that is the case.
    static func kindHint(_ a: String, _ b: String) -> String {
        let isOkta = { (h: String) in ServerTarget.oktaHostSuffixes.contains { h.hasSuffix($0) } }
        guard isOkta(a) != isOkta(b) else { return "" }
        let (okta, custom) = isOkta(a) ? (a, b) : (b, a)
        return " (\(okta) is the Okta host, \(custom) a custom URL domain)"
    }
}
