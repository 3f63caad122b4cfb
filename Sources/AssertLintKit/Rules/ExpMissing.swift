import Foundation

/// No `exp`: Okta requires it. A present `exp` of the wrong type is `claim-type-invalid`'s.
struct ExpMissing: Rule {
    static let id = "exp-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, case .absent = assertion.date("exp") else { return }
        findings.add(Self.id, at: Location.claim("exp"),
                     "exp is missing; a client assertion must carry an expiry (RFC 7523 §3)",
                     fix: ExpiryFix.values(subject))
    }
}

/// The corrected `exp` the exp rules suggest: now + 5 minutes.
enum ExpiryFix {
    static func values(_ subject: Subject) -> [String: String] {
        let exp = ClaimTime.nowSeconds(subject) + ClaimTime.suggestedLifetime
        return ["exp": String(exp), "exp_utc": ClaimTime.utc(Double(exp))]
    }

    /// The most `exp` may lie ahead of now for this target. A bare token with no endpoint is
    /// judged as Okta would judge it, like the rest of the catalog.
    static func cap(_ subject: Subject) -> Double? {
        guard let target = subject.target else { return ServerProfile.oktaOrg.maxAssertionLifetime }
        return target.profile.maxAssertionLifetime
    }

    static func serverName(_ subject: Subject) -> String {
        (subject.target?.profile.isOkta ?? true) ? "Okta" : "the server"
    }
}
