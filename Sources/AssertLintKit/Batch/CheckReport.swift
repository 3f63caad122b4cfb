import Foundation

/// A fixture's `expect:` judged against what was found.
public struct Expectation: Sendable, Equatable {
    /// The rule ids the fixture lists, sorted and without repeats.
    public let expected: [String]
    /// The rule ids found (all severities), sorted and without repeats.
    public let found: [String]

    public init(expected: [String], found: [String]) {
        self.expected = Array(Set(expected)).sorted()
        self.found = Array(Set(found)).sorted()
    }

    public var isMet: Bool { expected == found }
    public var missing: [String] { expected.filter { !found.contains($0) } }
    public var unexpected: [String] { found.filter { !expected.contains($0) } }

    /// "expected [a], found [a, b] (unexpected: b)".
    public var message: String {
        var s = "expected [\(expected.joined(separator: ", "))], found [\(found.joined(separator: ", "))]"
        var parts: [String] = []
        if !unexpected.isEmpty { parts.append("unexpected: \(unexpected.joined(separator: ", "))") }
        if !missing.isEmpty { parts.append("missing: \(missing.joined(separator: ", "))") }
        if !parts.isEmpty { s += " (" + parts.joined(separator: "; ") + ")" }
        return s
    }
}

/// One request judged in a batch: its diagnosis, plus what only the batch knows.
public struct CheckedSubject: Sendable {
    public var diagnosis: Diagnosis
    /// Set when the fixture has `expect:`. When met, its findings do not fail the run.
    public var expectation: Expectation?
    /// Findings that come from comparing requests across the batch (a jti used twice). They are
    /// part of `diagnosis.findings` too; `expect:` is judged without them, since a fixture's
    /// expectation describes the fixture alone.
    public var batchFindings: [Finding] = []

    public var subject: Subject { diagnosis.subject }

    /// Whether the fixture's `expect:` lists the finding's rule: a known problem kept as a
    /// regression case, not news. (An unmet expectation is reported on its own.)
    public func isExpected(_ finding: Finding) -> Bool {
        expectation?.expected.contains(finding.ruleID) ?? false
    }

    /// The findings that count against the run at a threshold.
    public func failingFindings(at threshold: FailThreshold) -> [Finding] {
        if let e = expectation, e.isMet {
            return batchFindings.filter { !e.expected.contains($0.ruleID) && threshold.fails(on: $0.severity) }
        }
        if expectation != nil {
            // A mismatch already fails; batch findings beyond it still count as findings.
            return batchFindings.filter { threshold.fails(on: $0.severity) }
        }
        return diagnosis.findings.filter { threshold.fails(on: $0.severity) }
    }

    public func fails(at threshold: FailThreshold) -> Bool {
        if let e = expectation, !e.isMet { return threshold != .never }
        return !failingFindings(at: threshold).isEmpty
    }
}

/// What happened to one file.
public struct FileOutcome: Sendable {
    public let input: CheckInput
    public var kind: InputKind
    /// The requests the file held, in file order.
    public var subjects: [CheckedSubject] = []
    /// Why the file could not be read or parsed (exit 2); other files are still checked.
    public var errors: [InputError] = []
    /// Set when the file was recognised by name but holds nothing to check.
    public var skipped: InputKind.Skip?

    public var path: String { input.displayPath }
    public var findings: [Finding] { subjects.flatMap(\.diagnosis.findings) }

    public func fails(at threshold: FailThreshold) -> Bool {
        subjects.contains { $0.fails(at: threshold) }
    }
}

/// What a report must know of the files a streaming `check` handed on and no longer holds: the
/// counts behind the summary and the exit code, and the files' read errors (one line each).
public struct CheckTally: Sendable {
    public var checkedFiles = 0
    public var subjects = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var unmetExpectations = 0
    /// Whether a file handed on fails the run at its threshold.
    public var fails = false
    public var fileErrors: [InputError] = []

    public init() {}

    public mutating func add(_ file: FileOutcome, failOn: FailThreshold) {
        if file.skipped == nil { checkedFiles += 1 }
        subjects += file.subjects.count
        for s in file.subjects {
            for f in s.diagnosis.findings where !s.isExpected(f) {
                switch f.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
            if let e = s.expectation, !e.isMet { unmetExpectations += 1 }
        }
        fileErrors += file.errors
        if file.fails(at: failOn) { fails = true }
    }

    func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }
}

