import Foundation

/// Under a realm audience (`audience.accepts: [realm]`): `aud` names the server's host but another
/// tenant than the URL called, or a tenant the profile rejects (`audience.rejects_tenants`:
/// `common` and the like). A special case of `aud-mismatch`, reported with it.
struct AudienceTenantMismatch: Rule {
    static let id = "aud-tenant-mismatch"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let target = subject.target,
              let audiences = assertion.audiences, !audiences.isEmpty else { return }
        let policy = AudiencePolicy(target, metadata: subject.serverMetadata)
        guard policy.isRealm, let called = policy.calledTenant else { return }
        let judged = audiences.map(policy.judge)
        guard !judged.contains(where: { $0 == .accepted || $0 == .deprecated || $0 == .sameRealm }) else { return }
        let named = audiences.compactMap { aud in policy.tenant(of: aud).map { (aud, $0) } }
        guard let (audience, tenant) = named.first(where: { !AudiencePolicy.sameTenant($0.1, called) || policy.rejectedTenant($0.1) })
        else { return }
        let server = target.profile.speakerCapitalized
        var message = "aud \(ClaimText.quoted(audience)) names the tenant `\(tenant)`"
        message += policy.rejectedTenant(tenant)
            ? ", which \(server) does not take in aud: it names no one tenant"
            : " but the request goes to the tenant `\(called)` (\"\(target.endpointURL)\")"
        let advice: String
        if policy.rejectedTenant(called) {
            message += "; the request itself goes to `\(called)`"
            advice = "send the request to your own tenant's URL (its ID or verified domain in place of `\(called)`), set `aud` to that URL"
        } else {
            advice = "set `aud` to \"\(target.endpointURL)\""
        }
        findings.add(Self.id, at: Location.claim("aud"), message, fix: ["advice": advice])
    }
}
