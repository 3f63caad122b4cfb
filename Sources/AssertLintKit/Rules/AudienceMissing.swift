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
        let endpoint = subject.target.map { AudiencePolicyCheck.accepted(by: $0)[0] }
        let wanted = endpoint.map { "\"\($0)\"" } ?? "the absolute URL of the endpoint you call"
        findings.add(Self.id, at: Location.claim("aud"),
                     problem + (endpoint.map { "; the request goes to \"\($0)\"" } ?? ""),
                     fix: ["endpoint": wanted])
    }

    static func isBlank(_ s: String) -> Bool {
        s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
