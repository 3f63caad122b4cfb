import Foundation

/// The assertion is used longer after its `iat` than the server allows
/// (`lifetime.max_use_after_iat`, with no clock skew), whatever its `exp` says. The profile's
/// `messages: iat-too-old.limit` says where the limit comes from (a per-client setting's default).
struct IatTooOld: Rule {
    static let id = "iat-too-old"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let cap = subject.profile.lifetime?.maxUseAfterIat, let assertion = subject.assertion.decoded,
              let iat = ClaimTime.seconds(assertion, "iat") else { return }
        let age = subject.now.timeIntervalSince1970 - iat
        guard age > cap else { return }
        let profile = subject.profile
        var message = ClaimTime.relation("iat", iat, to: subject)
            + "; \(profile.speaker) accepts an assertion for at most \(ClaimTime.duration(cap)) after its iat, whatever exp says"
        if let origin = profile.message("iat-too-old.limit", ["limit": ClaimTime.duration(cap)]) {
            message += " (\(origin))"
        }
        findings.add(Self.id, at: Location.claim("iat"),
                     message + ClaimTime.timeZoneHint(assertion, subject) + ClaimTime.clockNote(subject),
                     fix: ExpiryFix.valuesWithIat(subject, max: cap))
    }
}
