import Foundation

/// Times code writes relative to when it runs, in seconds after now: `time.time() + 300`,
/// `datetime.utcnow() + timedelta(minutes=5)`, `Math.floor(Date.now() / 1000) + 300`,
/// `new Date(System.currentTimeMillis() + 5 * 60 * 1000)`, `Instant.now().plusSeconds(300)`,
/// `DateTime.UtcNow.AddMinutes(5)`, `time.Now().Add(time.Hour * time.Duration(1))`; and
/// durations written as text (`expiresIn: '5m'`, `setExpirationTime('2h')`).
enum RelativeTime {
    /// Spellings of "now" in the languages the reader knows, lowercased.
    static let nowSources = ["time.time()", "datetime.utcnow()", "datetime.now(", "date.now()", "new date()", "currenttimemillis()",
                             "instant.now()", "datetime.utcnow", "datetimeoffset.utcnow", "datetime.now", "time.now()",
                             "timegm(", "gettime()", "epochsecond", "localdatetime.now()", "zoneddatetime.now()", "clock.", "now()", "now"]

    static func seconds(_ expr: String) -> Int64? {
        let e = expr.lowercased().replacingOccurrences(of: " ", with: "")
        guard e.count <= 300, let source = nowSources.first(where: { e.contains($0.replacingOccurrences(of: " ", with: "")) }) else { return nil }
        // A bare word `now` must be the variable, not part of another name (`knowledge`).
        if source == "now", !CodeFacts.test(#"(^|[^a-z_])now([^a-z_]|$)"#, e) { return nil }
        // `now + LIFETIME`: a term the paste does not show makes the time unknown, not now.
        for m in matches(#"\+\(?([a-z_][a-z0-9_.]*)"#, e) where !["timedelta", "datetime.timedelta", "time.", "duration.", "timeunit."].contains(where: { m[1].hasPrefix($0) }) {
            return nil
        }
        let millis = e.contains("currenttimemillis") || e.contains("gettime()") || (e.contains("date.now()") && !e.contains("/1000"))
        var total: Int64 = 0
        var found = false
        var overflow = false
        func add(_ n: Int64?) {
            guard let n, let next = Self.sum(total, n) else { overflow = true; return }
            total = next
            found = true
        }
        for m in matches(#"timedelta\(([^)]*)\)"#, e) {
            for pair in matches(#"(days|hours|minutes|seconds)=(\d+)"#, m[1]) { add(product(unit(pair[1]), Int64(pair[2]))) }
        }
        for m in matches(#"(?:add|plus)(days|hours|minutes|seconds|milliseconds)\((\d+)"#, e) { add(product(unit(m[1]), Int64(m[2])).map { $0 / (m[1] == "milliseconds" ? 1000 : 1) }) }
        for m in matches(#"duration\.of(days|hours|minutes|seconds)\((\d+)\)"#, e) { add(product(unit(m[1]), Int64(m[2]))) }
        for m in matches(#"plus\((\d+)l?,(?:chronounit\.|timeunit\.)?(days|hours|minutes|seconds)\)"#, e) { add(product(unit(m[2]), Int64(m[1]))) }
        // Go: time.Now().Add(5 * time.Minute), .Add(time.Hour * time.Duration(1)).
        for m in matches(#"\.add\(((?:[^()]|\([^()]*\))*)\)"#, e) where m[1].contains("time.") {
            var factors: Int64? = 1
            for factor in m[1].split(separator: "*") {
                let f = factor.replacingOccurrences(of: "time.duration(", with: "").replacingOccurrences(of: ")", with: "")
                if let n = Int64(f) { factors = product(factors, n) } else if f.hasPrefix("time.") { factors = product(factors, goUnit(String(f.dropFirst(5)))) } else { return nil }
            }
            add(factors)
        }
        // `+ 300`, `+ 5 * 60`, `+ (5 * 60 * 1000)` after the clock.
        if let r = CodeFacts.firstRange(#"\+\(?(\d+(?:\*\d+)*)\)?"#, e) {
            let digits = e[r].filter { $0.isNumber || $0 == "*" }
            let added = digits.split(separator: "*").reduce(Int64(1) as Int64?) { product($0, Int64($1)) }
            add(millis && !e.contains("/1000") && !e.hasPrefix("newdate(") ? added : (millis ? added.map { $0 / 1000 } : added))
        }
        if overflow { return nil }
        if e.contains("-") && CodeFacts.test(#"-\(?\d"#, e) { return nil }
        return found ? total : 0
    }

    /// jsonwebtoken's `expiresIn` and jose's `setExpirationTime`: `300`, `'5m'`, `'2 hours'`, `'1d'`.
    static func duration(_ text: String) -> Int64? {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let n = Int64(t) { return n }
        guard let m = matches(#"^(\d+)\s*(ms|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$"#, t).first,
              let n = Int64(m[1]) else { return nil }
        switch m[2].first {
        case "m" where m[2] == "ms": return n / 1000
        case "m": return product(n, 60)
        case "h": return product(n, 3600)
        case "d": return product(n, 86_400)
        case "w": return product(n, 604_800)
        default: return n
        }
    }

    /// `a * b` and `a + b`, nil on overflow or a missing operand: pasted numbers can be any size.
    static func product(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }

    static func sum(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : result
    }

    static func unit(_ name: String) -> Int64 {
        switch name {
        case "days": return 86_400
        case "hours": return 3600
        case "minutes": return 60
        default: return 1
        }
    }

    static func goUnit(_ name: String) -> Int64 {
        switch name {
        case "hour": return 3600
        case "minute": return 60
        case "second": return 1
        default: return 0
        }
    }

    /// Every match of `pattern` in `text`, each as its groups (0 is the whole match).
    static func matches(_ pattern: String, _ text: String) -> [[String]] {
        guard let re = CodeFacts.regex(pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { k in Range(m.range(at: k), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
