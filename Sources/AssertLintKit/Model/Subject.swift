import Foundation

/// What an input yields about the assertion.
public enum AssertionInput: Sendable {
    /// No assertion in the request (or an empty `client_assertion`).
    case absent
    /// Something that was meant to be an assertion but is not a compact JWS.
    case malformed(MalformedAssertion)
    case decoded(ClientAssertion)
    /// A `client_assertion` whose value is not in the input: a shell variable or command
    /// substitution, an unresolved template, a placeholder, a token cut short with an ellipsis.
    /// It is there (so not "missing"), but nothing about it can be judged.
    case unseen(String)

    /// Reads a `client_assertion` value as written in a request.
    public static func read(_ value: String) -> AssertionInput {
        let v = value.trimmedWhitespace
        if v.isEmpty { return .absent }
        if let why = Placeholder.reason(v) { return .unseen(why) }
        switch AssertionDecoding.decode(v) {
        case .success(let a): return .decoded(a)
        case .failure(let m): return .malformed(m)
        }
    }

    public var decoded: ClientAssertion? {
        if case .decoded(let a) = self { return a }
        return nil
    }
}

/// Values people paste in place of a token: the request as it sits in their script or docs.
enum Placeholder {
    /// Only base64url letters and one or two dots, not ending in one: no test below can
    /// match (each needs `$`, `` ` ``, `%`, `{`, `<`, an ellipsis or a dotless name), so a real token
    /// skips the regex and the per-Character walk (8% of a check, issue 13).
    static func looksLikeJWS(_ v: String) -> Bool {
        var dot = false, last: UInt8 = 0, dots = 0
        for b in v.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): break
            case UInt8(ascii: "."):
                dot = true
                dots += 1
                // A compact JWS has two dots; more is a token cut short with `...`.
                if dots > 2 { return false }
            default: return false
            }
            last = b
        }
        return dot && last != UInt8(ascii: ".")
    }

    static func reason(_ v: String) -> String? {
        if looksLikeJWS(v) { return nil }
        let shown = v.count > 40 ? String(v.prefix(40)) + "…" : v
        if v.hasPrefix("$(") || v.hasPrefix("`") {
            return "`\(shown)` is a shell command substitution: the token it produces is not in the input"
        }
        if v.hasPrefix("$") || (v.hasPrefix("%") && v.hasSuffix("%")) {
            return "`\(shown)` is a shell variable: its value is not in the input"
        }
        if v.range(of: #"^\{\{?\s*[A-Za-z_][A-Za-z0-9_.\- ]*\}?\}$"#, options: .regularExpression) != nil {
            return "`\(shown)` is a template variable that was not filled in"
        }
        if (v.hasPrefix("<") && v.hasSuffix(">")) || (v.hasPrefix("[") && v.hasSuffix("]")) {
            return "`\(shown)` is a placeholder, not a token"
        }
        // Cut short anywhere (`eyJhbGci...[jwt]`, `eyJ…SU....tHQ6…`): a compact JWS never holds
        // three dots in a row or an ellipsis character.
        if v.contains("...") || v.contains("…") {
            return "`\(shown)` was shortened with an ellipsis; the whole token is needed to judge it"
        }
        let letters = v.filter(\.isLetter)
        if v.count <= 40, !letters.isEmpty, letters.allSatisfy(\.isUppercase), !v.contains("."), v.contains("_") || v.hasPrefix("YOUR") {
            return "`\(shown)` is a placeholder name, not a token"
        }
        return nil
    }
}