/// The result of `check`: every file in path order, and problems that are not about one file.
/// A streaming run (`CheckRunner.run(each:)`) hands the files on as they are judged and keeps
/// only their tally here; every total below counts both.
public struct CheckReport: Sendable {
    public var files: [FileOutcome]
    /// Arguments that name nothing, and broken config files (exit 2).
    public var errors: [InputError]
    public var failOn: FailThreshold
    /// What repository-relative paths (SARIF URIs) are relative to.
    public var repositoryRoot: String
    /// What was passed over without failing the run, one line each for stderr: files that are
    /// not regular files, link loops, links out of the roots (counted once), and, with
    /// `--skip-unreadable`, the unreadable parts of a tree.
    public var notices: [String] = []
    /// The files already handed on by a streaming run (not in `files`).
    public var streamed = CheckTally()

    public init(files: [FileOutcome], errors: [InputError], failOn: FailThreshold, repositoryRoot: String) {
        self.files = files
        self.errors = errors
        self.failOn = failOn
        self.repositoryRoot = repositoryRoot
    }

    /// Files that were checked (not skipped).
    public var checkedFiles: [FileOutcome] { files.filter { $0.skipped == nil } }
    public var allErrors: [InputError] { errors + streamed.fileErrors + files.flatMap(\.errors) }

    /// 0 clean, 1 findings at or above `failOn` (or an unmet `expect:`), 2 unreadable input or
    /// bad config (which wins: a run that could not read everything has not passed).
    public var exitCode: Int32 {
        if !allErrors.isEmpty { return 2 }
        return streamed.fails || files.contains { $0.fails(at: failOn) } ? 1 : 0
    }

    public var subjectCount: Int { streamed.subjects + files.reduce(0) { $0 + $1.subjects.count } }

    public func count(_ severity: Severity) -> Int {
        streamed.count(severity)
            + files.reduce(0) { n, f in n + f.subjects.reduce(0) { m, s in m + s.diagnosis.findings.filter { $0.severity == severity && !s.isExpected($0) }.count } }
    }

    /// "3 files, 4 requests: 2 errors, 1 warning, 1 expectation not met, 1 unreadable".
    public var summary: String {
        let checked = streamed.checkedFiles + checkedFiles.count
        var parts = ["\(checked) file\(checked == 1 ? "" : "s")", "\(subjectCount) request\(subjectCount == 1 ? "" : "s")"]
        var counts: [String] = []
        for s in [Severity.error, .warning, .info] {
            let n = count(s)
            if n > 0 { counts.append("\(n) \(s.rawValue)\(n == 1 ? "" : "s")") }
        }
        let unmet = streamed.unmetExpectations + files.flatMap(\.subjects).filter { $0.expectation.map { !$0.isMet } ?? false }.count
        if unmet > 0 { counts.append("\(unmet) expectation\(unmet == 1 ? "" : "s") not met") }
        let broken = allErrors.count
        if broken > 0 { counts.append("\(broken) unreadable") }
        return parts.removeFirst() + ", " + parts.joined() + ": " + (counts.isEmpty ? "no findings" : counts.joined(separator: ", "))
    }
}

extension CheckReport {
    /// A checked file's path relative to the repository root, with `/` (for SARIF URIs and
    /// GitHub annotations); the absolute path when the file is outside the root; `-` for stdin.
    public func repositoryPath(_ input: CheckInput) -> String {
        guard !input.isStandardInput else { return "-" }
        return repositoryPath(input.path)
    }

    public func repositoryPath(_ absolute: String) -> String {
        let base = repositoryRoot.hasSuffix("/") ? repositoryRoot : repositoryRoot + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }
}

extension CheckedSubject {
    /// The findings a report shows as news: all but those the fixture's `expect:` lists.
    public var reportedFindings: [Finding] { diagnosis.findings.filter { !isExpected($0) } }

    /// "entry 3: " for one of several requests in a file (a HAR entry, a `.http` request).
    public var entryPrefix: String { subject.entry.map { "\($0): " } ?? "" }
}
