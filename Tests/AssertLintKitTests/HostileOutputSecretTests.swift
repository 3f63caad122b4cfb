import Foundation
import Testing
@testable import AssertLintKit

/// Issue 9, item 2: a known secret put in every slot an input can hold it, and every command,
/// format and error path run over it through the built binary. No byte of stdout or stderr may
/// contain the secret (or the Basic credential that encodes it).
@Suite struct HostileOutputSecretTests {
    struct Slot: Sendable, CustomStringConvertible {
        let name: String
        /// The input file (relative name) and its text; `{S}` is the secret.
        let file: String
        let text: String
        var extraFiles: [(String, String)] = []
        var environment: [String: String] = [:]
        var description: String { name }
    }

    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"
    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    /// A different secret per slot, letters and digits only (so it also fits in a PEM body).
    static func secret(_ name: String) -> String {
        let digest = SARIFReporter.fingerprint([name]).prefix(10)
        return "sEcR3t\(digest)Zq9xW7vK2mN4pL8"
    }

    static let token: String = {
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"k1"}"#)
        let claims = Base64URL.encode(#"{"iss":"0oa1","sub":"0oa1","aud":"https://dev-123.okta.com/oauth2/v1/token","iat":1748872800,"exp":1748873100,"jti":"j1"}"#)
        return header + "." + claims
    }()

