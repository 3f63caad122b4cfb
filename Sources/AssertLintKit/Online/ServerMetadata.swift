import Foundation

/// What an authorization server announces about itself in its discovery document
/// (`/.well-known/openid-configuration`). Rules that use it run only in online mode or when a
/// fixture carries a `server:` document.
public struct ServerMetadata: Sendable, Equatable {
    /// Where the document was read (for "facts from the server").
    public var source: String
    public var issuer: String
    public var tokenEndpoint: String?
    public var introspectionEndpoint: String?
    public var revocationEndpoint: String?
    public var pushedAuthorizationRequestEndpoint: String?
    public var deviceAuthorizationEndpoint: String?
    public var backchannelAuthenticationEndpoint: String?
    public var authorizationEndpoint: String?
    public var jwksURI: String?
    public var tokenEndpointAuthMethods: [String]?
    public var introspectionEndpointAuthMethods: [String]?
    public var revocationEndpointAuthMethods: [String]?
    /// Every `*_signing_alg_values_supported` member, by its name.
    public var signingAlgorithms: [String: [String]]
    /// Members that were not taken as facts, and why (an endpoint that is not an https URL).
    public var ignored: [String] = []

    public init(source: String, issuer: String, tokenEndpoint: String? = nil, introspectionEndpoint: String? = nil,
                revocationEndpoint: String? = nil, pushedAuthorizationRequestEndpoint: String? = nil,
                deviceAuthorizationEndpoint: String? = nil, backchannelAuthenticationEndpoint: String? = nil,
                authorizationEndpoint: String? = nil, jwksURI: String? = nil, tokenEndpointAuthMethods: [String]? = nil,
                introspectionEndpointAuthMethods: [String]? = nil, revocationEndpointAuthMethods: [String]? = nil,
                signingAlgorithms: [String: [String]] = [:]) {
        self.source = source
        self.issuer = issuer
        self.tokenEndpoint = tokenEndpoint
        self.introspectionEndpoint = introspectionEndpoint
        self.revocationEndpoint = revocationEndpoint
        self.pushedAuthorizationRequestEndpoint = pushedAuthorizationRequestEndpoint
        self.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint
        self.backchannelAuthenticationEndpoint = backchannelAuthenticationEndpoint
        self.authorizationEndpoint = authorizationEndpoint
        self.jwksURI = jwksURI
        self.tokenEndpointAuthMethods = tokenEndpointAuthMethods
        self.introspectionEndpointAuthMethods = introspectionEndpointAuthMethods
        self.revocationEndpointAuthMethods = revocationEndpointAuthMethods
        self.signingAlgorithms = signingAlgorithms
    }

    /// Reads a discovery document. Fails (with the reason) when it has no `issuer`.
    public init(document: JSONValue, source: String) throws(MetadataError) {
        guard let o = document.objectValue else { throw MetadataError(reason: "the document is \(document.typeDescription), not a JSON object") }
        guard let issuer = o["issuer"]?.stringValue, !issuer.isEmpty else {
            throw MetadataError(reason: "the document has no `issuer`: it is not an OpenID Connect / OAuth discovery document")
        }
        func strings(_ key: String) -> [String]? { o[key]?.arrayValue?.compactMap(\.stringValue) }
        // An endpoint is a fact only when it is a URL assertlint would fetch (https, or http on
        // loopback): a `gopher://` or `javascript:` value says nothing true about the server.
        var ignored: [String] = []
        func announced(_ key: String) -> String? {
            guard let value = o[key]?.stringValue else { return nil }
            if (try? HTTPClient.checkURL(value)) != nil { return value }
            let shown = URLDisplay.withoutCredentials(value.count > 100 ? String(value.prefix(100)) + "..." : value)
            ignored.append("\(key): the discovery document gives '\(shown)', which is not an https URL; it was ignored")
            return nil
        }
        var algs: [String: [String]] = [:]
        for m in o.members where m.key.hasSuffix("_signing_alg_values_supported") {
            algs[m.key] = m.value.arrayValue?.compactMap(\.stringValue) ?? []
        }
        self.init(source: source, issuer: issuer,
                  tokenEndpoint: announced("token_endpoint"),
                  introspectionEndpoint: announced("introspection_endpoint"),
                  revocationEndpoint: announced("revocation_endpoint"),
                  pushedAuthorizationRequestEndpoint: announced("pushed_authorization_request_endpoint"),
                  deviceAuthorizationEndpoint: announced("device_authorization_endpoint"),
                  backchannelAuthenticationEndpoint: announced("backchannel_authentication_endpoint"),
                  authorizationEndpoint: announced("authorization_endpoint"),
                  jwksURI: announced("jwks_uri"),
                  tokenEndpointAuthMethods: strings("token_endpoint_auth_methods_supported"),
                  introspectionEndpointAuthMethods: strings("introspection_endpoint_auth_methods_supported"),
                  revocationEndpointAuthMethods: strings("revocation_endpoint_auth_methods_supported"),
                  signingAlgorithms: algs)
        self.ignored = ignored
    }

    /// The announced URL of an endpoint kind, if the document names one.
    public func endpoint(_ kind: EndpointKind) -> String? {
        switch kind {
        case .token: return tokenEndpoint
        case .introspect: return introspectionEndpoint
        case .revoke: return revocationEndpoint
        case .par: return pushedAuthorizationRequestEndpoint
        case .deviceAuthorize: return deviceAuthorizationEndpoint
        case .backchannelAuthorize: return backchannelAuthenticationEndpoint
        case .authorize: return authorizationEndpoint
        case .keys: return jwksURI
        case .userinfo, .logout, .other: return nil
        }
    }

    /// Every endpoint the document announces where a client authenticates, with its kind.
    public var clientAuthenticationEndpoints: [(kind: EndpointKind, url: String)] {
        EndpointKind.allCases.filter(\.authenticatesClient).compactMap { k in endpoint(k).map { (k, $0) } }
    }

    /// The hosts (lowercased) of the issuer and every announced endpoint.
    public var announcedHosts: Set<String> {
        let urls = [issuer] + EndpointKind.allCases.compactMap(endpoint)
        return Set(urls.compactMap { EndpointURL($0)?.host.lowercased() })
    }

    /// The auth methods the server announces for an endpoint kind (token's list when the
    /// endpoint has none of its own, as RFC 8414 says).
    public func authMethods(for kind: EndpointKind) -> [String]? {
        switch kind {
        case .introspect: return introspectionEndpointAuthMethods ?? tokenEndpointAuthMethods
        case .revoke: return revocationEndpointAuthMethods ?? tokenEndpointAuthMethods
        default: return tokenEndpointAuthMethods
        }
    }
}

public struct MetadataError: Error, Sendable, Equatable {
    public let reason: String
}
