import Foundation

/// Checks across several requests: those of one paste (a HAR with a retry, a script with two
/// calls) in `diagnose`, and those of a whole batch in `check`. A server accepts an assertion once,
/// so the same `jti` from the same client (or the very same assertion) in two requests means the
/// later one is a replay; the finding goes on the later request and names the first.
public enum CrossRequest {
    static let ruleID = "jti-reused"

    /// Where a request was read from, to name the first use in the later one's finding.
    public struct FirstUse: Sendable, Equatable {
        public let file: String
        public let line: Int?
        public let entry: String?

        public var description: String {
            var s = file
            if let entry { s += " (\(entry))" }
            if let line { s += " line \(line)" }
            return s
        }
    }

    /// One request in the order it was sent, and the name of what it was read from.
    public struct Use: Sendable {
        public let subject: Subject
        public let file: String
        public init(subject: Subject, file: String) {
            self.subject = subject
            self.file = file
        }
    }

    public struct Replay: Sendable {
        /// The later request, an index into the uses given.
        public let index: Int
        public let pointer: String
        public let first: FirstUse
        /// The jti sent twice; nil when the same assertion (with no jti) is.
        public let jti: String?
        /// The endpoints the first and the later request call, when they differ (an assertion for
        /// /token sent again to /introspect).
        public let endpoints: (first: String, later: String)?

        /// The finding's message; `namingEndpoints` adds the endpoints when they differ.
        public func message(namingEndpoints: Bool) -> String {
            var s: String
            if let jti {
                s = "jti \"\(jti)\" is already used by \(first.description); the server accepts each jti once, so this request is rejected as a replay"
            } else {
                s = "this assertion is the same as the one sent by \(first.description); the server accepts an assertion once, so this request is rejected as a replay"
            }
            if namingEndpoints, let endpoints {
                s += ". It was sent to \(endpoints.first) first and is sent here to \(endpoints.later): each endpoint needs its own assertion, with that endpoint as aud"
            }
            return s
        }
    }

    /// The replays among `uses`, in order.
    public static func replays(_ uses: [Use]) -> [Replay] {
        var tracker = Tracker()
        return uses.enumerated().compactMap { tracker.replay(of: $0.element.subject, file: $0.element.file, index: $0.offset) }
    }

    /// What was sent so far, one request at a time: for each request, a `jti` seen before decides,
    /// then the assertion itself; every key is remembered, so a third use names the first. Keys
    /// are kept as 128-bit digests (a compact assertion is most of a kilobyte), so a batch of any
    /// size holds one small entry per key.
    public struct Tracker: Sendable {
        struct Seen: Sendable { let use: FirstUse; let endpoint: String? }
        private var seen: [KeyDigest: Seen] = [:]
        private let engine = Engine()

        public init() {}

        /// The replay `subject` is, if any (`index` is its place among the requests, kept in the
        /// replay); remembers its keys either way.
        public mutating func replay(of subject: Subject, file: String, index: Int) -> Replay? {
            guard let assertion = subject.assertion.decoded else { return nil }
            let position = engine.position(of: Location.assertion, in: subject)
            let here = Seen(use: FirstUse(file: file, line: position?.line, entry: subject.entry),
                            endpoint: subject.target?.endpointURL ?? subject.request?.endpoint?.withoutQuery)
            var keys: [(key: KeyDigest, pointer: String, jti: String?)] = [(KeyDigest("assertion|" + assertion.compact), Location.assertion, nil)]
            if let jti = assertion.jti, !jti.isEmpty {
                keys.insert((KeyDigest("jti|\(assertion.issuer ?? "")|\(jti)"), Location.claim("jti"), jti), at: 0)
            }
            var found: Replay?
            for k in keys {
                if let first = seen[k.key] {
                    if found == nil {
                        var endpoints: (String, String)?
                        if let a = first.endpoint, let b = here.endpoint, a != b { endpoints = (a, b) }
                        found = Replay(index: index, pointer: k.pointer, first: first.use, jti: k.jti, endpoints: endpoints)
                    }
                } else {
                    seen[k.key] = here
                }
            }
            // A server that accepts a jti again (its profile's `jti.single_use: false`) does not
            // refuse the replay: the keys are remembered, nothing is reported.
            return subject.profile.jti?.singleUse == false ? nil : found
        }
    }

    /// Two independent 64-bit digests of a key: equal keys are equal digests, and two different
    /// keys share one with a chance of about 2^-128.
    struct KeyDigest: Hashable, Sendable {
        let a: UInt64
        let b: UInt64

        init(_ key: String) {
            var copy = key
            (a, b) = copy.withUTF8 { bytes in
                var h1: UInt64 = 0xCBF2_9CE4_8422_2325, h2: UInt64 = 0x8422_2325_CBF2_9CE4
                for byte in bytes {
                    h1 = (h1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                    h2 = (h2 &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
                    h2 ^= h2 >> 29
                }
                return (SecretIndex.finish(h1 ^ UInt64(bytes.count)), SecretIndex.finish(h2))
            }
        }
    }

    /// The `jti-reused` finding for a replay, dressed from the catalog like the engine's.
    public static func finding(_ replay: Replay, in subject: Subject, namingEndpoints: Bool, severity: Severity? = nil) -> Finding {
        let entry = Catalog.bundled[ruleID]
        let values = ["first": replay.first.description, "jti": subject.assertion.decoded?.jti ?? ""]
        // As the jti-reused rule judges one request: an error where the profile says each jti is
        // accepted once, a warning where it does not say.
        let severity = severity ?? (subject.profile.jti?.singleUse == true ? entry?.severity ?? .error : .warning)
        return Finding(ruleID: ruleID, severity: severity,
                       title: entry?.title ?? "The same jti is used in two requests",
                       message: replay.message(namingEndpoints: namingEndpoints),
                       location: Location(pointer: replay.pointer, position: Engine().position(of: replay.pointer, in: subject)),
                       fix: entry?.renderFix(values) ?? "Mint a new assertion with a fresh, unique jti for every request.",
                       fixValues: values, answer: subject.profile.answer(for: ruleID, variant: nil, isError: severity == .error))
    }

    /// The diagnoses of one paste's requests, in order, with the replays among them added to the
    /// later requests. "request 1" names a request in the findings.
    public static func markReplays(in diagnoses: [Diagnosis]) -> [Diagnosis] {
        guard diagnoses.count > 1 else { return diagnoses }
        let uses = diagnoses.enumerated().map { Use(subject: $0.element.subject, file: "request \($0.offset + 1)") }
        var out = diagnoses
        for replay in replays(uses) {
            let d = out[replay.index]
            guard !d.subject.ignoredRuleIDs.contains(ruleID),
                  !d.findings.contains(where: { $0.ruleID == ruleID && $0.location.pointer == replay.pointer }) else { continue }
            out[replay.index] = d.adding([finding(replay, in: d.subject, namingEndpoints: true)])
        }
        return out
    }
}
