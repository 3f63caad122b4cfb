import Foundation

/// A path pattern as users write them in configs and on the command line: `*` matches within
/// one path segment, `**` any number of segments, `?` one character. Paths use `/`.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        self.pattern = p
        self.segments = p.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public var description: String { pattern }

    /// True when the text has glob characters (else it names a file or directory).
    public static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?")
    }

    /// The leading segments without glob characters: where a walk for this pattern starts.
    public var literalPrefix: String {
        segments.prefix { !Self.isPattern($0) }.joined(separator: "/")
    }

    public var isAbsolute: Bool { pattern.hasPrefix("/") }

    /// Whether a relative path (segments joined by `/`) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return Self.match(segments[...], parts[...])
    }

    /// For excludes: the pattern matches the path, one of its parent directories, or (when
    /// the pattern has no `/`) any one segment of it, as `.gitignore` does.
    public func excludes(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.count == 1 {
            return parts.contains { Self.matchSegment(Array(segments[0]), Array($0)) }
        }
        for n in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts.prefix(n)) {
            return true
        }
        return false
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
