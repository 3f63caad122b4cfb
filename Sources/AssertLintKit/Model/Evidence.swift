import Foundation

/// What a paste says about one part of a request.
public enum Shown: Sendable, Equatable {
    /// The paste shows the part, with its value.
    case present
    /// The paste shows where the part would be, and it is not there.
    case absent
    /// The paste does not show that part of the request (a log line with only the form, a
    /// snippet that builds the assertion and nothing else): nothing can be said about it.
    case notShown
}

/// Which parts of a request the paste shows. A curl command or a raw HTTP request shows
/// everything; a debug log, Spring's form line or a code snippet shows only some of it, and the
/// rules judge only what is shown (see `EvidenceNeeds`).
public struct Evidence: Sendable, Equatable {
    /// The HTTP method (a log line of the form alone does not say whether it was POST).
    public var method: Bool
    /// The URL the request went to.
    public var url: Bool
    /// Every header the request sent (a form line shows none of them).
    public var headers: Bool
    /// The body as a whole: a parameter missing from it is really missing.
    public var body: Bool
    /// The assertion's signature is the one sent (false for an assertion rebuilt from code).
    public var signature: Bool
    /// The assertion's JOSE header as a whole is the one sent: false for decoded claims pasted
    /// without it, and for code that does not show the header it signs with.
    public var header: Bool
    /// What showed the request, for "not checked" notes: "Spring's `Writing form fields` line".
    public var source: String?
    /// Parameters the body does not show although it shows the rest (a line the reporter
    /// blanked out): absent from the body, they are not shown rather than missing.
    public var unshownParameters: Set<String> = []
    /// The assertion's claims as a whole: false when code shows only some of them (one line of a
    /// claims struct), so a claim it does not show is not missing.
    public var claims: Bool = true
    /// Claims and header parameters (`header.kid`) that code sets from variables, and `header.alg`
    /// when code does not show it (a stand-in fills it): there, but not shown.
    public var heldInVariables: [String] = []

    public init(method: Bool = true, url: Bool = true, headers: Bool = true, body: Bool = true,
                signature: Bool = true, header: Bool = true, source: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.signature = signature
        self.header = header
        self.source = source
    }

    /// A paste that shows the whole request.
    public static let whole = Evidence()

    /// A paste that shows the form parameters and nothing else about the request.
    public static func formOnly(_ source: String) -> Evidence {
        Evidence(method: false, url: false, headers: false, body: true, source: source)
    }

    /// The parts the paste does not show, in words, for notes.
    public var hidden: [String] {
        var out: [String] = []
        if !method { out.append("the method") }
        if !url { out.append("the URL") }
        if !headers { out.append("the headers") }
        if !body { out.append("the whole body") }
        if !header { out.append("the token's header") }
        if !signature { out.append("a signed token") }
        if !claims { out.append("all the claims") }
        return out
    }

    /// `hidden` as one phrase: "the method, the headers or the whole body".
    public var hiddenPhrase: String {
        let parts = hidden.filter { $0 != "a signed token" && $0 != "the token's header" && $0 != "all the claims" }
        guard let last = parts.last else { return "" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension TokenRequest {
    /// Whether the paste shows form parameter `name`.
    public func shows(parameter name: String) -> Shown {
        if form(name) != nil { return .present }
        return shows.body && !shows.unshownParameters.contains(name) ? .absent : .notShown
    }

    /// Whether the paste shows header `name`.
    public func shows(header name: String) -> Shown {
        if header(name) != nil { return .present }
        return shows.headers ? .absent : .notShown
    }
}

extension Subject {
    /// Whether the paste shows claim `name` of the assertion (`header.kid` for a header parameter).
    public func shows(claim name: String) -> Shown {
        let header = name.hasPrefix("header.")
        let key = header ? String(name.dropFirst(7)) : name
        // Held first: a header parameter the code does not show may have a stand-in (`alg`, which a JWS needs).
        if shows.heldInVariables.contains(name) { return .notShown }
        let assertion = assertion.decoded
        if (header ? assertion?.header[key] : assertion?.claims[key]) != nil { return .present }
        return (header ? shows.header : shows.claims) ? .absent : .notShown
    }

    /// What the paste shows of the request; a bare token shows no request at all, and decoded
    /// claims pasted alone show no header or signature either.
    public var shows: Evidence {
        if let request { return request.shows }
        var bare = assertionShows ?? Evidence(method: false, url: false, headers: false, body: false,
                                              signature: true, source: "a token")
        bare.url = target != nil
        return bare
    }
}
