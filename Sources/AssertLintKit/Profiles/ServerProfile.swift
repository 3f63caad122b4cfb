import Foundation

/// What one authorization server accepts in a client assertion and what it answers, read from
/// `Profiles/<id>.yaml` (docs/profiles.md). Rules read these fields; none holds a server's limits,
/// URLs or texts. Every member is optional except the names, so a profile says only what is known.
/// The stored properties are all `var` with no initialiser of their own: the generator writes the
/// bundled profiles as memberwise initialiser calls.
public struct ServerProfile: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    /// How rules and reports speak of the server ("Okta will answer:", "Okta accepts RS256 ..."):
    /// `name` when absent.
    public var shortName: String?
    public var extends: String?
    public var version: String?
    public var sources: [String]?
    public var recognise: Recognition?
    public var audience: AudienceRules?
    public var lifetime: LifetimeRules?
    public var jti: JTIRules?
    /// Per auth method (`private_key_jwt`, `client_secret_jwt`): the JWS algorithms accepted.
    public var algorithms: [String: [String]]?
    public var keys: KeyRules?
    public var limits: Limits?
    public var clientID: ClientIDRules?
    /// Per grant type: what the server requires for it. A grant listed here is one the server knows.
    public var grants: [String: GrantRules]?
    /// What the admin console calls each auth method.
    public var console: [String: String]?
    /// Sentences rules add to their messages for this server, by key (`<rule-id>.<case>`).
    public var messages: [String: String]?
    public var checkOrder: CheckOrder?
    /// Per rule id; `default` answers any error finding of a rule with no entry of its own.
    public var answers: [String: ServerAnswer]?
    /// The prefix of the numbered codes the server's texts start with (`AADSTS` in
    /// `AADSTS700027: …`): a pasted code alone, or a text cut after it, finds its answers.
    public var errorCodePrefix: String?
    /// What the profile knows that no key holds (a per-client setting, a server option, which
    /// header wins when both are sent), for `explain` and the profile's readers.
    public var notes: [String]?
    /// Where online mode reads the server's metadata (`discovery:`); absent: OpenID Connect discovery.
    public var discovery: DiscoveryRules?

    enum CodingKeys: String, CodingKey {
        case id, name, extends, version, sources, recognise, audience, lifetime, jti, algorithms, keys, limits, grants, console,
             messages, answers, notes, discovery
        case shortName = "short_name"
        case clientID = "client_id"
        case checkOrder = "check_order"
        case errorCodePrefix = "error_code_prefix"
    }

    /// How a request URL picks this profile.
    public struct Recognition: Sendable, Equatable, Codable {
        /// Host globs: `*` stands for one or more DNS labels. Empty: any host.
        public var hosts: [String]?
        /// True when the paths also pick this profile on a host not in `hosts` (a custom URL
        /// domain in front of the server's own hosts).
        public var customDomains: Bool?
        public var paths: [PathTemplate]?
        /// True when the paths only read a URL for a profile chosen by name (`--server`, `server:`,
        /// the config) and never pick it: paths other servers share (`/oauth2/token`).
        public var nameOnly: Bool?

        enum CodingKeys: String, CodingKey {
            case hosts, paths
            case customDomains = "custom_domains"
            case nameOnly = "name_only"
        }
    }

    /// The metadata document online mode reads.
    public struct DiscoveryRules: Sendable, Equatable, Codable {
        /// `openid-configuration` (`{issuer}/.well-known/openid-configuration`, the default) or
        /// `oauth-authorization-server` (RFC 8414 §3: `{origin}/.well-known/oauth-authorization-server{issuer path}`).
        public var document: String?
        /// True when the server reads `?client_id=` on the document (the app's own view of it).
        public var clientIDQuery: Bool?
        public var source: String?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case document, source, note
            case clientIDQuery = "client_id_query"
        }
    }

    /// A path shape: `{name}` is one segment, a last `{name+}` one or more, `{name*}` zero or more.
    public struct PathTemplate: Sendable, Equatable, Codable {
        public var path: String
        /// An endpoint kind (`token`, `device/authorize`) or a `{name}` of the path.
        public var endpoint: String
        /// `{origin}` is scheme://host[:port]; other names come from the path.
        public var issuer: String?
    }

    public struct AudienceRules: Sendable, Equatable, Codable {
        /// Any of `endpoint`, `token_endpoint`, `issuer`, `issuer_slash`, `realm`.
        public var accepts: [String]
        public var deprecated: [String]?
        /// `allowed` (one member must match), `one_member`, `forbidden`, `deprecated` (allowed today,
        /// announced to stop).
        public var array: String?
        public var maxValues: Int?
        public var rejectsTenants: [String]?
        public var note: String?
        public var source: String?
        public var inferred: InferredNote?

        enum CodingKeys: String, CodingKey {
            case accepts, deprecated, array, note, source, inferred
            case maxValues = "max_values"
            case rejectsTenants = "rejects_tenants"
        }
    }

    /// Seconds; a limit the server does not check is absent.
    public struct LifetimeRules: Sendable, Equatable, Codable {
        public var expRequired: Bool?
        public var maxExpAhead: Double?
        public var maxExpMinusIat: Double?
        public var maxUseAfterIat: Double?
        public var maxExpAheadWithoutIat: Double?
        public var clockSkew: Double?
        /// The skew the server allows past `exp` when it differs from `clockSkew` (Keycloak: none).
        public var expClockSkew: Double?
        /// False when the server does not judge `iat` at all (Spring Authorization Server).
        public var iatChecked: Bool?
        public var iatFutureTolerance: Double?
        public var iatFutureReject: Double?
        public var inferred: InferredNote?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case inferred, source
            case expRequired = "exp_required"
            case maxExpAhead = "max_exp_ahead"
            case maxExpMinusIat = "max_exp_minus_iat"
            case maxUseAfterIat = "max_use_after_iat"
            case maxExpAheadWithoutIat = "max_exp_ahead_without_iat"
            case clockSkew = "clock_skew"
            case expClockSkew = "exp_clock_skew"
            case iatChecked = "iat_checked"
            case iatFutureTolerance = "iat_future_tolerance"
            case iatFutureReject = "iat_future_reject"
        }
    }

    public struct JTIRules: Sendable, Equatable, Codable {
        public var required: Bool?
        public var singleUse: Bool?
        public var inferred: InferredNote?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case required, inferred, source
            case singleUse = "single_use"
        }
    }

    public struct KeyRules: Sendable, Equatable, Codable {
        /// In order: `kid`, `alg`, `x5t`, `x5t#S256`, `thumbprint`.
        public var lookup: [String]?
        public var kidRequiredWithSeveralKeys: Bool?
        public var sources: [String]?
        public var inferred: InferredNote?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case lookup, sources, inferred, source
            case kidRequiredWithSeveralKeys = "kid_required_with_several_keys"
        }
    }

    public struct Limits: Sendable, Equatable, Codable {
        public var secretMinLength: Int?
        public var rsaMinBits: Int?
        public var ecMinBits: Int?
        public var keysPerClient: Int?
        public var assertionMaxBytes: Int?
        public var claimMaxLength: [String: Int]?
        public var inferred: InferredNote?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case inferred, source
            case secretMinLength = "secret_min_length"
            case rsaMinBits = "rsa_min_bits"
            case ecMinBits = "ec_min_bits"
            case keysPerClient = "keys_per_client"
            case assertionMaxBytes = "assertion_max_bytes"
            case claimMaxLength = "claim_max_length"
        }
    }

    public struct ClientIDRules: Sendable, Equatable, Codable {
        public var requiredInBody: Bool?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case source
            case requiredInBody = "required_in_body"
        }
    }

    public struct GrantRules: Sendable, Equatable, Codable {
        /// The auth methods a client must use for this grant; empty or absent: any.
        public var requiresAuthMethod: [String]?
        /// `okta_api_only` | `no_okta_api` | `any`: which scopes the server mints for the grant.
        public var scopes: String?
        /// The scope prefix that `scopes` speaks of (`okta.`).
        public var scopePrefix: String?
        /// App types (`--app-type`) with their own auth-method rule for this grant, and the answer
        /// rule that reports them (an exception the server documents).
        public var appTypes: [String: AppTypeRule]?
        public var note: String?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case scopes, note, source
            case requiresAuthMethod = "requires_auth_method"
            case scopePrefix = "scope_prefix"
            case appTypes = "app_types"
        }
    }

    public struct AppTypeRule: Sendable, Equatable, Codable {
        public var requiresAuthMethod: [String]
        /// The name of the answer variant a finding for this app type carries.
        public var variant: String?
        public var source: String?

        enum CodingKeys: String, CodingKey {
            case variant, source
            case requiresAuthMethod = "requires_auth_method"
        }
    }

    /// The order in which the server checks: each step is one rule id, or several the server
    /// checks at the same point (then severity, then the order rules ran, decide).
    public struct CheckOrder: Sendable, Equatable, Codable {
        public var steps: [[String]]

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            var steps: [[String]] = []
            while !container.isAtEnd {
                if let one = try? container.decode(String.self) {
                    steps.append([one])
                } else {
                    steps.append(try container.decode([String].self))
                }
            }
            self.steps = steps
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for step in steps {
                if step.count == 1 { try container.encode(step[0]) } else { try container.encode(step) }
            }
        }
    }
}

