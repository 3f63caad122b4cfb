import Foundation

/// `iss` must be the client's client_id (RFC 7523 §3, Okta). Missing counts.
struct IssuerMismatch: Rule {
    static let id = "iss-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        ClientIDClaimCheck.check("iss", other: "sub", ruleID: Self.id, subject, into: &findings)
    }
}

/// `sub` must be the client's client_id (RFC 7523 §3, Okta). Missing counts.
struct SubjectMismatch: Rule {
    static let id = "sub-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        ClientIDClaimCheck.check("sub", other: "iss", ruleID: Self.id, subject, into: &findings)
    }
}

/// The shared judgement of `iss` and `sub` against the client id.
///
/// - With a registered client_id (fixture `app.client_id`, `--client-id`) each claim must equal it.
/// - With only a client id taken from the request (the `client_id` parameter, a Basic user), a
///   claim is reported when it differs from that id and from the other claim. When `iss` and
///   `sub` agree with each other but not with the parameter, the parameter is as likely to be
///   wrong as the claims: that is `client-id-mismatch`'s finding, not these rules'.
/// - With no client id at all, a missing or empty claim is still reported, and `iss` ≠ `sub` is one
///   `iss-mismatch` finding (they cannot both be the client_id); anything else cannot be judged.
enum ClientIDClaimCheck {
    static let needs = "--client-id or app.client_id in a fixture"

    static func check(_ claim: String, other: String, ruleID: String, _ subject: Subject,
                      into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        let raw = assertion.claims[claim]
        // A non-string value is claim-type-invalid's finding.
        if let raw, raw.stringValue == nil { return }
        let value = raw?.stringValue
        let otherRaw = assertion.claims[other]
        let otherValue = otherRaw?.stringValue
        let pointer = Location.claim(claim)

        func absence(_ expected: String) -> String? {
            guard let value else { return "\(claim) is missing; it must be \(expected)" }
            if value.isEmpty { return "\(claim) is empty; it must be \(expected)" }
            return nil
        }

        if let registered = subject.app.clientID, !registered.isEmpty {
            let expected = "the client_id \(ClaimText.quoted(registered)) (the app's client_id)"
            if let message = absence(expected) {
                findings.add(ruleID, at: pointer, message, fix: ["client_id": ClaimText.quoted(registered)])
            } else if let value, value != registered {
                findings.add(ruleID, at: pointer, "\(claim) is \(ClaimText.quoted(value)); it must be \(expected)\(difference(value, registered))",
                             fix: ["client_id": ClaimText.quoted(registered)])
            }
            return
        }

        if let derived = subject.expectedClientID {
            let fromRequest = derived.value
            let expected = "the client_id \(ClaimText.quoted(fromRequest)) (\(derived.origin))"
            if let message = absence(expected) {
                findings.add(ruleID, at: pointer, message, fix: ["client_id": ClaimText.quoted(fromRequest)])
            } else if let value, value != fromRequest, value != otherValue {
                findings.add(ruleID, at: pointer,
                             "\(claim) is \(ClaimText.quoted(value)); it must be \(expected)\(difference(value, fromRequest))",
                             fix: ["client_id": ClaimText.quoted(fromRequest)])
            }
            return
        }

        let unknown = "the app's client_id"
        if let message = absence("the app's client_id") {
            let hint = otherValue.flatMap { $0.isEmpty ? nil : " (\(other) is \(ClaimText.quoted($0)); if that is the client_id, use it for \(claim) too)" } ?? ""
            findings.add(ruleID, at: pointer, message + hint, fix: ["client_id": unknown])
            return
        }
        if claim == "iss", let value, let otherValue, !otherValue.isEmpty, value != otherValue {
            findings.add(ruleID, at: pointer,
                         "iss \(ClaimText.quoted(value)) and sub \(ClaimText.quoted(otherValue)) differ; both must be the client_id\(difference(value, otherValue))",
                         fix: ["client_id": unknown])
            return
        }
        findings.cannotJudge(ruleID, needs: needs)
    }

    /// A near miss worth naming: whitespace or letter case.
    static func difference(_ a: String, _ b: String) -> String {
        if a.trimmingCharacters(in: .whitespacesAndNewlines) == b.trimmingCharacters(in: .whitespacesAndNewlines) {
            return ": they differ only in surrounding whitespace"
        }
        if a.lowercased() == b.lowercased() { return ": they differ only in letter case, and client ids are case-sensitive" }
        return ""
    }
}
