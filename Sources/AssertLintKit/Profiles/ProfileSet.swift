import Foundation

/// The profiles a run knows: the bundled ones (compiled in from Profiles/*.yaml) and any read at
/// run time (`--profile-file`, `profiles:` in a config), which come first when a URL is recognised.
public struct ProfileSet: Sendable {
    public let profiles: [ServerProfile]
    /// The profile for a server nothing recognises.
    public static let fallbackID = "rfc7523"

    /// Which profiles a URL can pick (see `classify`), worked out once per set rather than per URL:
    /// the positions of those recognised by host and path, then of those recognised by path alone.
    private let byHost: [Int]
    private let byPath: [Int]

    public init(_ profiles: [ServerProfile]) {
        self.profiles = profiles
        var byHost: [Int] = [], byPath: [Int] = []
        for (i, p) in profiles.enumerated() {
            guard !p.id.contains("@") && p.id != Self.fallbackID && !(p.recognise?.paths ?? []).isEmpty
                && p.recognise?.nameOnly != true else { continue }
            let hosts = p.recognise?.hosts ?? []
            if !hosts.isEmpty { byHost.append(i) }
            if hosts.isEmpty || p.recognise?.customDomains == true { byPath.append(i) }
        }
        self.byHost = byHost
        self.byPath = byPath
    }

    /// The profiles compiled into this binary (see `BundledProfiles`).
    public static let bundled = ProfileSet(BundledProfiles.all)

    public var ids: [String] { profiles.map(\.id) }

    /// Each profile's own answer for a rule (not `default`), in profile order.
    public func answers(for ruleID: String) -> [(profile: ServerProfile, answer: ServerAnswer)] {
        profiles.compactMap { p in p.answers?[ruleID].map { (p, $0.filled([:])) } }
    }

    /// Every `error` code some profile answers with.
    public var errorCodes: Set<String> {
        Set(profiles.flatMap { ($0.answers ?? [:]).values.compactMap(\.error) })
    }

    /// Every `error_description` some profile answers with (variants included).
    public var errorDescriptions: [String] {
        var out: [String] = []
        for p in profiles {
            for (_, a) in (p.answers ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let d = a.errorDescription, !out.contains(d) { out.append(d) }
                for v in a.variants ?? [] { if let d = v.errorDescription, !out.contains(d) { out.append(d) } }
            }
        }
        return out
    }

    public subscript(id: String) -> ServerProfile? { profiles.first { $0.id == id } }

    /// The generic profile used when nothing else applies.
    public var fallback: ServerProfile {
        self[Self.fallbackID] ?? ServerProfile(id: Self.fallbackID, name: "OAuth 2.0 authorization server (RFC 7523)")
    }

    /// This set with extra profiles in front (a run-time profile replaces a bundled one of the same id).
    public func adding(_ extra: [ServerProfile]) -> ProfileSet {
        if extra.isEmpty { return self }
        let ids = Set(extra.map(\.id))
        return ProfileSet(extra + profiles.filter { !ids.contains($0.id) })
    }

    /// `ID` or `ID@VERSION`, or a one-line error listing the known ids.
    public func resolve(_ id: String) -> Result<ServerProfile, ProfileError> {
        let wanted = id.trimmingCharacters(in: .whitespaces)
        if let p = self[wanted] { return .success(p) }
        return .failure(ProfileError(Escape.line(wanted), "no such server profile; known: \(ids.joined(separator: ", "))"))
    }

    /// The profile a URL picks, and why: first a profile whose hosts and paths both match, then
    /// one recognised by its paths alone (no hosts, or `custom_domains: true`), else the fallback.
    /// Versioned profiles (`keycloak@26.3`) are chosen only by name.
    public func classify(_ url: EndpointURL) -> (target: ServerTarget, reason: String?) {
        // The URL's path and host are cut once for all profiles.
        let segments = ServerProfile.segments(url.path)
        let host = HostLabels(url.host)
        for i in byHost {
            let p = profiles[i]
            guard ServerProfile.hostMatches(p.recognise?.hosts ?? [], host) else { continue }
            if let (t, c) = p.match(segments: segments) { return (ServerTarget.target(url, p, t, c), "the URL's host and path are \(p.name)'s") }
        }
        for i in byPath {
            let p = profiles[i]
            if let (t, c) = p.match(segments: segments) { return (ServerTarget.target(url, p, t, c), "the URL's path is \(p.name)'s") }
        }
        return (ServerTarget.read(url, with: fallback), nil)
    }

