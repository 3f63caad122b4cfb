import Foundation
import Testing
@testable import AssertLintKit

/// A diagnosis built by hand, so the expected text does not move when rules or the bundled
/// catalog change: two errors (the first is Okta's answer), a warning, and checks not made.
enum SampleDiagnosis {
    static let fixture = """
        now: 2025-06-02T14:00:00Z
        app: {auth_method: private_key_jwt}
        request:
          url: https://dev-123.okta.com/oauth2/default/v1/token
          headers: {Authorization: "Basic MG9hMTpzM2NyM3QtYmFzaWM="}
          form:
            grant_type: client_credentials
            client_secret: s3cr3t-in-the-body
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion:
              claims: {iss: 0oa1, sub: 0oa2, aud: "https://dev-123.okta.com/oauth2/default/v1/token", iat: "now", exp: "+7200"}
        """

    static let catalog = Catalog(entries: [
        CatalogEntry(id: "multiple-credentials", title: "more than one client credential in the request", severity: .error,
                     explanation: "Okta accepts exactly one way of authenticating.\n\nSend only the assertion.",
                     fix: "Remove {remove}.", references: []),
        CatalogEntry(id: "sub-mismatch", title: "sub is not the client_id", severity: .error,
                     explanation: "Okta requires sub to equal the client_id.", fix: "Set `sub` to \"{client_id}\".", references: []),
        CatalogEntry(id: "jti-missing", title: "no jti: the assertion can be replayed", severity: .warning,
                     explanation: "Without jti Okta cannot detect replays.", fix: "Add a unique `jti`.", references: []),
    ])

    /// What the sample's server answers (a profile's `answers`, as the engine hands them to findings).
    static let answers: [String: ServerAnswer] = [
        "multiple-credentials": ServerAnswer(status: 401, error: "invalid_request", errorDescription: "Cannot supply multiple client credentials.",
                                             verbatim: true, profile: "okta-custom", speaker: "Okta"),
        "sub-mismatch": ServerAnswer(status: 401, error: "invalid_client", errorDescription: "The sub claim is wrong.", verbatim: false,
                                     note: "Okta's text is not known.", profile: "okta-custom", speaker: "Okta"),
    ]

    static func subject() throws -> Subject {
        let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 0))
        let s = try loader.load(text: fixture, path: "sample.yaml")
        return ContextOverrides(clientID: "0oa1").apply(to: s)
    }

    static func diagnosis() throws -> Diagnosis {
        let s = try subject()
        func finding(_ id: String, _ pointer: String, _ message: String, fix: String?, line: Int?, server: Bool = false) -> Finding {
            let entry = catalog[id]
            return Finding(ruleID: id, severity: entry?.severity ?? .error, title: entry?.title ?? id, message: message,
                           location: Location(pointer: pointer, position: line.map { SourcePosition(line: $0) }),
                           fix: fix, fixValues: [:], answer: answers[id], isServerAnswer: server)
        }
        return Diagnosis(subject: s, findings: [
            finding("multiple-credentials", Location.form("client_secret"),
                    "The request carries Basic credentials, client_secret and client_assertion.",
                    fix: "Remove the Authorization header and client_secret.", line: 8, server: true),
            finding("sub-mismatch", Location.claim("sub"), "sub is \"0oa2\" but the client_id is \"0oa1\".",
                    fix: "Set `sub` to \"0oa1\".", line: 11),
            finding("jti-missing", Location.claim("jti"), "The assertion has no jti.", fix: "Add a unique `jti`.", line: 11),
        ], unjudged: [
            FindingSink.Unjudged(ruleID: "kid-unknown", needs: "--jwks FILE or app.jwks"),
            FindingSink.Unjudged(ruleID: "signature-invalid", needs: "--jwks FILE or app.jwks"),
            FindingSink.Unjudged(ruleID: "jti-reused", needs: "--seen-jti ID or app.seen_jtis"),
        ])
    }
}

@Suite struct ReporterTests {
    @Test func textReportIsExact() throws {
        let out = TextReporter(options: ReportOptions(), catalog: SampleDiagnosis.catalog).report([try SampleDiagnosis.diagnosis()])
        #expect(out == Self.expectedText, "actual:\n\(out)")
    }

