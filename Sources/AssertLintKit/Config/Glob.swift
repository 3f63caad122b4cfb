import Foundation

/// A path pattern as users write them in configs and on the command line: `*` matches within
/// one path segment, `**` any number of segments, `?` one character, `{a,b}` either alternative
/// (nested braces work; the expansion is bounded). Paths use `/`.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    /// One segment list per brace alternative.
    private let alternatives: [[String]]

    /// More alternatives than any real pattern has: `{a,b}{c,d}…` repeated stops here.
    public static let maxAlternatives = 256

    public init(_ pattern: String) {
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        self.pattern = p
        self.alternatives = Self.expandBraces(p).map {
            $0.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        }
    }

    public var description: String { pattern }

    /// True when the text has glob characters (else it names a file or directory).
    public static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?") || (text.contains("{") && text.contains("}") && text.contains(","))
    }

    /// The leading segments without glob characters: where a walk for this pattern starts
    /// (shared by every brace alternative).
    public var literalPrefix: String {
        pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            .prefix { !Self.isPattern($0) && !$0.contains("{") }.joined(separator: "/")
    }

    public var isAbsolute: Bool { pattern.hasPrefix("/") }

    /// Whether some alternative can match outside the directory the pattern is relative to:
    /// it is absolute, starts with `~`, or has a `..` segment.
    public var leavesBase: Bool {
        Self.expandBraces(pattern).contains { alternative in
            alternative.hasPrefix("/") || alternative.hasPrefix("~")
                || alternative.split(separator: "/", omittingEmptySubsequences: false).contains("..")
        }
    }

    /// `{a,b}` alternatives spelled out, nested braces included, in order; at most
    /// `maxAlternatives` (the rest are dropped: `braceProblem` says so where a config is read).
    /// A brace without a matching close or without a comma is literal.
    public static func expandBraces(_ pattern: String) -> [String] {
        expand(Array(pattern), limit: maxAlternatives).map { String($0) }
    }

    /// Why a pattern's braces cannot be used as written, or nil.
    public static func braceProblem(_ pattern: String) -> String? {
        expand(Array(pattern), limit: maxAlternatives + 1).count > maxAlternatives
            ? "the braces expand to more than \(maxAlternatives) patterns" : nil
    }

    private static func expand(_ chars: [Character], limit: Int) -> [[Character]] {
        // The first brace group that closes and has a top-level comma.
        var i = 0
        while i < chars.count {
            guard chars[i] == "{" else { i += 1; continue }
            var depth = 0
            var commas: [Int] = []
            var close: Int?
            var j = i
            while j < chars.count {
                switch chars[j] {
                case "{": depth += 1
                case "}":
                    depth -= 1
                    if depth == 0 { close = j }
                case "," where depth == 1: commas.append(j)
                default: break
                }
                if close != nil { break }
                j += 1
            }
            guard let end = close else { return [chars] }      // unbalanced: literal from here
            guard !commas.isEmpty else { i += 1; continue }     // `{x}`: literal
            let head = Array(chars[..<i])
            let tail = Array(chars[(end + 1)...])
            var bounds = [i]
            bounds += commas
            bounds.append(end)
            var out: [[Character]] = []
            for k in 0..<(bounds.count - 1) {
                let option = Array(chars[(bounds[k] + 1)..<bounds[k + 1]])
                for expanded in expand(head + option + tail, limit: limit - out.count) {
                    out.append(expanded)
                    if out.count >= limit { return out }
                }
            }
            return out
        }
        return [chars]
    }

    /// Whether a relative path (segments joined by `/`) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return alternatives.contains { Self.match($0[...], parts[...]) }
    }

    /// For excludes: the pattern matches the path, one of its parent directories, or (when
    /// the pattern has no `/`) any one segment of it, as `.gitignore` does.
    public func excludes(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return alternatives.contains { segments in
            if segments.count == 1 {
                return parts.contains { Self.matchSegment(Array(segments[0]), Array($0)) }
            }
            for n in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts.prefix(n)) {
                return true
            }
            return false
        }
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            for skip in 0...path.count where match(rest, path.dropFirst(skip)) { return true }
            return false
        }
        guard let head = path.first, matchSegment(Array(first), Array(head)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one segment; iterative with backtracking to the last star.
    static func matchSegment(_ p: [Character], _ s: [Character]) -> Bool {
        var (pi, si) = (0, 0)
        var star: Int?
        var mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if let st = star {
                pi = st + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
