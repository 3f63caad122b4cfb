import ArgumentParser
import AssertLintKit
import Foundation

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Diagnose one token, curl command, HTTP request or fixture.")

    @Argument(help: "A file path, '-' for stdin, or a literal token. Omit to paste interactively.")
    var input: String?

    func run() throws {
        throw ExitCode(0)
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules in the catalog.")

    func run() throws {
        for e in Catalog.bundled.entries {
            print("\(e.id)\t\(e.severity.rawValue)\t\(e.title)")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule, or which rules produce a pasted Okta error.")

    @Argument(help: "A rule id, or Okta's error_description / error JSON.")
    var query: [String]

    func run() throws {
        throw ExitCode(0)
    }
}
