import ArgumentParser
import AssertLintKit
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ColorMode: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Colour: auto (only on a terminal, off with NO_COLOR or TERM=dumb), always or never.")
    var color: ColorMode = .auto

    func reportOptions(showSecrets: Bool = false, detail: ReportDetail = .concise) -> ReportOptions {
        let environment = ProcessInfo.processInfo.environment
        // The terminal's own width (bash sets COLUMNS without exporting it), then COLUMNS, then 80.
        let width = Terminal.width(terminalColumns: Terminal.columns(of: 1), environment: environment)
        return ReportOptions(color: color.enabled(isTerminal: isatty(1) == 1, environment: environment),
                             showSecrets: showSecrets, width: width, detail: detail)
    }
}

/// Reads stdin to its end, refusing more than any real paste.
func readStandardInput(source: String) throws(InputError) -> String {
    var data = Data()
    while data.count <= InputText.maxBytes {
        let chunk: Data?
        do {
            chunk = try FileHandle.standardInput.read(upToCount: 1 << 16)
        } catch {
            throw InputError(source, "cannot read standard input")
        }
        guard let chunk, !chunk.isEmpty else { break }
        data.append(chunk)
    }
    return try InputText.text(Array(data), source: source)
}

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Diagnose one token, curl command, HTTP request or fixture.",
        discussion: "Exit status: 0 when nothing is an error (warnings allowed), 1 when Okta would reject the request, 2 on usage or input errors.")

    @Argument(help: "A file path, '-' for stdin, or a literal token or command. Omit to paste interactively.")
    var input: String?

    @Option(help: ArgumentHelp("The time to judge exp, iat and nbf at: ISO 8601 or epoch seconds.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("The client_id registered at Okta.", valueName: "id"))
    var clientId: String?

    @Option(help: ArgumentHelp("The app's token_endpoint_auth_method: client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt or none.", valueName: "method"))
    var authMethod: String?

    @Option(help: ArgumentHelp("The app type: service, web, spa or native.", valueName: "type"))
    var appType: String?

    @Option(help: ArgumentHelp("The app's registered public keys: a JWKS or JWK JSON file, a PEM public key, or a PEM/DER certificate.", valueName: "file"))
    var jwks: String?

    @Option(help: ArgumentHelp("The private key the client signs with (PEM PKCS#1/PKCS#8/SEC1 or JWK), to compare with the registered keys. It is never printed.", valueName: "file"))
    var privateKey: String?

    @Option(help: ArgumentHelp("The environment variable holding the client secret (for client_secret_jwt).", valueName: "var"))
    var secretEnv: String?

    @Option(help: ArgumentHelp("A jti the server has already accepted (repeatable).", valueName: "id"))
    var seenJti: [String] = []

    @Option(help: ArgumentHelp("For a bare token: the URL it will be sent to.", valueName: "url"))
    var endpoint: String?

    @OptionGroup var output: OutputOptions

    @Flag(help: "Print signatures, secrets and credentials in full (they are hidden by default).")
    var showSecrets = false

    @Flag(name: .shortAndLong, help: "Also print the decoded request, app and assertion, each rule's explanation, and how the input was read.")
    var verbose = false

    @Flag(help: "Print only the server's answer and the fix lines.")
    var brief = false

    @Flag(help: "Read the server's discovery document (and, with OKTA_API_TOKEN or OKTA_ACCESS_TOKEN set, the app's registration) to fill in what the flags do not say.")
    var online = false

    @OptionGroup var network: NetworkOptions

    func run() throws {
        if verbose && brief { throw UsageError("--brief: give either --brief or --verbose, not both") }
        let environment = ProcessInfo.processInfo.environment
        let overrides = try ContextOverrides.parse(
            now: now, clientID: clientId, authMethod: authMethod, appType: appType, jwksFile: jwks,
            secretEnv: secretEnv, seenJTIs: seenJti, endpoint: endpoint, privateKeyFile: privateKey, environment: environment)
        let interactive = input == nil && isatty(0) == 1
        let resolved = try InputText.resolve(input) { () throws(InputError) -> String in
            if interactive {
                FileHandle.standardError.write(Data("Paste a token, curl command or HTTP request, then press Ctrl-D (Ctrl-Z Enter on Windows):\n".utf8))
            }
            return try readStandardInput(source: "-")
        }
        let loader = FixtureLoader(environment: environment, realNow: overrides.now ?? Date())
        let subjects = try InputReader.subjects(from: resolved.text, source: resolved.source, loader: loader)
            .map(overrides.apply)
        var judged = subjects
        var onlineFailures: [String] = []
        if online {
            let lookup = try network.lookup()
            judged = subjects.map { subject in
                let (filled, failures) = lookup.fill(subject)
                onlineFailures += failures
                return filled
            }
        }
        let engine = Engine(rules: Registry.forDiagnose)
        let diagnoses = judged.map(engine.run)
        switch output.format {
        case .text:
            let detail: ReportDetail = brief ? .brief : verbose ? .verbose : .concise
            print(TextReporter(options: output.reportOptions(showSecrets: showSecrets, detail: detail)).report(diagnoses), terminator: "")
        case .json: print(JSONReporter().report(diagnoses), terminator: "")
        }
        // The offline diagnosis is printed, but what was asked for could not be done: exit 2.
        for failure in onlineFailures {
            FileHandle.standardError.write(Data("assertlint: \(failure)\n".utf8))
        }
        if !onlineFailures.isEmpty { throw ExitCode(2) }
        if diagnoses.contains(where: { $0.count(.error) > 0 }) { throw ExitCode(1) }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules in the catalog.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let reporter = CatalogReporter(options: output.reportOptions())
        switch output.format {
        case .text: print(reporter.rulesTable(Catalog.bundled), terminator: "")
        case .json: print(reporter.rulesJSON(Catalog.bundled), terminator: "")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule, or which rules produce a pasted Okta error.",
        discussion: "Give a rule id (assertlint rules lists them), Okta's error_description, or the whole error JSON as one argument; '-' reads it from stdin. Exit status: 0 explained, 1 the text matches no rule, 2 unknown rule id.")

    @Argument(help: "A rule id, or Okta's error_description / error JSON ('-' for stdin).")
    var query: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        let text = query == ["-"] ? try readStandardInput(source: "-") : query.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError("explain", "give a rule id or Okta's error text")
        }
        let reporter = CatalogReporter(options: output.reportOptions())
        switch ExplainLookup.lookup(text, in: Catalog.bundled) {
        case .rule(let entry):
            switch output.format {
            case .text: print(reporter.explain(entry), terminator: "")
            case .json: print(reporter.entryJSON(entry).prettyText)
            }
        case .serverText(let entries):
            switch output.format {
            case .text: print(reporter.matches(entries), terminator: "")
            case .json: print(JSONValue.array(entries.map(reporter.entryJSON)).prettyText)
            }
        case .errorCode(let code, let entries):
            switch output.format {
            case .text: print(reporter.matches(entries, errorCode: code), terminator: "")
            case .json: print(JSONValue.array(entries.map(reporter.entryJSON)).prettyText)
            }
        case .unknownRule(let id, let suggestion):
            let hint = suggestion.map { "did you mean \($0)?" } ?? "assertlint rules lists them"
            throw UsageError("\(id): no such rule; \(hint)")
        case .noMatch:
            switch output.format {
            case .text: print("No rule matches this text; `assertlint rules` lists them all.")
            case .json: print("[]")
            }
            throw ExitCode(1)
        }
    }
}
