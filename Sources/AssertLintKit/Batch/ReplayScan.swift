import Foundation

/// `jti-reused` across one batch: a server accepts each assertion once, so the same `jti` from
/// the same client (or the very same assertion) in two requests means the later one is a
/// replay. The finding goes on the later request and names the first.
enum ReplayScan {
    static let ruleID = "jti-reused"

    struct FirstUse {
        let file: String
        let line: Int?
        let entry: String?

        var description: String {
            var s = file
            if let entry { s += " (\(entry))" }
            if let line { s += " line \(line)" }
            return s
        }
    }

    /// Adds findings in place. `configurations[i]` is the config of `files[i]`.
    static func markReusedAssertions(in files: inout [FileOutcome], configurations: [Configuration]) {
        var tracker = Tracker()
        for f in files.indices {
            let config = configurations.indices.contains(f) ? configurations[f] : Configuration(directory: "/")
            tracker.mark(&files[f], config: config)
        }
    }

    /// The batch's memory of what was sent, for a `check` that hands each file on as soon as it
    /// is judged (in path order): one entry per key, as a 128-bit digest of the key (a compact
    /// assertion is most of a kilobyte) with where it was first used.
    struct Tracker {
        private var seen: [KeyDigest: FirstUse] = [:]
        private let engine = Engine()

        /// Adds the findings of `file`, which comes after every file marked before it.
        mutating func mark(_ file: inout FileOutcome, config: Configuration) {
            for s in file.subjects.indices {
                let subject = file.subjects[s].subject
                guard let assertion = subject.assertion.decoded else { continue }
                let position = engine.position(of: Location.assertion, in: subject)
                let here = FirstUse(file: file.path, line: position?.line, entry: subject.entry)
                var keys: [(key: KeyDigest, pointer: String, message: (FirstUse) -> String)] = [
                    (KeyDigest("assertion|" + assertion.compact), Location.assertion,
                     { "this assertion is the same as the one sent by \($0.description); the server accepts an assertion once, so this request is rejected as a replay" }),
                ]
                if let jti = assertion.jti, !jti.isEmpty {
                    keys.insert((KeyDigest("jti|\(assertion.issuer ?? "")|\(jti)"), Location.claim("jti"),
                                 { "jti \"\(jti)\" is already used by \($0.description); the server accepts each jti once, so this request is rejected as a replay" }), at: 0)
                }
                // The first key that was seen before decides; all keys are remembered.
                var reported = false
                for k in keys {
                    if let first = seen[k.key] {
                        if !reported {
                            ReplayScan.add(k.message(first), at: k.pointer, first: first, to: &file.subjects[s], config: config, engine: engine)
                            reported = true
                        }
                    } else {
                        seen[k.key] = here
                    }
                }
            }
        }
    }

    /// Two independent 64-bit digests of a key: equal keys are equal digests, and two different
    /// keys share one with a chance of about 2^-128.
    struct KeyDigest: Hashable {
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

    private static func add(_ message: String, at pointer: String, first: FirstUse, to checked: inout CheckedSubject,
                            config: Configuration, engine: Engine) {
        let subject = checked.subject
        guard !config.disabled.contains(ruleID), !subject.ignoredRuleIDs.contains(ruleID),
              !checked.diagnosis.findings.contains(where: { $0.ruleID == ruleID && $0.location.pointer == pointer }) else { return }
        let entry = Catalog.bundled[ruleID]
        let values = ["first": first.description, "jti": subject.assertion.decoded?.jti ?? ""]
        let isOkta = subject.target?.profile.isOkta ?? true
        let finding = Finding(ruleID: ruleID, severity: config.severity[ruleID] ?? entry?.severity ?? .error,
                              title: entry?.title ?? "The same jti is used in two requests",
                              message: message,
                              location: Location(pointer: pointer, position: engine.position(of: pointer, in: subject)),
                              fix: entry?.renderFix(values) ?? "Mint a new assertion with a fresh, unique jti for every request.",
                              fixValues: values, okta: isOkta ? entry?.okta : nil)
        checked.batchFindings.append(finding)
        checked.diagnosis = checked.diagnosis.adding([finding])
    }
}

extension Diagnosis {
    /// The diagnosis with more findings, in the server's check order again.
    func adding(_ extra: [Finding]) -> Diagnosis {
        Diagnosis(subject: subject, findings: Engine.inServerOrder(findings + extra), unjudged: unjudged)
    }
}
