import Foundation

/// `check`'s text output: one line per finding in the `path:line:col: severity[rule] message`
/// form editors and CI logs link to, the fix under it, then a summary. Findings a fixture's
/// `expect:` lists are known regression cases and are not repeated.
/// Errors reading inputs are not in it: `check` writes each one to stderr, once.
public struct CheckTextReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    static func onlineRunNote(_ note: String) -> Bool {
        ["online: discovery read from", "online: registration read from", "online: keys read from", "online: not fetched:"]
            .contains { note.hasPrefix($0) }
    }

    public func render(_ report: CheckReport) -> String {
        let style = Style(on: options.color)
        var out = ""
        for file in report.files where file.skipped == nil {
            let path = report.repositoryPath(file.input)
            for checked in file.subjects {
                for f in checked.reportedFindings {
                    var place = path
                    if let p = f.location.position {
                        place += ":\(p.line)" + (p.column.map { ":\($0)" } ?? "")
                    }
                    let severity = f.severity == .error ? style.red("error") : f.severity == .warning ? style.yellow("warning") : "info"
                    out += "\(place): \(severity)[\(style.bold(f.ruleID))] \(checked.entryPrefix)\(f.message)\n"
                    if f.isServerAnswer, let okta = f.okta, let status = okta.status {
                        out += "    Okta answers: \(status) \(okta.body)\n"
                    }
                    if let fix = f.fix {
                        out += Text.wrap("fix: " + fix, width: options.width, indent: "         ", first: "    ").joined(separator: "\n") + "\n"
                    }
                }
                if let e = checked.expectation, !e.isMet {
                    out += "\(path): \(style.red("error"))[expect] \(checked.entryPrefix)\(e.message)\n"
                }
            }
        }
        // Online mode: which origin received which request, and what was not read and why; each
        // subject carries these notes, the run prints each distinct one once.
        var seen = Set<String>()
        for file in report.files {
            for checked in file.subjects {
                for note in checked.diagnosis.subject.notes where Self.onlineRunNote(note) && seen.insert(note).inserted {
                    out += Escape.line(note) + "\n"
                }
            }
        }
        out += report.summary + "\n"
        return out
    }
}
