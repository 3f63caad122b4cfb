import ArgumentParser
import AssertLintKit
import Foundation

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github
}

extension FailThreshold: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
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

    @Flag(help: "Fill in each request's context from the server: discovery documents from the hosts in .assertlint.yml's online.hosts and the origin named by --issuer/--org-url/OKTA_ORG_URL; the app's registration with OKTA_API_TOKEN or OKTA_ACCESS_TOKEN, sent only to that origin. Also `online: true` in .assertlint.yml.")
    var online = false

    @Flag(help: "Name unreadable directories, file names that are not UTF-8 and paths over PATH_MAX on stderr, but do not exit 2 for them.")
    var skipUnreadable = false

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout, atomically (a temporary file in the same directory, then rename): an interrupted run leaves the old file or none, never half a report.", valueName: "file"))
    var outputFile: String?

    @Flag(help: "Print only findings and errors: text leaves out the summary line; json, sarif, junit and github are complete documents and do not change.")
    var quiet = false

    @OptionGroup var network: NetworkOptions

    /// Writes a non-empty piece.
    static func write(_ text: String, _ emit: (String) -> Void) {
        if !text.isEmpty { emit(text) }
    }

    @OptionGroup var servers: ServerOptions

    func run() throws {
        let extraProfiles = try servers.profiles()
        let forcedServer = try servers.forced(among: ProfileSet.bundled.adding(extraProfiles))
        Output.shared.useGitHubFormat(format == .github)
        Output.shared.useJSONDocument(format == .json || format == .sarif)
        if let outputFile { try Output.shared.collect(into: outputFile) }
        // With --online, bad network options are one error up front. Without it, `online:` in a
        // config file may still ask for lookups: the options (and the CA and token files) are
        // read only when the first one runs, and a problem with them is that file's error.
        let eager = online ? try network.lookup(restrictDiscovery: true) : nil
        let lazy = LazyLookup { [network] in try network.lookup(restrictDiscovery: true) }
        let onlineContext: @Sendable (Subject, [Origin]) -> (Subject, [String]) = { subject, hosts in
            switch eager.map(Result.success) ?? lazy.value {
            case .success(let lookup): return lookup.fill(subject, discoveryHosts: hosts)
            case .failure(let error): return (subject, [String(describing: error)])
            }
        }
        var options = CheckOptions(paths: paths, configFile: config, failOn: failOn, repositoryRoot: repoRoot,
                                   online: online, onlineContext: onlineContext)
        options.skipUnreadable = skipUnreadable
        options.server = forcedServer
        options.profiles = extraProfiles
        let runner = CheckRunner(options)
        let environment = ProcessInfo.processInfo.environment
        let report: CheckReport
        // Every credential the requests hold is known before anything is printed: CheckRunner
        // learns each file's text as it is read and each request as it is judged. Text and
        // annotations are written as the files are judged, in path order; the JSON, SARIF and JUnit
        // documents are spooled (redacted) as the files come and written whole at the end.
        switch format {
        case .text:
            let colour = outputFile == nil && color.enabled(isTerminal: isatty(1) == 1, environment: environment)
            Output.shared.allowColour(colour)
            let reporter = CheckTextReporter(options: ReportOptions(color: colour), quiet: quiet)
            var notes = CheckTextReporter.OnlineNotes()
            var context: CheckReport?
            report = runner.run(start: { context = $0 }, each: { file in
                notes.add(file)
                if let context { Self.write(reporter.fileText(file, in: context)) { Output.shared.out($0) } }
            })
            Output.shared.out(reporter.trailer(report, notes: notes))
        case .json:
            // A machine document is written whole or not at all (a signal during the run leaves
            // no byte of it): its pieces are spooled, redacted, as the files are judged (memory
            // stays flat), and `document` writes it once the run is over.
            var stream = JSONReporter.CheckStream()
            var context: CheckReport?
            let spool = DocumentSpool()
            report = runner.run(start: { context = $0; Output.shared.spool(stream.head(), into: spool) }, each: { file in
                if let context { Output.shared.spool(stream.bytes(of: file, in: context), into: spool) }
            })
            Output.shared.spool(stream.tail(report), into: spool)
            Output.shared.document(spool)
        case .github:
            let reporter = GitHubReporter()
            var context: CheckReport?
            report = runner.run(start: { context = $0; Self.write(reporter.head($0)) { Output.shared.gitHubCommands($0) } }, each: { file in
                if let context { Self.write(reporter.commands(for: file, in: context)) { Output.shared.gitHubCommands($0) } }
            })
        case .sarif:
            // Totals and rules come before the results: results and notifications are spooled
            // as the files come, and the document is put together at the end.
            var stream = SARIFReporter.CheckStream(SARIFReporter(informationURI: nil), results: DocumentSpool(),
                                                   notifications: DocumentSpool(), put: { Output.shared.spool($0, into: $1) })
            var context: CheckReport?
            report = runner.run(start: { context = $0 }, each: { file in
                if let context { stream.add(file, in: context) }
            })
            Output.shared.document(stream.finish(report))
        case .junit:
            var stream = JUnitReporter.CheckStream(suites: DocumentSpool(), put: { Output.shared.spool($0, into: $1) })
            var context: CheckReport?
            report = runner.run(start: { context = $0 }, each: { file in
                if let context { stream.add(file, in: context) }
            })
            Output.shared.document(stream.finish(report))
        }
        // Errors reading inputs go to stderr, one line each (the text report leaves them out, so
        // each is said once), and are not lost in a report file.
        for notice in report.notices {
            Output.shared.error(notice)
        }
        for error in report.allErrors {
            Output.shared.error(error.description)
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The online lookup `check` builds when a config file first asks for one.
final class LazyLookup: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () throws -> OnlineLookup
    private var made: Result<OnlineLookup, Error>?

    init(_ make: @escaping @Sendable () throws -> OnlineLookup) {
        self.make = make
    }

    var value: Result<OnlineLookup, Error> {
        lock.withLock {
            if let made { return made }
            let result = Result { try make() }
            made = result
            return result
        }
    }
}
