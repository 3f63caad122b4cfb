import Foundation
import Testing
@testable import AssertLintKit

/// The published JSON Schemas (docs/schema/) against what assertlint really reads and writes:
/// every bundled fixture and catalog example, the configs, the docs' own examples, and the JSON
/// output. Mistakes the loader refuses must fail the schema too, so editors flag them early.
@Suite struct TextLayoutSchemaTests {
    static let root = GeneratedSourcesTests.root

    /// YAML read as assertlint reads it (timestamps stay strings), validated with Draft 7.
    /// Arguments: schema, then files; `rules:FILE` validates a catalog entry's example fixtures,
    /// `md:FILE` every ```yaml block of a Markdown page, `-` a JSON document on stdin.
    static let script = #"""
    import json, re, sys, yaml, jsonschema
    class Loader(yaml.SafeLoader): pass
    Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    # YAML 1.2 booleans, as assertlint and editors read them: `off` and `no` stay strings.
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    def load(path):
        text = open(path, encoding="utf-8").read()
        return json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=Loader)
    validator = jsonschema.Draft7Validator(json.load(open(sys.argv[1])))
    bad = 0
    for item in sys.argv[2:]:
        if item == "-":
            docs = [("stdin", json.load(sys.stdin))]
        elif item.startswith("rules:"):
            examples = load(item[6:]).get("examples") or {}
            docs = [(f"{item[6:]} examples.{k}[{i}]", ex["fixture"]) for k in ("trigger", "pass")
                    for i, ex in enumerate(examples.get(k) or []) if "fixture" in ex]
        elif item.startswith("md:"):
            blocks = re.findall(r"```yaml\n(.*?)```", open(item[3:], encoding="utf-8").read(), re.S)
            docs = [(f"{item[3:]} yaml block {i + 1}", yaml.load(b, Loader=Loader)) for i, b in enumerate(blocks)]
        else:
            docs = [(item, load(item))]
        for name, doc in docs:
            for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
                bad += 1
                print(f"{name}: /{'/'.join(map(str, e.path))}: {e.message[:300]}")
    sys.exit(1 if bad else 0)
    """#

    /// A Python with jsonschema and PyYAML: the system one, or the tests' virtualenv.
    static func python() throws -> String {
        let (withSchema, reason) = ProcessSupport.python(with: "jsonschema", package: "jsonschema")
        let interpreter = try #require(withSchema, "no Python with jsonschema: \(reason)")
        if (try? ProcessSupport.run(interpreter, ["-c", "import yaml"]).status) == 0 { return interpreter }
        let (withYAML, why) = ProcessSupport.python(with: "yaml", package: "PyYAML")
        let venv = try #require(withYAML, "no Python with PyYAML: \(why)")
        if (try? ProcessSupport.run(venv, ["-c", "import jsonschema"]).status) != 0 {
            _ = try ProcessSupport.run(venv, ["-m", "pip", "install", "-q", "jsonschema"])
        }
        return venv
    }

    static func validate(_ schema: String, _ items: [String], stdin: String? = nil) throws -> ProcessSupport.Output {
        let schemaPath = root.appendingPathComponent("docs/schema/\(schema).schema.json").path
        return try ProcessSupport.run(try python(), ["-c", script, schemaPath] + items, cwd: root.path, stdin: stdin)
    }

    static func files(under dir: String, _ suffixes: [String]) -> [String] {
        let base = root.appendingPathComponent(dir)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { p in suffixes.contains { p.hasSuffix($0) } }.sorted().map { "\(dir)/\($0)" }
    }

    static func scratch(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func fixtureSchemaAcceptsEveryBundledFixtureAndExample() throws {
        let fixtures = Self.files(under: "Fixtures", [".yaml", ".yml"]).filter { !$0.hasPrefix("Fixtures/keys/") }
        #expect(fixtures.count > 100)
        let rules = Self.files(under: "Rules", [".yaml"]).map { "rules:" + $0 }
        let out = try Self.validate("fixture", fixtures + rules + ["md:docs/fixtures.md"])
        #expect(out.status == 0, "fixtures the schema rejects:\n\(out.stdout)\(out.stderr)")
    }

    /// Each mistake is one the loader refuses; the schema must refuse it too.
    static let badFixtures: [(String, String)] = [
        ("unknown top-level key", "now: 2025-06-02T14:00:00Z\ntokn: abc\n"),
        ("unknown app key", "app: {client_id: x, auth_methd: private_key_jwt}\ntoken: abc\n"),
        ("auth_method not a method", "app: {auth_method: jwt}\ntoken: abc\n"),
        ("no request at all", "now: 2025-06-02T14:00:00Z\n"),
        ("request without url", "request: {form: {grant_type: client_credentials}}\n"),
        ("assertion mapping without claims", "request:\n  url: https://dev-123.okta.com/oauth2/v1/token\n  form:\n    client_assertion: {header: {alg: RS256}}\n"),
        ("policy max_lifetime not positive", "policy: {max_lifetime: 0}\ntoken: abc\n"),
        ("server without issuer", "server: {token_endpoint: https://a.example/token}\ntoken: abc\n"),
    ]

    @Test func fixtureSchemaRejectsWhatTheLoaderRejects() throws {
        for (what, text) in Self.badFixtures {
            let path = try Self.scratch("bad.yaml", text)
            let schema = try Self.validate("fixture", [path])
            #expect(schema.status == 1, "the schema accepts a fixture with \(what)")
            let run = try CLITests.run(["diagnose", path])
            #expect(run.status == 2, "assertlint accepts a fixture with \(what): \(run.stdout)")
        }
        // The schema is stricter than the loader here: a misspelt signing key is flagged in the editor.
        // So is a second way to give the request (the loader takes the first of request, curl, http, token).
        for text in ["token: {claims: {iss: a}, sign_wiht: k.pem}\n", "token: abc\ncurl: curl https://dev-123.okta.com/oauth2/v1/token\n"] {
            #expect(try Self.validate("fixture", [try Self.scratch("strict.yaml", text)]).status == 1, "the schema accepts \(text)")
        }
    }

    @Test func configSchemaAcceptsTheBundledAndDocumentedConfigs() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        // The README's .assertlint.yml example: the yaml block right after its heading line.
        let marker = try #require(readme.range(of: "`.assertlint.yml`, found by walking up"))
        let block = try #require(readme[marker.upperBound...].range(of: "```yaml\n"))
        let end = try #require(readme[block.upperBound...].range(of: "```"))
        let example = try Self.scratch("readme.assertlint.yml", String(readme[block.upperBound..<end.lowerBound]))
        let extended = try Self.scratch("extended.assertlint.yml", """
            extend: [../base.assertlint.yml]
            profile: okta-custom
            online: {hosts: [dev-123.okta.com]}
            severity: {exp-near-cap: error, jti-missing: off}
            ignore: [{path: "legacy/**", rules: exp-too-far}]
            """)
        let single = try Self.scratch("single.assertlint.yml", "extend: base.yml\nonline: true\ninclude: \"fixtures/*.{yml,yaml}\"\n")
        let out = try Self.validate("config", [".assertlint.yml", example, extended, single])
        #expect(out.status == 0, "configs the schema rejects:\n\(out.stdout)\(out.stderr)")
        for bad in ["fail_on: sometimes\n", "severity: {exp-near-cap: fatal}\n", "includes: [a]\n", "ignore: [{rules: [x]}]\n",
                    "online: maybe\n"] {
            let path = try Self.scratch("bad.assertlint.yml", bad)
            #expect(try Self.validate("config", [path]).status == 1, "the config schema accepts \(bad)")
        }
    }

    @Test func outputSchemaAcceptsDiagnoseAndCheckJSON() throws {
        var documents: [String] = []
        for args in [["diagnose", "--format", "json", "Fixtures/scenarios/org-token-aud-default.yaml"],
                     ["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z", "Fixtures/inputs/curl-with-response.txt"],
                     ["diagnose", "--format", "json", "Fixtures/inputs/browser-export.har"],
                     ["check", "--format", "json", "Fixtures/rules"]] {
            let r = try CLITests.run(args)
            #expect(r.status != 2 || args[0] == "check", "\(args): \(r.stderr)")
            documents.append(r.stdout)
        }
        for doc in documents {
            let out = try Self.validate("output", ["-"], stdin: doc)
            #expect(out.status == 0, "output the schema rejects:\n\(out.stdout)\(out.stderr)")
        }
        // A `version` member is part of the format: an integer.
        #expect(documents.allSatisfy { $0.hasPrefix("{\n  \"version\": 3,\n") })
        let wrong = documents[0].replacingOccurrences(of: "{\n  \"version\": 3,", with: "{\n  \"version\": \"3\",")
        #expect(wrong != documents[0])
        #expect(try Self.validate("output", ["-"], stdin: wrong).status == 1)
    }

    /// The signing examples of docs/fixtures.md do what the page says.
    @Test func docsSigningExamplesWork() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/fixtures.md"), encoding: .utf8)
        let blocks = page.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let signed = try #require(blocks.first { $0.contains("sign_with: keys/test-rsa-2048.pem") })
        let keys = Self.root.appendingPathComponent("Fixtures/keys").path
        let local = signed.replacingOccurrences(of: "keys/", with: keys + "/")
        let clean = try CLITests.run(["diagnose", try Self.scratch("signed.yaml", local)])
        #expect(clean.status == 0 && clean.stdout.hasSuffix("no problems found\n"), "\(clean.stdout)\(clean.stderr)")
        let unsigned = local.components(separatedBy: "\n").filter { !$0.contains("sign_with:") }.joined(separator: "\n")
            .replacingOccurrences(of: "expect: []", with: "expect: [signature-invalid]")
        let check = try CLITests.run(["check", try Self.scratch("unsigned.yaml", unsigned)])
        #expect(check.status == 0, "without sign_with the example should fail exactly signature-invalid:\n\(check.stdout)")

        let hmac = try #require(blocks.first { $0.contains("sign_with_secret: app") })
        let secret = "a-made-up-test-secret-of-more-than-thirty-two-bytes"
        let run = try CLITests.run(["diagnose", try Self.scratch("hmac.yaml", hmac)], environment: ["MY_CLIENT_SECRET": secret])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains(secret))
    }

    @Test func readmeLinksTheFixtureReference() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("(docs/fixtures.md)"))
        #expect(readme.contains("docs/schema/output.schema.json"))
    }
}
