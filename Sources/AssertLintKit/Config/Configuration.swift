import Foundation
import Yams

/// When `check` exits 1: on findings at or above a severity, or never.
public enum FailThreshold: String, Sendable, CaseIterable {
    case error, warning, info, never

    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .never: return false
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .info: return true
        }
    }
}

/// `.assertlint.yml`: the defaults and policy for the fixtures under its directory.
///
///     include: ["fixtures/**/*.yaml"]
///     exclude: ["fixtures/scratch/**"]
///     app: {client_id: 0oa1, auth_method: private_key_jwt, type: service, jwks: keys/public.json}
///     profile: okta-custom          # a server profile id for every input (see docs/profiles.md)
///     servers: [{hosts: [login.example.com], profile: keycloak}]   # or by request host
///     profiles: [profiles/acme.yaml]  # extra profile files, relative to this file
///     disable: [assertion-live]
///     severity: {kid-missing: error, alg-not-allowed: off}
///     ignore: [{path: "legacy/**", rules: [exp-too-far]}]
///     policy: {max_lifetime: 300, require_jti: true, allowed_algs: [RS256, ES256], require_kid: true}
///     fail_on: warning
///     online: {hosts: [myorg.okta.com]}   # or online: true; hosts: discovery only, never a credential
public struct Configuration: Sendable {
    /// A per-path silence: files matching `path` (relative to the config's directory) ignore `rules`.
    public struct PathIgnore: Sendable, Equatable {
        public var path: Glob
        public var rules: [String]
        /// Where `path` starts when the ignore comes from an extended config; nil: this config's directory.
        public var directory: String? = nil
    }

    /// The file it was read from; nil for the built-in defaults.
    public var file: String?
    /// Where relative paths in it start: the config file's directory.
    public var directory: String
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    /// Excludes inherited through `extend:`, each relative to the directory of the config that says it.
    public var inheritedExcludes: [(directory: String, globs: [Glob])] = []
    /// The config files named by `extend:`, absolute, in the order written.
    public var extends: [String] = []
    public var app: AppRegistration?
    public var profile: ServerProfile?
    /// `servers:`: request hosts (globs) → the profile they are judged with.
    public var servers: [(hosts: [String], profile: ServerProfile)] = []
    /// `profiles:`: profile files read with this config (they may extend bundled ones).
    public var extraProfiles: [ServerProfile] = []
    /// `check --server ID`: wins over everything the config and the inputs say.
    public var serverOverride: ServerProfile?
    public var disabled: Set<String> = []
    public var severity: [String: Severity] = [:]
    public var ignores: [PathIgnore] = []
    public var policy: Policy?
    public var failOn: FailThreshold?
    /// `online: true`, or `online: {hosts: [...]}`: check reads discovery documents. A config
    /// never says where a management credential goes (only the environment or a flag does).
    public var online: Bool?
    /// `online.hosts`: the origins `check` may read discovery documents from.
    public var onlineHosts: [Origin] = []

    public static let fileNames = [".assertlint.yml", ".assertlint.yaml"]
    static let keys = ["include", "exclude", "app", "profile", "servers", "profiles", "disable", "severity", "ignore", "policy", "fail_on", "online", "extend"]
    static let appKeys = ["client_id", "auth_method", "type", "jwks"]

    /// The defaults when no config file applies.
    public init(directory: String) {
        self.directory = directory
    }

    /// Reads a config file. Every problem is one line naming the file (exit 2).
    public static func load(path: String, knownRules: Set<String> = Set(Catalog.bundled.ids)) throws(InputError) -> Configuration {
        try load(path: path, knownRules: knownRules, chain: [])
    }

    /// How many configs `extend:` may chain: more than any real layout, fewer than a mistake can cost.
    public static let maxExtendDepth = 8

    /// Reads a config and the configs it extends: each base first, then this file's keys over them.
    static func load(path: String, knownRules: Set<String>, chain: [String]) throws(InputError) -> Configuration {
        let real = InputDiscovery.realPath(path) ?? path
        if chain.contains(real) {
            throw InputError(chain.first ?? path, "`extend` makes a cycle: \((chain + [real]).map { ($0 as NSString).lastPathComponent }.joined(separator: " -> "))")
        }
        if chain.count > maxExtendDepth {
            throw InputError(chain.first ?? path, "`extend` chains more than \(maxExtendDepth) config files")
        }
        var config = try read(path: path, knownRules: knownRules)
        guard !config.extends.isEmpty else { return config }
        var merged: Configuration?
        for base in config.extends {
            let loaded = try load(path: base, knownRules: knownRules, chain: chain + [real])
            merged = merged.map { $0.overlaid(with: loaded) } ?? loaded
        }
        config.extends = []
        return merged.map { $0.overlaid(with: config) } ?? config
    }