/// Everything one diagnosis judges: the request (nil for a bare token), its assertion,
/// what the server has registered for the client, the server, and the clock.
public struct Subject: Sendable {
    /// The input's name for reports: a path, `-` for stdin, or `<argument>`.
    public var source: String
    /// A name for one of several requests in one source (a HAR entry, a `.http` request).
    public var entry: String?
    public var request: TokenRequest? { didSet { facts = nil } }
    public var assertion: AssertionInput
    /// Where the assertion was written in the source (the `client_assertion` line).
    public var assertionPosition: SourcePosition?
    public var app: AppRegistration
    /// Set from the request URL, or from `--endpoint` for a bare token; its profile is the server's.
    public var target: ServerTarget? { didSet { facts = nil } }
    /// Facts about the request that many rules read, worked out once by `prepareFacts()` (the
    /// engine does it before the rules run); cleared whenever `request` or `target` changes, so
    /// they never describe another request. nil: each getter works its answer out again.
    public private(set) var facts: SubjectFacts?
    /// The profile of a subject without a URL (see `profile`).
    public var bareProfile: ServerProfile = ProfileSet.bundled.fallback
    /// Which profile was chosen, and why (nil until a `ProfileSelection` ran).
    public var profileChoice: ProfileChoice?
    /// The profile id a fixture names (`server: keycloak`), resolved by `ProfileSelection`.
    public var requestedServer: String?
    /// What the server announces in its discovery document (online mode, or a fixture's
    /// `server:`); nil offline. Rules that need it do nothing without it.
    public var serverMetadata: ServerMetadata?
    public var now: Date
    /// False when `now` came from a fixture or `--now` rather than the real clock.
    public var clockIsReal: Bool
    /// Rule ids a fixture says it must produce (`expect:`).
    public var expectedRuleIDs: [String]?
    /// Rule ids a fixture silences (`ignore:`).
    public var ignoredRuleIDs: [String]
    /// What reading the input taught that the user should know (how a paste was read).
    public var notes: [String]
    /// The real current time, whatever `now` says: a committed assertion that is still live at
    /// this time can be replayed (`assertion-live`).
    public var realNow: Date = Date()
    /// The server's answer, when the user pasted it with the request.
    public var reportedAnswer: ReportedAnswer?
    /// True when the fixture wrote the assertion as a `{header, claims}` mapping, so the token was
    /// made from test values rather than committed as a credential.
    public var assertionIsGenerated = false
    /// What a paste without a request shows of its assertion: set for decoded claims pasted
    /// alone (no header, no signature); nil for a token, which shows both.
    public var assertionShows: Evidence?
    /// The input's text as read, for checks on the file itself (a committed PEM private key).
    public var rawText: String?
    /// What a key file is when `check` recognised a private key by its binary shape (DER
    /// PKCS#8, PKCS#1, SEC1, PKCS#12), which has no text to scan.
    public var privateKeyFileForm: String?
    /// Organisation policy stricter than the server (`.assertlint.yml` `policy:`); nil leaves
    /// the policy rules silent.
    public var policy: Policy?

    public init(source: String, entry: String? = nil, request: TokenRequest?, assertion: AssertionInput,
                assertionPosition: SourcePosition? = nil, app: AppRegistration = AppRegistration(),
                target: ServerTarget? = nil, now: Date = Date(), clockIsReal: Bool = true,
                expectedRuleIDs: [String]? = nil, ignoredRuleIDs: [String] = [], notes: [String] = [],
                serverMetadata: ServerMetadata? = nil) {
        self.source = source
        self.entry = entry
        self.request = request
        self.assertion = assertion
        self.assertionPosition = assertionPosition
        self.app = app
        self.target = target ?? request?.endpoint.map(ServerTarget.classify)
        self.now = now
        self.clockIsReal = clockIsReal
        self.expectedRuleIDs = expectedRuleIDs
        self.ignoredRuleIDs = ignoredRuleIDs
        self.notes = notes
        self.serverMetadata = serverMetadata
    }

    /// The client id the server will take the request to be from: the registered one when
    /// known, else the `client_id` parameter, else the Basic user name.
    public var expectedClientID: (value: String, origin: String)? {
        if let id = app.clientID, !id.isEmpty { return (id, "the app's client_id") }
        // `client_id={clientId}` names a client without saying which: nothing to compare with.
        if let f = request?.form("client_id"), !f.value.isEmpty, !Placeholders.contains(f.value) {
            return (f.value, "the request's client_id parameter")
        }
        if let b = request?.basicCredentials, b.decodable, !b.user.isEmpty { return (b.user, "the Basic credentials' user") }
        return nil
    }

    /// The raw `client_assertion` parameter, when the request has one.
    public var assertionField: FormField? { request?.form("client_assertion") }
}

