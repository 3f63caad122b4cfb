import Foundation

/// How a client authenticates at the token endpoint (`token_endpoint_auth_method`).
public enum AuthMethod: String, Sendable, CaseIterable, Codable {
    case clientSecretBasic = "client_secret_basic"
    case clientSecretPost = "client_secret_post"
    case clientSecretJWT = "client_secret_jwt"
    case privateKeyJWT = "private_key_jwt"
    case none

    public var usesAssertion: Bool { self == .clientSecretJWT || self == .privateKeyJWT }

    /// What Okta's admin console calls it, so the fix names the setting the user sees.
    public var consoleName: String {
        switch self {
        case .clientSecretBasic, .clientSecretPost: return "Client secret"
        case .clientSecretJWT: return "Client secret (signed JWT)"
        case .privateKeyJWT: return "Public key / Private key"
        case .none: return "None (public client)"
        }
    }
}

public enum AppType: String, Sendable, CaseIterable, Codable {
    case service, web, spa, native
    /// An API service integration published in a catalog (Okta's OIN): a service app with its own
    /// client-credentials rules at some servers (the profile's `grants.client_credentials.app_types`).
    case apiServiceIntegration = "api-service-integration"

    /// Apps that keep a credential (and so must authenticate at the token endpoint).
    public var isConfidential: Bool { self == .service || self == .web || self == .apiServiceIntegration }
}

/// A client secret. Its text is never printed; `description` shows only its length.
public struct ClientSecret: Sendable, Equatable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "(secret, \(value.utf8.count) bytes, not shown)" }
}

/// Where a fact about the app came from, so the output can say what was assumed.
public enum Provenance: String, Sendable {
    case fixture, flag, request, server, assumed
}

/// What the authorization server has registered for the client. Everything is optional:
/// the linter judges what it can and says what it could not.
public struct AppRegistration: Sendable {
    public var clientID: String?
    public var authMethod: AuthMethod?
    public var type: AppType?
    /// The registered JWKS as JSON (a JWKS object), used by the key rules.
    public var jwks: JSONValue?
    public var clientSecret: ClientSecret?
    /// The private key the client signs with, when the user gave it (`--private-key`,
    /// `app.private_key`): lets the key rules compare it with the registered keys.
    public var privateKey: SigningKey?
    public var seenJTIs: [String]
    public var provenance: [String: Provenance]

    public init(clientID: String? = nil, authMethod: AuthMethod? = nil, type: AppType? = nil, jwks: JSONValue? = nil,
                clientSecret: ClientSecret? = nil, privateKey: SigningKey? = nil, seenJTIs: [String] = [],
                provenance: [String: Provenance] = [:]) {
        self.clientID = clientID
        self.authMethod = authMethod
        self.type = type
        self.jwks = jwks
        self.clientSecret = clientSecret
        self.privateKey = privateKey
        self.seenJTIs = seenJTIs
        self.provenance = provenance
    }
}
