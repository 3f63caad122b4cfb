import Foundation
import Testing
@testable import AssertLintKit

/// The machine documents of `check` are written from spools as the files come (issue 13):
/// these tests hold them to the bytes the reporters built before, when every result was kept
/// and the whole document was one tree or one string. The references below are those earlier
/// renderers, unchanged.
@Suite struct SpooledDocumentTests {
    /// Every bundled fixture, input and scenario: all kinds, with findings, errors and skips.
    static func bundledReport() -> CheckReport {
        let root = GeneratedSourcesTests.root.appendingPathComponent("Fixtures").path
        let options = CheckOptions(paths: [root], workingDirectory: GeneratedSourcesTests.root.path,
                                   realNow: Date(timeIntervalSince1970: 1_748_872_800), environment: [:], standardInput: { nil })
        return CheckRunner(options).run()
    }

    /// The report with its files repeated `n` times (more than a spool holds in memory).
    static func repeated(_ report: CheckReport, _ n: Int) -> CheckReport {
        var r = report
        r.files = Array(repeating: report.files, count: n).flatMap { $0 }
        return r
    }

    @Test func bundledFixturesMakeABigReport() {
        let report = Self.bundledReport()
        #expect(report.files.count > 100)
        #expect(report.files.contains { !$0.findings.isEmpty })
    }

    @Test func sarifEqualsTheWholeTreeRendering() {
        let report = Self.bundledReport()
        let reporter = SARIFReporter(toolVersion: "0.0.0-test")
        #expect(reporter.render(report) == Reference.sarif(reporter, report))
    }

    @Test func junitEqualsTheWholeDocumentRendering() {
        let report = Self.bundledReport()
        #expect(JUnitReporter().render(report) == Reference.junit(report))
    }

    @Test func jsonEqualsTheTreeRendering() {
        let report = Self.bundledReport()
        #expect(JSONReporter().report(report) == Reference.json(report))
    }

    /// Streamed into file-backed spools (several MiB, so they spill), then put together the way
    /// the CLI does: the same bytes as the old renderers over the same files.
    @Test func fileBackedStreamsEqualTheOldDocuments() throws {
        let report = Self.repeated(Self.bundledReport(), 12)
        let reporter = SARIFReporter(toolVersion: "0.0.0-test")
        var sarif = SARIFReporter.CheckStream(reporter, results: DocumentSpool(), notifications: DocumentSpool())
        var junit = JUnitReporter.CheckStream(suites: DocumentSpool())
        var json = JSONReporter.CheckStream()
        let jsonSpool = DocumentSpool()
        jsonSpool.append(json.head())
        for file in report.files {
            sarif.add(file, in: report)
            junit.add(file, in: report)
            jsonSpool.append(json.bytes(of: file, in: report))
        }
        jsonSpool.append(json.tail(report))
        let sarifParts = sarif.finish(report)
        #expect(sarifParts.reduce(0) { $0 + $1.count } > DocumentSpool.bufferSize)
        #expect(sarifParts.map(\.text).joined() == Reference.sarif(reporter, report))
        #expect(junit.finish(report).map(\.text).joined() == Reference.junit(report))
        #expect(jsonSpool.count > DocumentSpool.bufferSize)
        #expect(jsonSpool.text == Reference.json(report))
    }

    /// A spool cut into chunks: each ends at a line break, and together they are what went in.
    @Test func spoolChunksEndAtLineBreaks() {
        let spool = DocumentSpool()
        var expected: [UInt8] = []
        for n in 0..<60_000 {
            let line = Array("line \(n) é • \(String(repeating: "x", count: n % 97))\n".utf8)
            spool.append(line)
            expected += line
        }
        spool.append("no line break at the end")
        expected += Array("no line break at the end".utf8)
        var chunks: [[UInt8]] = []
        spool.forEachChunk { chunks.append($0) }
        #expect(chunks.count > 2)
        #expect(chunks.dropLast().allSatisfy { $0.last == 0x0A })
        #expect(chunks.flatMap { $0 } == expected)
        spool.append("!")
        #expect(spool.text == String(decoding: expected, as: UTF8.self) + "!")
    }

