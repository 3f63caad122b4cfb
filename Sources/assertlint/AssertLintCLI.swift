import ArgumentParser
import AssertLintKit
import Foundation

/// The command line: parses arguments and calls the library. Exit codes: 0 clean, 1 findings,
/// 2 usage or input errors (swift-argument-parser's own 64 is mapped to 2).
struct AssertLintCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assertlint",
        abstract: "Diagnose OAuth 2.0 JWT client assertions (private_key_jwt, client_secret_jwt) the way Okta judges them.",
        version: AssertLintVersion.string,
        subcommands: [Diagnose.self, Rules.self, Explain.self, Version.self],
        defaultSubcommand: Diagnose.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data(("assertlint: " + message + "\n").utf8))
            if !(error is InputError) && !(error is UsageError) {
                FileHandle.standardError.write(Data("Run 'assertlint --help' for usage.\n".utf8))
            }
            Foundation.exit(2)
        }
    }
}

/// A usage problem found after parsing (conflicting options, an unknown rule id).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the versions of assertlint and the libraries it uses.")

    func run() throws {
        print("assertlint \(AssertLintVersion.string)")
        print("OpenSSL: \(SystemLibraries.openSSLVersion)")
        print("libcurl: \(SystemLibraries.curlVersion)")
    }
}
