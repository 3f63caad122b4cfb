import Foundation
import Yams

/// A profile file that cannot be used: one line naming the file and the cause.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let reason: String
    public init(_ file: String, _ reason: String) {
        self.file = file
        self.reason = reason
    }
    public var description: String { "\(Escape.line(file)): \(reason)" }
}

/// Reads profile files (`Profiles/<id>.yaml`, `--profile-file`) into `ServerProfile` values. The
/// generator and the run-time loader share it, so a profile given at run time is read exactly as
/// a bundled one. `extends:` starts from another profile and overrides keys (mappings merge key by
/// key, anything else is replaced); a key the schema does not have is an error naming the file
/// and the key, so a file written to another version of the schema does not pass silently.
public enum ProfileLoader {
    /// One profile file's parsed mapping, before `extends` is resolved.
    public struct Source: Sendable {
        public let file: String
        let tree: [String: JSONValue]
        public var id: String? { tree["id"]?.stringValue }
        public var extends: String? { tree["extends"]?.stringValue }
    }

    /// Parses one file's text.
    public static func source(_ yaml: String, file: String) throws(ProfileError) -> Source {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8)
        } catch {
            throw ProfileError(file, YAMLProblem.describe(error))
        }
        guard let node, case .object(let o) = try value(node, file: file, path: "") else {
            throw ProfileError(file, "a profile is a mapping (id:, name:, answers: ...)")
        }
        var tree: [String: JSONValue] = [:]
        for m in o.members { tree[m.key] = m.value }
        guard let id = tree["id"]?.stringValue, !id.isEmpty else { throw ProfileError(file, "the key `id` is missing") }
        return Source(file: file, tree: tree)
    }

    /// Resolves `extends:` among `sources` (and `known`, profiles already read) and decodes each.
    public static func profiles(_ sources: [Source], known: [ServerProfile] = []) throws(ProfileError) -> [ServerProfile] {
        var byID: [String: Source] = [:]
        for s in sources {
            guard let id = s.id else { continue }
            if byID[id] != nil { throw ProfileError(s.file, "a second profile with the id `\(Escape.line(id))`") }
            byID[id] = s
        }
        var merged: [String: [String: JSONValue]] = [:]
        func resolve(_ s: Source, chain: [String]) throws(ProfileError) -> [String: JSONValue] {
            guard let id = s.id else { throw ProfileError(s.file, "the key `id` is missing") }
            if let done = merged[id] { return done }
            var tree = s.tree
            if let parent = s.extends {
                if chain.contains(parent) { throw ProfileError(s.file, "`extends: \(Escape.line(parent))` makes a loop") }
                let base: [String: JSONValue]
                if let p = byID[parent] {
                    base = try resolve(p, chain: chain + [id])
                } else if let p = known.first(where: { $0.id == parent }) {
                    base = try encoded(p, file: s.file)
                } else {
                    throw ProfileError(s.file, "`extends: \(Escape.line(parent))` names no known profile")
                }
                var inherited = base
                // What describes the parent file itself is not inherited.
                for key in ["extends", "version", "sources"] { inherited[key] = nil }
                tree = merge(inherited, tree)
            }
            merged[id] = tree
            return tree
        }
        var out: [ServerProfile] = []
        for s in sources {
            let tree = try resolve(s, chain: [])
            let profile = try decode(tree, file: s.file)
            try checkKeys(s.tree, against: try encoded(profile, file: s.file), file: s.file, path: "")
            try validate(profile, file: s.file)
            out.append(profile)
        }
        return out
    }

    /// Reads one profile file named at run time (`--profile-file`, `profiles:` in a config).
    public static func read(path: String, known: [ServerProfile]) throws(ProfileError) -> ServerProfile {
        let bytes: [UInt8]
        switch BoundedFile.read(path, cap: 1024 * 1024) {
        case .success(let b): bytes = b
        case .failure(let failure): throw ProfileError(path, "cannot read the profile file: \(failure.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ProfileError(path, "the profile file is not UTF-8 text") }
        let s = try source(text, file: path)
        guard let profile = try profiles([s], known: known).first else { throw ProfileError(path, "the file holds no profile") }
        return profile
    }

    // MARK: - Parts

    static func merge(_ base: [String: JSONValue], _ over: [String: JSONValue]) -> [String: JSONValue] {
        var out = base
        for (k, v) in over {
            if case .object(let o) = v, case .object(let b)? = out[k] {
                out[k] = .object(JSONObject(members(merge(dictionary(b), dictionary(o)))))
            } else {
                out[k] = v
            }
        }
        return out
    }

    static func dictionary(_ o: JSONObject) -> [String: JSONValue] {
        var d: [String: JSONValue] = [:]
        for m in o.members { d[m.key] = m.value }
        return d
    }

    static func members(_ d: [String: JSONValue]) -> [JSONMember] {
        d.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: $0.value) }
    }

    static func decode(_ tree: [String: JSONValue], file: String) throws(ProfileError) -> ServerProfile {
        let text = JSONValue.object(JSONObject(members(tree))).compactText
        do {
            return try JSONDecoder().decode(ServerProfile.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw ProfileError(file, Catalog.describe(error))
        } catch {
            throw ProfileError(file, "the profile cannot be read")
        }
    }

    static func encoded(_ profile: ServerProfile, file: String) throws(ProfileError) -> [String: JSONValue] {
        guard let data = try? JSONEncoder().encode(profile), let text = String(data: data, encoding: .utf8),
              let v = try? JSONParser.parse(text), case .object(let o) = v else {
            throw ProfileError(file, "the profile cannot be read")
        }
        return dictionary(o)
    }

    /// Every key written in the file must be one the schema read (it survives decoding and encoding).
    static func checkKeys(_ written: [String: JSONValue], against read: [String: JSONValue], file: String, path: String) throws(ProfileError) {
        for (key, value) in written.sorted(by: { $0.key < $1.key }) {
            let here = path.isEmpty ? key : "\(path).\(key)"
            if case .null = value { continue }
            guard let counterpart = read[key] else {
                if key == "extends" || (path.isEmpty && written["extends"] != nil) { continue }
                throw ProfileError(file, "unknown key `\(Escape.line(here))` (see docs/profiles.md)")
            }
            switch (value, counterpart) {
            case (.object(let w), .object(let r)):
                try checkKeys(dictionary(w), against: dictionary(r), file: file, path: here)
            case (.array(let w), .array(let r)) where w.count == r.count:
                for (i, (a, b)) in zip(w, r).enumerated() {
                    if case .object(let wo) = a, case .object(let ro) = b {
                        try checkKeys(dictionary(wo), against: dictionary(ro), file: file, path: "\(here)[\(i)]")
                    }
                }
            default: break
            }
        }
    }

    static let audienceKinds: Set<String> = ["endpoint", "token_endpoint", "issuer", "issuer_slash", "realm"]
    static let arrayPolicies: Set<String> = ["allowed", "one_member", "forbidden", "deprecated"]
    static let scopePolicies: Set<String> = ["okta_api_only", "no_okta_api", "any"]
    static let keyLookups: Set<String> = ["kid", "alg", "x5t", "x5t#S256", "thumbprint"]
    static let discoveryDocuments: Set<String> = ["openid-configuration", "oauth-authorization-server"]

    /// Values the schema limits to a few words.
    static func validate(_ p: ServerProfile, file: String) throws(ProfileError) {
        func oneOf(_ values: [String]?, _ allowed: Set<String>, _ key: String) throws(ProfileError) {
            for v in values ?? [] where !allowed.contains(v) {
                throw ProfileError(file, "`\(key)`: `\(Escape.line(v))` is not one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
        try oneOf(p.audience?.accepts, audienceKinds, "audience.accepts")
        try oneOf(p.audience?.deprecated, audienceKinds, "audience.deprecated")
        try oneOf(p.audience?.array.map { [$0] }, arrayPolicies, "audience.array")
        try oneOf(p.keys?.lookup, keyLookups, "keys.lookup")
        try oneOf(p.discovery?.document.map { [$0] }, discoveryDocuments, "discovery.document")
        for (grant, rules) in (p.grants ?? [:]).sorted(by: { $0.key < $1.key }) {
            try oneOf(rules.scopes.map { [$0] }, scopePolicies, "grants.\(grant).scopes")
            for (type, _) in rules.appTypes ?? [:] where AppType(rawValue: type) == nil {
                throw ProfileError(file, "`grants.\(grant).app_types`: `\(Escape.line(type))` is not an app type (\(AppType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let methods = Set(AuthMethod.allCases.map(\.rawValue))
        for key in (p.algorithms ?? [:]).keys.sorted() where !methods.contains(key) {
            throw ProfileError(file, "`algorithms`: `\(Escape.line(key))` is not an auth method")
        }
        for t in p.recognise?.paths ?? [] {
            if !t.path.hasPrefix("/") { throw ProfileError(file, "`recognise.paths`: `\(Escape.line(t.path))` does not start with /") }
        }
    }

    /// A YAML node as a JSON value. Plain scalars that read as numbers or booleans become them.
    static func value(_ node: Node, file: String, path: String) throws(ProfileError) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                switch s.string {
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                case "null", "Null", "NULL", "~", "": return .null
                default:
                    if Double(s.string) != nil, s.string.first.map({ $0.isNumber || $0 == "-" }) == true { return .number(s.string) }
                }
            }
            return .string(s.string)
        case .sequence(let seq):
            var out: [JSONValue] = []
            for (i, n) in seq.enumerated() { out.append(try value(n, file: file, path: "\(path)[\(i)]")) }
            return .array(out)
        case .mapping(let map):
            var members: [JSONMember] = []
            var seen: Set<String> = []
            for (k, v) in map {
                guard case .scalar(let key) = k else { throw ProfileError(file, "`\(path)`: a key that is not text") }
                let here = path.isEmpty ? key.string : "\(path).\(key.string)"
                guard seen.insert(key.string).inserted else { throw ProfileError(file, "`\(Escape.line(here))` is given twice") }
                members.append(JSONMember(key: key.string, value: try value(v, file: file, path: here)))
            }
            return .object(JSONObject(members))
        case .alias:
            throw ProfileError(file, "`\(path)`: YAML aliases are not read in profiles")
        }
    }
}