    /// `Output.document` over parts gives the bytes `Output.document` gives over the joined
    /// text: redaction, control characters made visible, workflow commands defused, also where a
    /// line runs from one part into the next.
    @Test func spooledDocumentIsWrittenLikeTheWholeText() throws {
        let secret = "spooled-document-secret-\(UInt32.random(in: 0...UInt32.max))"
        Redactor.shared.learn(secret)
        let pieces = ["{\n  \"a\": \"\(secret)\",\n  \"b\": \"x\u{1B}y\u{202E}z\"", ",\n", "::warning::x\n  ", "::error::y\n",
                      String(repeating: "\"long line\" \(secret) ", count: 40_000) + "\n", "  \u{00A0}::notice::z\n}", "\n"]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = Output(), spooled = Output()
        whole.useJSONDocument(true)
        spooled.useJSONDocument(true)
        try whole.collect(into: dir.appendingPathComponent("whole").path)
        try spooled.collect(into: dir.appendingPathComponent("spooled").path)
        whole.document(pieces.joined())
        spooled.document(pieces.map { p in
            let s = DocumentSpool()
            spooled.spool(p, into: s)
            return s
        })
        try whole.finish()
        try spooled.finish()
        let a = try Data(contentsOf: dir.appendingPathComponent("whole"))
        let b = try Data(contentsOf: dir.appendingPathComponent("spooled"))
        #expect(a == b)
        #expect(String(decoding: b, as: UTF8.self).contains(secret) == false)
        #expect(String(decoding: b, as: UTF8.self).contains("\\::warning::x"))
    }

    /// The byte writer and `JSONWriter` agree on every escape and on nesting.
    @Test func jsonBytesEqualsJSONWriter() throws {
        let text = "{\"a\": [1, -2.5e3, true, null, {}, [], \"q\\\"b\\\\s\\n\\r\\t\\u0001\\u001f\\u007f é\\u2028\"], \"b\": {\"c\": [[{\"d\": \"\"}]]}}"
        let value = try JSONParser.parse(text)
        for level in 0..<4 {
            var bytes = JSONBytes()
            bytes.value(value, level: level)
            var string = ""
            JSONWriter.write(value, into: &string, indent: "  ", level: level)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == string)
        }
        for n in [0, 7, -7, 1_748_872_800, Int.max, Int.min] {
            var bytes = JSONBytes()
            bytes.int(n)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(n))
        }
    }
}

/// The renderers as they were before the documents were spooled.
enum Reference {
    static func json(_ check: CheckReport) -> String {
        let stream = JSONReporter.CheckStream()
        var out = stream.head()
        var written = 0
        for file in check.files {
            for value in JSONReporter().results(of: file, in: check) {
                out += written == 0 ? "\n    " : ",\n    "
                JSONWriter.write(value, into: &out, indent: "  ", level: 2)
                written += 1
            }
        }
        out += written == 0 ? "]" : "\n  ]"
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

    static func sarif(_ r: SARIFReporter, _ report: CheckReport) -> String {
        // Rules: the whole catalog (so code scanning can show any rule's help), then any
        // rule id found that the catalog does not describe.
        var descriptors: [String] = r.catalog.ids
        for f in report.files.flatMap(\.findings) where !descriptors.contains(f.ruleID) { descriptors.append(f.ruleID) }
        let index = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($0.element, $0.offset) })

        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for file in report.files where file.skipped == nil {
            let uri = SARIFReporter.uri(report.repositoryPath(file.input))
            for checked in file.subjects {
                for finding in checked.diagnosis.findings {
                    results.append(r.result(finding, in: checked, uri: uri, ruleIndex: index[finding.ruleID]))
                }
                if let e = checked.expectation, !e.isMet {
                    notifications.append(r.notification("expect", "\(checked.entryPrefix)expect: \(e.message)", uri: uri))
                }
            }
            for error in file.errors {
                notifications.append(r.notification("input-error", error.reason, uri: uri))
            }
        }
        for error in report.errors {
            notifications.append(r.notification("input-error", error.description, uri: nil))
        }

