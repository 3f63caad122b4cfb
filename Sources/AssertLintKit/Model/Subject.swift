import Foundation

/// What an input yields about the assertion.
public enum AssertionInput: Sendable {
    /// No assertion in the request (or an empty `client_assertion`).
    case absent
    /// Something that was meant to be an assertion but is not a compact JWS.
    case malformed(MalformedAssertion)
    case decoded(ClientAssertion)

    public var decoded: ClientAssertion? {
        if case .decoded(let a) = self { return a }
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
    public var request: TokenRequest?
    public var assertion: AssertionInput
    /// Where the assertion was written in the source (the `client_assertion` line).
    public var assertionPosition: SourcePosition?
    public var app: AppRegistration
    /// Set from the request URL, or from `--endpoint` for a bare token.
    public var target: ServerTarget?
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
        if let f = request?.form("client_id"), !f.value.isEmpty { return (f.value, "the request's client_id parameter") }
        if let b = request?.basicCredentials, b.decodable, !b.user.isEmpty { return (b.user, "the Basic credentials' user") }
        return nil
    }

    /// The raw `client_assertion` parameter, when the request has one.
    public var assertionField: FormField? { request?.form("client_assertion") }
}
