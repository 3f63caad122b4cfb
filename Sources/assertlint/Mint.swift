import ArgumentParser
import AssertLintKit
import Foundation

struct Mint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mint",
        abstract: "Print a correct client assertion (or the whole curl request) for a client and endpoint, as the server's profile wants it.",
        usage: """
            assertlint mint --private-key <file> --client-id <id> --endpoint <url> [<options>]
            assertlint mint --server <id> --tenant <name> --key <file> [--cert <file>] [...]
            assertlint mint --private-key <file> --fix <request file> [--curl] [<options>]
            assertlint mint --secret-env <var> --client-id <id> --endpoint <url> [<options>]
            """,
        discussion: """
            The server profile is chosen as diagnose chooses it: --server, else the fixture's `server:`, else the \
            endpoint URL's profile, else rfc7523. Claims: iss = sub = client id; aud = the first value of the \
            profile's audience.accepts that the URL tells (deprecated kinds last), always one JSON string: the exact \
            endpoint URL (Okta), the issuer (Auth0 with its trailing slash, Keycloak's realm, RFC 10070, FAPI 2.0; \
            --issuer when the URL does not tell it), the realm's token URL (Entra ID, the v2 URL); iat = now; \
            exp = iat + 5 minutes, or half of the profile's tightest lifetime cap when that is shorter (Keycloak's \
            60 s after iat gives 30 s, Auth0's 300 s from iat to exp gives 150 s); a new random jti. alg: the key's \
            usual algorithm when the profile accepts it, else the first of the profile's algorithms the key signs. \
            With --cert, the header carries the thumbprint the profile looks keys up by first (keys.lookup: \
            x5t#S256 for Entra ID; an RSA key then signs PS256, or RS256 with --x5t sha1, as MSAL does). With \
            --verbose, what was chosen and why is printed on stderr; the assertion alone goes to stdout. \
            Sign with a private key (private_key_jwt) or with a client secret read from an environment variable \
            (client_secret_jwt). With --fix, the endpoint, client id, scope and key come from a fixture, curl \
            command or HTTP request file, and the output is the assertion that request should have carried.
            """)

    @Option(name: [.customLong("private-key"), .customLong("key")],
            help: ArgumentHelp("The private key to sign with: PEM (PKCS#8, PKCS#1, SEC1) or a private JWK (--key is an alias).", valueName: "file"))
    var keyFile: String?

    @Option(help: ArgumentHelp("The app's registered public keys (JWKS, JWK, PEM public key or certificate): kid becomes the kid of the one that matches the private key.", valueName: "file"))
    var jwks: String?

    @Option(name: .customLong("secret-env"), help: "Name of the environment variable holding the client secret (HS256/384/512).")
    var secretEnv: String?

    @Option(name: .customLong("client-id"), help: "The client id (iss and sub).")
    var clientID: String?

    @Option(help: "The exact URL the request is sent to, e.g. https://{domain}/oauth2/v1/token; it picks the server profile unless --server does.")
    var endpoint: String?

    @Option(help: ArgumentHelp("Mint as this server profile wants it (e.g. okta-org, entra, keycloak@26.3); default: the fixture's `server:`, else the URL's profile, else rfc7523.", valueName: "id"))
    var server: String?

    @Option(help: ArgumentHelp("Read an extra server profile from this YAML file (repeatable; see docs/profiles.md).", valueName: "file"))
    var profileFile: [String] = []

    @Option(help: ArgumentHelp("Instead of --endpoint: build the token URL of this tenant from the --server profile's first host and token path (Entra ID's tenant id or domain, Auth0's or Okta's subdomain).", valueName: "tenant"))
    var tenant: String?

    @Option(help: ArgumentHelp("The server's issuer identifier, for a profile that wants the issuer as aud when the URL does not tell it (rfc10070, fapi2).", valueName: "url"))
    var issuer: String?

    @Option(name: .customLong("fix"), help: "The request to mint the assertion for: a fixture, curl command or HTTP request file, or '-' to paste it.")
    var fixture: String?

    @Option(help: "Seconds from iat to exp, within the profile's lifetime caps (default: 300, or half the tightest cap when that is shorter).")
    var lifetime: Int?

    @Option(help: "Signing algorithm (default: the key's usual one, RS256 for RSA, ES256/384/512 by curve, HS256 for a secret, when the profile accepts it; else the first of the profile's algorithms the key signs).")
    var alg: String?

    @Option(help: "The kid header value (default: the kid of the matching key in --jwks or the --fix fixture's app.jwks, else the JWK's kid).")
    var kid: String?

    @Flag(name: .customLong("kid-thumbprint"), help: "Use the key's RFC 7638 thumbprint as kid.")
    var kidThumbprint = false

    @Option(help: ArgumentHelp("The certificate registered for the key (PEM or DER, as Entra ID registers it): its thumbprint goes in the header.", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("With --cert: the thumbprint header to send, x5t (SHA-1), x5t#S256 (SHA-256) or both (default: the first the profile's keys.lookup names, else sha256; an RSA key signs PS256 with x5t#S256 and RS256 with x5t alone, as MSAL does).", valueName: "sha1|sha256|both"))
    var x5t: String?

    @Option(help: "Scope to request (with --curl, for the token endpoint).")
    var scope: String?

    @Flag(help: "Print a complete curl command for the request instead of the bare assertion.")
    var curl = false

    @Flag(name: .shortAndLong, help: "Print what was chosen and why (the profile, aud, lifetime, alg, thumbprint header), one `mint:` line each on stderr.")
    var verbose = false

    func run() throws {
        if keyFile != nil && secretEnv != nil { throw UsageError("give either --private-key or --secret-env, not both") }
        if kid != nil && kidThumbprint { throw UsageError("give either --kid or --kid-thumbprint, not both") }
        if let lifetime, lifetime <= 0 { throw UsageError("--lifetime \(lifetime): must be at least 1 second") }
        if tenant != nil && endpoint != nil { throw UsageError("give either --tenant or --endpoint, not both") }
        let subject = try fixture.map(loadSubject)
        let profiles = try profileSet()
        let forced = try forcedProfile(profiles)
        let url: String
        if let given = endpoint ?? subject?.target?.endpointURL ?? subject?.request?.url {
            url = given
        } else if let tenant {
            var profile = forced
            if profile == nil, let id = subject?.requestedServer { profile = try Self.resolve(id, in: profiles, flag: "server") }
            guard let profile else { throw UsageError("--tenant needs --server ID (the profile whose token URL it fills)") }
            switch MintPlan.tokenURL(profile, tenant: tenant) {
            case .success(let built): url = built
            case .failure(let e): throw UsageError(e.description)
            }
        } else {
            throw UsageError("give --endpoint URL (the exact URL the request is sent to), --server ID --tenant NAME, or --fix FILE")
        }
        guard let endpointURL = EndpointURL(url) else { throw UsageError("--endpoint '\(url)' is not an absolute URL") }
        // The profile is chosen as diagnose chooses it: --server, the fixture's `server:`, the URL.
        var chosen = subject ?? Subject(source: "mint", request: nil, assertion: .absent)
        chosen.target = ServerTarget.classify(endpointURL)
        try ProfileSelection(set: profiles, forced: forced.map { ($0, "--server \($0.id)") }).apply(to: &chosen)
        guard let target = chosen.target else { throw UsageError("--endpoint '\(url)' is not an absolute URL") }
        guard let client = clientID ?? subject?.expectedClientID?.value ?? subject?.assertion.decoded?.issuer else {
            throw UsageError("give --client-id (or --fix with a fixture that names the client)")
        }

        var algorithm: JWSAlgorithm?
        if let alg {
            guard let a = JWSAlgorithm(rawValue: alg) else {
                throw UsageError("--alg \(alg): expected one of \(JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            algorithm = a
        }
        let flags = try ContextOverrides.parse(jwksFile: jwks, privateKeyFile: keyFile)
        let key = try signingKey(flags.privateKey, subject)
        let certificate = try cert.map(readCertificate)
        let thumbprints = try thumbprintChoice()
        let kidChoice: Minter.KidChoice = kidThumbprint ? .thumbprint : kid.map { .explicit($0) } ?? .fromKey
        let plan: MintPlan
        do {
            plan = try MintPlan(target: target, issuer: issuer, key: key, certificate: certificate != nil,
                                lifetime: lifetime.map(TimeInterval.init), algorithm: algorithm, thumbprints: thumbprints)
        } catch {
            throw UsageError(error.description)
        }
        let minter = Minter(key: key, clientID: client, audience: plan.audience, lifetime: plan.lifetime, lifetimeCap: plan.lifetimeCap,
                            algorithm: plan.algorithm, kid: kidChoice, registeredKeys: try registeredKeys(flags.jwks, subject),
                            certificate: certificate, thumbprints: plan.thumbprints)
        let assertion: String
        do {
            assertion = try minter.mint()
        } catch where error.about == "certificate" {
            throw InputError("--cert", error.description)
        } catch where error.about != nil {
            throw InputError(jwks != nil ? "--jwks" : "app.jwks", error.description)
        } catch {
            throw UsageError(error.description)
        }
        if verbose {
            let why = chosen.profileChoice.map { " (\($0.reason))" } ?? ""
            let lines = ["server \(target.profile.id)\(why)"] + plan.reasons
            Output.shared.err(lines.map { "mint: " + Escape.line($0) + "\n" }.joined())
        }
        guard curl else {
            Output.shared.out(assertion + "\n")
            return
        }
        var fields: [(String, String)]
        if case .form(let original)? = subject?.request?.body, !original.isEmpty {
            // The request as it was, with the new assertion in place of whatever credentials it carried.
            let replaced: Set<String> = ["client_assertion", "client_assertion_type", "client_secret"]
            fields = original.filter { !replaced.contains($0.name) }.map { ($0.name, $0.name == "client_id" ? client : $0.value) }
            if let scope { fields = fields.filter { $0.0 != "scope" } + [("scope", scope)] }
            let needsID = target.profile.clientID?.requiredInBody == true && !fields.contains { $0.0 == "client_id" }
            fields += Minter.formFields(assertion: assertion, endpoint: .other, scope: nil, clientID: needsID ? client : nil)
        } else {
            // A server that wants client_id beside the assertion (clientID.required_in_body) gets it.
            fields = Minter.formFields(assertion: assertion, endpoint: target.endpoint, scope: scope,
                                       clientID: target.profile.clientID?.requiredInBody == true ? client : nil)
        }
        Output.shared.out(Minter.curlCommand(url: target.endpointURL, fields: fields) + "\n")
    }

    /// The bundled profiles and `--profile-file`s, each read once.
    private func profileSet() throws(ProfileError) -> ProfileSet {
        var extra: [ServerProfile] = []
        for file in profileFile {
            extra.append(try ProfileLoader.read(path: file, known: ProfileSet.bundled.adding(extra).profiles))
        }
        return ProfileSet.bundled.adding(extra)
    }

    private func forcedProfile(_ set: ProfileSet) throws(ProfileError) -> ServerProfile? {
        guard let server else { return nil }
        return try Self.resolve(server, in: set, flag: "--server")
    }

    private static func resolve(_ id: String, in set: ProfileSet, flag: String) throws(ProfileError) -> ServerProfile {
        switch set.resolve(id) {
        case .success(let p): return p
        case .failure(let e): throw ProfileError(flag, "\(e.file): \(e.reason)")
        }
    }

    /// The request to mint for: a file, `-` for stdin (a pasted curl command or request), or the
    /// text itself, read the way `diagnose` reads its input.
    private func loadSubject(_ argument: String) throws -> Subject {
        let resolved = try InputText.resolve(argument) { () throws(InputError) -> String in try readStandardInput(source: "-") }
        let subjects = try InputReader.subjects(from: resolved.text, source: resolved.source)
        guard let first = subjects.first else { throw InputError(resolved.source, "no request in the input") }
        return first
    }

    /// The leaf certificate of `--cert`: the first certificate in the file.
    private func readCertificate(_ path: String) throws -> Certificate {
        let bytes: [UInt8]
        switch KeyFile.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw InputError("--cert", e.reason)
        }
        switch Certificate.read(bytes) {
        case .success(let certificates):
            guard let leaf = certificates.first else { throw InputError("--cert", "no certificate in the file") }
            return leaf
        case .failure(let e):
            throw InputError("--cert", e.reason)
        }
    }

    private func thumbprintChoice() throws -> [ThumbprintHash]? {
        guard let x5t else { return nil }
        guard cert != nil else { throw UsageError("--x5t needs --cert (the certificate whose thumbprint goes in the header)") }
        switch x5t.lowercased() {
        case "sha1", "x5t": return [.sha1]
        case "sha256", "x5t#s256", "s256": return [.sha256]
        case "both": return [.sha1, .sha256]
        default: throw UsageError("--x5t \(x5t): expected sha1, sha256 or both")
        }
    }

    /// The keys the server has registered: `--jwks`, else the `--fix` fixture's `app.jwks`.
    private func registeredKeys(_ flag: JSONValue?, _ subject: Subject?) throws -> JWKSet? {
        guard let value = flag ?? subject?.app.jwks else { return nil }
        switch JWKSet.parse(value) {
        case .success(let set): return set
        case .failure(let e): throw InputError(flag != nil ? "--jwks" : "app.jwks", e.reason)
        }
    }

    private func signingKey(_ flag: SigningKey?, _ subject: Subject?) throws -> Minter.Key {
        if let flag { return .privateKey(flag) }
        if let secretEnv {
            guard let value = ProcessInfo.processInfo.environment[secretEnv], !value.isEmpty else {
                throw UsageError("--secret-env \(secretEnv): the variable is not set or empty")
            }
            return .secret(ClientSecret(value))
        }
        if let k = subject?.app.privateKey { return .privateKey(k) }
        if let s = subject?.app.clientSecret { return .secret(s) }
        throw UsageError("give --private-key FILE (private_key_jwt) or --secret-env VAR (client_secret_jwt)")
    }
}
