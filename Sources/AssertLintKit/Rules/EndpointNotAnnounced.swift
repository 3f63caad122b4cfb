import Foundation

/// With the server's discovery document at hand: the request goes to a URL the server does
/// not announce as any of its endpoints (a wrong host, server id or path).
struct EndpointNotAnnounced: Rule {
    static let id = "endpoint-not-announced"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let metadata = subject.serverMetadata, let target = subject.target else { return }
        let announced = EndpointKind.allCases.compactMap(metadata.endpoint).map { EndpointURL($0)?.withoutQuery ?? $0 }
        guard !announced.contains(target.endpointURL) else { return }
        let sameKind = metadata.endpoint(target.endpoint)
        let suggestion = sameKind ?? metadata.tokenEndpoint ?? metadata.issuer
        let detail = sameKind.map { "; it announces the \(target.endpoint.displayName) as \"\($0)\"" } ?? ""
        findings.add(Self.id, at: Location.url,
                     "the request goes to \"\(target.endpointURL)\", which the server's discovery document (\(metadata.source)) does not announce\(detail)",
                     fix: ["endpoint": suggestion])
    }
}
