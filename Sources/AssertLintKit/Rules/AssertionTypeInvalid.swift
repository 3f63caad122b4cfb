import Foundation

/// `client_assertion_type` must be exactly `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`
/// (RFC 7523 §2.2).
struct AssertionTypeInvalid: Rule {
    static let id = "assertion-type-invalid"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let field = request.form("client_assertion_type") else { return }
        let value = field.value
        guard value != ClientAssertionType.jwtBearer else { return }
        // `{assertionType}` stands for a value the paste does not show.
        guard !Placeholders.isWhole(value) else {
            findings.cannotJudge(Self.id, needs: "the real client_assertion_type (the paste has a placeholder there)")
            return
        }
        findings.add(Self.id, at: Location.form("client_assertion_type"),
                     "client_assertion_type is \(Self.quoted(value)): \(Self.difference(value, server: subject.profile.speakerCapitalized))",
                     fix: ["type": ClientAssertionType.jwtBearer])
    }

    static func quoted(_ value: String) -> String {
        value.count > 120 ? "\"\(value.prefix(120))…\"" : "\"\(value)\""
    }

    /// Names how a value differs from the expected URN.
    static func difference(_ value: String, server: String) -> String {
        let want = ClientAssertionType.jwtBearer
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return "the parameter is present but empty" }
        if trimmed.isEmpty { return "the value is only whitespace" }
        if trimmed == want { return "the value has leading or trailing whitespace (a line break or space copied with it)" }
        if trimmed.removingPercentEncoding == want || trimmed.lowercased().contains("%3a") {
            return "the value is still percent-encoded; it was encoded twice (for example --data-urlencode on an already encoded value)"
        }
        if trimmed.lowercased() == want { return "the letter case differs; the URN is compared exactly and is all lower case" }
        if trimmed.lowercased() == ClientAssertionType.jwtBearerGrant {
            return "this is the grant-type URN of RFC 7523 §2.1 (used as `grant_type` when a JWT is the grant), not the client-assertion-type URN of §2.2"
        }
        let normalized = trimmed.lowercased().replacingOccurrences(of: "_", with: "-")
        if normalized == want { return "it uses underscores where the URN has hyphens (`jwt-bearer`, `client-assertion-type`)" }
        if normalized.hasSuffix("client-assertion-type:saml2-bearer") {
            return "this is the SAML assertion type (RFC 7522); \(server) accepts only JWT client assertions"
        }
        if ["jwt", "jwt-bearer", "private-key-jwt", "client-secret-jwt", "bearer"].contains(normalized) {
            return "it must be the full URN, not a short name"
        }
        if normalized.hasPrefix("urn:ietf:params:oauth:") { return "this is a different URN" }
        return "it is not the JWT bearer client-assertion type"
    }
}
