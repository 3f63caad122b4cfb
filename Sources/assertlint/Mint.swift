import ArgumentParser
import AssertLintKit
import Foundation

struct Mint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a correct client assertion (or the whole curl request) for a client and endpoint.",
        usage: """
            assertlint mint --private-key <file> --client-id <id> --endpoint <url> [<options>]
            assertlint mint --private-key <file> --fix <request file> [--curl] [<options>]
            assertlint mint --secret-env <var> --client-id <id> --endpoint <url> [<options>]
            """,
        discussion: """
            Claims: iss = sub = client id, aud = the exact endpoint URL, iat = now, exp = now + lifetime, \
            a random jti. Sign with a private key (private_key_jwt) or with a client secret read from an \
            environment variable (client_secret_jwt). With --fix, the endpoint, client id, scope and key come \
            from a fixture, curl command or HTTP request file, and the output is the assertion that request \
            should have carried.
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

    @Option(help: "The exact URL the request is sent to (aud), e.g. https://{domain}/oauth2/v1/token.")
    var endpoint: String?

    @Option(name: .customLong("fix"), help: "The request to mint the assertion for: a fixture, curl command or HTTP request file, or '-' to paste it.")
    var fixture: String?

    @Option(help: "Seconds until exp, at most 3600 (Okta refuses an exp more than an hour ahead).")
    var lifetime: Int = 300

    @Option(help: "Signing algorithm (default: RS256 for RSA, ES256/384/512 by curve, HS256 for a secret).")
    var alg: String?

    @Option(help: "The kid header value (default: the kid of the matching key in --jwks or the --fix fixture's app.jwks, else the JWK's kid).")
    var kid: String?

    @Flag(name: .customLong("kid-thumbprint"), help: "Use the key's RFC 7638 thumbprint as kid.")
    var kidThumbprint = false

    @Option(help: ArgumentHelp("The certificate registered for the key (PEM or DER, as Entra ID registers it): its thumbprint goes in the header.", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("With --cert: the thumbprint header to send, x5t (SHA-1), x5t#S256 (SHA-256) or both (default sha256; an RSA key then signs PS256, as MSAL does).", valueName: "sha1|sha256|both"))
    var x5t: String?

    @Option(help: "Scope to request (with --curl, for the token endpoint).")
    var scope: String?

    @Flag(help: "Print a complete curl command for the request instead of the bare assertion.")
    var curl = false

    func run() throws {
        if keyFile != nil && secretEnv != nil { throw UsageError("give either --private-key or --secret-env, not both") }
        if kid != nil && kidThumbprint { throw UsageError("give either --kid or --kid-thumbprint, not both") }
        guard lifetime > 0, TimeInterval(lifetime) <= Minter.maxLifetime else {
            throw UsageError("--lifetime \(lifetime): must be between 1 and \(Int(Minter.maxLifetime)) seconds (Okta refuses an exp more than one hour ahead)")
        }
        let subject = try fixture.map(loadSubject)
        let url = endpoint ?? subject?.target?.endpointURL ?? subject?.request?.url
        guard let url else { throw UsageError("give --endpoint URL (the exact URL the request is sent to) or --fix FILE") }
        guard let endpointURL = EndpointURL(url) else { throw UsageError("--endpoint '\(url)' is not an absolute URL") }
        let target = ServerTarget.classify(endpointURL)
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
        let minter = Minter(key: key, clientID: client, audience: target.endpointURL, lifetime: TimeInterval(lifetime),
                            algorithm: algorithm, kid: kidChoice, registeredKeys: try registeredKeys(flags.jwks, subject),
                            certificate: certificate, thumbprints: thumbprints)
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
            fields += Minter.formFields(assertion: assertion, endpoint: .other, scope: nil, clientID: nil)
        } else {
            fields = Minter.formFields(assertion: assertion, endpoint: target.endpoint, scope: scope, clientID: nil)
        }
        Output.shared.out(Minter.curlCommand(url: target.endpointURL, fields: fields) + "\n")
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

    private func thumbprintChoice() throws -> [ThumbprintHash] {
        guard let x5t else { return [.sha256] }
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
