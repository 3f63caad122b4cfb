import Foundation
import Testing
import Yams
@testable import AssertLintKit

/// One example from a catalog entry: a fixture that must (or must not) trigger the rule.
struct CatalogExample: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let triggers: Bool
    let index: Int
    let pointer: String?
    let subject: Subject
    /// The profile the example is run under (`profiles:` of the example, else of its entry); nil:
    /// the one its fixture or URL picks.
    let profile: String?

    var testDescription: String { "\(ruleID) \(triggers ? "trigger" : "pass") #\(index + 1)" + (profile.map { " under \($0)" } ?? "") }

    static let rulesDir = GeneratedSourcesTests.root.appendingPathComponent("Rules")

    /// Every example of every rule, read from Rules/*.yaml.
    static func all() throws -> [CatalogExample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: rulesDir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var out: [CatalogExample] = []
        let loader = FixtureLoader(environment: ["ASSERTLINT_TEST_SECRET": "a-test-secret-that-is-long-enough-for-hs256",
                                                                "ASSERTLINT_TEST_SECRET_LONG": "a-test-secret-that-is-long-enough-for-hs512-it-has-sixty-four-bytes"],
                                   realNow: Date(timeIntervalSince1970: 1_748_872_800))
        for name in names {
            let path = rulesDir.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let root = try Yams.compose(yaml: text)?.mapping, let id = root["id"]?.string else { continue }
            let examples = root["examples"]?.mapping
            let entryProfiles = root["profiles"]?.sequence?.compactMap(\.string)
            for (kind, triggers) in [("trigger", true), ("pass", false)] {
                for (i, ex) in (examples?[Node(stringLiteral: kind)]?.sequence ?? []).enumerated() {
                    guard let fixture = ex.mapping?["fixture"] else {
                        throw CatalogError(file: name, reason: "\(kind) example \(i + 1) has no fixture")
                    }
                    let base = try loader.load(node: fixture, path: "Rules/\(name)")
                    let profiles = ex.mapping?["profiles"]?.sequence?.compactMap(\.string) ?? entryProfiles ?? []
                    // One fixture, several environments: the example runs under each profile it names.
                    for profile in profiles.isEmpty ? [nil] : profiles.map(Optional.some) {
                        var subject = base
                        if let profile {
                            guard let p = ProfileSet.bundled[profile] else {
                                throw CatalogError(file: name, reason: "\(kind) example \(i + 1) names the unknown profile \(profile)")
                            }
                            try ProfileSelection(forced: (p, "the example's profiles:")).apply(to: &subject)
                        }
                        out.append(CatalogExample(ruleID: id, triggers: triggers, index: i,
                                                  pointer: ex.mapping?["at"]?.string, subject: subject, profile: profile))
                    }
                }
            }
        }
        return out
    }
}

@Suite struct CatalogTests {
    static let examples: [CatalogExample] = (try? CatalogExample.all()) ?? []

    @Test func examplesLoad() throws {
        _ = try CatalogExample.all()
        #expect(!Self.examples.isEmpty)
    }

    @Test(arguments: examples)
    func catalogExample(_ example: CatalogExample) throws {
        let rule = try #require(Registry.rule(example.ruleID), "no rule implements \(example.ruleID)")
        let diagnosis = Engine(rules: [rule]).run(example.subject)
        let mine = diagnosis.findings.filter { $0.ruleID == example.ruleID }
        if example.triggers {
            #expect(!mine.isEmpty, "\(example.testDescription) did not trigger")
            if let pointer = example.pointer {
                #expect(mine.map(\.location.pointer).contains(pointer), "\(example.testDescription): pointers \(mine.map(\.location.pointer))")
            }
            for f in mine {
                let fix = try #require(f.fix)
                #expect(!fix.contains("{"), "\(example.testDescription): fix has an unfilled placeholder: \(fix)")
            }
        } else {
            #expect(mine.isEmpty, "\(example.testDescription) triggered: \(mine.map(\.message))")
        }
    }

    @Test func catalogAndRegistryAgree() {
        #expect(Set(Catalog.bundled.ids) == Set(Registry.ids))
    }

    /// An entry that names profiles is run under them; each must exist, and each named profile must
    /// have a trigger and a pass example of the rule.
    @Test func entryProfilesExistAndAreExercised() {
        for e in Catalog.bundled.entries {
            for p in e.profiles ?? [] {
                #expect(ProfileSet.bundled[p] != nil, "\(e.id) names the unknown profile \(p)")
                #expect(Self.examples.contains { $0.ruleID == e.id && $0.profile == p && $0.triggers }, "\(e.id) has no trigger example under \(p)")
            }
        }
        #expect(Catalog.bundled["org-server-requires-private-key-jwt"]?.profiles == ["okta-org"])
    }

    @Test func everyRuleHasTriggerAndPassExamples() {
        for id in Registry.ids {
            #expect(Self.examples.contains { $0.ruleID == id && $0.triggers }, "\(id) has no trigger example")
            #expect(Self.examples.contains { $0.ruleID == id && !$0.triggers }, "\(id) has no pass example")
        }
    }

    @Test func bundledCatalogParses() throws {
        let sources = try GeneratedSourcesTests.catalogSources()
        let catalog = try Catalog.parse(sources)
        #expect(catalog.entries.count == sources.count)
        #expect(catalog.entries == Catalog.bundled.entries, "the compiled-in catalog differs from Rules/: run scripts/generate")
        for e in catalog.entries {
            #expect(!e.explanation.isEmpty && !e.fix.isEmpty && !e.title.isEmpty, "\(e.id) has an empty text")
            for (p, a) in e.serverAnswers where !a.verbatim {
                #expect(a.note != nil, "\(e.id): a non-verbatim answer of \(p.id) must say what is uncertain in its note")
            }
        }
    }
}