/// Why a value of a section is inferred rather than read from the server: one sentence for the
/// section, or a sentence per key (`inferred: {max_exp_ahead: "…"}`).
public enum InferredNote: Sendable, Equatable, Codable {
    case section(String)
    case byKey([String: String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .section(text)
        } else {
            self = .byKey(try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .section(let text): try container.encode(text)
        case .byKey(let notes): try container.encode(notes)
        }
    }
}

extension ServerProfile.CheckOrder {
    init(steps: [[String]]) { self.steps = steps }
}

extension ServerProfile {
    /// How rules and reports name the server in a sentence.
    public var speaker: String { shortName ?? name }

    /// `speaker` at the start of a sentence.
    public var speakerCapitalized: String { speaker.prefix(1).uppercased() + speaker.dropFirst() }

    /// The audience kinds the server accepts; empty when the profile does not say.
    public var acceptedAudiences: [String] { audience?.accepts ?? [] }

    /// True when only the URL of the endpoint invoked is accepted as `aud`.
    public var audienceIsExactEndpoint: Bool { acceptedAudiences == ["endpoint"] }

    /// Where `ruleID` comes in the server's checks (lower runs earlier), nil when the profile
    /// does not place it.
    public func rank(of ruleID: String) -> Int? {
        // Not `ranks[ruleID]`: sorts call this per comparison, and building the dictionary each
        // time made ServerTexts.bundled cost 120 M instructions of every `explain`.
        (checkOrder?.steps ?? []).firstIndex { $0.contains(ruleID) }
    }

