import Foundation
import Testing
@testable import AssertLintKit

/// Terminal width, display columns and wrapping.
@Suite struct TextLayoutWidthTests {
    @Test func widthComesFromTheTerminalThenColumnsThen80() {
        #expect(Terminal.width(terminalColumns: 72, environment: ["COLUMNS": "120"]) == 72)
        #expect(Terminal.width(terminalColumns: nil, environment: ["COLUMNS": "64"]) == 64)
        #expect(Terminal.width(terminalColumns: nil, environment: ["COLUMNS": " 90 "]) == 90)
        #expect(Terminal.width(terminalColumns: nil, environment: [:]) == 80)
        #expect(Terminal.width(terminalColumns: nil, environment: ["COLUMNS": "wide"]) == 80)
        #expect(Terminal.width(terminalColumns: nil, environment: ["COLUMNS": "0"]) == 80)
        // Prose reads badly past 100 columns; under 20 there is no layout left.
        #expect(Terminal.width(terminalColumns: 240, environment: [:]) == 100)
        #expect(Terminal.width(terminalColumns: 8, environment: [:]) == 20)
    }

    @Test func aFileIsNoTerminal() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-terminal-\(UUID().uuidString)")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        #expect(Terminal.columns(of: handle.fileDescriptor) == nil)
        #expect(Terminal.columns(of: -1) == nil)
    }

    @Test func displayColumns() {
        #expect(Text.columns("abc") == 3)
        #expect(Text.columns("日本語") == 6)
        #expect(Text.columns("ｱ") == 1, "halfwidth katakana is narrow")
        #expect(Text.columns("Ａ") == 2, "fullwidth Latin is wide")
        #expect(Text.columns("한국") == 4)
        #expect(Text.columns("e\u{301}") == 1, "a combining acute accent takes no column")
        #expect(Text.columns("a\u{200B}b") == 2, "a zero-width space takes none")
        #expect(Text.columns("🔑") == 2)
        #expect(Text.columns("\u{1B}[1m\u{1B}[31mred\u{1B}[0m") == 3, "colour sequences take none")
        #expect(Text.columns("tab\there") == 7, "control characters take none")
    }

    @Test func wrapNeverExceedsTheWidth() {
        let prose = "Okta compares aud with the absolute URL of the endpoint being called, character for character: scheme, host, path."
        for width in [20, 33, 40, 60, 80] {
            for line in Text.wrap(prose, width: width, indent: "    ", first: "  ") {
                #expect(Text.columns(line) <= width, "\(width): \(line)")
            }
        }
    }

    @Test func wideCharactersWrapByColumns() {
        // 12 CJK characters per word: 24 columns each.
        let word = String(repeating: "認", count: 12)
        let lines = Text.wrap([word, word, word].joined(separator: " "), width: 50, indent: "")
        #expect(lines == ["\(word) \(word)", word])
        #expect(lines.allSatisfy { Text.columns($0) <= 50 })
    }

    @Test func aLongProseWordIsCutAtTheWidth() {
        let word = String(repeating: "x", count: 25)
        let lines = Text.wrap("see \(word) now", width: 10, indent: "  ")
        #expect(lines == ["  see", "  xxxxxxxx", "  xxxxxxxx", "  xxxxxxxx", "  x now"])
        let wide = Text.wrap(String(repeating: "語", count: 7), width: 6, indent: "")
        #expect(wide == ["語語語", "語語語", "語"])
    }

    @Test func aValueToCopyStaysWholeOnALineOfItsOwn() {
        let url = "https://dev-123.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/v1/token"
        let lines = Text.wrap("Set aud to \(url) and sign again.", width: 40, indent: "       ", first: "  fix: ")
        #expect(lines == ["  fix: Set aud to", url, "       and sign again."])
        // With room to spare, it keeps as much of the indent as fits.
        let urn = "`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`"
        let second = Text.wrap("Add \(urn) to the body.", width: 80, indent: "       ", first: "  ")
        #expect(second == ["  Add", "  " + urn, "       to the body."])
        #expect(second.allSatisfy { Text.columns($0) <= 80 })
        #expect(Text.isCopyableValue("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"))
        #expect(!Text.isCopyableValue("supercalifragilisticexpialidocious"))
    }
}