extension ClientAssertion {
    /// The method an assertion's `alg` implies: HMAC (HS*) is `client_secret_jwt`, RSA and EC
    /// signatures are `private_key_jwt`. nil for `none` and algorithms of neither kind.
    public var impliedAuthMethod: AuthMethod? {
        guard let alg = alg?.uppercased() else { return nil }
        if alg.hasPrefix("HS") { return .clientSecretJWT }
        if alg.hasPrefix("RS") || alg.hasPrefix("ES") || alg.hasPrefix("PS") { return .privateKeyJWT }
        return nil
    }
}

extension Subject {
    /// The request, when it is aimed at an endpoint that authenticates clients, whatever its
    /// method and body; nil for a bare token and for endpoints such as /authorize or /keys.
    public var clientAuthEndpointRequest: TokenRequest? {
        let isIt = facts?.atClientAuthEndpoint ?? SubjectFacts.atClientAuthEndpoint(request, target)
        return isIt ? request : nil
    }

    /// The request at a client-authenticating endpoint, when the server reads its parameters:
    /// a POST whose body is form-encoded (or empty). A GET or a JSON body is refused before any
    /// parameter is looked at (method-not-post, content-type-invalid), so the rules that judge
    /// parameters stay silent rather than report parameters as missing that were merely misplaced.
    public var clientAuthRequest: TokenRequest? {
        let isIt = facts?.readsParameters ?? SubjectFacts.readsParameters(request, target, mediaType: request?.mediaType)
        return isIt ? request : nil
    }

    /// The request's media type (`Content-Type` without parameters, lowercased), read once.
    public var requestMediaType: String? {
        if let facts { return facts.mediaType }
        return request?.mediaType
    }

    /// Works out `facts` for the request and target as they are now (issue 13: `clientAuthRequest`
    /// and the media type were worked out again by each of some fifteen rules, 15% of a `check`).
    public mutating func prepareFacts() {
        facts = SubjectFacts(request: request, target: target)
    }

    /// The methods the request's credentials use, one per credential: Basic header →
    /// client_secret_basic, body secret → client_secret_post, assertion → by its `alg`.
    /// A credential whose method cannot be told (a Bearer header, a malformed assertion) is left out.
    public var presentedAuthMethods: [AuthMethod] {
        guard let request else { return [] }
        var out: [AuthMethod] = []
        for credential in request.presentedCredentials {
            switch credential {
            case .authorizationHeader: if request.basicCredentials != nil { out.append(.clientSecretBasic) }
            case .clientSecret: out.append(.clientSecretPost)
            case .clientAssertion: if let m = assertion.decoded?.impliedAuthMethod { out.append(m) }
            }
        }
        return out
    }

    /// How the request authenticates when it presents exactly one credential of a known method.
    public var presentedAuthMethod: AuthMethod? {
        guard request?.presentedCredentials.count == 1 else { return nil }
        let methods = presentedAuthMethods
        return methods.count == 1 ? methods[0] : nil
    }
}

/// What the rules ask of every subject's request, worked out once (see `Subject.prepareFacts()`).
public struct SubjectFacts: Sendable {
    /// The request's media type (`TokenRequest.mediaType`).
    public let mediaType: String?
    /// The request is aimed at an endpoint that authenticates clients (`clientAuthEndpointRequest`).
    public let atClientAuthEndpoint: Bool
    /// ... and the server reads its parameters (`clientAuthRequest`).
    public let readsParameters: Bool

    init(request: TokenRequest?, target: ServerTarget?) {
        let mediaType = request?.mediaType
        self.mediaType = mediaType
        atClientAuthEndpoint = Self.atClientAuthEndpoint(request, target)
        readsParameters = Self.readsParameters(request, target, mediaType: mediaType)
    }

    static func atClientAuthEndpoint(_ request: TokenRequest?, _ target: ServerTarget?) -> Bool {
        guard request != nil, let target else { return false }
        return target.endpoint.authenticatesClient
    }

    static func readsParameters(_ request: TokenRequest?, _ target: ServerTarget?, mediaType: @autoclosure () -> String?) -> Bool {
        guard atClientAuthEndpoint(request, target), let request,
              request.method.trimmedWhitespace.uppercased() == "POST" else { return false }
        switch request.body {
        case .none: return true
        case .raw: return false
        case .form:
            // Parsers build a form body only from form-encoded text; a missing header is theirs to add.
            let m = mediaType()
            return m == nil || m == "application/x-www-form-urlencoded"
        }
    }
}
