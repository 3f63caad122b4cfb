import Foundation

/// `jti-reused` across one batch (see `CrossRequest`, which `diagnose` shares): the finding goes
/// on the later request and names the first, with the file it is in.
enum ReplayScan {
    static let ruleID = CrossRequest.ruleID

    /// Adds findings in place. `configurations[i]` is the config of `files[i]`.
    static func markReusedAssertions(in files: inout [FileOutcome], configurations: [Configuration]) {
        var uses: [CrossRequest.Use] = []
        var places: [(file: Int, subject: Int)] = []
        for f in files.indices {
            for s in files[f].subjects.indices {
                uses.append(CrossRequest.Use(subject: files[f].subjects[s].subject, file: files[f].path))
                places.append((f, s))
            }
        }
        for replay in CrossRequest.replays(uses) {
            let (f, s) = places[replay.index]
            let config = configurations.indices.contains(f) ? configurations[f] : Configuration(directory: "/")
            add(replay, to: &files[f].subjects[s], config: config)
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
        Diagnosis(subject: subject, findings: Engine.inServerOrder(findings + extra), unjudged: unjudged)
    }
}
