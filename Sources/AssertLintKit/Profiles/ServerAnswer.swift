import Foundation

/// What a server answers for a problem, as its profile records it (`answers.<rule-id>`).
public struct ServerAnswer: Sendable, Equatable, Codable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    /// True when `error_description` is the server's own text from one of its sources; false when
    /// it is assertlint's wording, or a text seen only in a third-party report (`note` says which).
    public var verbatim: Bool
    /// Where the text comes from (`oauth2-error-codes.json#<internalErrorCode>`, a source file and commit).
    public var source: String?
    /// What is uncertain about this answer.
    public var note: String?
    /// The management-API error shape (`errorCode`/`errorSummary`) instead of RFC 6749's.
    public var apiErrorShape: Bool?
    /// Other answers for the same rule (a rule picks one by `name`; `explain` shows each with its `when`).
    public var variants: [AnswerVariant]?
    /// The id of the profile this answer belongs to (set when the profile is read, not written in it).
    public var profile: String = ""
    /// How the profile names its server in a sentence ("Okta"), set with `profile`.
    public var speaker: String = ""

    enum CodingKeys: String, CodingKey {
        case status, error, verbatim, note, source, variants
        case errorDescription = "error_description"
        case apiErrorShape = "api_error_shape"
    }

    /// The answer for the named variant: this answer with the variant's parts put in.
    public func variant(_ name: String) -> ServerAnswer? {
        guard let v = variants?.first(where: { $0.name == name }) else { return nil }
        return applying(v)
    }

    /// This answer with a variant's parts put in (a variant's text replaces the base's, even by none).
    public func applying(_ v: AnswerVariant) -> ServerAnswer {
        var o = self
        if let status = v.status { o.status = status }
        if let error = v.error { o.error = error }
        o.errorDescription = v.errorDescription
        o.verbatim = v.verbatim ?? verbatim
        o.source = v.source
        o.note = v.note
        o.variants = nil
        return o
    }

    /// How far the text can be trusted, for reports: the server's own words, or words not
    /// confirmed as the server's (`note` says which).
    public func wordingLabel(_ speaker: String) -> String {
        verbatim ? "\(speaker)'s wording" : "not confirmed as \(speaker)'s wording"
    }

    /// `speaker` at the start of a sentence.
    public var speakerCapitalized: String { speaker.prefix(1).uppercased() + speaker.dropFirst() }

    /// The answer with the server's variable parts filled: a `{name}` in its text (Entra's
    /// `Current time: {now}`) takes the finding's value of that name, else reads `<name>`, so no
    /// template syntax reaches a report.
    public func filled(_ values: [String: String]) -> ServerAnswer {
        var o = self
        o.errorDescription = errorDescription.map { Self.fill($0, values) }
        o.note = note.map { Self.fill($0, values) }
        o.variants = variants?.map { v in
            var v = v
            v.errorDescription = v.errorDescription.map { Self.fill($0, values) }
            v.note = v.note.map { Self.fill($0, values) }
            return v
        }
        return o
    }

    /// The text up to its first variable part (`<now>`, `{now}`): what every answer of this
    /// kind starts with, to recognise one pasted with its values in.
    public static func fixedPart(_ text: String) -> String {
        String(text.prefix { $0 != "<" && $0 != "{" })
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var generic: [String: String] = [:]
        for name in CatalogEntry.placeholderNames(in: text) where values[name] == nil { generic[name] = "<\(name)>" }
        return CatalogEntry.render(text, generic.merging(values) { $1 })
    }

    /// The response body as JSON text.
    public var body: String {
        var members: [JSONMember] = []
        if apiErrorShape == true {
            if let error { members.append(JSONMember(key: "errorCode", value: .string(error))) }
            if let errorDescription { members.append(JSONMember(key: "errorSummary", value: .string(errorDescription))) }
        } else {
            if let error { members.append(JSONMember(key: "error", value: .string(error))) }
            if let errorDescription { members.append(JSONMember(key: "error_description", value: .string(errorDescription))) }
        }
        return JSONValue.object(JSONObject(members)).compactText
    }
}

/// One of a rule's other answers (`answers.<rule-id>.variants`).
public struct AnswerVariant: Sendable, Equatable, Codable {
    /// What a rule calls it (`client-not-named`); a variant without one is shown by `explain` only.
    public var name: String?
    /// The case it is for ("nothing in the request names the client", "Keycloak 26.2-26.3").
    public var when: String?
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    public var verbatim: Bool?
    public var source: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case name, when, status, error, verbatim, source, note
        case errorDescription = "error_description"
    }
}

/// The parts of a profile's answer one finding changes (the rest comes from the profile).
public struct AnswerOverride: Sendable, Equatable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String
    public var verbatim: Bool
    public var note: String?

    public init(status: Int? = nil, error: String? = nil, errorDescription: String, verbatim: Bool, note: String? = nil) {
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
        self.verbatim = verbatim
        self.note = note
    }

    func applied(to base: ServerAnswer) -> ServerAnswer {
        var o = base
        if let status { o.status = status }
        if let error { o.error = error }
        o.errorDescription = errorDescription
        o.verbatim = verbatim
        o.note = note
        o.source = nil
        o.variants = nil
        return o
    }
}
