import Yams

/// Where a fixture value starts, as Yams' `Mark` gives it: line and column from 1, columns
/// counted in Unicode scalars.
public struct FixtureMark: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A fixture's tree with positions, the one `FixtureLoader` and `Policy(node:)` read. YAML
/// fixtures get it from Yams' nodes (converted once); JSON fixtures straight from the project's
/// own JSON parser (`FixtureNode.readJSON`), without composing JSON as YAML.
public indirect enum FixtureNode: Sendable, Equatable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence([FixtureNode], FixtureMark?)
    /// Yams' `.alias` (compose resolves aliases, so this does not occur in a composed tree).
    case alias(FixtureMark?)

    public struct Scalar: Sendable, Equatable {
        public var string: String
        /// Written without quotes (JSON: numbers, `true`, `false`, `null`).
        public var isPlain: Bool
        public var mark: FixtureMark?

        public init(_ string: String, isPlain: Bool, mark: FixtureMark?) {
            self.string = string
            self.isPlain = isPlain
            self.mark = mark
        }
    }

    /// Key/value pairs in source order. A key that repeats is refused before a mapping is read
    /// (as Yams does); the subscript returns the last pair's value, as Yams' does.
    public struct Mapping: Sendable, Equatable, RandomAccessCollection {
        public typealias Element = (key: FixtureNode, value: FixtureNode)
        public var pairs: [Element]
        public var mark: FixtureMark?

        public init(_ pairs: [Element], mark: FixtureMark?) {
            self.pairs = pairs
            self.mark = mark
        }

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> Element { pairs[position] }

        public subscript(key: String) -> FixtureNode? {
            for pair in pairs.reversed() {
                if case .scalar(let s) = pair.key, s.string == key { return pair.value }
            }
            return nil
        }

        public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
            lhs.mark == rhs.mark && lhs.pairs.count == rhs.pairs.count
                && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    // MARK: - What the readers use (named as Yams names them)

    public var mapping: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    public var sequence: [FixtureNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    /// The scalar's text; nil for a mapping or a list.
    public var string: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    public var mark: FixtureMark? {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(_, let mark), .alias(let mark): return mark
        }
    }

    // MARK: - From Yams

    /// A composed Yams node, converted once.
    public init(_ node: Node) {
        switch node {
        case .scalar(let s):
            self = .scalar(Scalar(s.string, isPlain: s.style == .plain, mark: s.mark.map(FixtureMark.init)))
        case .mapping(let m):
            var pairs: [Mapping.Element] = []
            pairs.reserveCapacity(m.count)
            for (k, v) in m { pairs.append((FixtureNode(k), FixtureNode(v))) }
            self = .mapping(Mapping(pairs, mark: m.mark.map(FixtureMark.init)))
        case .sequence(let seq):
            self = .sequence(seq.map(FixtureNode.init), seq.mark.map(FixtureMark.init))
        case .alias(let a):
            self = .alias(a.mark.map(FixtureMark.init))
        }
    }

    // MARK: - From JSON

    /// What reading a JSON fixture gave.
    public enum JSONRead: Sendable, Equatable {
        /// The tree, the position of the duplicated key Yams would report (the first mapping that
        /// closes with a key twice), and the number of values (keys included), as `expandedSize` counts them.
        case parsed(FixtureNode, duplicateKey: FixtureMark?, values: Int)
        /// Not JSON: the reason and where (line and column as Yams counts them).
        case invalid(String, FixtureMark)
        /// Valid JSON that YAML reads otherwise or refuses (a control character, a `\u` surrogate
        /// escape, a key whose `:` is on a later line, a tab outside the object, nesting deeper
        /// than the parser goes): left to Yams, so that it reads as it always did.
        case unlikeYAML
    }

    /// Reads a fixture's text as JSON, with positions. Accepts only JSON that Yams reads as the
    /// same tree, so that a fixture says the same whichever reader reads it.
    public static func readJSON(_ text: String) -> JSONRead {
        readJSON(bytes: Array(text.utf8))
    }

    /// `readJSON` of the text's UTF-8 bytes.
    static func readJSON(bytes: [UInt8]) -> JSONRead {
        guard JSONParser.readsAlikeAsYAML(bytes) else { return .unlikeYAML }
        return JSONParser.readFixture(bytes)
    }

    /// The first byte that is not a space, tab or line break is `{`: the text is read as JSON first.
    public static func looksLikeJSONObject(_ text: String) -> Bool {
        for b in text.utf8 {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"): return true
            default: return false
            }
        }
        return false
    }
}
