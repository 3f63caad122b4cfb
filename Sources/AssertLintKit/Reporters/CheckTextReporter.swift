import Foundation

/// `check`'s text output: one line per finding in the `path:line:col: severity[rule] message`
/// form editors and CI logs link to, the fix under it, then a summary. Findings a fixture's
/// `expect:` lists are known regression cases and are not repeated.
/// Errors reading inputs are not in it: `check` writes each one to stderr, once.
/// Every piece of text that comes from the input (paths, messages quoting values, fixes with
/// values filled in) is escaped with `Escape.line`, so each finding stays one line.
/// `quiet` (`--quiet`) leaves out the summary line.
public struct CheckTextReporter: Sendable {
    public var options: ReportOptions
    public var quiet: Bool

    public init(options: ReportOptions = ReportOptions(), quiet: Bool = false) {
        self.options = options
        self.quiet = quiet
    }

    static func onlineRunNote(_ note: String) -> Bool {
        ["online: discovery read from", "online: registration read from", "online: keys read from", "online: not fetched:"]
            .contains { note.hasPrefix($0) }
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        var notes = OnlineNotes()
        for file in report.files {
            out += fileText(file, in: report)
            notes.add(file)
        }
        return out + trailer(report, notes: notes)
    }

    /// The lines of one file: its findings and an unmet `expect:` (a streaming `check` writes
    /// them as each file is judged).
    public func fileText(_ file: FileOutcome, in report: CheckReport) -> String {
        guard file.skipped == nil else { return "" }
        let style = Style(on: options.color)
        var out = ""
        let path = Escape.line(report.repositoryPath(file.input))
        for checked in file.subjects {
            for f in checked.reportedFindings {
                var place = path
                if let p = f.location.position {
                    place += ":\(p.line)" + (p.column.map { ":\($0)" } ?? "")
                }
                let severity = f.severity == .error ? style.red("error") : f.severity == .warning ? style.yellow("warning") : "info"
                out += "\(place): \(severity)[\(style.bold(f.ruleID))] \(Escape.line(checked.entryPrefix + f.message))\n"
                if f.isServerAnswer, let answer = f.answer, let status = answer.status {
                    out += "    \(answer.speakerCapitalized) answers: \(status) \(Escape.line(answer.body))\n"
                }
                if let fix = f.fix {
                    out += Text.wrap("fix: " + Escape.line(fix), width: options.width, indent: "         ", first: "    ").joined(separator: "\n") + "\n"
                }
            }
            if let e = checked.expectation, !e.isMet {
                out += "\(path): \(style.red("error"))[expect] \(checked.entryPrefix)\(e.message)\n"
            }
        }
        return out
    }

    /// Online mode: which origin received which request, and what was not read and why; each
    /// subject carries these notes, the run prints each distinct one once, after the findings.
    public struct OnlineNotes: Sendable {
        private var seen = Set<String>()
        fileprivate var lines: [String] = []

        public init() {}

        public mutating func add(_ file: FileOutcome) {
            for checked in file.subjects {
                for note in checked.diagnosis.subject.notes where CheckTextReporter.onlineRunNote(note) && seen.insert(note).inserted {
                    lines.append(note)
                }
            }
        }
    }

    /// The online notes, then the summary line (left out with `--quiet`).
    public func trailer(_ report: CheckReport, notes: OnlineNotes) -> String {
        var out = ""
        for note in notes.lines { out += Escape.line(note) + "\n" }
        if !quiet { out += report.summary + "\n" }
        return out
    }

    /// `diagnose --quiet`: one line per finding (`source: severity[rule] message`), nothing else.
    public func findingLines(_ diagnoses: [Diagnosis]) -> String {
        var out = ""
        for d in diagnoses {
            let source = Escape.line(d.subject.source) + (d.subject.entry.map { " " + Escape.line($0) } ?? "")
            for f in d.findings {
                var place = source
                if let p = f.location.position { place += ":\(p.line)" + (p.column.map { ":\($0)" } ?? "") }
                out += "\(place): \(f.severity.rawValue)[\(f.ruleID)] \(Escape.line(f.message))\n"
            }
        }
        return out
    }
}
