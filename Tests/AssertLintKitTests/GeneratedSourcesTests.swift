import Foundation
import Testing
@testable import AssertLintKit

/// The catalog, the server profiles and the registry are compiled into the binary from generated Swift files. These
/// tests fail when a generated file is stale; `scripts/generate` (UPDATE_GENERATED=1) rewrites them.
@Suite struct GeneratedSourcesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The catalog as Swift values: the binary starts without parsing any YAML (that was a
    /// quarter of a cold `diagnose`), and the test that compares this file with Rules/ keeps the
    /// two in step.
    static func catalogSource() throws -> String {
        let catalog = try Catalog.parse(try catalogSources())
        func lit(_ s: String) -> String { SwiftLiteral.string(s) }
        func opt(_ s: String?) -> String { s.map(lit) ?? "nil" }
        var out = "// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.\n"
        out += "enum BundledCatalog {\n    static let entries: [CatalogEntry] = [\n"
        for e in catalog.entries {
            out += "        CatalogEntry(\n"
            out += "            id: \(lit(e.id)),\n"
            out += "            title: \(lit(e.title)),\n"
            out += "            severity: .\(e.severity.rawValue),\n"
            if let profiles = e.profiles {
                out += "            profiles: [\(profiles.map(lit).joined(separator: ", "))],\n"
            }
            out += "            explanation: \(lit(e.explanation)),\n"
            out += "            fix: \(lit(e.fix)),\n"
            out += "            references: [\(e.references.map(lit).joined(separator: ", "))]"
            if let r = e.refines { out += ",\n            refines: \(lit(r))" }
            if let p = e.placeholders, !p.isEmpty {
                out += ",\n            placeholders: [\(p.sorted { $0.key < $1.key }.map { "\(lit($0.key)): \(lit($0.value))" }.joined(separator: ", "))]"
            }
            out += "),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    static func registrySource() throws -> String {
        let dir = root.appendingPathComponent("Sources/AssertLintKit/Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }.sorted()
        var types: [String] = []
        let pattern = try NSRegularExpression(pattern: #"^(?:public )?struct (\w+): Rule \{"#, options: [.anchorsMatchLines])
        for name in names {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let r = Range(m.range(at: 1), in: text) { types.append(String(text[r])) }
            }
        }
        var out = "// Generated from Sources/AssertLintKit/Rules/*.swift by `scripts/generate`. Do not edit.\n"
        out += "public enum Registry {\n    public static let all: [any Rule] = [\n"
        for t in types.sorted() { out += "        \(t)(),\n" }
        out += "    ]\n}\n"
        return out
    }

    static func check(_ relative: String, _ expected: String) throws {
        let url = root.appendingPathComponent(relative)
        let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["UPDATE_GENERATED"] == "1" {
            if current != expected { try expected.write(to: url, atomically: true, encoding: .utf8) }
            return
        }
        #expect(current == expected, "\(relative) is stale: run scripts/generate")
    }

    @Test func bundledCatalogIsCurrent() throws {
        try Self.check("Sources/AssertLintKit/Catalog/BundledCatalog+Generated.swift", try Self.catalogSource())
    }

    /// The README's rules table, between its markers, from the catalog.
    static func readmeSource() throws -> String {
        let url = root.appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->"
        guard let b = text.range(of: begin), let e = text.range(of: end), b.upperBound <= e.lowerBound else { return text }
        let catalog = try Catalog.parse(try catalogSources())
        let profiles = try ProfileLoader.profiles(try profileSources())
        let okta = profiles.first { $0.id == "okta-custom" }
        let org = profiles.first { $0.id == "okta-org" }
        var table = "| rule | severity | Okta answer | what it checks |\n| --- | --- | --- | --- |\n"
        for entry in catalog.entries {
            var answer = "-"
            if let okta = okta?.answers?[entry.id] ?? org?.answers?[entry.id] {
                answer = [okta.status.map(String.init), okta.error].compactMap { $0 }.joined(separator: " ")
                if let d = okta.errorDescription { answer += ": " + d + (okta.verbatim ? "" : " (assertlint's wording)") }
            }
            let cell = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            table += "| `\(entry.id)` | \(entry.severity.rawValue) | \(cell(answer)) | \(cell(entry.title)) |\n"
        }
        return String(text[..<b.upperBound]) + table + String(text[e.lowerBound...])
    }

    /// Profiles/*.yaml as the loader reads them; each file is named after its id.
    static func profileSources() throws -> [ProfileLoader.Source] {
        let dir = root.appendingPathComponent("Profiles")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let source = try ProfileLoader.source(text, file: "Profiles/\(name)")
            guard source.id.map({ "\($0).yaml" }) == name else {
                throw ProfileError("Profiles/\(name)", "the id does not match the file name")
            }
            return source
        }
    }

    /// The bundled profiles as Swift values (memberwise initialisers, written by `SwiftLiteral`).
    static func profilesSource() throws -> String {
        let profiles = try ProfileLoader.profiles(try profileSources()).sorted { $0.id < $1.id }
        var out = "// Generated from Profiles/*.yaml by `scripts/generate`. Do not edit.\n"
        out += "// swiftlint:disable all\n"
        out += "enum BundledProfiles {\n    static let all: [ServerProfile] = [\n"
        for p in profiles {
            out += "        " + SwiftLiteral.expression(p, indent: 2) + ",\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func bundledProfilesAreCurrent() throws {
        try Self.check("Sources/AssertLintKit/Profiles/BundledProfiles+Generated.swift", try Self.profilesSource())
    }

    static func catalogSources() throws -> [(name: String, yaml: String)] {
        let dir = root.appendingPathComponent("Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func readmeRulesTableIsCurrent() throws {
        try Self.check("README.md", try Self.readmeSource())
    }

    @Test func registryIsCurrent() throws {
        try Self.check("Sources/AssertLintKit/Engine/Registry+Generated.swift", try Self.registrySource())
    }
}
