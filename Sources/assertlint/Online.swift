import ArgumentParser
import AssertLintKit
import Foundation

/// The options shared by everything that may talk to the server. Nothing is sent anywhere
/// unless one of these commands is asked to (`--online`, or `probe`).
struct NetworkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The issuer to read the discovery document from, when the request URL does not show it (custom URL domains, local stand-ins). Without --org-url or OKTA_ORG_URL, its origin is also where the management token goes.", valueName: "url"))
    var issuer: String?

    @Option(help: ArgumentHelp("The only origin the management token (OKTA_API_TOKEN, OKTA_ACCESS_TOKEN) is sent to, e.g. https://myorg.okta.com; default: OKTA_ORG_URL, else the --issuer origin. Never a host the input names.", valueName: "url"))
    var orgUrl: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust (a corporate TLS proxy); a pipe such as <(cat ca.pem) works. Read once, at most 1 MiB.", valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Seconds before a request to the server is given up: 0.1 to 300, decimals allowed.", valueName: "seconds"))
    var timeout: Double = 15

    static let timeoutRange = 0.1...300.0

    /// libcurl is opened here, the first time the network is needed; without it, `feature`
    /// (`--online`, `probe`) fails with one line and exit 2.
    static func requireLibcurl(for feature: String) throws {
        if let problem = SystemLibraries.libcurlProblem(for: feature) { throw UsageError(problem) }
    }

    /// The HTTP client these options describe; the CA file is read here, once.
    func client(followRedirects: Bool = true, for feature: String = "--online") throws -> HTTPClient {
        try Self.requireLibcurl(for: feature)
        guard Self.timeoutRange.contains(timeout) else { throw UsageError("--timeout: give a number of seconds from 0.1 to 300") }
        var options = HTTPClient.Options(cacert: cacert, timeout: timeout)
        options.followRedirects = followRedirects
        let client = HTTPClient(options: options)
        do {
            try client.loadCA()
        } catch {
            guard case .caFile(let path, let reason) = error.cause else { throw UsageError(error.causeText) }
            throw InputError("--cacert \(path)", reason)
        }
        return client
    }

    /// Reads the server's facts for a subject: discovery, and the app's registration when a
    /// management credential is in the environment (OKTA_API_TOKEN or OKTA_ACCESS_TOKEN, or
    /// the files OKTA_API_TOKEN_FILE / OKTA_ACCESS_TOKEN_FILE name; never a flag) and the origin it
    /// belongs to is named (--org-url, OKTA_ORG_URL or --issuer). The credential is read when
    /// the first lookup needs it, so a run that never goes online never reads a token file.
    /// `check` reads discovery only from the named origins and the config's `online.hosts`.
    func lookup(restrictDiscovery: Bool) throws -> OnlineLookup {
        // Before the URLs are read: libcurl parses them.
        try Self.requireLibcurl(for: "--online")
        let environment = ProcessInfo.processInfo.environment
        let access = try OnlineAccess.from(orgURL: orgUrl, issuer: issuer, environment: environment,
                                           restrictDiscovery: restrictDiscovery)
        return OnlineLookup(client: try client(), issuer: issuer, credentialSource: CredentialSource(environment: environment),
                            access: access)
    }
}