    static func har(url: String, method: String = "POST", mime: String = "application/x-www-form-urlencoded", body: String) -> String {
        let entry: JSONValue = JSONBuild.object([
            ("request", JSONBuild.object([
                ("method", .string(method)), ("url", .string(url)),
                ("headers", .array([JSONBuild.object([("name", .string("Content-Type")), ("value", .string(mime))])])),
                ("postData", JSONBuild.object([("mimeType", .string(mime)), ("text", .string(body))])),
            ])),
            ("response", JSONBuild.object([("status", .number("401")), ("content", JSONBuild.object([("text", .string(#"{"error":"invalid_client"}"#))]))])),
        ])
        return JSONBuild.object([("log", JSONBuild.object([("version", .string("1.2")), ("entries", .array([entry]))]))]).prettyText
    }

    static let form = "grant_type=client_credentials&client_id=0oa1"

    static let slots: [Slot] = [
        Slot(name: "YAML duplicate key in a fixture", file: "dup.yaml", text: """
            now: 2025-06-02T14:00:00Z
            app: {client_id: 0oa1, client_secret: {S}}
            request:
              url: \(endpoint)
              form: {client_id: 0oa1, client_secret: {S}, client_secret: {S}}
            """),
        Slot(name: "YAML syntax error after a secret", file: "broken.yaml", text: """
            request:
              url: \(endpoint)
              form:
                client_secret: "{S}
                grant_type: [client_credentials
            """),
        Slot(name: "YAML tab indentation", file: "tab.yaml", text: "request:\n  url: \(endpoint)\n\tform: {client_secret: {S}}\n"),
        Slot(name: "YAML error inside app", file: "app.yaml", text: "app: {client_id: 0oa1, client_secret: {S}, type: [}\nrequest: {url: \(endpoint)}\n"),
        Slot(name: "YAML unknown key holding a secret", file: "unknown.yaml", text: "request:\n  url: \(endpoint)\n  client_secret: {S}\n"),
        Slot(name: "JSON fixture with a syntax error", file: "broken.json", text: #"{"request": {"url": "\#(endpoint)", "form": {"client_secret": "{S}",, "x": }}"#),
        Slot(name: "JSON fixture with a duplicate key", file: "dup.json", text: #"{"request": {"url": "\#(endpoint)", "form": {"client_secret": "{S}", "client_secret": "{S}"}}}"#),
        Slot(name: "config YAML error", file: "ok.yaml", text: "request: {url: \(endpoint), form: {client_id: 0oa1}}\n",
             extraFiles: [(".assertlint.yml", "app: {client_id: 0oa1, client_secret: {S}\ninclude: [\n")]),
        Slot(name: "config duplicate key", file: "ok.yaml", text: "request: {url: \(endpoint), form: {client_id: 0oa1}}\n",
             extraFiles: [(".assertlint.yml", "app:\n  client_id: 0oa1\n  client_id: {S}\ndisable: [{S}]\n")]),
        Slot(name: "config unknown key and rule", file: "ok.yaml", text: "request: {url: \(endpoint), form: {client_id: 0oa1}}\n",
             extraFiles: [(".assertlint.yml", "client_secret: {S}\ndisable: [x{S}]\n")]),
        Slot(name: "HAR URL with client_secret in the query", file: "q.har",
             text: har(url: endpoint + "?client_secret={S}&client_id=0oa1", body: form)),
        Slot(name: "HAR JSON body nested auth.client_secret", file: "j.har",
             text: har(url: endpoint, mime: "application/json", body: #"{"client_id":"0oa1","auth":{"client_secret":"{S}"}}"#)),
        Slot(name: "HAR that is not valid JSON", file: "bad.har",
             text: #"{"log": {"entries": [{"request": {"method": "POST", "url": "\#(endpoint)?client_secret={S}", "#),
        Slot(name: "raw JSON body without Content-Type", file: "raw.txt",
             text: "POST /oauth2/v1/token HTTP/1.1\nHost: dev-123.okta.com\n\n{\"client_id\":\"0oa1\",\"client_secret\":\"{S}\"}\n"),
        Slot(name: "JSON body sent as a form, nested", file: "nested.curl",
             text: #"curl \#(endpoint) -H 'Content-Type: application/x-www-form-urlencoded' -d '{"client_id":"0oa1","auth":{"client_secret":"{S}"}}'"#),
        Slot(name: "JSON body camelCase clientSecret", file: "camel.curl",
             text: #"curl \#(endpoint) -H 'Content-Type: application/x-www-form-urlencoded' -d '{"clientId":"0oa1","clientSecret":"{S}"}'"#),
        Slot(name: "JSON body kebab client-secret", file: "kebab.curl",
             text: #"curl \#(endpoint) -H 'Content-Type: application/json' -d '{"client_id":"0oa1","client-secret":"{S}"}'"#),
        Slot(name: "JSON array body", file: "array.curl",
             text: #"curl \#(endpoint) -H 'Content-Type: application/json' -d '[{"client_id":"0oa1","client_secret":"{S}"}]'"#),
        Slot(name: "text/plain body", file: "plain.curl",
             text: "curl \(endpoint) -H 'Content-Type: text/plain' -d 'client_id=0oa1&client_secret={S}'"),
        Slot(name: "repeated access_token", file: "rep.curl",
             text: "curl \(endpoint) -d '\(form)&access_token={S}&access_token={S}2'"),
        Slot(name: "repeated clientSecret", file: "rep2.curl",
             text: "curl \(endpoint) -d '\(form)&clientSecret={S}&clientSecret={S}'"),
        Slot(name: "repeated client_secret", file: "rep3.curl",
             text: "curl \(endpoint) -d '\(form)&client_secret={S}&client_secret=other{S}'"),
        Slot(name: "URL userinfo", file: "userinfo.curl",
             text: "curl https://0oa1:{S}@dev-123.okta.com/oauth2/v1/token -d '\(form)'"),
        Slot(name: "fragment access_token", file: "fragment.curl",
             text: "curl 'https://dev-123.okta.com/oauth2/v1/token#access_token={S}&state=1' -d '\(form)'"),
        Slot(name: "query password and api_key", file: "query.curl",
             text: "curl '\(endpoint)?password={S}&api_key={S}' -d '\(form)'"),
        Slot(name: "Basic header", file: "basic.curl",
             text: "curl \(endpoint) -H 'Authorization: Basic {B}' -d 'grant_type=client_credentials'"),
        Slot(name: "curl -u", file: "u.curl", text: "curl -u 0oa1:{S} \(endpoint) -d 'grant_type=client_credentials'"),
        Slot(name: "SSWS header", file: "ssws.curl", text: "curl \(endpoint) -H 'Authorization: SSWS {S}' -d '\(form)'"),
        Slot(name: "Bearer token that is not a JWT", file: "bearer.curl", text: "curl \(endpoint) -H 'Authorization: Bearer {S}' -d '\(form)'"),
        Slot(name: "Cookie header", file: "cookie.curl", text: "curl \(endpoint) -H 'Cookie: sid={S}' -d '\(form)'"),
        Slot(name: "refresh_token in the form", file: "refresh.curl",
             text: "curl \(endpoint) -d 'grant_type=refresh_token&refresh_token={S}&client_id=0oa1'"),
        Slot(name: "assertion signature", file: "sig.yaml", text: """
            now: 2025-06-02T14:00:00Z
            request:
              url: \(endpoint)
              form: {grant_type: client_credentials, client_assertion_type: "\(assertionType)", client_assertion: \(token).{S}}
            """),
        Slot(name: "private JWK d in a committed JWKS", file: "keys.json",
             text: #"{"keys": [{"kty": "EC", "kid": "k1", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "{S}"}]}"#),
        Slot(name: "private JWK in a JSON body", file: "jwkbody.curl",
             text: #"curl \#(endpoint) -H 'Content-Type: application/json' -d '{"client_id":"0oa1","jwk":{"kty":"RSA","n":"AQAB","e":"AQAB","d":"{S}"}}'"#),
        Slot(name: "PEM private key pasted with a token", file: "pem.txt",
             text: "-----BEGIN PRIVATE KEY-----\n{S}AAAA\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC{S}\n-----END PRIVATE KEY-----\n\(token).c2lnbmF0dXJlc2lnbmF0dXJl\n"),
        Slot(name: ".http variable holding the secret", file: "vars.http",
             text: "@secret = {S}\n\nPOST \(endpoint)\nContent-Type: application/x-www-form-urlencoded\n\n\(form)&client_secret={{secret}}\n"),
        Slot(name: "raw body in a fixture", file: "body.yaml", text: """
            request:
              url: \(endpoint)
              headers: {Content-Type: application/json}
              body: '{"auth": {"client_secret": "{S}"}, "client_id": "0oa1"}'
            """),
        Slot(name: "OKTA_API_TOKEN echoed by the input", file: "env.curl",
             text: "curl \(endpoint) -H 'X-Okta-Api-Token: {S}' -d '\(form)&note={S}'", environment: ["OKTA_API_TOKEN": "{S}"]),
        Slot(name: "OKTA_ACCESS_TOKEN_FILE contents echoed by the input", file: "envfile.curl",
             text: "curl '\(endpoint)?x={S}' -d '\(form)'", extraFiles: [("token.txt", "{S}\n")],
             environment: ["OKTA_ACCESS_TOKEN_FILE": "token.txt"]),
    ]

    static func expand(_ text: String, _ secret: String) -> String {
        text.replacingOccurrences(of: "{S}", with: secret)
            .replacingOccurrences(of: "{B}", with: Data("0oa1:\(secret)".utf8).base64EncodedString())
    }

    /// The commands run over one slot: every format of check and diagnose, the quiet and error
    /// paths, mint --fix, probe's refusal, explain on the same text.
    static func runs(_ file: String) -> [[String]] {
        [
            ["diagnose", "--now", "2025-06-02T14:00:00Z", file],
            ["diagnose", "--now", "2025-06-02T14:00:00Z", "--format", "json", file],
            ["diagnose", "--now", "2025-06-02T14:00:00Z", "--quiet", file],
            ["check", "."],
            ["check", "--format", "json", "."],
            ["check", "--format", "sarif", "."],
            ["check", "--format", "junit", "."],
            ["check", "--format", "github", "."],
            ["check", "--quiet", file],
            ["mint", "--fix", file, "--key", GeneratedSourcesTests.root.appendingPathComponent("Fixtures/keys/test-rsa-2048.pem").path, "--curl"],
            ["probe", file],
        ]
    }

    @Test(arguments: slots)
    func noSecretInAnyOutput(_ slot: Slot) throws {
        let secret = Self.secret(slot.name)
        let basic = Data("0oa1:\(secret)".utf8).base64EncodedString()
        let t = try TempTree()
        try t.write(slot.file, Self.expand(slot.text, secret))
        for (name, text) in slot.extraFiles { try t.write(name, Self.expand(text, secret)) }
        var environment = slot.environment.mapValues { Self.expand($0, secret) }
        if let file = environment["OKTA_ACCESS_TOKEN_FILE"] { environment["OKTA_ACCESS_TOKEN_FILE"] = t.path(file) }
        var arguments = Self.runs(slot.file)
        arguments.append(["explain", "-"])
        for args in arguments {
            let stdin = args == ["explain", "-"] ? Self.expand(slot.text, secret) : ""
            let run = try HostileRun.run(args, cwd: t.root, stdin: stdin, environment: environment)
            let command = args.prefix(4).joined(separator: " ")
            #expect(!run.signaled, "\(slot.name): \(command) died of a signal")
            #expect([0, 1, 2].contains(run.status), "\(slot.name): \(command) exit \(run.status)")
            #expect(!run.all.contains(secret), "\(slot.name): \(command) prints the secret:\n\(Self.around(secret, in: run.all))")
            #expect(!run.all.contains(basic), "\(slot.name): \(command) prints the Basic credential")
            for line in run.stderr.split(separator: "\n") {
                #expect(line.hasPrefix("assertlint: ") || line.hasPrefix("Paste"), "\(slot.name): \(command): stderr line is not one error: \(line.prefix(200))")
            }
        }
    }

    static func around(_ needle: String, in text: String) -> String {
        guard let r = text.range(of: needle) else { return "" }
        let start = text.index(r.lowerBound, offsetBy: -min(120, text.distance(from: text.startIndex, to: r.lowerBound)))
        let end = text.index(r.upperBound, offsetBy: min(60, text.distance(from: r.upperBound, to: text.endIndex)))
        return String(text[start..<end]).replacingOccurrences(of: needle, with: "<SECRET>")
    }

    // MARK: --show-secrets

    @Test func showSecretsPrintsTheInputsSecretButNeverTheEnvironmentsToken() throws {
        let input = Self.secret("show input"), token = Self.secret("show token")
        let t = try TempTree()
        try t.write("r.curl", "curl \(Self.endpoint) -d '\(Self.form)&client_secret=\(input)&note=\(token)'")
        let hidden = try HostileRun.run(["diagnose", "r.curl"], cwd: t.root, environment: ["OKTA_API_TOKEN": token])
        let shown = try HostileRun.run(["diagnose", "--show-secrets", "r.curl"], cwd: t.root, environment: ["OKTA_API_TOKEN": token])
        #expect(!hidden.all.contains(input))
        #expect(shown.stdout.contains(input), "--show-secrets hides the client secret the input holds")
        #expect(!shown.all.contains(token), "--show-secrets prints OKTA_API_TOKEN")
        #expect(!shown.all.contains(token.prefix(12)), "--show-secrets prints the start of OKTA_API_TOKEN")
    }

    @Test func sswsHeaderShowsNoPrefixOfTheToken() throws {
        let token = Self.secret("ssws prefix")
        let run = try HostileRun.run(["diagnose", "--format", "text", "-"], cwd: NSTemporaryDirectory(),
                                     stdin: "curl \(Self.endpoint) -H 'Authorization: SSWS \(token)' -d '\(Self.form)'")
        #expect(run.stdout.contains("SSWS •••"), "\(run.stdout.prefix(400))")
        #expect(!run.all.contains(token.prefix(8)), "the SSWS token's first characters are printed")
    }

    @Test func yamlErrorIsAssertlintsOwnOneLineNamingLineAndColumn() throws {
        let t = try TempTree()
        try t.write("dup.yaml", "request:\n  url: \(Self.endpoint)\n  url: again\n")
        let run = try HostileRun.run(["diagnose", "dup.yaml"], cwd: t.root)
        #expect(run.status == 2)
        #expect(run.stderr == "assertlint: dup.yaml: not valid YAML or JSON: line 2, column 3: the mapping that starts here has the same key twice\n", "\(run.stderr)")
        let broken = try t.write("broken.yaml", "request:\n  url: \"open\n")
        let run2 = try HostileRun.run(["diagnose", broken], cwd: t.root)
        #expect(run2.stderr.hasPrefix("assertlint: \(broken): not valid YAML or JSON: line "), "\(run2.stderr)")
        #expect(run2.stderr.split(separator: "\n").count == 1)
        #expect(!run2.stderr.contains("scanner") && !run2.stderr.contains("parser") && !run2.stderr.contains("\"open"), "\(run2.stderr)")
    }
}
