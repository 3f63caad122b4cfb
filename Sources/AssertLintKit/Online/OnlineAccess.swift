import Foundation

/// An origin the user named outside the input (environment or flag), with how it was named.
/// Only such an origin receives a management credential.
public struct NamedOrigin: Sendable, Equatable, CustomStringConvertible {
    public let origin: Origin
    /// `OKTA_ORG_URL`, `--org-url` or `--issuer`.
    public let namedBy: String

    public var description: String { origin.description }

    /// Reads an origin the user named. It must be https (http only for loopback), with no
    /// userinfo, query or fragment; `allowPath` accepts an issuer's path (`/oauth2/default`),
    /// else only `/` may follow the host.
    public init(_ text: String, namedBy: String, allowPath: Bool = false) throws(InputError) {
        let shape = allowPath ? "an https URL such as https://myorg.okta.com/oauth2/default"
                              : "the org's origin only, such as https://myorg.okta.com"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = URLParts(trimmed), let scheme = parts.scheme, let host = parts.host, !host.isEmpty,
              let port = parts.port, trimmed.contains("://") else {
            throw InputError(namedBy, "not a URL; give \(shape)")
        }
        let origin = Origin(scheme: scheme, host: host, port: port)
        guard scheme == "https" || (scheme == "http" && origin.isLoopback) else {
            throw InputError(namedBy, "must be an https URL (plain http only for loopback hosts); give \(shape)")
        }
        guard parts.user == nil, parts.password == nil else {
            throw InputError(namedBy, "must not hold a user name or password; give \(shape)")
        }
        guard parts.query == nil, parts.fragment == nil, allowPath || (parts.path ?? "/") == "/" else {
            throw InputError(namedBy, "give \(shape), without a path, query or fragment")
        }
        self.origin = origin
        self.namedBy = namedBy
    }
}

/// What online mode may send where.
///
/// - A management credential goes only to `org`: the origin named by `--org-url`, else by
///   `OKTA_ORG_URL`, else the origin of `--issuer`. Never to a host that only the input, a
///   fixture or a repository's `.assertlint.yml` names; the same org's `-admin` host or any other
///   lookalike is another origin.
/// - Discovery is unauthenticated. `diagnose` reads it from the host the request names; `check`
///   (`restrictDiscovery`) only from `org`, `--issuer` and the hosts `.assertlint.yml` lists
///   under `online.hosts`.
public struct OnlineAccess: Sendable {
    public var org: NamedOrigin?
    public var issuer: NamedOrigin?
    public var restrictDiscovery: Bool

    public init(org: NamedOrigin? = nil, issuer: NamedOrigin? = nil, restrictDiscovery: Bool = false) {
        self.org = org
        self.issuer = issuer
        self.restrictDiscovery = restrictDiscovery
    }

    /// The access the flags and the environment give. `--org-url` wins over `OKTA_ORG_URL`, and
    /// either over `--issuer`'s origin.
    public static func from(orgURL: String?, issuer: String?, environment: [String: String],
                            restrictDiscovery: Bool) throws(InputError) -> OnlineAccess {
        let issuerOrigin = try issuer.map { (text: String) throws(InputError) -> NamedOrigin in
            try NamedOrigin(text, namedBy: "--issuer", allowPath: true)
        }
        var org: NamedOrigin?
        if let orgURL {
            org = try NamedOrigin(orgURL, namedBy: "--org-url")
        } else if let env = environment["OKTA_ORG_URL"], !env.trimmingCharacters(in: .whitespaces).isEmpty {
            org = try NamedOrigin(env, namedBy: "OKTA_ORG_URL")
        } else {
            org = issuerOrigin
        }
        return OnlineAccess(org: org, issuer: issuerOrigin, restrictDiscovery: restrictDiscovery)
    }

    /// Nil when discovery may be read from `url`; else why not.
    func discoveryRefusal(_ url: String, listed: [Origin]) -> String? {
        guard restrictDiscovery, let origin = Origin(url: url) else { return nil }
        if origin == org?.origin || origin == issuer?.origin || listed.contains(origin) { return nil }
        return "discovery document: \(origin) is not listed; check reads discovery only from the hosts in .assertlint.yml's "
            + "online.hosts and the origin named by --issuer, --org-url or OKTA_ORG_URL"
    }
}

/// Reads the management credential from the environment once, when online mode first needs it,
/// so a run that never goes online never reads `OKTA_API_TOKEN_FILE`. A failure is reported
/// once (to the first caller); later callers learn only that there is no credential.
public final class CredentialSource: @unchecked Sendable {
    public enum State: Sendable {
        case none
        case loaded(ManagementCredential)
        /// The error, for the first caller; nil for the rest.
        case failed(InputError?)
    }

    private let lock = NSLock()
    private let load: @Sendable () throws(InputError) -> ManagementCredential?
    private var result: Result<ManagementCredential?, InputError>?
    private var reported = false

    public init(environment: [String: String]) {
        load = { () throws(InputError) in try ManagementCredential.fromEnvironment(environment) }
    }

    public init(_ credential: ManagementCredential?) {
        load = { credential }
    }

    public func state() -> State {
        lock.withLock {
            if result == nil { result = Result { () throws(InputError) in try load() } }
            switch result {
            case .success(let c?): return .loaded(c)
            case .success(nil), nil: return .none
            case .failure(let error):
                defer { reported = true }
                return .failed(reported ? nil : error)
            }
        }
    }
}
