import Foundation

/// The token endpoint needs a `grant_type` it knows (RFC 6749 §4, §5.2 unsupported_grant_type).
struct GrantTypeInvalid: Rule {
    static let id = "grant-type-invalid"

    /// The grant types of the OAuth and OpenID specifications (RFC 6749, 8628, 7523, 8693, 7522,
    /// OpenID CIBA); a server's own ones come from its profile's `grants`.
    static let standard = [
        "client_credentials", "authorization_code", "refresh_token", "password",
        "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "urn:ietf:params:oauth:grant-type:token-exchange", "urn:openid:params:grant-type:ciba",
        "urn:ietf:params:oauth:grant-type:saml2-bearer",
    ]

    static func known(_ profile: ServerProfile) -> [String] {
        standard + (profile.grants ?? [:]).keys.sorted().filter { !standard.contains($0) }
    }

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target, target.endpoint == .token else { return }
        guard let field = request.form("grant_type") else {
            let guess = request.form("code") != nil ? "authorization_code"
                : request.form("refresh_token") != nil ? "refresh_token"
                : request.form("device_code") != nil ? "urn:ietf:params:oauth:grant-type:device_code"
                : "client_credentials"
            findings.add(Self.id, at: Location.form("grant_type"), "The token request has no `grant_type` parameter",
                         fix: ["grant_type": guess], variant: "missing")
            return
        }
        let value = field.value
        let known = Self.known(subject.profile)
        guard !known.contains(value) else { return }
        guard !Placeholders.isWhole(value) else {
            findings.cannotJudge(Self.id, needs: "the real grant_type (the paste has a placeholder there)")
            return
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason: String
        let suggestion: String
        if value.isEmpty {
            reason = "`grant_type` is empty"
            suggestion = "client_credentials"
        } else if known.contains(trimmed) {
            reason = "grant_type \"\(value)\" has leading or trailing whitespace"
            suggestion = trimmed
        } else if let near = Self.nearest(trimmed, among: known) {
            reason = "grant_type \"\(trimmed)\" is not a grant type; did you mean \"\(near)\"?"
            suggestion = near
        } else {
            reason = "grant_type \"\(trimmed)\" is not a grant type \(subject.profile.speaker) knows"
            suggestion = "client_credentials"
        }
        findings.add(Self.id, at: Location.form("grant_type"), reason, fix: ["grant_type": suggestion])
    }

    /// The known grant type a misspelling most likely meant: same letters ignoring case and
    /// separators, or a small edit distance.
    static func nearest(_ value: String, among known: [String]) -> String? {
        func letters(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let v = letters(value)
        guard !v.isEmpty else { return nil }
        if let same = known.first(where: { letters($0) == v }) { return same }
        if let suffix = known.first(where: { $0.hasPrefix("urn:") && letters(String($0.split(separator: ":").last ?? "")) == v }) {
            return suffix
        }
        let scored = known.map { ($0, EditDistance.between(v, letters($0))) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, v.count / 5) else { return nil }
        return best
    }
}
