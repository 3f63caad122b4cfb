import ArgumentParser
import AssertLintKit
import Foundation

/// The options shared by everything that may talk to the server. Nothing is sent anywhere
/// unless one of these commands is asked to (`--online`, or `probe`).
struct NetworkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The issuer to read the discovery document from, when the request URL does not show it (custom URL domains, local stand-ins).", valueName: "url"))
    var issuer: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust (a corporate TLS proxy).", valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Seconds before a request to the server is given up.", valueName: "seconds"))
    var timeout: Double = 15

    /// The HTTP client these options describe.
    func client(followRedirects: Bool = true) throws -> HTTPClient {
        guard timeout > 0, timeout <= 300 else { throw UsageError("--timeout: give a number of seconds from 1 to 300") }
        if let cacert, !FileManager.default.isReadableFile(atPath: cacert) {
            throw InputError("--cacert", "\(cacert): no such file or not readable")
        }
        var options = HTTPClient.Options(cacert: cacert, timeout: timeout)
        options.followRedirects = followRedirects
        return HTTPClient(options: options)
    }

    /// Reads the server's facts for a subject: discovery, and the app's registration when a
    /// management credential is in the environment (OKTA_API_TOKEN or OKTA_ACCESS_TOKEN, or
    /// the files OKTA_API_TOKEN_FILE / OKTA_ACCESS_TOKEN_FILE name; never a flag).
    func lookup() throws -> OnlineLookup {
        OnlineLookup(client: try client(), issuer: issuer, credential: try ManagementCredential.fromEnvironment())
    }
}
