import Foundation

/// JUnit XML for CI dashboards: one `<testsuite>` per checked file; in it one `<testcase>` per
/// finding (a `<failure>` when the finding is at or above `--fail-on`, passing otherwise), one
/// for a fixture's `expect:` (failing when not met), one `<error>` per unreadable input, and a
/// single passing testcase for a request without findings.
///
/// The document validates against Jenkins xunit's `junit-10.xsd`: the file is the testsuite's
/// `file` attribute, the line is in the testcase name and the failure text (the schema has no
/// `file`/`line` on `<testcase>`). Every line break, tab and control character from input is
/// a character reference or a visible escape, so no input can start a new line on stdout.
public struct JUnitReporter: Sendable {
    public init() {}

    struct Case {
        var name: String
        var line: Int?
        var failure: (message: String, type: String, text: String)?
        var error: (message: String, type: String)?
        var output: String?
    }

    public func render(_ report: CheckReport) -> String {
        var stream = CheckStream(suites: DocumentSpool(inMemory: true))
        for file in report.files { stream.add(file, in: report) }
        var out = ""
        for part in stream.finish(report) { out += part.text }
        return out
    }

    /// The document written as the files come (a streaming `check`, issue 13): `add(_:in:)`
    /// prints each checked file's `<testsuite>` into a spool and keeps only the three totals the
    /// `<testsuites>` element needs first; `finish(_:)` returns the parts in order, whose bytes
    /// are those `render(_:)` always wrote.
    public struct CheckStream {
        let suites: DocumentSpool
        /// Stores a printed piece (`Output.spool(_:into:)` in the CLI, which redacts it first).
        let put: (String, DocumentSpool) -> Void
        private var total = (tests: 0, failures: 0, errors: 0)

        public init(suites: DocumentSpool, put: @escaping (String, DocumentSpool) -> Void = { text, spool in spool.append(text) }) {
            self.suites = suites
            self.put = put
        }

        public mutating func add(_ file: FileOutcome, in report: CheckReport) {
            guard file.skipped == nil else { return }
            var cases: [Case] = []
            for checked in file.subjects {
                let prefix = checked.entryPrefix
                var any = false
                for f in checked.reportedFindings {
                    any = true
                    var c = Case(name: prefix + f.ruleID + (f.location.position.map { " (line \($0.line))" } ?? ""), line: f.location.position?.line)
                    let text = JUnitReporter.details(f, in: checked)
                    if report.failOn.fails(on: f.severity) {
                        c.failure = (prefix + f.message, "\(f.severity.rawValue) \(f.ruleID)", text)
                    } else {
                        c.output = "\(f.severity.rawValue) below --fail-on \(report.failOn.rawValue)\n" + text
                    }
                    cases.append(c)
                }
                if let e = checked.expectation {
                    any = true
                    var c = Case(name: prefix + "expect [\(e.expected.joined(separator: ", "))]")
                    if !e.isMet { c.failure = (prefix + "expect: " + e.message, "expect", "expect: " + e.message) }
                    cases.append(c)
                }
                if !any { cases.append(Case(name: prefix + "no findings")) }
            }
            for error in file.errors {
                cases.append(Case(name: "read", error: (error.reason, "input-error")))
            }
            put(suite(file.path, cases), suites)
        }

        private mutating func suite(_ name: String, _ cases: [Case]) -> String {
            let n = (tests: cases.count, failures: cases.filter { $0.failure != nil }.count, errors: cases.filter { $0.error != nil }.count)
            total.tests += n.tests
            total.failures += n.failures
            total.errors += n.errors
            let file = name != "assertlint" ? " file=\"\(escape(name))\"" : ""
            var out = "  <testsuite name=\"\(escape(name))\" tests=\"\(n.tests)\" failures=\"\(n.failures)\" errors=\"\(n.errors)\" skipped=\"0\"\(file)>\n"
            for c in cases {
                let attributes = "name=\"\(escape(c.name))\" classname=\"\(escape(name))\""
                if c.failure == nil && c.error == nil && c.output == nil {
                    out += "    <testcase \(attributes)/>\n"
                    continue
                }
                out += "    <testcase \(attributes)>\n"
                if let f = c.failure {
                    out += "      <failure message=\"\(escape(f.message))\" type=\"\(escape(f.type))\">\(escape(f.text, attribute: false))</failure>\n"
                }
                if let e = c.error {
                    out += "      <error message=\"\(escape(e.message))\" type=\"\(escape(e.type))\"/>\n"
                }
                if let o = c.output {
                    out += "      <system-out>\(escape(o, attribute: false))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            return out + "  </testsuite>\n"
        }

        private func escape(_ s: String, attribute: Bool = true) -> String { JUnitReporter.escape(s, attribute: attribute) }

        /// The parts of the document, in order, once every file was added: the run's own errors
        /// are the first suite, before the files'.
        public mutating func finish(_ report: CheckReport) -> [DocumentSpool] {
            let first = DocumentSpool(inMemory: true)
            if !report.errors.isEmpty {
                first.append(suite("assertlint", report.errors.map { Case(name: "input", error: ($0.description, "input-error")) }))
            }
            let head = DocumentSpool(inMemory: true)
            head.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            head.append("<testsuites name=\"assertlint\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\">\n")
            let tail = DocumentSpool(inMemory: true)
            tail.append("</testsuites>\n")
            return [head, first, suites, tail]
        }
    }

    /// The failure body: what, where, the server's answer, the fix.
    static func details(_ f: Finding, in checked: CheckedSubject) -> String {
        var lines = ["\(f.ruleID): \(f.title)", checked.entryPrefix + f.message]
        var at = "at \(f.location.pointer)"
        if let p = f.location.position { at += " (line \(p.line)\(p.column.map { ", column \($0)" } ?? ""))" }
        lines.append(at)
        if f.isServerAnswer, let answer = f.answer, let status = answer.status { lines.append("\(answer.speakerCapitalized) answers \(status) \(answer.body)") }
        if let fix = f.fix { lines.append("Fix: " + fix) }
        return lines.joined(separator: "\n")
    }

    /// XML 1.0 text: markup characters escaped; LF, CR and tab as character references (in text
    /// too, so the document holds no raw line break from input); characters XML cannot hold or
    /// that would mislead a reader (other C0 and C1 controls, bidi controls, U+2028) made visible
    /// with `Escape.line`; non-characters replaced.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if Escape.needsEscape(scalar) {
                    out += Escape.line(String(scalar))
                } else if (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
