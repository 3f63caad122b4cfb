import Foundation
import Testing
@testable import AssertLintKit

/// The catalog and the registry are compiled into the binary from generated Swift files. These
/// tests fail when a generated file is stale; `scripts/generate` (UPDATE_GENERATED=1) rewrites them.
@Suite struct GeneratedSourcesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func catalogSource() throws -> String {
        var out = "// Generated from Rules/*.yaml by `scripts/generate`. Do not edit.\n"
        out += "enum BundledCatalog {\n    static let sources: [(name: String, yaml: String)] = [\n"
        for (name, text) in try catalogSources() {
            // Examples are read from Rules/ by the tests; the binary needs only the texts.
            let runtime = text.components(separatedBy: "\nexamples:")[0]
            out += "        (\"\(name)\", ##\"\"\"\n\(runtime.hasSuffix("\n") ? runtime : runtime + "\n")\"\"\"##),\n"
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
        var table = "| rule | severity | Okta answer | what it checks |\n| --- | --- | --- | --- |\n"
        for entry in catalog.entries {
            var answer = "-"
            if let okta = entry.okta {
                answer = [okta.status.map(String.init), okta.error].compactMap { $0 }.joined(separator: " ")
                if let d = okta.errorDescription { answer += ": " + d + (okta.verbatim ? "" : " (assertlint's wording)") }
            }
            let cell = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            table += "| `\(entry.id)` | \(entry.severity.rawValue) | \(cell(answer)) | \(cell(entry.title)) |\n"
        }
        return String(text[..<b.upperBound]) + table + String(text[e.lowerBound...])
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
