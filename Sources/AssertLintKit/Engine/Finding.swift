import Foundation

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Where a finding points: a JSON-pointer-like path into the decoded request and assertion
/// (`/client_assertion/payload/aud`, `/request/form/client_id`, `/request/url`), and the
/// place in the source text when the input has lines.
public struct Location: Sendable, Equatable, Hashable {
    public var pointer: String
    public var position: SourcePosition?

    public init(pointer: String, position: SourcePosition? = nil) {
        self.pointer = pointer
        self.position = position
    }

    public static func claim(_ name: String) -> String { "/client_assertion/payload/\(name)" }
    public static func header(_ name: String) -> String { "/client_assertion/header/\(name)" }
    public static func form(_ name: String) -> String { "/request/form/\(name)" }
    public static func httpHeader(_ name: String) -> String { "/request/headers/\(name)" }
    public static let assertion = "/client_assertion"
    public static let url = "/request/url"
    public static let method = "/request/method"
    public static let body = "/request/body"
}

/// What a server will answer for a problem, as the catalog records it.
public struct OktaAnswer: Sendable, Equatable, Codable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    /// True when `error_description` is Okta's own text from an Okta source; false when it is
    /// assertlint's wording for a check Okta documents without a known message.
    public var verbatim: Bool
    /// Okta stops at its first failing check; lower runs earlier.
    public var precedence: Int
    /// Okta's management-API error shape (`errorCode`/`errorSummary`) instead of RFC 6749's.
    public var apiErrorShape: Bool?
    /// What is uncertain about this answer.
    public var note: String?
    /// Where the text comes from when it is Okta's: `oauth2-error-codes.json#<internalErrorCode>`,
    /// the entry of Okta's published error catalog (okta-developer-docs) that holds it.
    public var source: String? = nil
    /// Other answers of the same rule, by name, for cases Okta answers with other texts (a rule
    /// picks one with `FindingSink.add(variant:)`); what a variant leaves out is the base answer's.
    public var variants: [String: OktaAnswerVariant]? = nil

    enum CodingKeys: String, CodingKey {
        case status, error, verbatim, precedence, note, source, variants
        case errorDescription = "error_description"
        case apiErrorShape = "api_error_shape"
    }

    /// The answer for the named variant: the base answer with the variant's parts put in.
    public func variant(_ name: String) -> OktaAnswer? {
        guard let v = variants?[name] else { return nil }
        var o = self
        if let status = v.status { o.status = status }
        if let error = v.error { o.error = error }
        o.errorDescription = v.errorDescription
        o.verbatim = v.verbatim
        o.source = v.source
        o.note = v.note
        o.variants = nil
        return o
    }

    /// How far the text can be trusted, for reports. Non-verbatim texts are either Okta's text seen
    /// only in recorded responses, or assertlint's wording; `note` says which.
    public var wordingLabel: String { verbatim ? "Okta's wording" : "not confirmed as Okta's wording" }

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

/// One of a rule's other answers (`okta.variants.<name>` in its catalog entry).
public struct OktaAnswerVariant: Sendable, Equatable, Codable {
    /// The case it is for, for `explain` ("nothing in the request names the client").
    public var when: String?
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    public var verbatim: Bool
    public var source: String?
    public var note: String?

    public init(when: String? = nil, status: Int? = nil, error: String? = nil, errorDescription: String? = nil, verbatim: Bool,
                source: String? = nil, note: String? = nil) {
        self.when = when
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
        self.verbatim = verbatim
        self.source = source
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case when, status, error, verbatim, source, note
        case errorDescription = "error_description"
    }
}

/// The parts of a catalog answer one finding changes (the rest comes from the catalog).
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

    func applied(to base: OktaAnswer) -> OktaAnswer {
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

/// One problem found in one input.
public struct Finding: Sendable {
    public let ruleID: String
    public var severity: Severity
    public var title: String
    /// What is wrong in this input, with its values.
    public let message: String
    public var location: Location
    /// The catalog's fix, with this finding's values filled in.
    public var fix: String?
    /// The corrected value, when the fix is a value (for machine output and `--fix`).
    public let fixValues: [String: String]
    /// Okta's answer when this is an Okta server and the catalog knows it.
    public var okta: OktaAnswer?
    /// True on the one finding that Okta answers with (it stops at its first failing check).
    public var isServerAnswer: Bool = false
    /// What the finding rests on beyond the paste: "depends on a guess: …".
    public var note: String? = nil
}

/// Collects what a rule finds. Rules give ids, pointers, messages and values; the engine adds
/// everything the catalog knows (title, severity, texts).
public struct FindingSink: Sendable {
    public struct Raw: Sendable {
        public let ruleID: String
        public let pointer: String
        public let message: String
        public let fixValues: [String: String]
        public let severity: Severity?
        public let answer: AnswerOverride?
        /// The name of the catalog answer variant this finding gets (`okta.variants`).
        public var variant: String? = nil
    }

    public struct Unjudged: Sendable, Equatable {
        public let ruleID: String
        /// What would let the linter judge it: "--client-id or app.client_id".
        public let needs: String
    }

    public private(set) var raw: [Raw] = []
    public private(set) var unjudged: [Unjudged] = []

    public init() {}

    /// `answer` replaces parts of the catalog's Okta answer for this finding, when one rule covers
    /// cases that Okta answers with different texts.
    public mutating func add(_ ruleID: String, at pointer: String, _ message: String,
                             fix: [String: String] = [:], severity: Severity? = nil, answer: AnswerOverride? = nil,
                             variant: String? = nil) {
        raw.append(Raw(ruleID: ruleID, pointer: pointer, message: message, fixValues: fix, severity: severity, answer: answer,
                       variant: variant))
    }

    /// Forgets the findings recorded from index `start` on (a rule judged what the paste does not show).
    mutating func drop(findingsFrom start: Int, unjudgedFrom unjudgedStart: Int) {
        if start < raw.count { raw.removeSubrange(start...) }
        if unjudgedStart < unjudged.count { unjudged.removeSubrange(unjudgedStart...) }
    }

    /// Records that a rule could not judge this input, and what it would need.
    public mutating func cannotJudge(_ ruleID: String, needs: String) {
        unjudged.append(Unjudged(ruleID: ruleID, needs: needs))
    }
}
