import Foundation

/// Levenshtein distance, for "did you mean" suggestions (rule ids, grant types). Inputs are cut
/// to 200 characters: suggestions are for short words, and a pasted megabyte must stay cheap.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.prefix(200)), y = Array(b.prefix(200))
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