/// The catalog's texts are complete wherever they are shown without a finding behind them.
@Suite struct TextLayoutCatalogTests {
    static func placeholders(in text: String) -> [String] { CatalogEntry.placeholderNames(in: text) }

    @Test func everyFixPlaceholderHasAGenericValue() {
        for e in Catalog.bundled.entries {
            let known = Set(CatalogEntry.genericPhrases.keys).union((e.placeholders ?? [:]).keys)
            let missing = Set(Self.placeholders(in: e.fix)).subtracting(known)
            #expect(missing.isEmpty, "\(e.id): no generic value for \(missing.sorted()) (add placeholders: to Rules/\(e.id).yaml)")
            let unused = Set((e.placeholders ?? [:]).keys).subtracting(Self.placeholders(in: e.fix))
            #expect(unused.isEmpty, "\(e.id): placeholders: names \(unused.sorted()), which the fix does not use")
        }
    }

    @Test func explainTextAndJSONHaveNoPlaceholderLeft() {
        let reporter = CatalogReporter(options: ReportOptions(width: 80))
        for e in Catalog.bundled.entries {
            let text = reporter.explain(e)
            #expect(Self.placeholders(in: text).isEmpty, "explain \(e.id): \(Self.placeholders(in: text))")
            let json = reporter.entryJSON(e).prettyText
            #expect(Self.placeholders(in: json).isEmpty, "explain --format json \(e.id): \(Self.placeholders(in: json))")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                // A reference URL longer than the line stays whole, after its bullet.
                let value = line.trimmingCharacters(in: .whitespaces)
                let ok = Text.columns(String(line)) <= 80 || !(value.hasPrefix("- ") ? String(value.dropFirst(2)) : value).contains(" ")
                #expect(ok, "explain \(e.id) is wider than 80: \(line)")
            }
        }
        let matches = reporter.matches(Catalog.bundled.entries)
        #expect(Self.placeholders(in: matches).isEmpty)
        // explain's closest rules and a server error pasted alone list rules the same way.
        let closest = ServerAnswerReporter(options: ReportOptions(width: 80)).closest(Catalog.bundled.entries, errorCode: nil)
        #expect(Self.placeholders(in: closest).isEmpty, "closest rules: \(Self.placeholders(in: closest))")
    }

    @Test func rulesTableFitsAndIsComplete() {
        for width in [60, 80, 100] {
            let table = CatalogReporter(options: ReportOptions(width: width)).rulesTable(Catalog.bundled)
            #expect(Self.placeholders(in: table).isEmpty)
            for line in table.split(separator: "\n") {
                #expect(Text.columns(String(line)) <= width, "rules at \(width): \(line)")
            }
            for e in Catalog.bundled.entries { #expect(table.contains(e.id)) }
        }
        let json = CatalogReporter().rulesJSON(Catalog.bundled)
        #expect(Self.placeholders(in: json).isEmpty, "rules --format json: \(Self.placeholders(in: json))")
    }

    @Test func sarifRuleHelpHasNoPlaceholderLeft() throws {
        let r = try CLITests.run(["check", "--format", "sarif", "Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"])
        let root = try #require(try JSONParser.parse(r.stdout).objectValue)
        let run = try #require(root["runs"]?.arrayValue?.first?.objectValue)
        let rules = try #require(run["tool"]?.objectValue?["driver"]?.objectValue?["rules"]?.arrayValue)
        #expect(rules.count == Catalog.bundled.entries.count)
        for rule in rules {
            let o = try #require(rule.objectValue)
            let help = try #require(o["help"]?.objectValue)
            for key in ["text", "markdown"] {
                let text = help[key]?.stringValue ?? ""
                #expect(!text.isEmpty && Self.placeholders(in: text).isEmpty,
                        "SARIF help.\(key) of \(o["id"]?.stringValue ?? "?"): \(Self.placeholders(in: text))")
            }
        }
    }

    @Test func refinesNamesAnotherRuleAtTheSamePointer() throws {
        let refining = Catalog.bundled.entries.filter { $0.refines != nil }
        #expect(refining.map(\.id) == ["aud-endpoint-instead-of-issuer", "aud-issuer-instead-of-endpoint", "aud-tenant-mismatch"])
        for e in refining {
            let general = try #require(e.refines.flatMap { Catalog.bundled[$0] }, "\(e.id) refines an unknown rule")
            #expect(general.id != e.id)
            // One cause, one answer: every server that answers the special case answers the general rule alike.
            for (p, a) in e.serverAnswers {
                let g = general.serverAnswers.first { $0.profile.id == p.id }?.answer
                #expect(g?.errorDescription == a.errorDescription && g?.error == a.error, "\(p.id): \(e.id) and \(general.id) answer differently")
            }
            #expect(CatalogReporter().explain(e).contains("A special case of `\(general.id)`"))
        }
    }

    @Test func aFindingWithoutAValueGetsTheGenericOne() throws {
        let entry = try #require(Catalog.bundled["exp-expired"])
        #expect(!entry.renderFix([:]).contains("{"))
        #expect(entry.renderFix(["exp": "1700000300", "exp_utc": "2023-11-14T22:18:20Z"]).contains("1700000300 (2023-11-14T22:18:20Z)"))
    }
}

