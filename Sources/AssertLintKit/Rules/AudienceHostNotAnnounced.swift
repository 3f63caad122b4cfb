import Foundation

/// With the server's discovery document at hand: `aud` and the request URL name different
/// hosts, and the document says which of the two is the server's (a custom URL domain vs the
/// server's own host, typically).
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
                         "aud names the host \(stray), which the server's discovery document does not announce; the server announces its endpoints on \(requestHost), where the request goes\(Self.kindHint(stray, requestHost, subject.profile))",
                         fix: ["advice": "set `aud` to \"\(target.endpointURL)\" and sign a new assertion"])
        } else if !announced.contains(requestHost), let right = audHosts.first(where: announced.contains) {
            let destination = announcedEndpoint ?? "the \(target.endpoint.displayName) on \(right)"
            findings.add(Self.id, at: Location.claim("aud"),
                         "the request goes to \(requestHost), which the server's discovery document does not announce, while aud names \(right), the host it announces (\(metadata.source))\(Self.kindHint(right, requestHost, subject.profile))",
                         fix: ["advice": "send the request to \"\(destination)\", the endpoint the server announces (the assertion's aud already names that host), or set `aud` to \"\(target.endpointURL)\""])
        }
    }

    /// Says which of two hosts is the server's own and which a custom URL domain, when that is
    /// the case (the profile's `recognise.hosts`, in its words).
    static func kindHint(_ a: String, _ b: String, _ profile: ServerProfile) -> String {
        guard !(profile.recognise?.hosts ?? []).isEmpty else { return "" }
        let own = { (h: String) in profile.hostMatches(h) }
        guard own(a) != own(b) else { return "" }
        let (mine, custom) = own(a) ? (a, b) : (b, a)
        let text = profile.message("aud-host-not-announced.hosts", ["own": mine, "custom": custom])
            ?? "\(mine) is \(profile.speaker)'s host, \(custom) a custom URL domain"
        return " (\(text))"
    }
}
