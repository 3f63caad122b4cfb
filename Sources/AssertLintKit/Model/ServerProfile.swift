import Foundation

/// What an authorization server accepts as an assertion's `aud`.
public enum AudiencePolicy: String, Sendable {
    /// Exactly the absolute URL of the endpoint invoked (Okta).
    case exactEndpoint
    /// The issuer or the token endpoint URL (RFC 7523 §3 leaves this to the server).
    case issuerOrEndpoint
    /// The issuer identifier only (RFC 10070 / FAPI 2.0).
    case issuerOnly
}

/// Which scopes a server will mint for client_credentials.
public enum ScopePolicy: String, Sendable {
    /// Only Okta management API scopes (`okta.*`): the Okta Org authorization server.
    case oktaAPIOnly
    /// Anything but Okta management API scopes: Okta custom authorization servers.
    case noOktaAPI
    case any
}

/// How a kind of authorization server judges client assertions. Profiles are values, not
/// subclasses: adding a server is adding a value.
public struct ServerProfile: Sendable, Equatable {
    public let id: String
    public let name: String
    public let audiencePolicy: AudiencePolicy
    /// The most `exp` may lie ahead of the server's clock, in seconds; nil when unbounded.
    public let maxAssertionLifetime: Double?
    public let requiresPrivateKeyJWTForClientCredentials: Bool
    public let scopePolicy: ScopePolicy
    public let assertionAlgorithms: [AuthMethod: [String]]
    /// Whether the catalog's Okta answers apply to this server.
    public let isOkta: Bool

    public static let oktaOrg = ServerProfile(
        id: "okta-org", name: "Okta Org authorization server", audiencePolicy: .exactEndpoint,
        maxAssertionLifetime: 3600, requiresPrivateKeyJWTForClientCredentials: true, scopePolicy: .oktaAPIOnly,
        assertionAlgorithms: oktaAlgorithms, isOkta: true)

    public static let oktaCustom = ServerProfile(
        id: "okta-custom", name: "Okta custom authorization server", audiencePolicy: .exactEndpoint,
        maxAssertionLifetime: 3600, requiresPrivateKeyJWTForClientCredentials: false, scopePolicy: .noOktaAPI,
        assertionAlgorithms: oktaAlgorithms, isOkta: true)

    public static let genericRFC7523 = ServerProfile(
        id: "rfc7523", name: "OAuth 2.0 authorization server (RFC 7523)", audiencePolicy: .issuerOrEndpoint,
        maxAssertionLifetime: nil, requiresPrivateKeyJWTForClientCredentials: false, scopePolicy: .any,
        assertionAlgorithms: [:], isOkta: false)

    public static let all: [ServerProfile] = [oktaOrg, oktaCustom, genericRFC7523]

    static let oktaAlgorithms: [AuthMethod: [String]] = [
        .privateKeyJWT: ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"],
        .clientSecretJWT: ["HS256", "HS384", "HS512"],
    ]
}

/// The endpoints that authenticate clients, by what they do.
public enum EndpointKind: String, Sendable, CaseIterable {
    case token, introspect, revoke, par
    case deviceAuthorize = "device/authorize"
    case backchannelAuthorize = "bc/authorize"
    case authorize, keys, userinfo, logout, other

    /// Endpoints where the client authenticates (and so where an assertion is judged).
    public var authenticatesClient: Bool {
        switch self {
        case .token, .introspect, .revoke, .par, .deviceAuthorize, .backchannelAuthorize: return true
        default: return false
        }
    }

    public var displayName: String {
        switch self {
        case .token: return "token endpoint"
        case .introspect: return "introspection endpoint"
        case .revoke: return "revocation endpoint"
        case .par: return "pushed authorization request endpoint"
        case .deviceAuthorize: return "device authorization endpoint"
        case .backchannelAuthorize: return "CIBA backchannel authorization endpoint"
        case .authorize: return "authorization endpoint"
        case .keys: return "keys endpoint"
        case .userinfo: return "userinfo endpoint"
        case .logout: return "logout endpoint"
        case .other: return "endpoint"
        }
    }
}

