import ArgumentParser
import AssertLintKit
import Foundation

/// The one command that sends a credential: it sends the request for real and compares the
/// server's answer with assertlint's prediction.
struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Send the request to the server for real and compare its answer with assertlint's prediction.",
        discussion: """
            This sends the credentials in the request (the assertion, a secret) to the URL in it. It asks for \
            confirmation on a terminal and needs --yes otherwise. Redirects are not followed. Exit status: 0 the \
            server answered as predicted, 1 it did not (the catalog may be wrong or Okta changed: the output says \
            how to report it), 2 usage, input or network errors.
            """)

    @Argument(help: "A file path, '-' for stdin, or the literal curl command or HTTP request.")
    var input: String?

    @Flag(help: "Send without asking.")
    var yes = false

    @OptionGroup var network: NetworkOptions

    func run() throws {
        try NetworkOptions.requireLibcurl(for: "probe")
        let resolved = try InputText.resolve(input) { () throws(InputError) -> String in try readStandardInput(source: "-") }
        let subjects = try InputReader.subjects(from: resolved.text, source: resolved.source)
        guard subjects.count == 1, let subject = subjects.first else {
            throw InputError(resolved.source, "probe sends one request; this input holds \(subjects.count)")
        }
        guard let request = subject.request else {
            throw InputError(resolved.source, "probe needs a request (a curl command, HTTP request or fixture), not a bare token")
        }
        Redactor.shared.learn(subject: subject)
        let prediction = Engine(rules: Registry.forDiagnose).run(subject)
        // The URL as written may carry credentials (userinfo, `?client_secret=`): never shown.
        let shownURL = Escape.line(URLDisplay.withoutCredentials(request.url))
        let shownMethod = Escape.line(request.method)
        if !yes {
            guard isatty(0) == 1 else {
                throw UsageError("probe sends the request's credentials to \(shownURL); pass --yes to confirm")
            }
            Output.shared.err("Send this \(shownMethod) request, with its credentials, to \(shownURL)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else { throw ExitCode(2) }
        }
        let prober = Prober(client: try network.client(followRedirects: false, for: "probe"))
        let result: ProbeResult
        do {
            result = try prober.probe(request, prediction: prediction)
        } catch {
            // NetworkError's text names the URL without its credentials; escaped, it is one line.
            throw UsageError(Escape.line(error.description))
        }
        // The server's words are input too: each line escaped, its echo of the credentials replaced.
        Output.shared.out(result.summaryLines.map { Escape.line($0) + "\n" }.joined() + "body: " + Escape.line(result.redactedBody) + "\n")
        if result.verdict != .agree { throw ExitCode(1) }
    }
}
