import Foundation
import Yams

/// An organisation's rules for its own assertions, stricter than what the server accepts
/// (`policy:` in `.assertlint.yml` or in a fixture). Each field left out is not enforced.
public struct Policy: Sendable, Equatable {
    /// The longest an assertion may live, `exp` minus `iat` (or minus `now` without `iat`), in seconds.
    public var maxLifetime: Int?
    public var requireJTI: Bool
    /// The only `alg` values allowed; nil allows whatever the server allows.
    public var allowedAlgorithms: [String]?
    public var requireKid: Bool

    public init(maxLifetime: Int? = nil, requireJTI: Bool = false, allowedAlgorithms: [String]? = nil, requireKid: Bool = false) {
        self.maxLifetime = maxLifetime
        self.requireJTI = requireJTI
        self.allowedAlgorithms = allowedAlgorithms
        self.requireKid = requireKid
    }

    static let keys = ["max_lifetime", "require_jti", "allowed_algs", "require_kid"]

    /// Reads a `policy:` mapping from a YAML file (`.assertlint.yml`). `file` names the file in errors.
    public init(node: Node, file: String) throws(InputError) {
        try self.init(node: FixtureNode(node), file: file)
    }

    /// Reads a `policy:` mapping (a fixture's, JSON or YAML). `file` names the file in errors.
    public init(node: FixtureNode, file: String) throws(InputError) {
        self.init()
        guard let map = node.mapping else { throw InputError(file, "`policy` must be a mapping with \(Self.keys.joined(separator: ", "))") }
        for (k, v) in map {
            let key = k.string ?? "?"
            let line = "line \(k.mark?.line ?? 0)"
            switch key {
            case "max_lifetime":
                guard let s = v.string, let n = Int(s), n > 0 else {
                    throw InputError(file, "\(line): policy.max_lifetime must be a positive number of seconds")
                }
                maxLifetime = n
            case "require_jti":
                requireJTI = try Self.bool(v, "policy.require_jti", file: file, line: line)
            case "require_kid":
                requireKid = try Self.bool(v, "policy.require_kid", file: file, line: line)
            case "allowed_algs":
                guard let seq = v.sequence, !seq.isEmpty else {
                    throw InputError(file, "\(line): policy.allowed_algs must be a list of algorithms, e.g. [RS256, ES256]")
                }
                allowedAlgorithms = seq.compactMap(\.string)
            default:
                throw InputError(file, "\(line): unknown key 'policy.\(key)' (expected one of: \(Self.keys.joined(separator: ", ")))")
            }
        }
    }

    static func bool(_ node: Node, _ name: String, file: String, line: String) throws(InputError) -> Bool {
        try bool(FixtureNode(node), name, file: file, line: line)
    }

    static func bool(_ node: FixtureNode, _ name: String, file: String, line: String) throws(InputError) -> Bool {
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw InputError(file, "\(line): \(name) must be true or false")
        }
    }
}