        var driver: [(String, JSONValue?)] = [("name", .string("assertlint")), ("version", .string(r.toolVersion))]
        driver.append(("semanticVersion", .string(r.toolVersion)))
        if let informationURI = r.informationURI { driver.append(("informationUri", .string(informationURI))) }
        driver.append(("rules", .array(descriptors.map(r.descriptor))))

        var invocation: [(String, JSONValue?)] = [("executionSuccessful", .bool(report.allErrors.isEmpty))]
        if !notifications.isEmpty { invocation.append(("toolExecutionNotifications", .array(notifications))) }

        let run = SARIFReporter.object([
            ("tool", SARIFReporter.object([("driver", SARIFReporter.object(driver))])),
            ("invocations", .array([SARIFReporter.object(invocation)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return SARIFReporter.object([
            ("$schema", .string(SARIFReporter.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).prettyText + "\n"
    }

    static func junit(_ report: CheckReport) -> String {
        var suites: [(name: String, cases: [JUnitReporter.Case])] = []
        if !report.errors.isEmpty {
            suites.append(("assertlint", report.errors.map { JUnitReporter.Case(name: "input", error: ($0.description, "input-error")) }))
        }
        for file in report.files where file.skipped == nil {
            var cases: [JUnitReporter.Case] = []
            for checked in file.subjects {
                let prefix = checked.entryPrefix
                var any = false
                for f in checked.reportedFindings {
                    any = true
                    var c = JUnitReporter.Case(name: prefix + f.ruleID + (f.location.position.map { " (line \($0.line))" } ?? ""), line: f.location.position?.line)
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
                    var c = JUnitReporter.Case(name: prefix + "expect [\(e.expected.joined(separator: ", "))]")
                    if !e.isMet { c.failure = (prefix + "expect: " + e.message, "expect", "expect: " + e.message) }
                    cases.append(c)
                }
                if !any { cases.append(JUnitReporter.Case(name: prefix + "no findings")) }
            }
            for error in file.errors {
                cases.append(JUnitReporter.Case(name: "read", error: (error.reason, "input-error")))
            }
            suites.append((file.path, cases))
        }

        func count(_ cases: [JUnitReporter.Case]) -> (tests: Int, failures: Int, errors: Int) {
            (cases.count, cases.filter { $0.failure != nil }.count, cases.filter { $0.error != nil }.count)
        }
        let all = suites.flatMap(\.cases)
        let total = count(all)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"assertlint\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\">\n"
        for suite in suites {
            let n = count(suite.cases)
            let file = suite.name != "assertlint" ? " file=\"\(JUnitReporter.escape(suite.name))\"" : ""
            out += "  <testsuite name=\"\(JUnitReporter.escape(suite.name))\" tests=\"\(n.tests)\" failures=\"\(n.failures)\" errors=\"\(n.errors)\" skipped=\"0\"\(file)>\n"
            for c in suite.cases {
                let attributes = "name=\"\(JUnitReporter.escape(c.name))\" classname=\"\(JUnitReporter.escape(suite.name))\""
                if c.failure == nil && c.error == nil && c.output == nil {
                    out += "    <testcase \(attributes)/>\n"
                    continue
                }
                out += "    <testcase \(attributes)>\n"
                if let f = c.failure {
                    out += "      <failure message=\"\(JUnitReporter.escape(f.message))\" type=\"\(JUnitReporter.escape(f.type))\">\(JUnitReporter.escape(f.text, attribute: false))</failure>\n"
                }
                if let e = c.error {
                    out += "      <error message=\"\(JUnitReporter.escape(e.message))\" type=\"\(JUnitReporter.escape(e.type))\"/>\n"
                }
                if let o = c.output {
                    out += "      <system-out>\(JUnitReporter.escape(o, attribute: false))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }
}