/// One mistake is one block, and the verdict says only what is true.
@Suite struct TextLayoutCauseTests {
    static func diagnose(_ path: String) throws -> Diagnosis {
        let url = GeneratedSourcesTests.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_748_872_800))
        let subjects = try InputReader.subjects(from: text, source: url.path, loader: loader)
        return Engine(rules: Registry.forDiagnose).run(try #require(subjects.first))
    }

    @Test func audIssuerIsOneCauseWithTwoIds() throws {
        let d = try Self.diagnose("Fixtures/rules/aud-issuer-instead-of-endpoint/invalid-org-issuer.yaml")
        #expect(Set(d.ruleIDs).isSuperset(of: ["aud-mismatch", "aud-issuer-instead-of-endpoint"]))
        let causes = d.causes(in: .bundled)
        let aud = try #require(causes.first { $0.ruleIDs.contains("aud-mismatch") })
        #expect(aud.ruleIDs == ["aud-mismatch", "aud-issuer-instead-of-endpoint"])
        #expect(aud.lead.ruleID == "aud-issuer-instead-of-endpoint")
        #expect(aud.isServerAnswer)
        #expect(d.remaining(after: aud, in: causes).isEmpty)

        let text = TextReporter(options: ReportOptions(width: 80, detail: .verbose)).report([d])
        #expect(text.components(separatedBy: "error[aud-mismatch, aud-issuer-instead-of-endpoint]:").count == 2)
        #expect(!text.contains("error[aud-issuer-instead-of-endpoint]"))
        let explanation = try #require(Catalog.bundled["aud-issuer-instead-of-endpoint"]?.explanation.split(separator: "\n").first)
        #expect(text.components(separatedBy: String(explanation.prefix(40))).count == 2, "one explanation")
        #expect(!text.contains("Okta stops at its first failed check"), "fixing aud clears both")
        #expect(text.hasSuffix("1 error\n"))
    }

    @Test func refinesGroupsOnlyAtTheSamePlace() {
        let catalog = Catalog(entries: [
            CatalogEntry(id: "general", title: "g", severity: .error, explanation: "", fix: "", references: []),
            CatalogEntry(id: "special", title: "s", severity: .error, explanation: "", fix: "", references: [], refines: "general"),
        ])
        func finding(_ id: String, _ pointer: String) -> Finding {
            Finding(ruleID: id, severity: .error, title: id, message: id, location: Location(pointer: pointer), fix: nil, fixValues: [:], answer: nil)
        }
        let subject = Subject(source: "x", request: nil, assertion: .absent)
        let d = Diagnosis(subject: subject, findings: [finding("special", "/a"), finding("general", "/a"), finding("general", "/b"),
                                                       finding("special", "/c")], unjudged: [])
        #expect(d.causes(in: catalog).map(\.ruleIDs) == [["general", "special"], ["general"], ["special"]])
    }

    @Test func theNextAnswerIsNamedOnlyWhenItSurvivesTheFix() throws {
        // The answer's fix adds client_assertion and client_assertion_type: both go at once.
        let d = try Self.diagnose("Fixtures/scenarios/introspect-without-assertion.yaml")
        let causes = d.causes(in: .bundled)
        let answer = try #require(causes.first(where: { $0.isServerAnswer }))
        #expect(causes.count == 2)
        #expect(d.remaining(after: answer, in: causes).isEmpty)
        // A second credential and a wrong sub: removing the credential leaves sub wrong.
        let sample = try SampleDiagnosis.diagnosis()
        let sampleCauses = sample.causes(in: SampleDiagnosis.catalog)
        let first = try #require(sampleCauses.first(where: { $0.isServerAnswer }))
        #expect(sample.remaining(after: first, in: sampleCauses).map(\.ruleIDs) == [["sub-mismatch"]])
    }

    @Test func aChangeToTheAssertionClaimsNothingAboutItsTimesOrSignature() {
        func finding(_ id: String, _ pointer: String, answer: Bool = false) -> Finding {
            Finding(ruleID: id, severity: .error, title: id, message: id, location: Location(pointer: pointer), fix: "Set it.",
                    fixValues: [:], answer: ServerAnswer(status: 401, error: "invalid_client", verbatim: true), isServerAnswer: answer)
        }
        let d = Diagnosis(subject: Subject(source: "x", request: nil, assertion: .absent), findings: [
            finding("aud-mismatch", Location.claim("aud"), answer: true), finding("exp-expired", Location.claim("exp")),
            finding("signature-invalid", Location.assertion + "/signature"), finding("iss-mismatch", Location.claim("iss")),
        ], unjudged: [])
        let causes = d.causes(in: .bundled)
        #expect(d.remaining(after: causes[0], in: causes).map(\.lead.ruleID) == ["iss-mismatch"])
    }
}

