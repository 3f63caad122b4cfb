import Foundation
import Testing
import Yams
@testable import AssertLintKit

/// Tests/Corpus: pastes from public reports with the rule ids they must and must not produce,
/// labelled from the report (see Tests/Corpus/README.md). Each case runs through the CLI as a
/// user would paste it, on stdin.
@Suite struct OktaAnswersCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let source: String
        let shape: String
        let flags: [String]
        let paste: String
        let must: [String]
        let mustNot: [String]
        let control: Bool
        let knownFailure: String?

        var testDescription: String { file }
    }

    static let dir = GeneratedSourcesTests.root.appendingPathComponent("Tests/Corpus")

    /// Tests/Corpus (Okta) and Tests/Corpus/servers (the other servers: each case names its
    /// profile in `server:`, given to the tool as `--server`).
    static func cases() throws -> [Case] {
        func yamlFiles(_ sub: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(sub).path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { sub.isEmpty ? $0 : sub + "/" + $0 }
        }
        let names = try yamlFiles("") + yamlFiles("servers")
        return try names.map { name in
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            guard let root = try Yams.compose(yaml: text)?.mapping else { throw CatalogError(file: name, reason: "not a mapping") }
            func string(_ key: String) throws -> String {
                guard let s = root[Node(stringLiteral: key)]?.string, !s.isEmpty else { throw CatalogError(file: name, reason: "no \(key)") }
                return s
            }
            func list(_ key: String) -> [String] { root[Node(stringLiteral: key)]?.sequence?.compactMap(\.string) ?? [] }
            let server = root[Node(stringLiteral: "server")]?.string.map { ["--server", $0] } ?? []
            return Case(file: name, source: try string("source"), shape: try string("shape"), flags: list("flags") + server,
                        paste: try string("paste"), must: list("must"), mustNot: list("must_not"),
                        control: root["control"]?.bool ?? false, knownFailure: root["known_failure"]?.string)
        }
    }

    /// What the tool did with a case, and whether that meets its labels.
    struct Outcome {
        let status: Int32
        let ruleIDs: Set<String>
        let errors: Int
        var problems: [String] = []
        var passed: Bool { problems.isEmpty }
    }

    static func run(_ c: Case) throws -> Outcome {
        let run = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z"] + c.flags + ["-"], stdin: c.paste)
        var ids: Set<String> = []
        var errors = 0
        if run.status != 2, let root = try? JSONParser.parse(run.stdout).objectValue {
            for result in root["results"]?.arrayValue ?? [] {
                for f in result.objectValue?["findings"]?.arrayValue ?? [] {
                    guard let o = f.objectValue, let id = o["rule"]?.stringValue else { continue }
                    ids.insert(id)
                    if o["severity"]?.stringValue == "error" { errors += 1 }
                }
            }
        }
        var outcome = Outcome(status: run.status, ruleIDs: ids, errors: errors)
        if run.status == 2 { outcome.problems.append("refused: \(run.stderr.trimmingCharacters(in: .newlines))") }
        let missing = c.must.filter { !ids.contains($0) }
        if !missing.isEmpty { outcome.problems.append("missing \(missing)") }
        let unwanted = c.mustNot.filter(ids.contains)
        if !unwanted.isEmpty { outcome.problems.append("unwanted \(unwanted)") }
        if c.control, errors > 0 { outcome.problems.append("a control with \(errors) error finding(s): \(ids.sorted())") }
        return outcome
    }

    @Test(arguments: try cases())
    func corpusCase(_ c: Case) throws {
        let outcome = try Self.run(c)
        if let known = c.knownFailure {
            #expect(!outcome.passed, "\(c.file) now meets its labels: remove known_failure (\(known))")
        } else {
            #expect(outcome.passed, "\(c.file) (\(c.shape), \(c.source)): \(outcome.problems.joined(separator: "; ")); rules \(outcome.ruleIDs.sorted())")
        }
    }

    @Test func corpusIsWellFormed() throws {
        let cases = try Self.cases()
        // Issue 11: at least 80 pastes, at least 12 shapes, controls among them.
        #expect(cases.count >= 80, "\(cases.count) cases")
        #expect(Set(cases.map(\.shape)).count >= 12, "shapes: \(Set(cases.map(\.shape)).sorted())")
        #expect(cases.filter(\.control).count >= 20, "\(cases.filter(\.control).count) controls")
        #expect(cases.contains { !$0.must.isEmpty })
        #expect(Set(cases.map(\.paste)).count == cases.count, "two cases hold the same paste")
        let ids = Set(Catalog.bundled.ids)
        // The other servers' cases may name rules issue 12 adds, which their profiles already answer.
        let planned = Set(ProfileSet.bundled.profiles.flatMap { ($0.answers ?? [:]).keys })
        for c in cases {
            #expect(c.source.contains("http"), "\(c.file): source is not a URL")
            for id in c.must + c.mustNot {
                #expect(ids.contains(id) || (c.file.hasPrefix("servers/") && planned.contains(id)), "\(c.file): unknown rule \(id)")
            }
            #expect(Set(c.must).isDisjoint(with: c.mustNot), "\(c.file)")
        }
    }
}
