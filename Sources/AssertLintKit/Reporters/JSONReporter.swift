import Foundation

/// Machine output (`--format json`). Keys keep the documented order:
///
///     {"version": 3,
///      "results": [{"source", "entry", "server": {"id", "name", "reason"},
///                   "findings": [{"rule", "severity", "title", "message", "fix",
///                   "answer": {"server", "status", "error", "error_description", "verbatim", "source"} | null,
///                   "server_answer", "location": {"pointer", "line", "column"}}],
///                   "notes", "not_checked": [{"rule", "needs"}],
///                   "server_answer": {"status", "body"} | null,
///                   "reported_answer": {"status", "error", "error_description", "line"} | null}],
///      "summary": {"errors", "warnings", "infos"}}
///
/// Credentials never appear: findings carry messages and pointers, not the request.
public struct JSONReporter: Sendable {
    /// The version of this output's shape, for `diagnose` and `check` alike. It goes up when a
    /// member is removed, renamed or changes meaning (new members do not change it).
    /// 1 was the unversioned output before `version` existed; 2 added `version`; 3 renamed each
    /// finding's `okta` to `answer` (with the profile id in `answer.server`) and added `server`,
    /// the profile each result was judged with.
    public static let formatVersion = 3

    public init() {}

    public func report(_ diagnoses: [Diagnosis]) -> String {
        document(diagnoses).prettyText + "\n"
    }

    public func document(_ diagnoses: [Diagnosis]) -> JSONValue {
        let count = { (s: Severity) in diagnoses.map { $0.count(s) }.reduce(0, +) }
        return JSONBuild.object([
            ("version", JSONBuild.int(Self.formatVersion)),
            ("results", .array(diagnoses.map(result))),
            ("summary", JSONBuild.object([
                ("errors", JSONBuild.int(count(.error))),
                ("warnings", JSONBuild.int(count(.warning))),
                ("infos", JSONBuild.int(count(.info))),
            ])),
        ])
    }

    /// `check`'s JSON: the same results as `diagnose`, one per request, each with its fixture's
    /// `expect` outcome, then the inputs that could not be read and the summary.
    public func report(_ check: CheckReport) -> String {
        var stream = CheckStream()
        var out = stream.head()
        for file in check.files { out += stream.results(of: file, in: check) }
        return out + stream.tail(check)
    }

    /// The same document written as the files come (a streaming `check`): `head()`, then
    /// `results(of:in:)` for each file in order, then `tail(_:)` once the run is over. The pieces
    /// are the bytes of the pretty-printed whole.
    public struct CheckStream: Sendable {
        private var written = 0

        public init() {}

        public func head() -> String {
            "{\n  \"version\": \(JSONReporter.formatVersion),\n  \"results\": ["
        }

        public mutating func results(of file: FileOutcome, in check: CheckReport) -> String {
            var out = JSONBytes()
            write(file, in: check, into: &out)
            return String(decoding: out.bytes, as: UTF8.self)
        }

        /// `results(of:in:)` as UTF-8 bytes.
        public mutating func bytes(of file: FileOutcome, in check: CheckReport) -> [UInt8] {
            var out = JSONBytes()
            write(file, in: check, into: &out)
            return out.bytes
        }

        /// The same bytes as `results(of:in:)`, appended to `out` without a tree or a `String`.
        mutating func write(_ file: FileOutcome, in check: CheckReport, into out: inout JSONBytes) {
            guard file.skipped == nil, !file.subjects.isEmpty else { return }
            let source = check.repositoryPath(file.input)
            for checked in file.subjects {
                out.raw(written == 0 ? "\n    " : ",\n    ")
                JSONReporter.writeResult(checked, source: source, into: &out, level: 2)
                written += 1
            }
        }

        public func tail(_ check: CheckReport) -> String {
            var out = written == 0 ? "]" : "\n  ]"
            let errors = check.allErrors.map { JSONBuild.object([("input", .string($0.input)), ("error", .string($0.reason))]) }
            out += ",\n  \"errors\": "
            JSONWriter.write(.array(errors), into: &out, indent: "  ", level: 1)
            out += ",\n  \"summary\": "
            JSONWriter.write(JSONBuild.object([
                ("errors", JSONBuild.int(check.count(.error))),
                ("warnings", JSONBuild.int(check.count(.warning))),
                ("infos", JSONBuild.int(check.count(.info))),
                ("exit_code", JSONBuild.int(Int(check.exitCode))),
            ]), into: &out, indent: "  ", level: 1)
            return out + "\n}\n"
        }
    }

