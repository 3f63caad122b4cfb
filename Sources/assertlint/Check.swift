import ArgumentParser
import AssertLintKit
import Foundation

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github
}

extension FailThreshold: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check fixture files, curl scripts, .http files, raw HTTP requests and HAR exports (for pre-commit and CI).",
        usage: "assertlint check [<options>] [<paths> ...]",
        discussion: """
            Paths may be files, directories (searched recursively) or globs; '-' reads stdin. With no path, the \
            nearest .assertlint.yml's `include` is used (else the current directory). A fixture with `expect:` passes \
            when its findings are exactly the rules it lists. Exit status: 0 clean, 1 findings at or above --fail-on \
            (or an unmet expect:), 2 unreadable input or bad configuration.
            """)

    @Argument(help: "Files, directories or globs to check.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif, junit or github (workflow annotations).")
    var format: CheckFormat = .text

    @Option(help: "The lowest severity that fails the run: error, warning, info or never (default: the config's fail_on, else error).")
    var failOn: FailThreshold?

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .assertlint.yml.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Paths in SARIF and annotations are relative to this folder (default: the current directory).", valueName: "dir"))
    var repoRoot: String?

    @Option(help: "Colour for text output: auto, always or never.")
    var color: ColorMode = .auto

    @Flag(help: "Fill in each request's context from the server (discovery document; the app's registration with OKTA_API_TOKEN or OKTA_ACCESS_TOKEN). Also `online: true` in .assertlint.yml.")
    var online = false

    @OptionGroup var network: NetworkOptions

    func run() throws {
        // Built whether or not --online is given: `online: true` in a config file may ask for it.
        let lookup = try network.lookup()
        let onlineContext: @Sendable (Subject) -> (Subject, [String]) = { lookup.fill($0) }
        let report = CheckRunner(CheckOptions(paths: paths, configFile: config, failOn: failOn, repositoryRoot: repoRoot,
                                              online: online, onlineContext: onlineContext)).run()
        let environment = ProcessInfo.processInfo.environment
        switch format {
        case .text:
            let options = ReportOptions(color: color.enabled(isTerminal: isatty(1) == 1, environment: environment))
            print(CheckTextReporter(options: options).render(report), terminator: "")
        case .json: print(JSONReporter().report(report), terminator: "")
        case .sarif: print(SARIFReporter(informationURI: nil).render(report), terminator: "")
        case .junit: print(JUnitReporter().render(report), terminator: "")
        case .github: print(GitHubReporter().render(report), terminator: "")
        }
        // Errors reading inputs go to stderr, one line each (the text report leaves them out, so
        // each is said once), and are not lost in a report file.
        for error in report.allErrors {
            FileHandle.standardError.write(Data("assertlint: \(error.description)\n".utf8))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
