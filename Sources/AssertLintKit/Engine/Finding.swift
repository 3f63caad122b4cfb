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
    /// The server's answer for this finding, from the subject's profile (its id in `answer.profile`).
    public var answer: ServerAnswer?
    /// True on the one finding the server answers with (it stops at its first failing check).
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
        /// The name of the profile's answer variant this finding gets (`answers.<rule>.variants`).
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

    /// `answer` replaces parts of the profile's answer for this finding, when one rule covers
    /// cases that the server answers with different texts.
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