    @Test func textReportHidesCredentials() throws {
        let out = TextReporter(catalog: SampleDiagnosis.catalog).report([try SampleDiagnosis.diagnosis()])
        let d = try SampleDiagnosis.diagnosis()
        let compact = try #require(d.subject.assertion.decoded?.compact)
        let signature = try #require(compact.split(separator: ".").last)
        for secret in ["s3cr3t", "MG9hMTpzM2NyM3QtYmFzaWM=", String(signature), compact] {
            #expect(!out.contains(secret), "\(secret) printed")
        }
        #expect(out.contains("Authorization: Basic 0oa1:•••"))
    }

    @Test func showSecretsPrintsThem() throws {
        let out = TextReporter(options: ReportOptions(showSecrets: true), catalog: SampleDiagnosis.catalog)
            .report([try SampleDiagnosis.diagnosis()])
        #expect(out.contains("client_secret=s3cr3t-in-the-body"))
        #expect(out.contains("Authorization: Basic MG9hMTpzM2NyM3QtYmFzaWM="))
    }

    @Test func colourOnlyWhenAsked() throws {
        let d = try SampleDiagnosis.diagnosis()
        #expect(!TextReporter(options: ReportOptions(color: false), catalog: SampleDiagnosis.catalog).report([d]).contains("\u{1B}["))
        #expect(TextReporter(options: ReportOptions(color: true), catalog: SampleDiagnosis.catalog).report([d]).contains("\u{1B}[31m"))
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let out = JSONReporter().report([try SampleDiagnosis.diagnosis()])
        let root = try #require(try JSONParser.parse(out).objectValue)
        #expect(root.keys == ["version", "results", "summary"])
        let summary = try #require(root["summary"]?.objectValue)
        #expect(summary.keys == ["errors", "warnings", "infos"])
        #expect(summary["errors"] == .number("2") && summary["warnings"] == .number("1") && summary["infos"] == .number("0"))
        let results = try #require(root["results"]?.arrayValue)
        #expect(results.count == 1)
        let result = try #require(results[0].objectValue)
        #expect(result.keys == ["source", "entry", "server", "findings", "notes", "not_checked", "server_answer", "reported_answer"])
        #expect(result["server"]?.objectValue?["id"] == .string("okta-custom"))
        #expect(result["source"] == .string("sample.yaml"))
        #expect(result["entry"] == .null)
        let findings = try #require(result["findings"]?.arrayValue)
        #expect(findings.count == 3)
        let first = try #require(findings[0].objectValue)
        #expect(first.keys == ["rule", "severity", "title", "message", "fix", "answer", "server_answer", "location"])
        #expect(first["rule"] == .string("multiple-credentials"))
        #expect(first["severity"] == .string("error"))
        #expect(first["server_answer"] == .bool(true))
        #expect(first["fix"] == .string("Remove the Authorization header and client_secret."))
        let okta = try #require(first["answer"]?.objectValue)
        #expect(okta.keys == ["server", "status", "error", "error_description", "verbatim", "source"])
        #expect(okta["server"] == .string("okta-custom"))
        #expect(okta["source"] == .null)
        #expect(okta["status"] == .number("401") && okta["error"] == .string("invalid_request") && okta["verbatim"] == .bool(true))
        let location = try #require(first["location"]?.objectValue)
        #expect(location.keys == ["pointer", "line", "column"])
        #expect(location["pointer"] == .string("/request/form/client_secret") && location["line"] == .number("8")
                    && location["column"] == .null)
        let second = try #require(findings[1].objectValue)
        #expect(second["server_answer"] == .bool(false))
        #expect(second["answer"]?.objectValue?["verbatim"] == .bool(false))
        #expect(findings[2].objectValue?["answer"] == .null)
        let notChecked = try #require(result["not_checked"]?.arrayValue)
        #expect(notChecked.map { $0.objectValue?["rule"] } == [.string("kid-unknown"), .string("signature-invalid"), .string("jti-reused")])
        #expect(notChecked.first?.objectValue?["needs"] == .string("--jwks FILE or app.jwks"))
        let answer = try #require(result["server_answer"]?.objectValue)
        #expect(answer["status"] == .number("401"))
        #expect(answer["body"] == .object(JSONObject([
            JSONMember(key: "error", value: .string("invalid_request")),
            JSONMember(key: "error_description", value: .string("Cannot supply multiple client credentials.")),
        ])))
        #expect(!out.contains("s3cr3t"))
    }

    @Test func jsonReportOfACleanInputHasNoAnswer() throws {
        let d = Diagnosis(subject: try SampleDiagnosis.subject(), findings: [], unjudged: [])
        let root = try #require(try JSONParser.parse(JSONReporter().report([d])).objectValue)
        #expect(root["results"]?.arrayValue?.first?.objectValue?["server_answer"] == .null)
        #expect(TextReporter().report([d]).hasSuffix("\nno problems found\n"))
    }

    @Test func summaries() {
        #expect(Text.summary(errors: 2, warnings: 1, infos: 0) == "2 errors, 1 warning")
        #expect(Text.summary(errors: 0, warnings: 0, infos: 3) == "3 infos")
        #expect(Text.summary(errors: 0, warnings: 0, infos: 0) == "no problems found")
    }

    @Test func relativeTimes() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(Text.relative(1_000_300, to: now) == "in 5 min")
        #expect(Text.relative(1_000_000, to: now) == "now")
        #expect(Text.relative(999_970, to: now) == "30 s ago")
        #expect(Text.relative(1_007_500, to: now) == "in 2 h 5 min")
        #expect(Text.relative(1_000_090, to: now) == "in 1 min 30 s")
        #expect(Text.relative(1_000_000 - 3 * 86_400, to: now) == "3 days ago")
    }

    @Test func timeClaims() {
        let r = TextReporter()
        let now = Date(timeIntervalSince1970: 1_748_872_800)
        #expect(r.time("exp", .valid(1_748_873_100), now: now) == "exp 1748873100 = 2025-06-02T14:05:00Z, in 5 min")
        #expect(r.time("exp", .invalid(.string("1748873100")), now: now)
                    == "exp \"1748873100\" is a string, not a NumericDate (seconds since 1970 as a JSON number)")
        #expect(r.time("nbf", .invalid(.number("1e309")), now: now) == "nbf 1e309 is out of range: no clock reaches it")
        #expect(r.time("iat", .valid(1e300), now: now) == "iat 1e+300 is not a date any clock reaches")
    }

    @Test func jsonBodyIsShownRedactedAndItsAssertionNotRead() {
        let request = TokenRequest(url: "https://dev-1.okta.com/oauth2/v1/token",
                                   headers: [HTTPHeader(name: "Content-Type", value: "application/json")],
                                   body: .raw(#"{"client_id":"0oa1","client_secret":"hunter2-hunter2","client_assertion":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}"#))
        let out = TextReporter(options: ReportOptions(width: 100)).report([Diagnosis(subject: Subject(source: "x", request: request, assertion: .absent),
                                                   findings: [], unjudged: [])])
        #expect(!out.contains("hunter2"))
        #expect(out.contains(#""client_secret": "••• (15 bytes, not shown)""#))
        #expect(out.contains("Client assertion: not read (the body is not form-encoded, and Okta reads only form parameters)"))
    }

    @Test func wrapKeepsParagraphsAndWidth() {
        let lines = Text.wrap("one two three four\nfive\n\nsix seven", width: 12, indent: "  ")
        #expect(lines == ["  one two", "  three four", "  five", "", "  six seven"])
        #expect(Text.wrap("fix: a b c d", width: 8, indent: "     ", first: "  ") == ["  fix: a", "     b c", "     d"])
    }

    @Test func colourChoice() {
        #expect(ColorMode.auto.enabled(isTerminal: true, environment: [:]))
        #expect(!ColorMode.auto.enabled(isTerminal: false, environment: [:]))
        #expect(!ColorMode.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorMode.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColorMode.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(ColorMode.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1", "TERM": "dumb"]))
        #expect(!ColorMode.never.enabled(isTerminal: true, environment: [:]))
    }

    @Test func redaction() {
        let r = TokenRequest(url: "https://x.okta.com/oauth2/v1/token", headers: [
            HTTPHeader(name: "Authorization", value: "Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig"),
            HTTPHeader(name: "Cookie", value: "sid=abc"),
        ])
        #expect(Text.headerValue(r.headers[0], request: r, showSecrets: false) == "Bearer eyJhbGciOiJS…")
        #expect(Text.headerValue(r.headers[1], request: r, showSecrets: false) == "•••")
        let garbled = TokenRequest(url: "https://x", headers: [HTTPHeader(name: "Authorization", value: "Basic !!!")])
        #expect(Text.headerValue(garbled.headers[0], request: garbled, showSecrets: false) == "Basic ••• (not valid base64 of user:password)")
        #expect(Text.formValue(FormField(name: "client_secret", value: "abcdef"), showSecrets: false) == "••• (6 bytes, not shown)")
        #expect(Text.formValue(FormField(name: "token", value: "short"), showSecrets: false) == "••• (5 chars)")
        #expect(Text.formValue(FormField(name: "scope", value: "okta.users.read"), showSecrets: false) == "okta.users.read")
    }

    @Test func excerptMarksTheMemberAndNamesAnAbsentOne() throws {
        let s = try SampleDiagnosis.subject()
        let reporter = TextReporter()
        let aud = reporter.excerpt(Location.claim("aud"), in: s)
        #expect(aud.filter { $0.hasSuffix("<-- here") } == ["      \"aud\": \"https://dev-123.okta.com/oauth2/default/v1/token\",  <-- here"])
        #expect(reporter.excerpt(Location.claim("jti"), in: s).last == "    (no \"jti\" member)")
        #expect(reporter.excerpt(Location.form("client_id"), in: s) == ["    (no client_id parameter in the request)"])
        #expect(reporter.excerpt(Location.httpHeader("authorization"), in: s) == ["    Authorization: Basic 0oa1:•••  <-- here"])
    }

    @Test func longObjectsAreCutAroundTheMember() {
        var members: [JSONMember] = []
        for i in 0..<20 { members.append(JSONMember(key: "c\(i)", value: .number(String(i)))) }
        let lines = TextReporter().member("c10", of: JSONObject(members))
        #expect(lines == ["    {", "      …", "      \"c8\": 8,", "      \"c9\": 9,", "      \"c10\": 10,  <-- here",
                          "      \"c11\": 11,", "      \"c12\": 12,", "      …", "    }"])
    }

    static let expectedText = """
        sample.yaml

        Request
          POST https://dev-123.okta.com/oauth2/default/v1/token
            Okta custom authorization server 'default', token endpoint
          Authorization: Basic 0oa1:•••
          Content-Type: application/x-www-form-urlencoded
          form body:
            grant_type=client_credentials
            client_secret=••• (18 bytes, not shown)
            client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion=eyJhbGciOiJS… (239 chars)

        App (as registered at the server)
          client_id    0oa1 (--client-id)
          auth method  private_key_jwt, "Public key / Private key" (fixture)

        Client assertion
          header
            {
              "alg": "RS256",
              "typ": "JWT"
            }
          claims
            {
              "iss": "0oa1",
              "sub": "0oa2",
              "aud": "https://dev-123.okta.com/oauth2/default/v1/token",
              "iat": 1748872800,
              "exp": 1748880000
            }
          times (now = 2025-06-02T14:00:00Z, fixed by the input or --now)
            iat 1748872800 = 2025-06-02T14:00:00Z, now
            exp 1748880000 = 2025-06-02T16:00:00Z, in 2 h
          signature: 32 bytes (not shown)

        error[multiple-credentials]: more than one client credential in the request
          at /request/form/client_secret, line 8
            client_secret=••• (18 bytes, not shown)  <-- here
          The request carries Basic credentials, client_secret and client_assertion.
          Okta: 401 invalid_request "Cannot supply multiple client credentials." (Okta's
            wording)
          Okta accepts exactly one way of authenticating.

          Send only the assertion.

        error[sub-mismatch]: sub is not the client_id
          at /client_assertion/payload/sub, line 11
            {
              "iss": "0oa1",
              "sub": "0oa2",  <-- here
              "aud": "https://dev-123.okta.com/oauth2/default/v1/token",
              "iat": 1748872800,
              "exp": 1748880000
            }
          sub is "0oa2" but the client_id is "0oa1".
          Okta: 401 invalid_client "The sub claim is wrong." (not confirmed as Okta's
            wording)
          Okta requires sub to equal the client_id.
          fix: Set `sub` to "0oa1".

        warning[jti-missing]: no jti: the assertion can be replayed
          at /client_assertion/payload/jti, line 11
            {
              "iss": "0oa1",
              "sub": "0oa2",
              "aud": "https://dev-123.okta.com/oauth2/default/v1/token",
              "iat": 1748872800,
              "exp": 1748880000
            }
            (no "jti" member)
          The assertion has no jti.
          Without jti Okta cannot detect replays.
          fix: Add a unique `jti`.

        Not checked:
          - kid-unknown, signature-invalid need --jwks FILE or app.jwks
          - jti-reused needs --seen-jti ID or app.seen_jtis

        Okta will answer: HTTP 401 Unauthorized, invalid_request
          "Cannot supply multiple client credentials." (Okta's wording)
        fix: Remove the Authorization header and client_secret.
        Okta stops at its first failed check: once this is fixed, it refuses the request
        for sub-mismatch (above).
        2 errors, 1 warning

        """
}

