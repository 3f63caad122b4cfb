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
        var seen: [String: FirstUse] = [:]
        let engine = Engine()
        for f in files.indices {
            let config = configurations.indices.contains(f) ? configurations[f] : Configuration(directory: "/")
            for s in files[f].subjects.indices {
                let subject = files[f].subjects[s].subject
                guard let assertion = subject.assertion.decoded else { continue }
                let position = engine.position(of: Location.assertion, in: subject)
                let here = FirstUse(file: files[f].path, line: position?.line, entry: subject.entry)
                var keys: [(key: String, pointer: String, message: (FirstUse) -> String)] = [
                    ("assertion|" + assertion.compact, Location.assertion,
                     { "this assertion is the same as the one sent by \($0.description); the server accepts an assertion once, so this request is rejected as a replay" }),
                ]
                if let jti = assertion.jti, !jti.isEmpty {
                    keys.insert(("jti|\(assertion.issuer ?? "")|\(jti)", Location.claim("jti"),
                                 { "jti \"\(jti)\" is already used by \($0.description); the server accepts each jti once, so this request is rejected as a replay" }), at: 0)
                }
                // The first key that was seen before decides; all keys are remembered.
                var reported = false
                for k in keys {
                    if let first = seen[k.key] {
                        if !reported {
                            add(k.message(first), at: k.pointer, first: first, to: &files[f].subjects[s], config: config, engine: engine)
                            reported = true
                        }
                    } else {
                        seen[k.key] = here
                    }
                }
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
        let severity = config.severity[ruleID] ?? entry?.severity ?? .error
        let finding = Finding(ruleID: ruleID, severity: severity,
                              title: entry?.title ?? "The same jti is used in two requests",
                              message: message,
                              location: Location(pointer: pointer, position: engine.position(of: pointer, in: subject)),
                              fix: entry?.renderFix(values) ?? "Mint a new assertion with a fresh, unique jti for every request.",
                              fixValues: values, answer: subject.profile.answer(for: ruleID, variant: nil, isError: severity == .error))
        checked.batchFindings.append(finding)
        checked.diagnosis = checked.diagnosis.adding([finding])
    }
}

extension Diagnosis {
    /// The diagnosis with more findings, in the server's check order again.
    func adding(_ extra: [Finding]) -> Diagnosis {
        Diagnosis(subject: subject, findings: Engine.inServerOrder(findings + extra, subject.profile), unjudged: unjudged)
    }
}
