import Foundation

/// The corrected times the time rules suggest: `iat` now and `exp` now + 5 minutes, or less when
/// the server's limits are shorter (Keycloak's 60 s), so the suggestion passes every limit the
/// profile sets.
enum ExpiryFix {
    /// The lifetime a new assertion is suggested with: 5 minutes, or half the server's shortest
    /// limit when that is shorter, so clock differences and delays do not put it over.
    static func lifetime(_ subject: Subject) -> Int64 {
        let l = subject.profile.lifetime
        let limits = [l?.maxExpAhead, l?.maxExpMinusIat, l?.maxUseAfterIat, l?.maxExpAheadWithoutIat]
            .compactMap { $0 }.filter { $0.isFinite && $0 >= 2 }
        guard let shortest = limits.min() else { return ClaimTime.suggestedLifetime }
        return min(ClaimTime.suggestedLifetime, Int64((shortest / 2).rounded(.down)))
    }

    /// `exp` and `exp_utc` of the suggested new assertion.
    static func values(_ subject: Subject) -> [String: String] {
        let exp = ClaimTime.nowSeconds(subject) + lifetime(subject)
        return ["exp": String(exp), "exp_utc": ClaimTime.utc(Double(exp))]
    }

    /// `values` with the suggested lifetime spelled out (`lifetime`) and the server's limit
    /// (`max`, when given), for fixes that say them.
    static func values(_ subject: Subject, max: Double?) -> [String: String] {
        var out = values(subject)
        out["lifetime"] = ClaimTime.spelled(Double(lifetime(subject)))
        if let max { out["max"] = ClaimTime.spelled(max) }
        return out
    }

    /// `values(_:max:)` with `iat` = now, for the rules whose fix is a freshly signed assertion.
    static func valuesWithIat(_ subject: Subject, max: Double) -> [String: String] {
        let now = ClaimTime.nowSeconds(subject)
        return values(subject, max: max).merging(["iat": String(now), "iat_utc": ClaimTime.utc(Double(now))]) { $1 }
    }

    /// How far `exp` may lie ahead of now for this assertion, and whether the limit holds only
    /// because `iat` is absent (`max_exp_ahead_without_iat`); nil when the server sets none.
    static func cap(_ subject: Subject) -> (seconds: Double, withoutIat: Bool)? {
        let l = subject.profile.lifetime
        if let cap = l?.maxExpAhead { return (cap, false) }
        if let cap = l?.maxExpAheadWithoutIat, let assertion = subject.assertion.decoded, case .absent = assertion.date("iat") {
            return (cap, true)
        }
        return nil
    }

    static func serverName(_ subject: Subject) -> String {
        subject.profile.speaker
    }
}