    /// Each rule id's step in the check order (the first step that lists it).
    var ranks: [String: Int] {
        var out: [String: Int] = [:]
        for (i, step) in (checkOrder?.steps ?? []).enumerated() {
            for id in step where out[id] == nil { out[id] = i }
        }
        return out
    }

    /// The answer the server gives for a rule's finding: the rule's own entry, its named
    /// variant when it has one, else the profile's `default` for an error.
    public func answer(for ruleID: String, variant: String?, isError: Bool) -> ServerAnswer? {
        var base: ServerAnswer
        if let own = answers?[ruleID] {
            base = own
        } else if isError, let fallback = answers?["default"] {
            base = fallback
        } else {
            return nil
        }
        if let variant, let v = base.variant(variant) { base = v }
        base.variants = nil
        base.profile = id
        base.speaker = speaker
        return base
    }

    /// The algorithms accepted for an auth method, nil when the profile does not restrict them.
    public func algorithms(for method: AuthMethod) -> [String]? { algorithms?[method.rawValue] }

    /// A sentence from `messages`, with `{name}` filled from `values`; nil when the profile has none.
    public func message(_ key: String, _ values: [String: String] = [:]) -> String? {
        guard let template = messages?[key] else { return nil }
        return CatalogEntry.render(template, values)
    }

    /// What the console calls an auth method, when the profile knows.
    public func consoleName(_ method: AuthMethod) -> String? { console?[method.rawValue] }
}