@Suite struct ContextOverridesTests {
    @Test func flagsOverrideTheFixtureAndRecordProvenance() throws {
        let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 0))
        let s = try loader.load(text: """
            app: {client_id: from-fixture, auth_method: client_secret_basic, seen_jtis: [a]}
            request: {url: "https://dev-1.okta.com/oauth2/v1/token", form: {grant_type: client_credentials}}
            """, path: "f.yaml")
        #expect(s.clockIsReal)
        let o = try ContextOverrides.parse(now: "2025-06-02T14:00:00Z", clientID: "0oaFlag", authMethod: "private_key_jwt",
                                           appType: "service", secretEnv: "MY_SECRET", seenJTIs: ["b", "a"],
                                           environment: ["MY_SECRET": "x"])
        let applied = o.apply(to: s)
        #expect(applied.app.clientID == "0oaFlag")
        #expect(applied.app.authMethod == .privateKeyJWT)
        #expect(applied.app.type == .service)
        #expect(applied.app.clientSecret == ClientSecret("x"))
        #expect(applied.app.seenJTIs == ["a", "b"])
        #expect(applied.now == Date(timeIntervalSince1970: 1_748_872_800))
        #expect(!applied.clockIsReal)
        for key in ["client_id", "auth_method", "type", "client_secret", "seen_jtis"] {
            #expect(applied.app.provenance[key] == .flag, "\(key)")
        }
    }

    @Test func endpointSetsTheTargetOfABareTokenOnly() throws {
        let o = try ContextOverrides.parse(endpoint: "https://dev-1.okta.com/oauth2/aus1/v1/token")
        let bare = Subject(source: "<argument>", request: nil, assertion: .absent)
        let target = try #require(o.apply(to: bare).target)
        #expect(target.profile.id == "okta-custom" && target.authServerID == "aus1" && target.endpoint == .token)
        let withRequest = Subject(source: "x", request: TokenRequest(url: "https://dev-1.okta.com/oauth2/v1/token"), assertion: .absent)
        let applied = o.apply(to: withRequest)
        #expect(applied.target?.profile.id == "okta-org")
        #expect(applied.notes == ["--endpoint was ignored: the request is sent to https://dev-1.okta.com/oauth2/v1/token"])
    }

    @Test func epochNow() throws {
        #expect(try ContextOverrides.parse(now: "1748872800").now == Date(timeIntervalSince1970: 1_748_872_800))
    }

    @Test(arguments: [
        (["now": "yesterday"], "--now: 'yesterday' is not an ISO 8601 time (2025-06-02T14:00:00Z) or epoch seconds"),
        (["auth": "jwt"], "--auth-method: 'jwt' is not one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none"),
        (["type": "daemon"], "--app-type: 'daemon' is not one of service, web, spa, native, api-service-integration"),
        (["secret": "NOPE"], "--secret-env: the environment variable NOPE is not set"),
        (["endpoint": "/oauth2/v1/token"], "--endpoint: '/oauth2/v1/token' is not an absolute http(s) URL"),
        (["jwks": "missing.json"], "--jwks: missing.json: no such file"),
    ])
    func badFlagsNameTheOption(_ flags: [String: String], _ message: String) {
        do {
            _ = try ContextOverrides.parse(now: flags["now"], authMethod: flags["auth"], appType: flags["type"],
                                           jwksFile: flags["jwks"], secretEnv: flags["secret"], endpoint: flags["endpoint"],
                                           environment: [:], readFile: { (p: String) throws(InputError) -> [UInt8] in
                                               throw InputError(p, "no such file")
                                           })
            Issue.record("no error for \(flags)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func jwksFlag() throws {
        let set = try ContextOverrides.parse(jwksFile: "k.json", readFile: { _ throws(InputError) -> [UInt8] in Array(#"{"keys": [{"kty": "RSA", "kid": "k1"}]}"#.utf8) })
        #expect(set.jwks?.objectValue?["keys"]?.arrayValue?.count == 1)
        let single = try ContextOverrides.parse(jwksFile: "k.json", readFile: { _ throws(InputError) -> [UInt8] in Array(#"{"kty": "EC", "kid": "k2"}"#.utf8) })
        #expect(single.jwks?.objectValue?["keys"]?.arrayValue?.first?.objectValue?["kid"] == .string("k2"))
        #expect(throws: InputError.self) {
            try ContextOverrides.parse(jwksFile: "k.pem", readFile: { _ throws(InputError) -> [UInt8] in Array("-----BEGIN PUBLIC KEY-----".utf8) })
        }
    }
}

@Suite struct InputTextTests {
    @Test func argumentsAreFilesStdinOrText() throws {
        let stdin = { () throws(InputError) -> String in "from stdin" }
        #expect(try InputText.resolve(nil, readStdin: stdin) == InputText.Resolved(text: "from stdin", source: "-"))
        #expect(try InputText.resolve("-", readStdin: stdin) == InputText.Resolved(text: "from stdin", source: "-"))
        #expect(try InputText.resolve("eyJhbGciOiJub25lIn0.e30.", readStdin: stdin)
                    == InputText.Resolved(text: "eyJhbGciOiJub25lIn0.e30.", source: "<argument>"))
        #expect(throws: InputError("no/such.yaml", "no such file")) { try InputText.resolve("no/such.yaml", readStdin: stdin) }
    }

    @Test func pathsAndNotPaths() {
        for path in ["a.yaml", "dir/x", "./token", "/tmp/x.json", "req.http"] { #expect(InputText.looksLikePath(path), "\(path)") }
        for text in ["eyJhbGci.x.y", "curl -X POST https://x", "https://dev-1.okta.com/oauth2/v1/token", "abc"] {
            #expect(!InputText.looksLikePath(text), "\(text)")
        }
    }

    @Test func binaryInputIsOneLineError() {
        #expect(throws: InputError("-", "the input is not UTF-8 text (binary data?)")) {
            try InputText.text([0xFF, 0xFE, 0x00], source: "-")
        }
    }
}

@Suite struct ExplainLookupTests {
    static let catalog = SampleDiagnosis.catalog

    @Test func ruleIDs() throws {
        #expect(ExplainLookup.lookup("sub-mismatch", in: Self.catalog) == .rule(try #require(Self.catalog["sub-mismatch"])))
    }

    @Test func pastedServerText() throws {
        let sub = try #require(Self.catalog["sub-mismatch"])
        #expect(ExplainLookup.lookup("Cannot supply multiple client credentials.", in: Self.catalog).ruleIDs == ["multiple-credentials"])
        #expect(ExplainLookup.lookup(#"{"error":"invalid_request","error_description":"Cannot supply multiple client credentials."}"#,
                                     in: Self.catalog).ruleIDs == ["multiple-credentials"])
        // jti-missing is an invalid_client error where jti is required (Keycloak, Auth0), sub-mismatch everywhere.
        let jti = try #require(Self.catalog["jti-missing"])
        #expect(ExplainLookup.lookup("invalid_client", in: Self.catalog) == .errorCode("invalid_client", [jti, sub]))
    }

    @Test func unknownIDsAndText() {
        #expect(ExplainLookup.lookup("sub-mismach", in: Self.catalog) == .unknownRule("sub-mismach", suggestion: "sub-mismatch"))
        #expect(ExplainLookup.lookup("totally-different-thing", in: Self.catalog) == .unknownRule("totally-different-thing", suggestion: nil))
        #expect(ExplainLookup.lookup("the server said no", in: Self.catalog) == .noMatch)
    }

    @Test func editDistance() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("aud-mismatch", "aud-mismatch") == 0)
    }
}
