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
        if source == "now", e.range(of: #"(^|[^a-z_])now([^a-z_]|$)"#, options: .regularExpression) == nil { return nil }
        // `now + LIFETIME`: a term the paste does not show makes the time unknown, not now.
        for m in matches(#"\+\(?([a-z_][a-z0-9_.]*)"#, e) where !["timedelta", "datetime.timedelta", "time.", "duration.", "timeunit."].contains(where: { m[1].hasPrefix($0) }) {
            return nil
        }
        let millis = e.contains("currenttimemillis") || e.contains("gettime()") || (e.contains("date.now()") && !e.contains("/1000"))
        var total: Int64 = 0
        var found = false
        func add(_ n: Int64) { total += n; found = true }
        for m in matches(#"timedelta\(([^)]*)\)"#, e) {
            for pair in matches(#"(days|hours|minutes|seconds)=(\d+)"#, m[1]) { add(unit(pair[1]) * (Int64(pair[2]) ?? 0)) }
        }
        for m in matches(#"(?:add|plus)(days|hours|minutes|seconds|milliseconds)\((\d+)"#, e) { add(unit(m[1]) * (Int64(m[2]) ?? 0) / (m[1] == "milliseconds" ? 1000 : 1)) }
        for m in matches(#"duration\.of(days|hours|minutes|seconds)\((\d+)\)"#, e) { add(unit(m[1]) * (Int64(m[2]) ?? 0)) }
        for m in matches(#"plus\((\d+)l?,(?:chronounit\.|timeunit\.)?(days|hours|minutes|seconds)\)"#, e) { add(unit(m[2]) * (Int64(m[1]) ?? 0)) }
        // Go: time.Now().Add(5 * time.Minute), .Add(time.Hour * time.Duration(1)).
        for m in matches(#"\.add\(((?:[^()]|\([^()]*\))*)\)"#, e) where m[1].contains("time.") {
            var product: Int64 = 1
            for factor in m[1].split(separator: "*") {
                let f = factor.replacingOccurrences(of: "time.duration(", with: "").replacingOccurrences(of: ")", with: "")
                if let n = Int64(f) { product *= n } else if f.hasPrefix("time.") { product *= goUnit(String(f.dropFirst(5))) } else { return nil }
            }
            add(product)
        }
        // `+ 300`, `+ 5 * 60`, `+ (5 * 60 * 1000)` after the clock.
        if let r = e.range(of: #"\+\(?(\d+(?:\*\d+)*)\)?"#, options: .regularExpression) {
            let digits = e[r].filter { $0.isNumber || $0 == "*" }
            let product = digits.split(separator: "*").reduce(Int64(1)) { $0 * (Int64($1) ?? 1) }
            add(millis && !e.contains("/1000") && !e.hasPrefix("newdate(") ? product : (millis ? product / 1000 : product))
        }
        if e.contains("-") && e.range(of: #"-\(?\d"#, options: .regularExpression) != nil { return nil }
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
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        case "w": return n * 604_800
        default: return n
        }
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
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { k in Range(m.range(at: k), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
