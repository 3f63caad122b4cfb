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
        subcommands: [Diagnose.self, Check.self, Mint.self, Probe.self, Rules.self, Explain.self, Completions.self, Version.self],
        defaultSubcommand: Diagnose.self)

    /// The subcommands' names, as typed. Each command names itself in its configuration: the
    /// name ArgumentParser derives from the type name costs about 0.35 M instructions per
    /// command and lookup, 10 M of a cold start (callgrind).
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } }

    static func main() {
        // `ulimit -n 4` would trap later inside libdispatch: one line now instead.
        if let problem = Output.checkDescriptors() {
            Output.shared.error(problem)
            Foundation.exit(2)
        }
        // The management tokens are known to the redactor before anything is printed.
        Redactor.shared.learn(environment: ProcessInfo.processInfo.environment)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = CommandWord.unknownCommand(first, commands: commandNames + ["help"]) {
            Output.shared.error(message)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            try Output.shared.finish()
        } catch let code as ExitCode {
            // A run with findings (1) or unreadable inputs (2) still writes its report.
            do {
                try Output.shared.finish()
            } catch {
                Output.shared.error(oneLine(error))
                Foundation.exit(2)
            }
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                // --help and --version arrive here as errors that are not failures.
                Output.shared.out(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            Output.shared.error(oneLine(error))
            Foundation.exit(2)
        }
    }

    /// Every user-facing error is one line. The argument parser's messages come with a usage
    /// block; its first line is the cause.
    static func oneLine(_ error: Error) -> String {
        if let e = error as? InputError { return e.description }
        if let e = error as? UsageError { return e.description }
        if let e = error as? ProfileError { return e.description }
        let first = fullMessage(for: error).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "invalid arguments"
        let message = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        return rephrase(message) + " (see assertlint --help)"
    }

    /// The parser's common messages in the `<option>: <cause>` shape of every other error.
    static func rephrase(_ message: String) -> String {
        let patterns: [(String, (Substring, [Substring]) -> String)] = [
            (#"^Unknown option '([^']+)'$"#, { _, g in "\(g[0]): unknown option" }),
            (#"^Unexpected argument '([^']+)'$"#, { _, g in "\(g[0]): unexpected argument" }),
            (#"^Missing value for '(\S+)[^']*'$"#, { _, g in "\(g[0]): needs a value" }),
            (#"^Missing expected argument '([^']+)'$"#, { _, g in "\(g[0].replacingOccurrences(of: " ...", with: "")): missing argument" }),
            (#"^The value '(.*)' is invalid for '(\S+)[^']*'\. Please provide one of (.+)\.$"#, { _, g in
                "\(g[1]): '\(g[0])' is not one of \(g[2].replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " and ", with: ", "))"
            }),
        ]
        for (pattern, build) in patterns {
            guard let re = try? Regex(pattern), let m = try? re.wholeMatch(in: message) else { continue }
            let groups = m.output.dropFirst().compactMap(\.substring)
            return build(message[...], Array(groups))
        }
        return message
    }
}

/// A usage problem found after parsing (an unknown rule id).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct Completions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print a shell completion script: bash, zsh or fish.",
        discussion: """
            bash: assertlint completions bash > /etc/bash_completion.d/assertlint (or source it from ~/.bashrc). \
            zsh: assertlint completions zsh > "${fpath[1]}/_assertlint". \
            fish: assertlint completions fish > ~/.config/fish/completions/assertlint.fish.
            """)

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: CompletionShellName

    func run() throws {
        Output.shared.out(AssertLintCLI.completionScript(for: shell.shell))
    }
}

enum CompletionShellName: String, ExpressibleByArgument, CaseIterable {
    case bash, zsh, fish

    var shell: CompletionShell {
        switch self {
        case .bash: return .bash
        case .zsh: return .zsh
        case .fish: return .fish
        }
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the versions of assertlint and the libraries it uses.")

    func run() throws {
        Output.shared.out("assertlint \(AssertLintVersion.string)\nOpenSSL: \(SystemLibraries.openSSLVersion)\nlibcurl: \(SystemLibraries.curlVersion)\n")
    }
}