    /// One result per request of a checked file, with its `expect` outcome.
    func results(of file: FileOutcome, in check: CheckReport) -> [JSONValue] {
        guard file.skipped == nil else { return [] }
        var results: [JSONValue] = []
        for checked in file.subjects {
            guard case .object(var o) = result(checked.diagnosis) else { continue }
            o.members[0].value = .string(check.repositoryPath(file.input))
            var expect: JSONValue = .null
            if let e = checked.expectation {
                expect = JSONBuild.object([("expected", .array(e.expected.map(JSONValue.string))),
                                           ("found", .array(e.found.map(JSONValue.string))),
                                           ("met", .bool(e.isMet))])
            }
            o.members.append(JSONMember(key: "expect", value: expect))
            results.append(.object(o))
        }
        return results
    }

    /// One result of `check`'s document at `level`, byte for byte what `results(of:in:)` builds
    /// as a tree and `JSONWriter` prints.
    static func writeResult(_ checked: CheckedSubject, source: String, into w: inout JSONBytes, level: Int) {
        let d = checked.diagnosis
        let l = level + 1
        var first = true
        w.raw("{")
        w.key("source", &first, level: l); w.string(source)
        w.key("entry", &first, level: l); w.string(d.subject.entry)
        w.key("server", &first, level: l)
        do {
            var f = true
            w.raw("{")
            w.key("id", &f, level: l + 1); w.string(d.subject.profile.id)
            w.key("name", &f, level: l + 1); w.string(d.subject.profile.name)
            w.key("reason", &f, level: l + 1); w.string(d.subject.profileChoice?.reason)
            w.close(0x7D, level: l)
        }
        w.key("findings", &first, level: l)
        if d.findings.isEmpty {
            w.raw("[]")
        } else {
            w.raw("[")
            for (n, finding) in d.findings.enumerated() {
                if n > 0 { w.raw(",") }
                w.newline(l + 1)
                writeFinding(finding, into: &w, level: l + 1)
            }
            w.close(0x5D, level: l)
        }
        w.key("notes", &first, level: l); w.strings(d.subject.notes, level: l)
        w.key("not_checked", &first, level: l)
        if d.unjudged.isEmpty {
            w.raw("[]")
        } else {
            w.raw("[")
            for (n, u) in d.unjudged.enumerated() {
                if n > 0 { w.raw(",") }
                w.newline(l + 1)
                var f = true
                w.raw("{")
                w.key("rule", &f, level: l + 2); w.string(u.ruleID)
                w.key("needs", &f, level: l + 2); w.string(u.needs)
                w.close(0x7D, level: l + 1)
            }
            w.close(0x5D, level: l)
        }
        w.key("server_answer", &first, level: l)
        if let said = d.serverAnswer?.answer {
            var f = true
            w.raw("{")
            w.key("status", &f, level: l + 1); w.int(said.status)
            w.key("body", &f, level: l + 1)
            if let body = try? JSONParser.parse(said.body) { w.value(body, level: l + 1) } else { w.string(said.body) }
            w.close(0x7D, level: l)
        } else {
            w.raw("null")
        }
        w.key("reported_answer", &first, level: l)
        if let r = d.subject.reportedAnswer {
            var f = true
            w.raw("{")
            w.key("status", &f, level: l + 1); w.int(r.status)
            w.key("error", &f, level: l + 1); w.string(r.error)
            w.key("error_description", &f, level: l + 1); w.string(r.errorDescription)
            w.key("line", &f, level: l + 1); w.int(r.line)
            w.close(0x7D, level: l)
        } else {
            w.raw("null")
        }
        w.key("expect", &first, level: l)
        if let e = checked.expectation {
            var f = true
            w.raw("{")
            w.key("expected", &f, level: l + 1); w.strings(e.expected, level: l + 1)
            w.key("found", &f, level: l + 1); w.strings(e.found, level: l + 1)
            w.key("met", &f, level: l + 1); w.bool(e.isMet)
            w.close(0x7D, level: l)
        } else {
            w.raw("null")
        }
        w.close(0x7D, level: level)
    }

