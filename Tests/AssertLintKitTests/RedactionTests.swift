import Foundation
import Testing
@testable import AssertLintKit

/// People paste production tokens and CI logs are public: no output format may carry a full
/// signature, client secret, Basic credential, private-key member or management-API token.
/// `--show-secrets` is the only way to print them.
@Suite struct RedactionTests {
    static let root = GeneratedSourcesTests.root
    static let now = Date(timeIntervalSince1970: 1_748_872_800)

    // MARK: What counts as a secret

    /// Shorter values are too likely to occur by chance (and are not credentials worth the name).
    static let minimumLength = 12

    static func matches(_ pattern: String, in text: String, group: Int = 1) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let r = m.range(at: group)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
    }

    /// Secrets written in a text: JWS signature segments, client secrets, Basic credentials,
    /// private JWK members, PEM private key bodies, Okta API tokens.
    static func secrets(inText text: String) -> Set<String> {
        var out: Set<String> = []
        out.formUnion(matches(#"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.([A-Za-z0-9_-]{16,})"#, in: text))
        out.formUnion(matches(#"client_secret(?:_value)?["']?\s*[:=]\s*["']?([^\s"'&#]+)"#, in: text))
        out.formUnion(matches(#"sign_with_secret_value["']?\s*:\s*["']?([^\s"'#]+)"#, in: text))
        out.formUnion(matches(#"(?i)Basic\s+([A-Za-z0-9+/=]{12,})"#, in: text))
        out.formUnion(matches(#"(?i)SSWS\s+([A-Za-z0-9_-]{20,})"#, in: text))
        out.formUnion(matches(#"OKTA_API_TOKEN\s*[=:]\s*["']?([A-Za-z0-9_-]{20,})"#, in: text))
        out.formUnion(matches(#""(?:d|p|q|dp|dq|qi|k)"\s*:\s*"([A-Za-z0-9_-]{16,})""#, in: text))
        out.formUnion(matches(#"(?m)^\s*(?:d|p|q|dp|dq|qi):\s*["']?([A-Za-z0-9_-]{16,})"#, in: text))
        // A PEM private key: its base64 lines.
        for block in matches(#"-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END"#, in: text) {
            out.formUnion(block.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.count >= 40 })
        }
        return out.filter { $0.count >= minimumLength }
    }

    /// Secrets a loaded subject carries (assertions signed at load time included).
    static func secrets(in subject: Subject) -> Set<String> {
        var out: Set<String> = []
        if let compact = subject.assertion.decoded?.compact, let signature = compact.split(separator: ".").last, signature.count >= 16 {
            out.insert(String(signature))
        }
        if let secret = subject.app.clientSecret?.value { out.insert(secret) }
        if let request = subject.request {
            if let secret = request.form("client_secret")?.value { out.insert(secret) }
            if let basic = request.basicCredentials {
                out.insert(basic.password)
                if let header = request.header("Authorization") { out.insert(String(header.value.split(separator: " ").last ?? "")) }
            }
        }
        return out.filter { $0.count >= minimumLength }
    }

    /// Every private key under Fixtures/keys: no output may ever contain one.
    static let keySecrets: Set<String> = {
        let dir = root.appendingPathComponent("Fixtures/keys")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.reduce(into: Set<String>()) { out, name in
            if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) {
                out.formUnion(secrets(inText: text).filter { !$0.contains(".") })
            }
        }
    }()

    static func leaks(_ output: String, _ secrets: Set<String>) -> [String] {
        secrets.filter { output.contains($0) }.sorted().map { String($0.prefix(12)) + "…(\($0.count) chars)" }
    }

    // MARK: Inputs

    static var fixtureFiles: [String] {
        let base = root.appendingPathComponent("Fixtures")
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { !$0.hasPrefix("keys/") && !$0.hasSuffix(".md") }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path, isDirectory: &d) && !d.boolValue }
            .map { "Fixtures/" + $0 }
            .sorted()
    }

    static let sig = Base64URL.encode(Array((0..<256).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
    static let token = Base64URL.encode(#"{"alg":"RS256","kid":"k1"}"#) + "." +
        Base64URL.encode(#"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","iat":1748872800,"exp":1748873100,"jti":"r1"}"#) + "." + sig
    static let bearer = Base64URL.encode(#"{"alg":"RS256"}"#) + "." + Base64URL.encode(#"{"sub":"user"}"#) + ".QmVhcmVyU2lnbmF0dXJlVGhhdE11c3ROb3RMZWFrMDEyMzQ1Njc4OQ"
    static let apiToken = "00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEF"
    static let secretValue = "cl1ent-s3cret-never-print-me-0123456789"
    static let form = "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=\(token)"

    /// Crafted pastes, each holding one kind of credential next to an assertion.
    static let crafted: [(name: String, text: String)] = [
        ("basic header", "curl -X POST https://dev-123.okta.com/oauth2/v1/token -H 'Authorization: Basic \(Data("0oa1:\(secretValue)".utf8).base64EncodedString())' -d '\(form)'"),
        ("curl -u", "curl -u 0oa1:\(secretValue) https://dev-123.okta.com/oauth2/v1/token -d '\(form)'"),
        ("client_secret in the form", "curl https://dev-123.okta.com/oauth2/v1/token -d '\(form)&client_id=0oa1&client_secret=\(secretValue)'"),
        ("bearer token", "curl https://dev-123.okta.com/oauth2/v1/token -H 'Authorization: Bearer \(bearer)' -d '\(form)'"),
        ("SSWS API token", "curl https://dev-123.okta.com/oauth2/v1/token -H 'Authorization: SSWS \(apiToken)' -d '\(form)'"),
        ("OKTA_API_TOKEN in a raw request", "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\nX-Okta-Api-Token: \(apiToken)\nContent-Type: application/x-www-form-urlencoded\n\n\(form)&OKTA_API_TOKEN=\(apiToken)"),
        ("private JWK in app.jwks", """
            now: 2025-06-02T14:00:00Z
            app: {client_id: 0oa1, auth_method: private_key_jwt, jwks: ../keys/test-rsa-2048.jwk.json}
            request:
              url: https://dev-123.okta.com/oauth2/v1/token
              form: {grant_type: client_credentials, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: \(token)}
            """),
        ("private PEM pasted with the token", (try? String(contentsOf: root.appendingPathComponent("Fixtures/keys/test-ec-p256.pem"), encoding: .utf8)).map { $0 + "\n" + token } ?? token),
    ]

    static var craftedSecrets: Set<String> {
        crafted.reduce(into: keySecrets.union([sig, secretValue, apiToken, "QmVhcmVyU2lnbmF0dXJlVGhhdE11c3ROb3RMZWFrMDEyMzQ1Njc4OQ"])) {
            $0.formUnion(secrets(inText: $1.text))
        }
    }

    // MARK: diagnose, in process, over every fixture and crafted paste

    @Test func diagnoseTextAndJSONOverEveryFixture() throws {
        let files = Self.fixtureFiles
        #expect(files.count > 50)
        var checked = 0
        for file in files {
            let path = Self.root.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let loader = FixtureLoader(environment: ["ASSERTLINT_TEST_SECRET": Self.secretValue], realNow: Self.now)
            guard let subjects = try? InputReader.subjects(from: text, source: path, loader: loader) else { continue }
            let secrets = subjects.reduce(Self.secrets(inText: text).union(Self.keySecrets)) { $0.union(Self.secrets(in: $1)) }
            let diagnoses = subjects.map(Engine(rules: Registry.forDiagnose).run)
            for (format, output) in [("text", TextReporter().report(diagnoses)), ("json", JSONReporter().report(diagnoses))] {
                let leaked = Self.leaks(output, secrets)
                #expect(leaked.isEmpty, "diagnose --format \(format) \(file) prints \(leaked)")
            }
            checked += 1
        }
        #expect(checked > 50, "only \(checked) fixtures could be read")
    }

    @Test(arguments: crafted.map(\.name))
    func diagnoseCraftedPaste(_ name: String) throws {
        let text = try #require(Self.crafted.first { $0.name == name }?.text)
        let secrets = Self.craftedSecrets
        #expect(!secrets.isEmpty)
        for format in ["text", "json"] {
            let run = try CLITests.run(["diagnose", "--format", format, "--now", "2025-06-02T14:00:00Z", "-"], stdin: text, directory: "Fixtures/rules")
            #expect(run.status == 0 || run.status == 1, "\(name): exit \(run.status): \(run.stderr.prefix(300))")
            let leaked = Self.leaks(run.stdout + run.stderr, secrets)
            #expect(leaked.isEmpty, "diagnose --format \(format) (\(name)) prints \(leaked)")
        }
    }

    // MARK: check, every format, over the whole fixture tree and the crafted pastes

    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func checkEveryFormat(_ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-redact-\(UUID().uuidString)")
        let fixtures = dir.appendingPathComponent("Fixtures")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Fixtures"), to: fixtures)
        for (i, paste) in Self.crafted.enumerated() {
            let ext = paste.text.hasPrefix("now:") ? "yaml" : (paste.text.hasPrefix("POST") ? "txt" : "curl")
            try Data(paste.text.utf8).write(to: fixtures.appendingPathComponent("rules/crafted-\(i).\(ext)"))
        }
        var secrets = Self.craftedSecrets
        for file in Self.fixtureFiles {
            if let text = try? String(contentsOfFile: Self.root.appendingPathComponent(file).path, encoding: .utf8) {
                secrets.formUnion(Self.secrets(inText: text))
            }
        }
        let run = try CLITests.run(["check", "--format", format, "--fail-on", "never", fixtures.path])

        #expect(run.status != 2 || !run.stdout.isEmpty, "check --format \(format): exit \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stdout.count > 1000, "check --format \(format) printed almost nothing")
        let leaked = Self.leaks(run.stdout + run.stderr, secrets)
        #expect(leaked.isEmpty, "check --format \(format) prints \(leaked)")
    }

    // MARK: explain and mint

    @Test func explainDoesNotEchoSecrets() throws {
        let pasted = #"{"error":"invalid_client","error_description":"The client_assertion signature is invalid.","client_assertion":"\#(Self.token)","client_secret":"\#(Self.secretValue)"}"#
        for arguments in [["explain", "-"], ["explain", "--format", "json", "-"], ["explain", pasted]] {
            let run = try CLITests.run(arguments, stdin: pasted)
            let leaked = Self.leaks(run.stdout + run.stderr, [Self.sig, Self.secretValue])
            #expect(leaked.isEmpty, "\(arguments.dropLast()) prints \(leaked)")
        }
    }

    @Test func mintPrintsTheAssertionButNeverTheKeyOrSecret() throws {
        let key = Self.root.appendingPathComponent("Fixtures/keys/test-rsa-2048.pem").path
        let jwk = Self.root.appendingPathComponent("Fixtures/keys/test-ec-p256.jwk.json").path
        let runs = [
            try CLITests.run(["mint", "--key", key, "--client-id", "0oa1", "--endpoint", "https://dev-123.okta.com/oauth2/v1/token"]),
            try CLITests.run(["mint", "--key", jwk, "--client-id", "0oa1", "--endpoint", "https://dev-123.okta.com/oauth2/v1/token", "--curl"]),
            try CLITests.run(["mint", "--secret-env", "REDACTION_SECRET", "--client-id", "0oa1", "--endpoint", "https://dev-123.okta.com/oauth2/v1/token", "--curl"],
                             environment: ["REDACTION_SECRET": Self.secretValue]),
        ]
        for run in runs {
            #expect(run.status == 0, "mint: exit \(run.status): \(run.stderr.prefix(300))")
            #expect(run.stdout.contains("eyJ"), "mint printed no assertion")
            let leaked = Self.leaks(run.stdout + run.stderr, Self.keySecrets.union([Self.secretValue]))
            #expect(leaked.isEmpty, "mint prints \(leaked)")
        }
    }

    // MARK: --show-secrets is the way to print them

    @Test func showSecretsPrintsTheSignature() throws {
        let hidden = try CLITests.run(["diagnose", "--verbose", "--now", "2025-06-02T14:00:00Z", Self.token])
        let shown = try CLITests.run(["diagnose", "--verbose", "--now", "2025-06-02T14:00:00Z", "--show-secrets", Self.token])
        #expect(!hidden.stdout.contains(Self.sig))
        #expect(shown.stdout.contains(Self.sig), "--show-secrets does not print the signature: \(shown.stdout.prefix(600))")
    }
}