    /// The profiles chosen only by name (`recognise.name_only`) whose paths the URL has, to say
    /// which `--server` would judge it as that server does.
    public func nameOnlyMatches(_ url: EndpointURL) -> [ServerProfile] {
        let segments = ServerProfile.segments(url.path)
        return profiles.filter { $0.recognise?.nameOnly == true && !$0.id.contains("@") && $0.match(segments: segments) != nil }
    }
}

/// Where a subject's profile came from, for "How your input was read".
public struct ProfileChoice: Sendable, Equatable {
    public var profileID: String
    public var reason: String
}

/// How the profile is chosen for each subject, once: `--server`, the fixture's `server:`, the
/// config's `servers:` host mapping, the config's `profile:`, the URL, else the fallback.
public struct ProfileSelection: Sendable {
    public var set: ProfileSet
    /// `--server ID[@VERSION]` (or the config's `profile:`), with the words that say where it came from.
    public var forced: (profile: ServerProfile, origin: String)?
    /// The config's `servers:`: hosts (globs) → profile.
    public var hostMappings: [(hosts: [String], profile: ServerProfile)]
    /// The config's `profile:`: every input under that config, unless something above says otherwise.
    public var configDefault: (profile: ServerProfile, origin: String)?

    public init(set: ProfileSet = .bundled, forced: (profile: ServerProfile, origin: String)? = nil,
                hostMappings: [(hosts: [String], profile: ServerProfile)] = [],
                configDefault: (profile: ServerProfile, origin: String)? = nil) {
        self.set = set
        self.forced = forced
        self.hostMappings = hostMappings
        self.configDefault = configDefault
    }

    /// Chooses and records the profile of one subject. A fixture's `server:` names an id the set
    /// may not know: that is the fixture's error.
    public func apply(to subject: inout Subject) throws(ProfileError) {
        if let forced {
            subject.choose(forced.profile, reason: forced.origin)
            return
        }
        if let id = subject.requestedServer {
            switch set.resolve(id) {
            case .success(let p): subject.choose(p, reason: "the fixture's `server: \(id)`")
            case .failure(let e): throw ProfileError(subject.source, "`server`: \(e.file): \(e.reason)")
            }
            return
        }
        let url = subject.target.flatMap { EndpointURL($0.endpointURL) }
        if let url {
            for m in hostMappings where m.hosts.contains(where: { ServerProfile.hostGlob($0.lowercased(), url.host.lowercased()) }) {
                subject.choose(m.profile, reason: "the config's `servers:` maps \(url.host) to \(m.profile.id)")
                return
            }
        }
        if let configDefault {
            subject.choose(configDefault.profile, reason: configDefault.origin, url: url)
            return
        }
        if let url {
            let (target, reason) = set.classify(url)
            let also = set.nameOnlyMatches(url).map { "\($0.name)'s (--server \($0.id))" }
            let none = "no profile recognises the URL" + (also.isEmpty ? "" : "; its path is also \(also.joined(separator: ", ")), which other servers share")
            // `classify` read the URL with the profile it picked: what `choose` would read again.
            subject.choose(classified: target, reason: reason ?? none)
            return
        }
        // A token pasted alone still names its server: its aud is the URL it was minted for.
        for aud in subject.assertion.decoded?.audiences ?? [] {
            guard let url = EndpointURL(aud) else { continue }
            let (target, reason) = set.classify(url)
            if reason != nil {
                subject.choose(target.profile, reason: "the input names no request URL; the token's aud is \(target.profile.name)'s")
                return
            }
        }
        subject.choose(set.fallback, reason: "the input names no URL")
    }
}

extension Subject {
    /// The server judging this subject: the target's profile, or the profile chosen for a bare token.
    public var profile: ServerProfile { target?.profile ?? bareProfile }

    /// Sets the profile, reading the target URL again with that profile's paths.
    public mutating func choose(_ profile: ServerProfile, reason: String) {
        choose(profile, reason: reason, url: target.flatMap { EndpointURL($0.endpointURL) })
    }

    /// `choose` with the target's URL already parsed (`url` is `EndpointURL(target.endpointURL)`).
    mutating func choose(_ profile: ServerProfile, reason: String, url: EndpointURL?) {
        if target != nil, let url {
            if let (template, captures) = profile.match(url) {
                target = ServerTarget.target(url, profile, template, captures)
            } else {
                target = ServerTarget.read(url, with: profile)
            }
        }
        bareProfile = profile
        profileChoice = ProfileChoice(profileID: profile.id, reason: reason)
    }

    /// `choose` for the profile `ProfileSet.classify` picked, with the target it read: the URL
    /// read with that profile's paths, which is what `choose` would read again.
    mutating func choose(classified: ServerTarget, reason: String) {
        if target != nil { target = classified }
        bareProfile = classified.profile
        profileChoice = ProfileChoice(profileID: classified.profile.id, reason: reason)
    }
}