/// The reference scenarios at 80 columns: nothing wider, and the answer on the last screen.
@Suite struct TextLayoutScreenTests {
    static let root = GeneratedSourcesTests.root

    static func inputs() throws -> [String] {
        var paths = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Fixtures/scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Fixtures/scenarios/" + $0 }
        let rules = root.appendingPathComponent("Fixtures/rules")
        for dir in try FileManager.default.contentsOfDirectory(atPath: rules.path).sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: rules.appendingPathComponent(dir).path)) ?? []
            paths += files.filter { $0.hasPrefix("invalid") }.sorted().map { "Fixtures/rules/\(dir)/\($0)" }
        }
        return paths
    }

    static func run(_ path: String, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["diagnose", "--now", "2025-06-02T14:00:00Z"] + extra + [path], environment: ["COLUMNS": "80"])
    }

    @Test func scenariosFitIn80Columns() throws {
        let paths = try Self.inputs()
        #expect(paths.count > 20)
        for path in paths {
            for mode in [[], ["--brief"], ["--verbose"]] {
                let r = try Self.run(path, mode)
                #expect(r.status == 0 || r.status == 1, "\(path) \(mode): exit \(r.status) \(r.stderr)")
                for line in r.stdout.split(separator: "\n") {
                    let text = String(line)
                    // Only a value to copy whole (a URL, a token) may run past, alone on its line.
                    let alone = !text.trimmingCharacters(in: .whitespaces).contains(" ")
                    #expect(Text.columns(text) <= 80 || alone, "\(path) \(mode): \(Text.columns(text)) columns: \(text)")
                }
            }
        }
    }

    @Test func oneCauseFitsOneScreenWithTheVerdictLast() throws {
        var singles = 0
        for path in try Self.inputs() {
            let r = try Self.run(path)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            let blocks = lines.filter { $0.hasPrefix("error[") || $0.hasPrefix("warning[") || $0.hasPrefix("info[") }
            guard blocks.count == 1, blocks[0].hasPrefix("error["), let answer = lines.lastIndex(where: { $0.hasPrefix("Okta will answer:") }) else { continue }
            singles += 1
            #expect(lines.count <= 24, "\(path): \(lines.count) lines\n\(r.stdout)")
            #expect(lines.last?.hasSuffix("error") == true, "\(path): the count is the last line")
            let fix = lines.lastIndex(where: { $0.hasPrefix("fix: ") })
            #expect(fix.map { $0 > answer } == true, "\(path): the fix follows the answer at the end")
            #expect(!lines[answer...].contains { $0.hasPrefix("error[") || $0.hasPrefix("Not checked") }, "\(path): the verdict comes last")
            #expect(answer >= lines.count - 14, "\(path): the answer is in the last lines")
        }
        #expect(singles >= 15, "only \(singles) single-cause scenarios")
    }

    @Test func briefIsTheVerdictAndTheFixes() throws {
        let r = try Self.run("Fixtures/scenarios/introspect-without-assertion.yaml", ["--brief"])
        #expect(r.status == 1)
        #expect(r.stdout == """
            Fixtures/scenarios/introspect-without-assertion.yaml
            fix[assertion-type-missing]: Add
              `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`
                 to the form body, next to `client_assertion`.

            Okta will answer: HTTP 401 Unauthorized, invalid_client
              "Client authentication failed. Either the client or the client credentials are
              invalid." (Okta's wording)
            fix: Sign a fresh client assertion with `aud` set to
                 "https://dev-123.okta.com/oauth2/v1/introspect" (iss and sub = the client
                 id, a short exp, a new jti) and send it as `client_assertion`, together
                 with
             `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
            2 errors

            """)
        let both = try Self.run("Fixtures/scenarios/introspect-without-assertion.yaml", ["--brief", "--verbose"])
        #expect(both.status == 2 && both.stdout.isEmpty)
        #expect(both.stderr.hasPrefix("assertlint: --brief: "))
    }

    @Test func defaultModeKeepsTheReadingAndTheGapsOnOneLineEach() throws {
        let r = try CLITests.run(["diagnose", "--now", "2025-06-02T14:00:00Z", "-"],
                                 stdin: try String(contentsOf: Self.root.appendingPathComponent("Fixtures/inputs/introspect-postman.curl"), encoding: .utf8),
                                 environment: ["COLUMNS": "80"])
        #expect(r.stdout.contains("How your input was read: 1 step, listed by --verbose."))
        let v = try CLITests.run(["diagnose", "--verbose", "Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"], environment: ["COLUMNS": "80"])
        #expect(v.stdout.contains("Not checked:\n  - auth-method-mismatch needs the app's client authentication"))
        #expect(v.stdout.contains("\nClient assertion\n  header\n"))
        let d = try CLITests.run(["diagnose", "Fixtures/rules/aud-mismatch/invalid-default-server-aud.yaml"], environment: ["COLUMNS": "80"])
        #expect(d.stdout.contains("Not checked: auth-method-mismatch (give --auth-method); iss-mismatch,\n  sub-mismatch (give --client-id)"))
        #expect(!d.stdout.contains("\nClient assertion\n"))
    }

    @Test func columnsSetsTheWidthWhenStdoutIsNoTerminal() throws {
        let narrow = try CLITests.run(["diagnose", "Fixtures/scenarios/org-token-aud-default.yaml"], environment: ["COLUMNS": "50"])
        let lines = narrow.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { Text.columns($0) <= 50 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") })
        #expect(lines.contains { Text.columns($0) > 40 })
        let unset = try CLITests.run(["diagnose", "Fixtures/scenarios/org-token-aud-default.yaml"])
        #expect(unset.stdout.split(separator: "\n").allSatisfy { Text.columns(String($0)) <= 80 })
        #expect(unset.stdout.split(separator: "\n").contains { Text.columns(String($0)) > 70 }, "80 columns when nothing says otherwise")
    }
}
