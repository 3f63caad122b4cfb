import Foundation

/// No `aud`, or an `aud` with nothing in it. A wrong `aud` is `aud-mismatch`'s; an `aud` of
/// the wrong JSON type is `claim-type-invalid`'s.
struct AudienceMissing: Rule {
    static let id = "aud-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        let problem: String
        switch assertion.claims["aud"] {
        case nil: problem = "aud is missing"
        case .string(let s) where Self.isBlank(s): problem = "aud is \(ClaimText.quoted(s)), an empty string"
        case .array(let items) where items.isEmpty: problem = "aud is an empty array"
        case .array(let items) where items.allSatisfy({ $0.stringValue.map(Self.isBlank) == true }):
            problem = "aud is \(ClaimText.show(.array(items))): an array of empty strings"
        default: return
        }
        // The value the server's profile wants: the endpoint URL for most, the issuer for an
        // issuer-only server (named only when the input tells it).
        let policy = subject.target.map { AudiencePolicy($0, metadata: subject.serverMetadata) }
        let wanted: String
        if let value = policy?.wanted {
            wanted = "\"\(value)\""
        } else if policy?.issuerOnly == true || AudiencePolicy(subject).issuerOnly {
            wanted = "the server's issuer identifier (the `issuer` of its discovery document)"
        } else {
            wanted = subject.target.map { "\"\($0.endpointURL)\"" } ?? "the absolute URL of the endpoint you call"
        }
        findings.add(Self.id, at: Location.claim("aud"),
                     problem + (subject.target.map { "; the request goes to \"\($0.endpointURL)\"" } ?? ""),
                     fix: ["endpoint": wanted])
    }

    static func isBlank(_ s: String) -> Bool {
        s.trimmingEdges(.whitespacesAndNewlines).isEmpty
    }
}
