import Foundation

/// `aud` must be one of the values the server's audience policy accepts (`audience.accepts`).
/// Under a realm policy, a value with the right host and tenant but another path is a warning.
struct AudienceMismatch: Rule {
    static let id = "aud-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        guard let target = subject.target else {
            findings.cannotJudge(Self.id, needs: "the request URL, or --endpoint URL for a bare token")
            return
        }
        // An empty or blank `aud` is `aud-missing`'s: reporting it here too would say the same twice.
        guard let audiences = assertion.audiences, audiences.contains(where: { !AudienceMissing.isBlank($0) }) else { return }
        let policy = AudiencePolicy(target, metadata: subject.serverMetadata)
        let judged = audiences.map(policy.judge)
        // A deprecated value is still accepted: the rule that names the deprecation warns about it.
        guard !judged.contains(.accepted), !judged.contains(.deprecated) else { return }
        let shown = audiences.count == 1 ? "\"\(audiences[0])\"" : "[" + audiences.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let server = target.profile.speakerCapitalized
        if let i = judged.firstIndex(of: .sameRealm) {
            let why = Self.inferredAccepts(target.profile).map { " (\($0))" } ?? ""
            findings.add(Self.id, at: Location.claim("aud"),
                         "aud \(ClaimText.quoted(audiences[i])) names the host and tenant of \"\(target.endpointURL)\", where the request goes, with another path: \(server) is taken to check the host and tenant only\(why), so it should pass, but only the URL called is sure to",
                         fix: Self.fix(target.endpointURL, "the URL the request is sent to"), severity: .warning)
            return
        }
        if judged.contains(.unknown) {
            findings.cannotJudge(Self.id, needs: "the server's issuer identifier (a fixture's `server:` discovery document, or --online)")
            return
        }
        let accepted = policy.values(policy.currentKinds)
        let reason: String
        if !accepted.isEmpty {
            let differences = audiences.map { aud in
                if let tenant = policy.tenant(of: aud), policy.rejectedTenant(tenant) {
                    return "aud names `\(tenant)`, which \(server) does not take as a tenant in aud"
                }
                return AudienceDifference(audience: aud, target: target, accepted: accepted).description
            }
            reason = Array(Set(differences)).sorted().joined(separator: "; ")
        } else {
            reason = "\(server) accepts only its issuer identifier, and an endpoint URL is not it"
        }
        let fix: [String: String]
        if let want = accepted.first {
            let why = want == target.endpointURL ? "the exact URL the request is sent to"
                : want == policy.issuer || want == policy.issuer.map({ $0 + "/" }) ? "the issuer identifier of the server"
                : "the token endpoint URL of the server"
            fix = Self.fix(want, why)
        } else {
            fix = Self.fix("<issuer>", "the server's issuer identifier: the `issuer` of its discovery document")
        }
        findings.add(Self.id, at: Location.claim("aud"), "aud is \(shown) but the request goes to \"\(target.endpointURL)\": \(reason)", fix: fix)
    }

    static func fix(_ value: String, _ why: String) -> [String: String] { ["endpoint": value, "why": why] }

    /// The profile's word on why its audience kinds are inferred (`audience.inferred.accepts`).
    static func inferredAccepts(_ profile: ServerProfile) -> String? {
        switch profile.audience?.inferred {
        case .section(let text)?: return text
        case .byKey(let notes)?: return notes["accepts"]
        case nil: return nil
        }
    }
}
