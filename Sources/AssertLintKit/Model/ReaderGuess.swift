import Foundation

/// A part of a request a reader read, named the way rules judge it.
public enum RequestPart: Sendable, Equatable, Hashable {
    case method
    case url
    case header(String)
    case parameter(String)
    /// The body as a whole: which parameters it holds.
    case body

    /// The part a finding's pointer names (`/request/form/client_id` is the `client_id`
    /// parameter; the assertion's header and claims are the `client_assertion` parameter).
    public init?(pointer: String) {
        if pointer.hasPrefix(Location.assertion) {
            self = .parameter("client_assertion")
        } else if pointer.hasPrefix("/request/form/") {
            self = .parameter(String(pointer.dropFirst("/request/form/".count)))
        } else if pointer.hasPrefix("/request/headers/") {
            self = .header(String(pointer.dropFirst("/request/headers/".count)))
        } else if pointer == Location.url {
            self = .url
        } else if pointer == Location.method {
            self = .method
        } else if pointer.hasPrefix(Location.body) {
            self = .body
        } else {
            return nil
        }
    }

    /// Whether `self` and `other` are the same part (header names compare without case).
    func same(as other: RequestPart) -> Bool {
        switch (self, other) {
        case (.header(let a), .header(let b)): return a.caseInsensitiveCompare(b) == .orderedSame
        default: return self == other
        }
    }
}

/// Something a reader assumed to read a paste that a shell or a server would read otherwise (or
/// not at all): a lost line continuation bridged, a prompt dropped, `name: value` lines taken
/// as form fields. The "How your input was read" notes say it; findings that judge a part it
/// affects say they depend on it.
public struct ReaderGuess: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A line without its continuation character (or with a space after it) read as part of the command.
        case lostContinuation
        /// A continuation glued to the next line's first word, read as two words.
        case gluedContinuation
        /// Text before `curl` taken as a shell prompt.
        case prompt
        /// Typographic quotes or dashes read as the plain ones a shell needs.
        case typography
        /// A bare `name=value` word read as a form field of the data option before it.
        case bareFormField
        /// `name: value` lines read as form fields.
        case colonFormLines
        /// An elided value (`....`, `…`) read as not shown.
        case elision
        /// An empty data option read as a parameter the paste lost.
        case lostParameter
        /// A request without a Host header read with a placeholder host.
        case missingHost
        /// A bare form body read as sent to an endpoint the paste does not name.
        case missingURL
        /// A form body's lines, with no `&` between them, read as one field each.
        case bodyLines
    }

    public var kind: Kind
    /// What was guessed, as a clause: "the lines after line 3 were taken as part of the same command".
    public var description: String
    /// The parts of the request whose reading depends on the guess.
    public var affects: [RequestPart]

    public init(_ kind: Kind, _ description: String, affects: [RequestPart]) {
        self.kind = kind
        self.description = description
        self.affects = affects
    }

    /// Whether a finding that judges `parts` depends on this guess.
    public func affects(any parts: [RequestPart]) -> Bool {
        parts.contains { p in affects.contains { $0.same(as: p) } }
    }
}
