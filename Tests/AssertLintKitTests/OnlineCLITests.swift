import Foundation
import Testing
@testable import AssertLintKit

/// `diagnose --online` through the binary against the loopback Okta stand-in: the introspect
/// scenario with nothing but the URL and the token gives the same findings as offline with every flag.
@Suite struct OnlineCLITests {
    static func ruleIDs(_ json: String) throws -> [String] {
        let doc = try JSONParser.parse(json)
        let results = doc.objectValue?["results"]?.arrayValue ?? []
        return results.flatMap { $0.objectValue?["findings"]?.arrayValue ?? [] }.compactMap { $0.objectValue?["rule"]?.stringValue }
    }

    static func introspectCurl(_ base: String) -> String {
        """
        curl --location --request POST '\(base)/oauth2/v1/introspect' \\
        --header 'Content-Type: application/x-www-form-urlencoded' \\
        --data-urlencode 'token=eyJraWQiOiJhY2Nlc3MifQ.e30.c2ln' 'token_type_hint=access_token' 'client_id=\(OktaStandIn.clientID)'
        """
    }

    @Test func onlineMatchesOfflineWithFullFlags() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let jwks = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-online-\(UUID().uuidString).json")
        try Data(OktaStandIn.jwks.utf8).write(to: jwks)
        defer { try? FileManager.default.removeItem(at: jwks) }
        let curl = Self.introspectCurl(server.base)

        let offline = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z",
                                        "--client-id", OktaStandIn.clientID, "--auth-method", "private_key_jwt",
                                        "--app-type", "service", "--jwks", jwks.path, "-"], stdin: curl)
        let online = try CLITests.run(["diagnose", "--format", "json", "--now", "2025-06-02T14:00:00Z", "--online", "-"],
                                      stdin: curl, environment: ["OKTA_API_TOKEN": OktaStandIn.apiToken, "OKTA_ORG_URL": server.base])
        #expect(offline.status == 1 && online.status == 1, "offline \(offline.status) \(offline.stderr); online \(online.status) \(online.stderr)")
        let offlineIDs = try Self.ruleIDs(offline.stdout), onlineIDs = try Self.ruleIDs(online.stdout)
        #expect(offlineIDs == ["assertion-missing", "assertion-type-missing"])
        #expect(onlineIDs == offlineIDs)
        // Where each fact came from is said, and the API token is never printed.
        #expect(online.stdout.contains("online: from the server: token_endpoint_auth_method: private_key_jwt"))
        #expect(!online.stdout.contains(OktaStandIn.apiToken) && !online.stderr.contains(OktaStandIn.apiToken))
    }

    @Test func anUnreachableServerStillPrintsTheOfflineDiagnosisAndExits2() throws {
        // A port nothing listens on: the fetch fails at once (connection refused).
        let curl = Self.introspectCurl("http://127.0.0.1:9")
        let run = try CLITests.run(["diagnose", "--online", "--now", "2025-06-02T14:00:00Z", "-"], stdin: curl)
        #expect(run.status == 2)
        #expect(run.stdout.contains("error[no-credentials]"), "the offline diagnosis is still printed")
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].hasPrefix("assertlint: GET http://127.0.0.1:9/.well-known/openid-configuration"), "\(run.stderr)")
    }

    @Test func probeNeedsConfirmationWithoutATerminal() throws {
        let run = try CLITests.run(["probe", "-"], stdin: Self.introspectCurl("http://127.0.0.1:9"))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("assertlint: probe sends the request's credentials to http://127.0.0.1:9/oauth2/v1/introspect; pass --yes to confirm"))
    }

    @Test func probeComparesTheAnswer() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let run = try CLITests.run(["probe", "--yes", "-"], stdin: Self.introspectCurl(server.base))
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("assertlint predicted: HTTP 401 invalid_client: Client authentication failed. Either the client or the client credentials are invalid. (rule no-credentials)"), "\(run.stdout)")
        #expect(run.stdout.contains("server answered: HTTP "), "\(run.stdout)")
        #expect(run.stdout.contains("verdict: "), "\(run.stdout)")
    }
}

/// `mint --fix -`: the pasted request, corrected, diagnoses clean.
@Suite struct MintRoundTripCLITests {
    @Test func pastedRequestIsFixedAndDiagnosesClean() throws {
        let paste = try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/inputs/introspect-postman.curl"), encoding: .utf8)
        let minted = try CLITests.run(["mint", "--key", "Fixtures/keys/test-rsa-2048.pem", "--fix", "-", "--curl"], stdin: paste)
        #expect(minted.status == 0, "\(minted.stderr)")
        #expect(minted.stdout.contains("--data-urlencode 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer'"))
        let diagnosed = try CLITests.run(["diagnose", "--auth-method", "private_key_jwt", "--jwks", "Fixtures/keys/test-rsa-2048.pub.pem", "-"],
                                         stdin: minted.stdout)
        #expect(diagnosed.status == 0, "\(diagnosed.stdout)")
        #expect(diagnosed.stdout.hasSuffix("no problems found\n"))
    }
}
