import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AssertLintKit

/// Issue 9 item 7 (online odds and ends) and the pieces the credential binding is built from:
/// origins, named origins, the config's online hosts, bounded CA/token reads, the per-run cache,
/// redirects, and what probe and the online notes print.
@Suite struct OnlineHostileOddsTests {
    static let ssws = ManagementCredential(scheme: .ssws, token: OktaStandIn.apiToken, origin: "OKTA_API_TOKEN")

    static func subject(_ base: String) -> Subject {
        Subject(source: "<test>", request: OnlineContextTests.introspectRequest(base: base), assertion: .absent)
    }

    // MARK: origins

    @Test(arguments: [
        ("https://myorg.okta.com", "https://MyOrg.OKTA.com:443/", true),
        ("https://myorg.okta.com", "https://myorg.okta.com.evil.example", false),
        ("https://myorg.okta.com", "https://evil-myorg.okta.com", false),
        ("https://myorg.okta.com", "https://myorg-admin.okta.com", false),
        ("https://myorg.okta.com", "http://myorg.okta.com", false),
        ("https://myorg.okta.com", "https://myorg.okta.com:8443", false),
        ("https://myorg.okta.com", "https://myorg.okta.com.", false),
        ("http://127.0.0.1:8080", "http://127.0.0.2:8080", false),
        ("http://127.0.0.1:8080", "http://localhost:8080", false),
    ])
    func originsCompareExactly(named: String, other: String, same: Bool) throws {
        let a = try #require(Origin(url: named)), b = try #require(Origin(url: other))
        #expect((a == b) == same, "\(a) vs \(b)")
    }

    @Test func theOriginAUserAuthorityTrickNamesIsTheOneConnectedTo() throws {
        // Parsed as libcurl parses it: the host after the last '@'.
        #expect(Origin(url: "https://myorg.okta.com@evil.example/x")?.host == "evil.example")
        #expect(Origin(url: "https://evil.example#@myorg.okta.com")?.host == "evil.example")
    }