    static func writeFinding(_ f: Finding, into w: inout JSONBytes, level: Int) {
        let l = level + 1
        var first = true
        w.raw("{")
        w.key("rule", &first, level: l); w.string(f.ruleID)
        w.key("severity", &first, level: l); w.string(f.severity.rawValue)
        w.key("title", &first, level: l); w.string(f.title)
        w.key("message", &first, level: l); w.string(f.message)
        w.key("fix", &first, level: l); w.string(f.fix)
        w.key("answer", &first, level: l)
        if let o = f.answer {
            var a = true
            w.raw("{")
            w.key("server", &a, level: l + 1); w.string(o.profile)
            w.key("status", &a, level: l + 1); w.int(o.status)
            w.key("error", &a, level: l + 1); w.string(o.error)
            w.key("error_description", &a, level: l + 1); w.string(o.errorDescription)
            w.key("verbatim", &a, level: l + 1); w.bool(o.verbatim)
            w.key("source", &a, level: l + 1); w.string(o.source)
            w.close(0x7D, level: l)
        } else {
            w.raw("null")
        }
        w.key("server_answer", &first, level: l); w.bool(f.isServerAnswer)
        w.key("location", &first, level: l)
        var p = true
        w.raw("{")
        w.key("pointer", &p, level: l + 1); w.string(f.location.pointer)
        w.key("line", &p, level: l + 1); w.int(f.location.position?.line)
        w.key("column", &p, level: l + 1); w.int(f.location.position?.column)
        w.close(0x7D, level: l)
        w.close(0x7D, level: level)
    }

    func result(_ d: Diagnosis) -> JSONValue {
        var answer: JSONValue = .null
        if let said = d.serverAnswer?.answer {
            let body = (try? JSONParser.parse(said.body)) ?? .string(said.body)
            answer = JSONBuild.object([("status", JSONBuild.int(said.status)), ("body", body)])
        }
        return JSONBuild.object([
            ("source", .string(d.subject.source)),
            ("entry", JSONBuild.string(d.subject.entry)),
            ("server", JSONBuild.object([
                ("id", .string(d.subject.profile.id)),
                ("name", .string(d.subject.profile.name)),
                ("reason", JSONBuild.string(d.subject.profileChoice?.reason)),
            ])),
            ("findings", .array(d.findings.map(finding))),
            ("notes", .array(d.subject.notes.map(JSONValue.string))),
            ("not_checked", .array(d.unjudged.map {
                JSONBuild.object([("rule", .string($0.ruleID)), ("needs", .string($0.needs))])
            })),
            ("server_answer", answer),
            ("reported_answer", d.subject.reportedAnswer.map { r in
                JSONBuild.object([("status", JSONBuild.int(r.status)), ("error", JSONBuild.string(r.error)),
                                  ("error_description", JSONBuild.string(r.errorDescription)),
                                  ("line", JSONBuild.int(r.line))])
            } ?? .null),
        ])
    }

    func finding(_ f: Finding) -> JSONValue {
        var answer: JSONValue = .null
        if let o = f.answer {
            answer = JSONBuild.object([
                ("server", .string(o.profile)),
                ("status", JSONBuild.int(o.status)),
                ("error", JSONBuild.string(o.error)),
                ("error_description", JSONBuild.string(o.errorDescription)),
                ("verbatim", .bool(o.verbatim)),
                ("source", JSONBuild.string(o.source)),
            ])
        }
        return JSONBuild.object([
            ("rule", .string(f.ruleID)),
            ("severity", .string(f.severity.rawValue)),
            ("title", .string(f.title)),
            ("message", .string(f.message)),
            ("fix", JSONBuild.string(f.fix)),
            ("answer", answer),
            ("server_answer", .bool(f.isServerAnswer)),
            ("location", JSONBuild.object([
                ("pointer", .string(f.location.pointer)),
                ("line", JSONBuild.int(f.location.position?.line)),
                ("column", JSONBuild.int(f.location.position?.column)),
            ])),
        ])
    }
}
