import Foundation

/// The corrected `exp` the exp rules suggest: now + 5 minutes.
enum ExpiryFix {
    static func values(_ subject: Subject) -> [String: String] {
        let exp = ClaimTime.nowSeconds(subject) + ClaimTime.suggestedLifetime
        return ["exp": String(exp), "exp_utc": ClaimTime.utc(Double(exp))]
    }

    /// The most `exp` may lie ahead of now for the subject's server; nil when it sets no cap.
    static func cap(_ subject: Subject) -> Double? {
        subject.profile.lifetime?.maxExpAhead
    }

    static func serverName(_ subject: Subject) -> String {
        subject.profile.speakerCapitalized
    }
}