    @Test(arguments: [
        ("http://myorg.okta.com", "OKTA_ORG_URL: must be an https URL (plain http only for loopback hosts); give the org's origin only, such as https://myorg.okta.com"),
        ("https://u:p@myorg.okta.com", "OKTA_ORG_URL: must not hold a user name or password; give the org's origin only, such as https://myorg.okta.com"),
        ("https://myorg.okta.com/oauth2/default", "OKTA_ORG_URL: give the org's origin only, such as https://myorg.okta.com, without a path, query or fragment"),
        ("https://myorg.okta.com/?x=1", "OKTA_ORG_URL: give the org's origin only, such as https://myorg.okta.com, without a path, query or fragment"),
        ("myorg.okta.com", "OKTA_ORG_URL: not a URL; give the org's origin only, such as https://myorg.okta.com"),
        ("gopher://myorg.okta.com", "OKTA_ORG_URL: must be an https URL (plain http only for loopback hosts); give the org's origin only, such as https://myorg.okta.com"),
    ])
    func namedOriginsAreRefusedWithOneLine(text: String, message: String) {
        #expect(throws: InputError("OKTA_ORG_URL", String(message.dropFirst("OKTA_ORG_URL: ".count)))) {
            try NamedOrigin(text, namedBy: "OKTA_ORG_URL")
        }
    }

    @Test func orgURLFlagWinsOverTheEnvironmentAndTheIssuer() throws {
        let env = ["OKTA_ORG_URL": "https://env.okta.com"]
        let flag = try OnlineAccess.from(orgURL: "https://flag.okta.com/", issuer: "https://iss.okta.com/oauth2/default", environment: env, restrictDiscovery: false)
        #expect(flag.org?.description == "https://flag.okta.com" && flag.org?.namedBy == "--org-url")
        let fromEnv = try OnlineAccess.from(orgURL: nil, issuer: "https://iss.okta.com/oauth2/default", environment: env, restrictDiscovery: false)
        #expect(fromEnv.org?.namedBy == "OKTA_ORG_URL")
        let fromIssuer = try OnlineAccess.from(orgURL: nil, issuer: "https://iss.okta.com/oauth2/default", environment: [:], restrictDiscovery: false)
        #expect(fromIssuer.org?.description == "https://iss.okta.com" && fromIssuer.org?.namedBy == "--issuer")
        #expect(try OnlineAccess.from(orgURL: nil, issuer: nil, environment: [:], restrictDiscovery: false).org == nil)
    }

    @Test func aBoundRequestGoesNowhereElse() throws {
        let server = try LoopbackHTTPServer { _ in .json(200, "{}") }
        defer { server.stop() }
        let bound = try #require(Origin(url: "http://127.0.0.1:1"))
        #expect(throws: NetworkError(url: "\(server.base)/x", cause: .refusedURL("refused: this request carries a credential that may go only to http://127.0.0.1:1"))) {
            try HTTPClient().getJSON("\(server.base)/x", headers: [HTTPHeader(name: "Authorization", value: "SSWS t")], boundTo: bound, expecting: "JSON")
        }
        #expect(server.requests.isEmpty)
    }

    // MARK: config

    @Test func configListsDiscoveryHostsAndNothingElse() throws {
        let config = try Configuration.parse("online: {hosts: [myorg.okta.com, 'https://login.example.com:8443', 'http://127.0.0.1:9000']}\n", path: "/r/.assertlint.yml")
        #expect(config.online == true)
        #expect(config.onlineHosts.map(\.description) == ["https://myorg.okta.com", "https://login.example.com:8443", "http://127.0.0.1:9000"])
        let off = try Configuration.parse("online: {enabled: false, hosts: [myorg.okta.com]}\n", path: "/r/.assertlint.yml")
        #expect(off.online == false && off.onlineHosts.count == 1)
        #expect(try Configuration.parse("online: true\n", path: "/r/.assertlint.yml").onlineHosts.isEmpty)
        #expect(throws: InputError("/r/.assertlint.yml", "line 1: online.hosts entries are host names or https origins (must be an https URL (plain http only for loopback hosts); give the org's origin only, such as https://myorg.okta.com)")) {
            try Configuration.parse("online: {hosts: ['http://myorg.okta.com']}\n", path: "/r/.assertlint.yml")
        }
        #expect(throws: InputError("/r/.assertlint.yml", "line 1: unknown key 'online.token_origin' (expected one of: enabled, hosts)")) {
            try Configuration.parse("online: {token_origin: 'https://evil.example'}\n", path: "/r/.assertlint.yml")
        }
    }

    @Test func checkReadsDiscoveryOnlyFromListedOrNamedOrigins() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let restricted = OnlineLookup(client: HTTPClient(), access: OnlineAccess(restrictDiscovery: true))
        let refused = restricted.gather(for: Self.subject(server.base))
        #expect(refused.metadata == nil && server.requests.isEmpty)
        #expect(refused.skipped.first == "discovery document: \(server.base) is not listed; check reads discovery only from the hosts in .assertlint.yml's online.hosts and the origin named by --issuer, --org-url or OKTA_ORG_URL")
        let listed = restricted.gather(for: Self.subject(server.base), discoveryHosts: [try #require(Origin(url: server.base))])
        #expect(listed.metadata != nil && server.requests.count == 1)
        #expect(listed.requests == ["discovery read from \(server.base) (GET /.well-known/openid-configuration?client_id=\(OktaStandIn.clientID))"])
    }

    // MARK: item 7

    @Test func aGoodClientsAnswerIsKeptWhenTheAppsAPIAnswers404() throws {
        let server = try LoopbackHTTPServer { r in
            r.path.hasPrefix("/api/v1/apps/")
                ? .json(404, #"{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: 0oa8f3example (AppInstance)"}"#)
                : .json(200, #"{"client_id":"0oa8f3example","token_endpoint_auth_method":"private_key_jwt","application_type":"service","grant_types":["client_credentials"]}"#)
        }
        defer { server.stop() }
        let r = try ClientRegistry(client: HTTPClient(), baseURL: server.base, credential: Self.ssws).fetch(clientID: OktaStandIn.clientID)
        #expect(r.authMethod == .privateKeyJWT && r.type == .service)
        #expect(r.requests == ["GET /oauth2/v1/clients/0oa8f3example", "GET /api/v1/apps/0oa8f3example"])
        #expect(r.notes == ["the Apps API answered HTTP 404 for this client; the Clients API's answer is used alone"])
    }

    @Test func theCAFileIsReadOnceSoAPipeServesEveryFetch() throws {
        let doc = OktaStandIn.discovery(issuer: "https://127.0.0.1/oauth2/default", base: "https://127.0.0.1/oauth2/default")
        let server = try SelfSignedTLSServer(files: ["a.json": doc, "b.json": doc])
        defer { server.stop() }
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(try Data(contentsOf: URL(fileURLWithPath: server.certificate)))
        try pipe.fileHandleForWriting.close()
        let client = HTTPClient(options: .init(cacert: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"))
        for name in ["a.json", "b.json"] {
            let m = try Discovery(client: client).fetch("https://127.0.0.1:\(server.port)/\(name)")
            #expect(m.issuer == "https://127.0.0.1/oauth2/default")
        }
    }

    @Test func aFIFOThatNeverWritesEndsWithinTheBound() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        // No writer at all: end of file at once.
        #expect(throws: NetworkError(url: "", cause: .caFile(path: fifo, reason: "the file is empty"))) {
            try HTTPClient(options: .init(cacert: fifo, timeout: 0.5)).loadCA()
        }
        // A writer that never writes: the deadline ends it.
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        #expect(writer >= 0)
        defer { close(writer) }
        let started = Date()
        #expect(BoundedFile.read(fifo, allowing: .fileOrPipe(limit: 1 << 20, deadline: 0.5)).failureReason
            == "nothing more arrived within 0.5 s; the pipe was not closed")
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test(arguments: [("/dev/zero", "not a regular file or pipe"), ("/tmp", "a directory, not a file"), ("/nonexistent/ca.pem", "no such file")])
    func devicesDirectoriesAndMissingFilesAreRefusedBeforeReading(path: String, reason: String) {
        #expect(BoundedFile.read(path, allowing: .fileOrPipe(limit: 1 << 20, deadline: 1)).failureReason == reason)
    }

    @Test func aBigCAFileIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-bigca-\(UUID().uuidString).pem")
        try Data(repeating: 0x41, count: HTTPClient.maxCABytes + 1).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: NetworkError(url: "", cause: .caFile(path: file.path, reason: "larger than 1 MiB"))) {
            try HTTPClient(options: .init(cacert: file.path)).loadCA()
        }
    }

    @Test func twoHundredCopiesOfOneRequestMakeOneFetchPerURL() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let lookup = OnlineLookup(client: HTTPClient(), credential: Self.ssws,
                                  access: OnlineAccess(org: try NamedOrigin(server.base, namedBy: "OKTA_ORG_URL")))
        let subject = Self.subject(server.base)
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            let (filled, failures) = lookup.fill(subject)
            #expect(failures.isEmpty && filled.app.authMethod == .privateKeyJWT)
        }
        #expect(server.requests.map(\.path) == ["/.well-known/openid-configuration", "/oauth2/v1/clients/\(OktaStandIn.clientID)"])
        #expect(lookup.client.session.transferCount == 2)
    }

    @Test func theUnknownKeysNoteIsNotPrintedWhenTheRegistrationWasRead() throws {
        var options = OktaStandIn.Options()
        options.authMethod = "client_secret_basic"
        options.applicationType = "web"
        options.clientsAPIHasJWKS = false
        let server = try OktaStandIn.start(options)
        defer { server.stop() }
        let lookup = OnlineLookup(client: HTTPClient(), credential: Self.ssws,
                                  access: OnlineAccess(org: try NamedOrigin(server.base, namedBy: "OKTA_ORG_URL")))
        let (filled, failures) = lookup.fill(Self.subject(server.base))
        #expect(failures.isEmpty)
        #expect(!filled.notes.contains { $0.contains("set OKTA_API_TOKEN") }, "\(filled.notes)")
        #expect(filled.notes.contains("online: assumed: registered keys (jwks): not in the app's registration"))
        #expect(filled.notes.contains("online: registration read from \(server.base) with OKTA_API_TOKEN (GET /oauth2/v1/clients/\(OktaStandIn.clientID))"))
    }

    @Test func nonHTTPSEndpointsInADiscoveryDocumentAreNotFacts() throws {
        let doc = try JSONParser.parse(#"{"issuer":"https://a.example","token_endpoint":"gopher://evil.example:70/1","introspection_endpoint":"javascript:alert(1)","revocation_endpoint":"https://a.example/v1/revoke","jwks_uri":"http://evil.example/keys"}"#)
        let m = try ServerMetadata(document: doc, source: "https://a.example/.well-known/openid-configuration")
        #expect(m.tokenEndpoint == nil && m.introspectionEndpoint == nil && m.jwksURI == nil)
        #expect(m.revocationEndpoint == "https://a.example/v1/revoke")
        #expect(m.ignored == [
            "token_endpoint: the discovery document gives 'gopher://evil.example:70/1', which is not an https URL; it was ignored",
            "introspection_endpoint: the discovery document gives 'javascript:alert(1)', which is not an https URL; it was ignored",
            "jwks_uri: the discovery document gives 'http://evil.example/keys', which is not an https URL; it was ignored",
        ])
        let merged = OnlineContext(metadata: m).merge(into: Subject(source: "<t>", request: nil, assertion: .absent))
        #expect(!merged.fromServer.contains { $0.value.hasPrefix("gopher:") })
        #expect(merged.summaryLines.contains { $0.hasPrefix("kept your value: token_endpoint: the discovery document gives 'gopher://") })
    }

    @Test func oneNoteLineNeverListsTenThousandKids() throws {
        let keys = (0..<10_000).map { JSONValue.object(JSONObject([JSONMember(key: "kty", value: .string("EC")), JSONMember(key: "kid", value: .string("k\($0)"))])) }
        let summary = OnlineContext.keySummary(.object(JSONObject([JSONMember(key: "keys", value: .array(keys))])))
        #expect(summary == "10,000 keys (kid k0, k1, k2, k3, k4 and 9,995 more)")
        let long = String(repeating: "x", count: 5000)
        #expect(OnlineContext.list([long]).count == 67)
    }

    @Test func rsaKeysAbove8192BitsAreNamedInTheNote() throws {
        let n = Base64URL.encode([UInt8](repeating: 0xC5, count: 1280)) // 10,240 bits
        let key = JSONValue.object(JSONObject([JSONMember(key: "kty", value: .string("RSA")), JSONMember(key: "kid", value: .string("big")),
                                               JSONMember(key: "n", value: .string(n)), JSONMember(key: "e", value: .string("AQAB"))]))
        #expect(RegisteredKeyLimits.rsaBits(of: key) == 10_240)
        #expect(OnlineContext.keySummary(.object(JSONObject([JSONMember(key: "keys", value: .array([key]))])))
                == "1 key (kid big); 1 of them RSA above 8,192 bits, which assertlint cannot verify with (the largest RSA key it reads)")
    }

    // MARK: redirects

    @Test func unauthenticatedFetchesFollowRedirectsOnlyWithinTheirOrigin() throws {
        let other = try LoopbackHTTPServer { _ in .json(200, #"{"issuer":"https://x"}"#) }
        defer { other.stop() }
        let otherBase = other.base
        let server = try LoopbackHTTPServer { r in
            switch r.path {
            case "/same": return .respond(status: 301, headers: [("Location", "/doc")], body: [])
            case "/away": return .respond(status: 302, headers: [("Location", "\(otherBase)/doc")], body: [])
            case let p where p.hasPrefix("/oauth2/v1/clients/"): return .respond(status: 302, headers: [("Location", "/doc")], body: [])
            default: return .json(200, #"{"issuer":"https://here"}"#)
            }
        }
        defer { server.stop() }
        #expect(try Discovery(client: HTTPClient()).fetch("\(server.base)/same").issuer == "https://here")
        #expect(throws: NetworkError(url: "\(server.base)/away", cause: .refusedURL("redirected to another origin (\(other.base)); assertlint follows redirects only within \(server.base)"))) {
            try Discovery(client: HTTPClient()).fetch("\(server.base)/away")
        }
        #expect(other.requests.isEmpty)
        // A credential is never sent on, not even within the origin.
        let before = server.requests.count
        #expect(throws: NetworkError(url: "\(server.base)/oauth2/v1/clients/c1", cause: .httpStatus(302, reason: "Found", excerpt: ""))) {
            try ClientRegistry(client: HTTPClient(), baseURL: server.base, credential: Self.ssws).fetch(clientID: "c1")
        }
        #expect(server.requests.dropFirst(before).map(\.path) == ["/oauth2/v1/clients/c1"])
    }

    // MARK: probe and shown URLs

    @Test(arguments: [
        ("https://id:s3cret@myorg.okta.com/oauth2/v1/token", "https://(redacted)@myorg.okta.com/oauth2/v1/token"),
        ("https://myorg.okta.com/t?client_secret=abc&scope=x&clientSecret=d#access_token=e&state=f",
         "https://myorg.okta.com/t?client_secret=(redacted)&scope=x&clientSecret=(redacted)#access_token=(redacted)&state=f"),
        ("https://myorg.okta.com/t?client-secret=abc&api_key=k&client_assertion=eyJ", "https://myorg.okta.com/t?client-secret=(redacted)&api_key=(redacted)&client_assertion=(redacted)"),
        ("https://myorg.okta.com/.well-known/openid-configuration?client_id=0oa1", "https://myorg.okta.com/.well-known/openid-configuration?client_id=0oa1"),
    ])
    func shownURLsCarryNoCredentials(url: String, shown: String) {
        let echoed = NetworkError(method: "POST\n::error::x", url: url, cause: .httpStatus(500, reason: "", excerpt: "a\u{1B}[2Jb\u{202E}c"))
        #expect(!echoed.description.contains("\n") && !echoed.description.contains("\u{1B}") && !echoed.description.contains("\u{202E}"))
        #expect(URLDisplay.withoutCredentials(url) == shown)
        #expect(NetworkError(url: url, cause: .dns(host: "h")).description.hasPrefix("GET \(shown): "))
    }

    @Test func probeReplacesEveryCredentialItSentWhereverTheServerEchoesIt() throws {
        let secret = "s3cr3t-value/with+chars"
        let request = TokenRequest(method: "POST", url: "http://127.0.0.1:1/oauth2/v1/token?access_token=qtok1234",
                                   headers: [HTTPHeader(name: "Authorization", value: "Basic " + Data("0oa1:bpass5678".utf8).base64EncodedString()),
                                             HTTPHeader(name: "DPoP", value: "eyJproof.eyJx.c2ln")],
                                   body: .form([FormField(name: "client_secret", value: secret), FormField(name: "client_assertion", value: "eyJh.eyJp.c2lnbmF0dXJl")]))
        let sent = Prober.sentCredentials(request)
        for value in [secret, "eyJh.eyJp.c2lnbmF0dXJl", "c2lnbmF0dXJl", "bpass5678", "0oa1:bpass5678", "qtok1234", "eyJproof.eyJx.c2ln"] {
            #expect(sent.contains(value), "\(value)")
        }
        let echo = #"{"error":"invalid_client","error_description":"got \#(secret) and \#(FormEncoding.encode(secret)) and c2lnbmF0dXJl and 0oa1:bpass5678 and qtok1234","x":"\#(secret.replacingOccurrences(of: "/", with: "\\/"))"}"#
        let result = ProbeResult(response: HTTPResponse(url: request.url, status: 401, reason: "", headers: [HTTPHeader(name: "WWW-Authenticate", value: "Basic realm=bpass5678")], body: Array(echo.utf8)),
                                 prediction: nil, predictedRuleID: nil, sentSecrets: Prober.httpRequest(for: request).allSecrets)
        let printed = result.summaryLines.joined(separator: "\n") + result.redactedBody
        for value in ["s3cr3t", "c2lnbmF0dXJl", "bpass5678", "qtok1234"] {
            #expect(!printed.contains(value), "\(value) in \(printed)")
        }
        #expect(printed.contains("(redacted)"))
        let json = #"{"auth":{"clientSecret":"deep-secret-1"},"list":[{"client-secret":"deep-secret-2"}],"name":"app"}"#
        let sentJSON = Prober.sentCredentials(TokenRequest(method: "POST", url: "https://x/t", body: .raw(json)))
        #expect(sentJSON == ["deep-secret-1", "deep-secret-2"])
    }

    // MARK: --timeout

    @Test func timeoutHelpAndParserAgree() throws {
        let help = try CLITests.run(["diagnose", "--help"])
        #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
                .contains("0.1 to 300, decimals allowed. (default: 15.0)"), "\(help.stdout)")
        for bad in ["0.05", "301", "0", "-1", "nan", "inf"] {
            let run = try CLITests.run(["diagnose", "--online", "--timeout=\(bad)", "eyJhbGciOiJub25lIn0.e30."])
            #expect(run.status == 2 && run.stderr == "assertlint: --timeout: give a number of seconds from 0.1 to 300\n", "\(bad): \(run.stderr)")
        }
        let ok = try CLITests.run(["diagnose", "--online", "--timeout", "0.5", "eyJhbGciOiJub25lIn0.e30."])
        #expect(!ok.stderr.contains("--timeout"), "\(ok.stderr)")
    }

    @Test func aFIFOAsCACertIsOneErrorWithinTheBound() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-cafifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        let started = Date()
        let run = try CLITests.run(["diagnose", "--online", "--timeout", "0.5", "--cacert", fifo, "eyJhbGciOiJub25lIn0.e30."])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(run.status == 2)
        #expect(run.stderr == "assertlint: --cacert \(fifo): nothing more arrived within 0.5 s; the pipe was not closed\n")
    }
}
