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
        let colour = color.enabled(isTerminal: isatty(1) == 1, environment: environment)
        Output.shared.allowColour(colour)
        Output.shared.useJSONDocument(format == .json)
        return ReportOptions(color: colour, showSecrets: showSecrets, width: width, detail: detail)
    }
}

/// Reads stdin to its first end of file (one Ctrl-D ends a paste), refusing more than any real paste.
/// `prompt` is printed once the terminal is ready for the paste, so a paste made the moment the
/// prompt appears is read whole.
func readStandardInput(source: String, prompt: (() -> Void)? = nil) throws(InputError) -> String {
    switch StandardInput.readAll(limit: InputText.maxBytes, whenReady: prompt) {
    case .success(let bytes): return try InputText.text(bytes, source: source)
    case .failure: throw InputError(source, "cannot read standard input")
    }
}

/// What an interactive `diagnose` says before reading: what to paste, how to finish, and that
/// the paste stays on this machine.
func pastePrompt(online: Bool) -> String {
    let privacy = online
        ? "Your paste is not sent anywhere;\n--online reads only the server's discovery document and app registration."
        : "Nothing is sent anywhere."
    return "Paste a token, curl command, HTTP request or HAR, then press Ctrl-D\n(on Windows terminals: Ctrl-Z, then Enter). \(privacy)\n"
}

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Diagnose one token, curl command, HTTP request or fixture.",
        usage: "assertlint [diagnose] [<options>] [<input>]",
        discussion: "Exit status: 0 when nothing is an error (warnings allowed), 1 when the server would reject the request, 2 on usage or input errors.")

    @Argument(help: "A file path, '-' for stdin, or a literal token or command. Omit to paste interactively.")
    var input: String?

    @Option(help: ArgumentHelp("The time to judge exp, iat and nbf at: ISO 8601 or epoch seconds.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("The client_id registered at Okta.", valueName: "id"))
    var clientId: String?

    @Option(help: ArgumentHelp("The app's token_endpoint_auth_method: client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt or none.", valueName: "method"))
    var authMethod: String?

    @Option(help: ArgumentHelp("The app type: service, web, spa, native or api-service-integration (an OIN API service integration).", valueName: "type"))
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

    @Option(help: ArgumentHelp("A Postman environment export whose values fill the collection's {{variables}}.", valueName: "file"))
    var postmanEnvironment: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var servers: ServerOptions

    @Flag(help: "Print signatures, secrets and credentials in full (they are hidden by default). Management API tokens from the environment are never printed.")
    var showSecrets = false

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout, atomically (a temporary file in the same directory, then rename).", valueName: "file"))
    var outputFile: String?

    @Flag(help: "Print only findings and errors: text gives one line per finding (no decoded token, notes or summary); json is unchanged.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the decoded request, app and assertion, each rule's explanation, and how the input was read.")
    var verbose = false

    @Flag(help: "Print only the server's answer and the fix lines.")
    var brief = false

    @Flag(help: "Read the server's discovery document (and, with OKTA_API_TOKEN or OKTA_ACCESS_TOKEN and OKTA_ORG_URL or --org-url set, the app's registration from that origin) to fill in what the flags do not say.")
    var online = false

    @OptionGroup var network: NetworkOptions

    func run() throws {
        if verbose && brief { throw UsageError("--brief: give either --brief or --verbose, not both") }
        Redactor.shared.showSecrets(showSecrets)
        if let outputFile { try Output.shared.collect(into: outputFile) }
        let environment = ProcessInfo.processInfo.environment
        let overrides = try ContextOverrides.parse(
            now: now, clientID: clientId, authMethod: authMethod, appType: appType, jwksFile: jwks,
            secretEnv: secretEnv, seenJTIs: seenJti, endpoint: endpoint, privateKeyFile: privateKey, environment: environment)
        let extraProfiles = try servers.profiles()
        let profileSet = ProfileSet.bundled.adding(extraProfiles)
        let selection = ProfileSelection(set: profileSet, forced: try servers.forced(among: profileSet).map { ($0, "--server \($0.id)") })
        let interactive = input == nil && isatty(0) == 1
        let resolved = try InputText.resolve(input) { () throws(InputError) -> String in
            let prompt = pastePrompt(online: online)
            return try readStandardInput(source: "-", prompt: interactive ? { Output.shared.err(prompt) } : nil)
        }
        let loader = FixtureLoader(environment: environment, realNow: overrides.now ?? Date())
        let postman = try postmanEnvironment.map { path throws(InputError) in try PostmanEnvironment.load(path) }
        // The server's error pasted without the request: say what produces it and what to paste.
        let serverTexts = extraProfiles.isEmpty ? ServerTexts.bundled : ServerTexts(profileSet)
        let named = selection.forced?.profile.id
        if let (answer, lookup) = ServerAnswerInput.read(resolved.text, texts: serverTexts, server: named) {
            printServerAnswerAlone(answer, lookup, serverTexts)
            return
        }
        let read: [Subject]
        do {
            read = try InputReader.subjects(from: resolved.text, source: resolved.source, loader: loader, postmanEnvironment: postman)
            try Self.requireSomethingToJudge(read, source: resolved.source)
        } catch {
            // Nothing to judge, but the text quotes a server's answer (a log line, a stack
            // trace, prose around the error): say what produces it and what to paste.
            if let (answer, lookup) = ServerAnswerInput.find(in: resolved.text, texts: serverTexts, server: named) {
                printServerAnswerAlone(answer, lookup, serverTexts)
                return
            }
            throw error
        }
        var subjects = read.map(overrides.apply)
        for i in subjects.indices { try selection.apply(to: &subjects[i]) }
        var judged = subjects
        var onlineFailures: [String] = []
        if online {
            let lookup = try network.lookup(restrictDiscovery: false)
            judged = subjects.map { subject in
                let (filled, failures) = lookup.fill(subject)
                onlineFailures += failures
                return filled
            }
        }
        for subject in judged { Redactor.shared.learn(subject: subject) }
        let engine = Engine(rules: Registry.forDiagnose)
        // Several requests in one paste are judged in order, then against each other (a replay).
        let diagnoses = CrossRequest.markReplays(in: judged.map(engine.run))
        switch output.format {
        case .text where quiet: Output.shared.out(CheckTextReporter().findingLines(diagnoses))
        case .text:
            let detail: ReportDetail = brief ? .brief : verbose ? .verbose : .concise
            Output.shared.out(TextReporter(options: output.reportOptions(showSecrets: showSecrets, detail: detail)).report(diagnoses))
        case .json:
            Output.shared.useJSONDocument(true)
            Output.shared.out(JSONReporter().report(diagnoses))
        }
        // The offline diagnosis is printed, but what was asked for could not be done: exit 2.
        for failure in onlineFailures {
            Output.shared.error(failure)
        }
        if !onlineFailures.isEmpty { throw ExitCode(2) }
        if diagnoses.contains(where: { $0.count(.error) > 0 }) { throw ExitCode(1) }
    }
}

extension Diagnose {
    private func printServerAnswerAlone(_ answer: ServerAnswerInput, _ lookup: ExplainLookup, _ texts: ServerTexts) {
        switch output.format {
        case .text:
            Output.shared.out(ServerAnswerReporter(options: output.reportOptions()).serverAnswerAlone(answer, lookup: lookup, texts: texts))
        case .json:
            Output.shared.out(ServerAnswerReporter().serverAnswerAloneJSON(answer, lookup: lookup))
        }
    }

    /// A lone token that is not in the input (`eyJhbGciOi...`, `$JWT`, `<token>`) leaves
    /// nothing to judge. "no problems found" would pass a CI gate on a placeholder, and a
    /// finding would claim Okta rejects a token nobody has seen, so it is an input error.
    static func requireSomethingToJudge(_ subjects: [Subject], source: String) throws(InputError) {
        guard subjects.count == 1, let only = subjects.first, only.request == nil,
              case .unseen(let why) = only.assertion else { return }
        throw InputError(source, "the input holds no complete token: " + Escape.line(why))
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules in the catalog.")

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Show this server profile's answer as a column (e.g. entra, keycloak@26.3).", valueName: "id"))
    var server: String?

    func run() throws {
        let reporter = CatalogReporter(options: output.reportOptions())
        let server = try self.server.map { id throws(ProfileError) in
            switch ProfileSet.bundled.resolve(id) {
            case .success(let p): return p
            case .failure(let e): throw ProfileError("--server", "\(e.file): \(e.reason)")
            }
        }
        switch output.format {
        case .text: Output.shared.out(reporter.rulesTable(Catalog.bundled, server: server))
        case .json: Output.shared.out(reporter.rulesJSON(Catalog.bundled))
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, or which rules produce a pasted server error.",
        discussion: "Give a rule id (assertlint rules lists them), a server's error_description (an Entra AADSTS code, a Keycloak phrase, a log line), or the whole error JSON as one argument; '-' reads it from stdin. Text that is no rule's answer lists the closest rules (at most 5). Exit status: 0 explained, 1 the text is no rule's answer, 2 unknown rule id.")

    @Argument(help: "A rule id, or a server's error_description / error JSON / log line ('-' for stdin).")
    var query: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        let text = query == ["-"] ? try readStandardInput(source: "-") : query.joined(separator: " ")
        Redactor.shared.learn(text: text)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError("explain", "give a rule id or a server's error text")
        }
        let reporter = CatalogReporter(options: output.reportOptions())
        switch ExplainLookup.lookup(text, in: Catalog.bundled) {
        case .rule(let entry):
            switch output.format {
            case .text: Output.shared.out(reporter.explain(entry))
            case .json: Output.shared.out(reporter.entryJSON(entry).prettyText + "\n")
            }
        case .serverText(let matches):
            switch output.format {
            case .text: Output.shared.out(reporter.matches(matches))
            case .json:
                // The rules with a catalog entry, each in full, then every server answer matched
                // (also for rules not in the catalog yet).
                let rules = ExplainLookup.serverText(matches).ruleIDs.compactMap { Catalog.bundled[$0] }
                Output.shared.out(JSONValue.array(rules.map(reporter.entryJSON) + matches.filter { Catalog.bundled[$0.ruleID] == nil }
                    .map { reporter.serverTextJSON($0) }).prettyText + "\n")
            }
        case .errorCode(let code, let entries):
            switch output.format {
            case .text: Output.shared.out(reporter.matches(entries, errorCode: code))
            case .json: Output.shared.out(JSONValue.array(entries.map(reporter.entryJSON)).prettyText + "\n")
            }
        case .unknownRule(let id, let suggestion):
            let hint = suggestion.map { "did you mean \($0)?" } ?? "assertlint rules lists them"
            throw UsageError("\(id): no such rule; \(hint)")
        case .closest(let entries, let code):
            switch output.format {
            case .text: Output.shared.out(ServerAnswerReporter(options: output.reportOptions()).closest(entries, errorCode: code))
            case .json: Output.shared.out(JSONValue.array(entries.map(reporter.entryJSON)).prettyText + "\n")
            }
            throw ExitCode(1)
        case .noMatch:
            switch output.format {
            case .text: Output.shared.out("No rule matches this text; `assertlint rules` lists them all.\n")
            case .json: Output.shared.out("[]\n")
            }
            throw ExitCode(1)
        }
    }
}