    /// Reads one config file, without following `extend:`.
    static func read(path: String, knownRules: Set<String>) throws(InputError) -> Configuration {
        let data: [UInt8]
        switch BoundedFile.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw InputError(path, "cannot read the config file: \(failure.reason)")
        }
        guard let text = String(validating: data, as: UTF8.self) else { throw InputError(path, "the config file is not UTF-8 text") }
        return try parse(text, path: path, knownRules: knownRules)
    }

    public static func parse(_ text: String, path: String, knownRules: Set<String> = Set(Catalog.bundled.ids)) throws(InputError) -> Configuration {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var config = Configuration(directory: directory)
        config.file = path
        Redactor.shared.learn(text: text)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return config }
            root = node
        } catch {
            throw InputError(path, "not valid YAML: \(YAMLProblem.describe(error))")
        }
        guard let map = root.mapping else { throw InputError(path, "the config must be a mapping of \(keys.joined(separator: ", "))") }
        var profileID: (id: String, line: String)?
        var mappings: [(hosts: [String], id: String, line: String)] = []
        func rule(_ id: String, _ where_: String, _ node: Node) throws(InputError) -> String {
            guard knownRules.contains(id) else {
                throw InputError(path, "line \(node.mark?.line ?? 0): unknown rule '\(id)' in \(where_) (see `assertlint rules`)")
            }
            return id
        }
        for (k, v) in map {
            let key = k.string ?? "?"
            let line = "line \(k.mark?.line ?? 0)"
            switch key {
            case "extend":
                for item in try list(v, "extend", path: path, line: line) {
                    config.extends.append(try extended(item, path: path, directory: directory))
                }
            case "include":
                config.include = try globs(v, "include", path: path, line: line)
                if let leaving = config.include.first(where: \.leavesBase) {
                    throw InputError(path, "\(line): include pattern '\(leaving.pattern)' leaves the config's directory; include patterns are relative to it (no leading /, ~ or ..)")
                }
            case "exclude":
                config.exclude = try globs(v, "exclude", path: path, line: line)
            case "app":
                config.app = try app(v, path: path, directory: directory)
            case "profile":
                guard let id = v.string else { throw InputError(path, "\(line): profile must be a server profile id") }
                profileID = (id, line)
            case "servers":
                guard let items = v.sequence else { throw InputError(path, "\(line): servers must be a list of {hosts: [...], profile: ID}") }
                for item in items {
                    let at = "line \((item.mark?.line ?? 0))"
                    guard let m = item.mapping, let id = m["profile"]?.string, let hosts = m["hosts"]?.sequence,
                          Set(m.keys.compactMap(\.string)).isSubset(of: ["hosts", "profile"]) else {
                        throw InputError(path, "\(at): each entry of servers is {hosts: [host, ...], profile: ID}")
                    }
                    mappings.append((hosts.compactMap(\.string), id, at))
                }
            case "profiles":
                for item in try list(v, "profiles", path: path, line: line) {
                    guard let file = item.string else { throw InputError(path, "\(line): profiles must list profile files") }
                    let full = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
                    do {
                        config.extraProfiles.append(try ProfileLoader.read(path: full, known: ProfileSet.bundled.adding(config.extraProfiles).profiles))
                    } catch {
                        throw InputError(path, "\(line): \(error.description)")
                    }
                }
            case "disable":
                for item in try list(v, "disable", path: path, line: line) {
                    config.disabled.insert(try rule(item.string ?? "", "disable", item))
                }
            case "severity":
                guard let m = v.mapping else { throw InputError(path, "\(line): severity must map rule ids to error, warning, info or off") }
                for (rk, rv) in m {
                    let id = try rule(rk.string ?? "", "severity", rk)
                    let value = rv.string ?? ""
                    if value == "off" {
                        config.disabled.insert(id)
                    } else if let s = Severity(rawValue: value) {
                        config.severity[id] = s
                    } else {
                        throw InputError(path, "line \(rv.mark?.line ?? 0): severity of \(id) must be error, warning, info or off, not '\(value)'")
                    }
                }
            case "ignore":
                for item in try list(v, "ignore", path: path, line: line) {
                    guard let m = item.mapping else {
                        throw InputError(path, "line \(item.mark?.line ?? 0): each ignore is {path: GLOB, rules: [rule-id, ...]}")
                    }
                    var glob: Glob?
                    var rules: [String] = []
                    for (ik, iv) in m {
                        switch ik.string {
                        case "path":
                            glob = iv.string.map(Glob.init)
                            if let p = iv.string, let problem = Glob.braceProblem(p) {
                                throw InputError(path, "line \(iv.mark?.line ?? 0): ignore path '\(p)': \(problem)")
                            }
                        case "rules":
                            for r in iv.sequence ?? [iv] { rules.append(try rule(r.string ?? "", "ignore", r)) }
                        default:
                            throw InputError(path, "line \(ik.mark?.line ?? 0): unknown key 'ignore.\(ik.string ?? "?")' (expected one of: path, rules)")
                        }
                    }
                    guard let glob else { throw InputError(path, "line \(item.mark?.line ?? 0): an ignore needs `path`") }
                    config.ignores.append(PathIgnore(path: glob, rules: rules))
                }
            case "policy":
                config.policy = try Policy(node: v, file: path)
            case "fail_on":
                guard let s = v.string, let t = FailThreshold(rawValue: s) else {
                    throw InputError(path, "\(line): fail_on must be one of \(FailThreshold.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.failOn = t
            case "online":
                (config.online, config.onlineHosts) = try online(v, path: path, line: line)
            default:
                throw InputError(path, "\(line): unknown key '\(key)' (expected one of: \(keys.joined(separator: ", ")))")
            }
        }
        // Profile ids are resolved once the file's own `profiles:` are read, wherever they are written.
        let known = ProfileSet.bundled.adding(config.extraProfiles)
        func resolve(_ id: String, _ line: String, _ key: String) throws(InputError) -> ServerProfile {
            switch known.resolve(id) {
            case .success(let p): return p
            case .failure(let e): throw InputError(path, "\(line): \(key): \(e.file): \(e.reason)")
            }
        }
        if let (id, line) = profileID { config.profile = try resolve(id, line, "profile") }
        for m in mappings { config.servers.append((m.hosts, try resolve(m.id, m.line, "servers"))) }
        return config
    }

    /// How this config has each subject's profile chosen: `check --server`, the fixture's
    /// `server:`, `servers:` by host, the config's `profile:`, the URL.
    public var selection: ProfileSelection {
        ProfileSelection(set: ProfileSet.bundled.adding(extraProfiles),
                         forced: serverOverride.map { ($0, "--server \($0.id)") },
                         hostMappings: servers,
                         configDefault: profile.map { ($0, "the config's `profile: \($0.id)`") })
    }

    // MARK: - Applying it

    /// The path of `file` relative to this config's directory, with `/`; nil when outside it.
    public func relativePath(of file: String) -> String? {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        guard file.hasPrefix(base) else { return nil }
        return String(file.dropFirst(base.count))
    }

    public func isExcluded(_ file: String) -> Bool {
        for base in inheritedExcludes {
            let prefix = base.directory.hasSuffix("/") ? base.directory : base.directory + "/"
            if file.hasPrefix(prefix), base.globs.contains(where: { $0.excludes(String(file.dropFirst(prefix.count))) }) { return true }
        }
        guard let rel = relativePath(of: file) else { return false }
        return exclude.contains { $0.excludes(rel) }
    }

    /// Rule ids silenced for this file by `ignore:`.
    public func ignoredRules(for file: String) -> [String] {
        ignores.filter { ignore in
            let base = ignore.directory ?? directory
            let prefix = base.hasSuffix("/") ? base : base + "/"
            guard file.hasPrefix(prefix) else { return false }
            let rel = String(file.dropFirst(prefix.count))
            return ignore.path.matches(rel) || ignore.path.excludes(rel)
        }.flatMap(\.rules)
    }

    /// Fills in what the input left open: the app context, the profile, the policy and the
    /// per-path ignores. What the fixture itself says wins.
    public func apply(to subject: inout Subject, file: String?) throws(ProfileError) {
        if let defaults = app {
            if subject.app.clientID == nil, let id = defaults.clientID {
                subject.app.clientID = id
                subject.app.provenance["client_id"] = .flag
            }
            if subject.app.authMethod == nil, let m = defaults.authMethod {
                subject.app.authMethod = m
                subject.app.provenance["auth_method"] = .flag
            }
            if subject.app.type == nil { subject.app.type = defaults.type }
            if subject.app.jwks == nil { subject.app.jwks = defaults.jwks }
        }
        if subject.policy == nil { subject.policy = policy }
        if let file { subject.ignoredRuleIDs += ignoredRules(for: file) }
        try selection.apply(to: &subject)
    }

    public var engine: Engine {
        Engine(severityOverrides: severity, disabled: disabled)
    }

    // MARK: - Parts

    private static func list(_ node: Node, _ name: String, path: String, line: String) throws(InputError) -> [Node] {
        if node.string != nil { return [node] }
        guard let seq = node.sequence else { throw InputError(path, "\(line): \(name) must be a list") }
        return Array(seq)
    }

    private static func globs(_ node: Node, _ name: String, path: String, line: String) throws(InputError) -> [Glob] {
        try list(node, name, path: path, line: line).map { item throws(InputError) in
            guard let s = item.string, !s.isEmpty else { throw InputError(path, "line \(item.mark?.line ?? 0): \(name) entries are path patterns") }
            if let problem = Glob.braceProblem(s) { throw InputError(path, "line \(item.mark?.line ?? 0): \(name) pattern '\(s)': \(problem)") }
            return Glob(s)
        }
    }

    /// `online: true|false`, or `{enabled: true|false, hosts: [host or origin, ...]}` (a mapping
    /// turns online on unless `enabled: false`). A bare host means `https://host`.
    private static func online(_ node: Node, path: String, line: String) throws(InputError) -> (Bool, [Origin]) {
        guard let map = node.mapping else { return (try Policy.bool(node, "online", file: path, line: line), []) }
        var enabled = true
        var hosts: [Origin] = []
        for (k, v) in map {
            let at = "line \(k.mark?.line ?? 0)"
            switch k.string {
            case "enabled": enabled = try Policy.bool(v, "online.enabled", file: path, line: at)
            case "hosts":
                for item in try list(v, "online.hosts", path: path, line: at) {
                    let text = item.string ?? ""
                    do {
                        hosts.append(try NamedOrigin(text.contains("://") ? text : "https://" + text, namedBy: "online.hosts").origin)
                    } catch {
                        throw InputError(path, "line \(item.mark?.line ?? 0): online.hosts entries are host names or https origins (\(error.reason))")
                    }
                }
            default:
                throw InputError(path, "\(at): unknown key 'online.\(k.string ?? "?")' (expected one of: enabled, hosts)")
            }
        }
        return (enabled, hosts)
    }

    /// An `extend:` entry: a config file in this directory or below it, or the config of a parent
    /// directory (`../.assertlint.yml`, `../../base.yml`); never an absolute path or a file
    /// beside a parent (`../other/x.yml`), so a repository's config cannot read files elsewhere.
    private static func extended(_ item: Node, path: String, directory: String) throws(InputError) -> String {
        let line = "line \(item.mark?.line ?? 0)"
        guard let written = item.string, !written.isEmpty else { throw InputError(path, "\(line): extend entries are config file paths") }
        func confined(_ relative: [Substring]) -> Bool {
            let ups = relative.prefix { $0 == ".." }.count
            let rest = relative.dropFirst(ups)
            guard !rest.isEmpty, !rest.contains("..") else { return false }
            return ups == 0 || rest.count == 1
        }
        let parts = written.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !written.hasPrefix("/"), !written.hasPrefix("~"), confined(parts) else {
            throw InputError(path, "\(line): extend '\(written)' leaves the config's directory; name a config in it, below it, or in a parent directory (../.assertlint.yml)")
        }
        let target = URL(fileURLWithPath: written, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
        // The same rule for where the file really is, so a symbolic link cannot lead elsewhere.
        if let realTarget = InputDiscovery.realPath(target), let realDirectory = InputDiscovery.realPath(directory) {
            let targetDirectory = (realTarget as NSString).deletingLastPathComponent
            let below = InputDiscovery.isInside(targetDirectory, realDirectory)
            let above = InputDiscovery.isInside(realDirectory, targetDirectory)
            guard below || above else {
                throw InputError(path, "\(line): extend '\(written)' is a link to a file outside the config's directory and its parents")
            }
        }
        return target
    }

    /// `other`'s keys over this configuration's: what `other` sets wins; `disable`, `severity`,
    /// `ignore` and `exclude` add up. Patterns keep the directory of the config that wrote them;
    /// `include` is not inherited (a nested config's include is its own).
    func overlaid(with other: Configuration) -> Configuration {
        var merged = other
        merged.inheritedExcludes = inheritedExcludes + (exclude.isEmpty ? [] : [(directory: directory, globs: exclude)]) + other.inheritedExcludes
        merged.ignores = ignores.map { ignore in
            var i = ignore
            if i.directory == nil { i.directory = directory }
            return i
        } + other.ignores
        merged.app = other.app ?? app
        merged.profile = other.profile ?? profile
        merged.servers = other.servers + servers
        merged.extraProfiles = other.extraProfiles + extraProfiles.filter { p in !other.extraProfiles.contains { $0.id == p.id } }
        merged.serverOverride = other.serverOverride ?? serverOverride
        merged.policy = other.policy ?? policy
        merged.failOn = other.failOn ?? failOn
        merged.online = other.online ?? online
        merged.onlineHosts = other.online == nil ? onlineHosts : other.onlineHosts
        merged.disabled = disabled.subtracting(other.severity.keys).union(other.disabled)
        merged.severity = severity.merging(other.severity) { _, new in new }
        return merged
    }

    private static func app(_ node: Node, path: String, directory: String) throws(InputError) -> AppRegistration {
        guard let map = node.mapping else { throw InputError(path, "`app` must be a mapping of \(appKeys.joined(separator: ", "))") }
        var app = AppRegistration()
        for (k, v) in map {
            let key = k.string ?? "?"
            let line = "line \(k.mark?.line ?? 0)"
            switch key {
            case "client_id":
                app.clientID = v.string
            case "auth_method":
                guard let m = v.string.flatMap(AuthMethod.init(rawValue:)) else {
                    throw InputError(path, "\(line): app.auth_method must be one of \(AuthMethod.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                app.authMethod = m
            case "type":
                guard let t = v.string.flatMap(AppType.init(rawValue:)) else {
                    throw InputError(path, "\(line): app.type must be one of \(AppType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                app.type = t
            case "jwks":
                if let file = v.string {
                    let url = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
                    let data: [UInt8]
                    switch BoundedFile.read(url.path) {
                    case .success(let bytes): data = bytes
                    case .failure(let failure): throw InputError(path, "\(line): cannot read app.jwks file '\(file)': \(failure.reason)")
                    }
                    do {
                        app.jwks = try JSONParser.parse(data)
                    } catch {
                        throw InputError(path, "\(line): app.jwks file '\(file)' is not JSON: \(error)")
                    }
                } else {
                    app.jwks = FixtureLoader.json(v)
                }
            default:
                throw InputError(path, "\(line): unknown key 'app.\(key)' (expected one of: \(appKeys.joined(separator: ", ")))")
            }
        }
        return app
    }
}

/// Finds the config for each input: the nearest `.assertlint.yml` walking up from its
/// directory, or the one `--config` names. Loads each file once.
public final class ConfigurationResolver: @unchecked Sendable {
    private let override: String?
    private let knownRules: Set<String>
    private var byDirectory: [String: Result<Configuration, InputError>] = [:]
    private let lock = NSLock()

    public init(override: String? = nil, knownRules: Set<String> = Set(Catalog.bundled.ids)) {
        self.override = override.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.knownRules = knownRules
    }

    /// The configuration for a file or directory (absolute path).
    public func configuration(forDirectory directory: String) -> Result<Configuration, InputError> {
        lock.lock()
        defer { lock.unlock() }
        return resolve(directory)
    }

    private func resolve(_ directory: String) -> Result<Configuration, InputError> {
        let key = override ?? directory
        if let cached = byDirectory[key] { return cached }
        let result: Result<Configuration, InputError>
        if let override {
            result = Result { () throws(InputError) in try Configuration.load(path: override, knownRules: knownRules) }
        } else if let found = Self.fileNames(in: directory) {
            result = Result { () throws(InputError) in try Configuration.load(path: found, knownRules: knownRules) }
        } else {
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty {
                result = .success(Configuration(directory: directory))
            } else {
                result = resolve(parent)
            }
        }
        byDirectory[key] = result
        return result
    }

    private static func fileNames(in directory: String) -> String? {
        for name in Configuration.fileNames {
            let p = (directory as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue { return p }
        }
        return nil
    }
}
