import Foundation

/// Times as the claim rules show them: NumericDates in UTC and distances in plain units, so
/// a message reads "exp 2025-06-02T15:05:00Z is 65 min after now 2025-06-02T14:00:00Z".
enum ClaimTime {
    /// How far ahead of now `iat` and `nbf` may be. Up to `accept` the server takes them; beyond
    /// `reject` it refuses them; in between (FAPI 2.0's 10 to 60 s) it may do either. The
    /// profile's `iat_future_tolerance`/`iat_future_reject`, else its `clock_skew` for both; a
    /// profile that says neither gets 60 s, the usual JOSE library default (assertlint's
    /// tolerance for a server that documents none, so `fromProfile` is false).
    struct FutureLimits: Equatable {
        var accept: Double
        var reject: Double
        var fromProfile: Bool
    }

    static func futureLimits(_ subject: Subject) -> FutureLimits {
        let l = subject.profile.lifetime
        guard let accept = l?.iatFutureTolerance ?? l?.clockSkew else {
            return FutureLimits(accept: 60, reject: 60, fromProfile: false)
        }
        return FutureLimits(accept: accept, reject: max(accept, l?.iatFutureReject ?? accept), fromProfile: true)
    }

    /// How `iat` or `nbf` `ahead` seconds after now fares: nil when accepted; an error beyond
    /// `reject`; a warning in between, where the server may refuse it. The text names the
    /// profile's limits (none when they are assertlint's default).
    static func futureVerdict(_ claim: String, ahead: Double, _ subject: Subject) -> (severity: Severity, limit: String)? {
        let limits = futureLimits(subject)
        guard ahead > limits.accept else { return nil }
        let server = subject.profile.speaker
        if ahead > limits.reject {
            guard limits.fromProfile else { return (.error, "") }
            let allows = limits.reject > limits.accept
                ? "\(server) refuses \(claim) more than \(duration(limits.reject)) ahead"
                : "\(server) allows \(claim) at most \(duration(limits.accept)) ahead"
            return (.error, "; " + allows)
        }
        return (.warning, "; \(server) must accept \(claim) up to \(duration(limits.accept)) ahead and refuse it beyond \(duration(limits.reject)): in between, as here, it may refuse it")
    }

    /// Seconds past `exp` the server still accepts: `exp_clock_skew`, else `clock_skew`, else none.
    static func expLeeway(_ subject: Subject) -> Double {
        let l = subject.profile.lifetime
        return max(0, l?.expClockSkew ?? l?.clockSkew ?? 0)
    }

    /// A corrected `exp` is suggested this far ahead of now: long enough for the request to
    /// arrive, well inside the caps servers set (Okta's is one hour).
    static let suggestedLifetime: Int64 = 300

    /// A NumericDate claim the time rules can judge: a finite, non-negative number. Other values
    /// (strings, 1e309, negatives) are `claim-type-invalid`'s and are skipped here.
    static func seconds(_ assertion: ClientAssertion, _ claim: String) -> Double? {
        guard let d = assertion.date(claim).seconds, d >= 0 else { return nil }
        return d
    }

    static func nowSeconds(_ subject: Subject) -> Int64 {
        Int64(subject.now.timeIntervalSince1970.rounded(.down))
    }

    /// A limit in the words of a fix: "60 minutes", "5 minutes", "60 seconds", "90 seconds".
    static func spelled(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return duration(seconds) }
        let s = Int64(seconds.rounded())
        if s % 3600 == 0, s >= 7200 { return "\(s / 3600) hours" }
        if s % 60 == 0, s >= 120 { return "\(s / 60) minutes" }
        return s == 1 ? "1 second" : "\(s) seconds"
    }

    /// `1748872800` → `2025-06-02T14:00:00Z` (fractions of a second are dropped).
    static func utc(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 253_402_300_800 else { return "(out of range)" }
        return Timestamps.format(Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    static func utc(_ date: Date) -> String { utc(date.timeIntervalSince1970) }

    /// A distance in seconds as people say it: "45 s", "65 min", "59 min 30 s", "5 h 10 min", "12 days".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "an unbounded time" }
        // Int64 holds about 292 billion years of seconds; a hostile exp such as 1e300 must not trap.
        guard abs(seconds) < 1e15 else { return "more than 30 million years" }
        let s = Int64(abs(seconds).rounded())
        if s < 120 { return "\(s) s" }
        if s < 3 * 3600 {
            let (m, rest) = (s / 60, s % 60)
            return rest == 0 ? "\(m) min" : "\(m) min \(rest) s"
        }
        if s < 72 * 3600 {
            let (h, m) = (s / 3600, (s % 3600) / 60)
            return m == 0 ? "\(h) h" : "\(h) h \(m) min"
        }
        let days = s / 86400
        return days < 3650 ? "\(days) days" : "\(days / 365) years"
    }

    /// "exp 2025-06-02T15:05:00Z is 65 min after now 2025-06-02T14:00:00Z"
    static func relation(_ claim: String, _ value: Double, to subject: Subject) -> String {
        let now = subject.now.timeIntervalSince1970
        let delta = value - now
        let position: String
        if delta.rounded() == 0 {
            position = "equals now \(utc(now))"
        } else {
            position = "is \(duration(delta)) \(delta > 0 ? "after" : "before") now \(utc(now))"
        }
        return "\(claim) \(shown(value)) \(position)" + millisecondsHint(claim, value)
    }

    /// Seconds past 1e11 (the year 5138) are almost always milliseconds.
    static let millisecondsThreshold: Double = 100_000_000_000

    /// A time as UTC, or as the raw number when no calendar date fits it.
    static func shown(_ value: Double) -> String {
        if value < millisecondsThreshold { return utc(value) }
        return value < 1e18 ? String(format: "%.0f", value) : String(format: "%g", value)
    }

    static func millisecondsHint(_ claim: String, _ value: Double) -> String {
        guard value >= millisecondsThreshold, value / 1000 < millisecondsThreshold else { return "" }
        return "; \(claim) looks like milliseconds (read as milliseconds it is \(utc(value / 1000))), and NumericDates are seconds"
    }

    /// When `iat` is a whole number of hours (1 to 14, give or take two minutes) off now, the
    /// client most likely turned local time into epoch seconds as if it were UTC (PowerShell's
    /// `Get-Date -UFormat %s`, naive datetimes in Python): say so, since it explains an expired
    /// or far-future assertion better than "check your clock".
    static func timeZoneHint(_ assertion: ClientAssertion, _ subject: Subject) -> String {
        guard let iat = seconds(assertion, "iat") else { return "" }
        let delta = iat - subject.now.timeIntervalSince1970
        let hours = (delta / 3600).rounded()
        guard abs(hours) >= 1, abs(hours) <= 14, abs(delta - hours * 3600) <= 120 else { return "" }
        let n = Int(abs(hours))
        return "; iat is \(n) h \(hours > 0 ? "ahead of" : "behind") now almost exactly, which is what a client gets when it converts local time (UTC\(hours > 0 ? "+" : "-")\(n)) to epoch seconds as if it were UTC"
    }

    /// Said after a time judgement made against this machine's clock rather than a fixed one.
    static func clockNote(_ subject: Subject) -> String {
        subject.clockIsReal ? " (now is this machine's clock; use --now to judge at another time)" : ""
    }
}

/// How claim values appear in messages: JSON text, cut short when long.
enum ClaimText {
    static func show(_ value: JSONValue, limit: Int = 80) -> String {
        let text = value.compactText
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    static func quoted(_ s: String, limit: Int = 80) -> String {
        show(.string(s), limit: limit)
    }
}
