import Foundation

/// GitHub Actions workflow commands: one annotation per finding on the line it points at
/// (`::error`, `::warning`, `::notice` by severity), one per unmet `expect:` and per unreadable
/// input. Findings a fixture's `expect:` lists are known and not annotated.
public struct GitHubReporter: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var out = head(report)
        for file in report.files { out += commands(for: file, in: report) }
        return out
    }

    /// The run's own errors (arguments that name nothing, broken configs), known before any file
    /// is checked: a streaming `check` writes them first.
    public func head(_ report: CheckReport) -> String {
        var out = ""
        for error in report.errors {
            out += Self.command("error", file: nil, line: nil, column: nil, title: "assertlint: unreadable input", message: error.description)
        }
        return out
    }

    /// One file's commands.
    public func commands(for file: FileOutcome, in report: CheckReport) -> String {
        guard file.skipped == nil else { return "" }
        var out = ""
        let path = report.repositoryPath(file.input)
        for checked in file.subjects {
            for f in checked.reportedFindings {
                var message = checked.entryPrefix + f.message
                if f.isServerAnswer, let answer = f.answer, let status = answer.status { message += "\n\(answer.speakerCapitalized) answers \(status) \(answer.body)" }
                if let fix = f.fix { message += "\nFix: " + fix }
                out += Self.command(Self.level(f.severity), file: path, line: f.location.position?.line ?? 1,
                                    column: f.location.position?.column, title: "\(f.ruleID): \(f.title)", message: message)
            }
            if let e = checked.expectation, !e.isMet {
                out += Self.command("error", file: path, line: 1, column: nil, title: "assertlint: expect not met",
                                    message: checked.entryPrefix + e.message)
            }
        }
        for error in file.errors {
            out += Self.command("error", file: path, line: nil, column: nil, title: "assertlint: unreadable input", message: error.reason)
        }
        return out
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    static func command(_ level: String, file: String?, line: Int?, column: Int?, title: String, message: String) -> String {
        var properties: [String] = []
        if let file { properties.append("file=" + escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=" + escapeProperty(title))
        return "::\(level) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// What GitHub's runner unescapes in a command's message: `%`, CR and LF as `%25`, `%0D`
    /// and `%0A`; every other control (ESC, NUL, C1, bidi overrides, U+2028) made visible by
    /// `Escape.line`, so no byte of input can end the command or start another line.
    static func escapeData(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if Escape.needsEscape(scalar) { out += Escape.line(String(scalar)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Properties also end at `,` and `::`, so `:` and `,` are escaped as well.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