/// The server and endpoint a request is aimed at, worked out from its URL.
public struct ServerTarget: Sendable, Equatable {
    public let profile: ServerProfile
    /// The endpoint URL without query: what `aud` must be under an exact-endpoint policy.
    public let endpointURL: String
    public let endpoint: EndpointKind
    /// The issuer identifier of the server, when the URL shape tells it.
    public let issuer: String?
    /// For Okta custom servers, the authorization server id (`default`, `aus...`).
    public let authServerID: String?
    /// The Okta host looks like a custom URL domain (the path is Okta's, the host is not *.okta.com).
    public let customDomain: Bool
    /// Placeholders in the request URL (`{yourOktaDomain}`): `endpointURL` and `issuer` hold them
    /// as written, and rules compare them only with `Placeholders.mayEqual`.
    public let placeholders: [String]

    public init(profile: ServerProfile, endpointURL: String, endpoint: EndpointKind, issuer: String?,
                authServerID: String?, customDomain: Bool, placeholders: [String] = []) {
        self.profile = profile
        self.endpointURL = endpointURL
        self.endpoint = endpoint
        self.issuer = issuer
        self.authServerID = authServerID
        self.customDomain = customDomain
        self.placeholders = placeholders
    }

    static let oktaHostSuffixes = [".okta.com", ".oktapreview.com", ".okta-emea.com", ".okta-gov.com", ".okta.mil",
                                   ".okta-miltest.com", ".trexcloud.com"]

    /// Classifies a URL. Okta's path shapes (`/oauth2/v1/...`, `/oauth2/{id}/v1/...`) decide the
    /// profile even on a custom URL domain; any other URL gets the generic RFC 7523 profile.
    public static func classify(_ url: EndpointURL) -> ServerTarget {
        let endpointURL = url.withoutQuery
        // A placeholder host (`{yourOktaDomain}`) is no evidence of a custom URL domain.
        let oktaHost = url.hostIsPlaceholder || oktaHostSuffixes.contains { url.host.lowercased().hasSuffix($0) }
        var segments = url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // Tolerate a trailing slash when classifying; the aud rule still reports it.
        if segments.first == "oauth2", segments.count >= 3 {
            let base = url.origin
            if segments[1] == "v1" {
                segments.removeFirst(2)
                return ServerTarget(profile: .oktaOrg, endpointURL: endpointURL, endpoint: kind(segments),
                                    issuer: base, authServerID: nil, customDomain: !oktaHost, placeholders: url.placeholders)
            }
            if segments.count >= 4, segments[2] == "v1" {
                let id = segments[1]
                segments.removeFirst(3)
                return ServerTarget(profile: .oktaCustom, endpointURL: endpointURL, endpoint: kind(segments),
                                    issuer: "\(base)/oauth2/\(id)", authServerID: id, customDomain: !oktaHost, placeholders: url.placeholders)
            }
        }
        let last = segments.last?.lowercased() ?? ""
        let endpoint: EndpointKind
        switch last {
        case "token": endpoint = .token
        case "introspect", "introspection": endpoint = .introspect
        case "revoke", "revocation": endpoint = .revoke
        case "par": endpoint = .par
        default: endpoint = .other
        }
        return ServerTarget(profile: .genericRFC7523, endpointURL: endpointURL, endpoint: endpoint,
                            issuer: nil, authServerID: nil, customDomain: false, placeholders: url.placeholders)
    }

    private static func kind(_ rest: [String]) -> EndpointKind {
        EndpointKind(rawValue: rest.joined(separator: "/")) ?? .other
    }

    /// The URL of another endpoint of the same server (`introspect` → `.../v1/introspect`).
    public func sibling(_ kind: EndpointKind) -> String? {
        guard profile.isOkta, let issuer else { return nil }
        let base = authServerID == nil ? "\(issuer)/oauth2/v1" : "\(issuer)/v1"
        return "\(base)/\(kind.rawValue)"
    }
}
