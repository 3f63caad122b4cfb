import Foundation

/// `jti-reused` across one batch (see `CrossRequest`, which `diagnose` shares): the finding goes
/// on the later request and names the first, with the file it is in.
enum ReplayScan {
    static let ruleID = CrossRequest.ruleID

    /// Adds findings in place. `configurations[i]` is the config of `files[i]`.
    static func markReusedAssertions(in files: inout [FileOutcome], configurations: [Configuration]) {
        var tracker = Tracker()
        for f in files.indices {
            let config = configurations.indices.contains(f) ? configurations[f] : Configuration(directory: "/")
            tracker.mark(&files[f], config: config)
        }
    }

    /// The batch's memory of what was sent, for a `check` that hands each file on as soon as it
    /// is judged (in path order).
    struct Tracker {
        private var sent = CrossRequest.Tracker()

        /// Adds the findings of `file`, which comes after every file marked before it.
        mutating func mark(_ file: inout FileOutcome, config: Configuration) {
            for s in file.subjects.indices {
                if let replay = sent.replay(of: file.subjects[s].subject, file: file.path, index: s) {
                    ReplayScan.add(replay, to: &file.subjects[s], config: config)
                }
            }
        }
    }

    private static func add(_ replay: CrossRequest.Replay, to checked: inout CheckedSubject, config: Configuration) {
        let subject = checked.subject
        guard !config.disabled.contains(ruleID), !subject.ignoredRuleIDs.contains(ruleID),
              !checked.diagnosis.findings.contains(where: { $0.ruleID == ruleID && $0.location.pointer == replay.pointer }) else { return }
        let finding = CrossRequest.finding(replay, in: subject, namingEndpoints: false, severity: config.severity[ruleID])
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
