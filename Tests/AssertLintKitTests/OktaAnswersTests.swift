import Foundation
import Testing
@testable import AssertLintKit

/// The Okta profiles' answers (Profiles/okta-custom.yaml, okta-org.yaml) against Okta's own error
/// catalog (okta-developer-docs `oauth2-error-codes.json`, the entries cited vendored in Data/ with their commit).
@Suite struct OktaAnswersTests {
    struct OktaEntry: Decodable {
        let statusCode: Int
        let internalErrorCode: String
        let errorCode: String
        let errorDescription: String
    }

    struct OktaCatalog: Decodable {
        let release: String
        let errors: [OktaEntry]
    }

    static func okta() throws -> OktaCatalog {
        let url = GeneratedSourcesTests.root.appendingPathComponent("Tests/AssertLintKitTests/Data/okta-oauth2-error-codes.json")
        return try JSONDecoder().decode(OktaCatalog.self, from: Data(contentsOf: url))
    }

    /// Every answer of every rule, its variants included, with a name for messages.
    static func answers() throws -> [(name: String, status: Int?, error: String?, text: String?, verbatim: Bool, source: String?, note: String?)] {
        let profiles = try ProfileLoader.profiles(try GeneratedSourcesTests.profileSources()).filter { $0.id.hasPrefix("okta-") }
        var out: [(String, Int?, String?, String?, Bool, String?, String?)] = []
        var seen: Set<String> = []
        // okta-org extends okta-custom: an answer it inherits unchanged is counted once.
        for p in profiles.sorted(by: { $0.id < $1.id }) {
            for (id, o) in (p.answers ?? [:]).sorted(by: { $0.key < $1.key }) where id != "default" {
                guard seen.insert("\(id) \(o.body) \(o.source ?? "") \(o.variants?.count ?? 0)").inserted else { continue }
                out.append((id, o.status, o.error, o.errorDescription, o.verbatim, o.source, o.note))
                for variant in o.variants ?? [] {
                    let v = o.applying(variant)
                    out.append(("\(id) variant \(variant.name ?? "?")", v.status, v.error, v.errorDescription, v.verbatim, v.source, v.note))
                }
            }
        }
        return out
    }

    @Test func everyVerbatimTextIsAnEntryOfOktasCatalogWithItsStatusAndCode() throws {
        let okta = try Self.okta()
        #expect(okta.release == "2026.08.1")
        let byCode = Dictionary(okta.errors.map { ($0.internalErrorCode, $0) }, uniquingKeysWith: { a, _ in a })
        var verbatim = 0
        for a in try Self.answers() where a.verbatim {
            verbatim += 1
            let text = try #require(a.text, "\(a.name): verbatim without error_description")
            let matches = okta.errors.filter {
                $0.errorDescription == text && $0.statusCode == a.status && $0.errorCode == a.error
            }
            #expect(!matches.isEmpty, "\(a.name): \(a.status.map(String.init) ?? "-") \(a.error ?? "-") \"\(text)\" is not in Okta's catalog")
            let source = try #require(a.source, "\(a.name): verbatim without okta.source")
            #expect(source.hasPrefix("oauth2-error-codes.json#"), "\(a.name): source \(source)")
            let code = String(source.dropFirst("oauth2-error-codes.json#".count))
            let entry = try #require(byCode[code], "\(a.name): \(code) is not a vendored catalog entry")
            #expect(entry.errorDescription == text && entry.statusCode == a.status && entry.errorCode == a.error,
                    "\(a.name): \(code) is \(entry.statusCode) \(entry.errorCode) \"\(entry.errorDescription)\"")
        }
        // 32 of the 37 rule answers (jwks-not-configured is the 37th) and 9 of the 10 variants hold a catalog text.
        #expect(verbatim == 41)
    }

    @Test func answersOutsideOktasCatalogSaySo() throws {
        for a in try Self.answers() where !a.verbatim {
            // A source, if any, is where the text was seen, never an entry of Okta's catalog.
            #expect(a.source.map { !$0.hasPrefix("oauth2-error-codes.json#") } ?? true, "\(a.name): a catalog source on a text that is not Okta's")
            let note = try #require(a.note, "\(a.name): not verbatim and no note")
            #expect(note.contains("catalog"), "\(a.name): the note does not say how the text relates to Okta's catalog")
            if let text = a.text {
                let okta = try Self.okta()
                #expect(!okta.errors.contains { $0.errorDescription == text }, "\(a.name): \"\(text)\" is in Okta's catalog; mark it verbatim")
            }
        }
    }

    /// The three client-authentication answers that differ only by what the request shows.
    @Test func noCredentialAnswersFollowWhetherTheClientIsNamed() throws {
        let okta = try #require(ProfileSet.bundled["okta-custom"]?.answers)
        let generic = "Client authentication failed. Either the client or the client credentials are invalid."
        let none = "No client credentials found."
        #expect(okta["assertion-missing"]?.errorDescription == generic)
        #expect(okta["assertion-missing"]?.variant("client-not-named")?.errorDescription == none)
        #expect(okta["no-credentials"]?.errorDescription == none)
        #expect(okta["no-credentials"]?.variant("client-named")?.errorDescription == generic)
        #expect(okta["auth-method-mismatch"]?.source == "oauth2-error-codes.json#invalid_token_endpoint_auth_method")
        #expect(okta["assertion-type-invalid"]?.status == 400)
        #expect(okta["assertion-type-invalid"]?.error == "invalid_request")
    }

    static func answer(_ fixture: String, _ ruleID: String) throws -> ServerAnswer? {
        let subject = try FixtureLoader(realNow: Date(timeIntervalSince1970: 1_748_872_800)).load(text: fixture, path: "inline.yaml")
        let d = Engine().run(subject)
        let f = try #require(d.findings.first { $0.ruleID == ruleID }, "\(ruleID) not found in \(d.findings.map(\.ruleID))")
        return f.answer
    }

    @Test func introspectWithClientIDOnlyGetsTheWrongMethodAnswer() throws {
        let a = try Self.answer("""
            app: {client_id: 0oa1, auth_method: private_key_jwt, type: service}
            request:
              url: https://dev-123.okta.com/oauth2/v1/introspect
              form: {token: abc, token_type_hint: access_token, client_id: 0oa1}
            """, "assertion-missing")
        #expect(a?.status == 401)
        #expect(a?.body == #"{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}"#)
        #expect(a?.source == "oauth2-error-codes.json#invalid_token_endpoint_auth_method")
        #expect(a?.variants == nil)
    }

    @Test func introspectNamingNoClientGetsNoCredentialsFound() throws {
        let a = try Self.answer("""
            app: {client_id: 0oa1, auth_method: private_key_jwt, type: service}
            request:
              url: https://dev-123.okta.com/oauth2/v1/introspect
              form: {token: abc, token_type_hint: access_token}
            """, "assertion-missing")
        #expect(a?.body == #"{"error":"invalid_client","error_description":"No client credentials found."}"#)
        #expect(a?.source == "oauth2-error-codes.json#missing_client_credentials")
    }

    @Test func secretAppWithClientIDOnlyGetsTheWrongMethodAnswer() throws {
        let named = try Self.answer("""
            app: {client_id: 0oa1, auth_method: client_secret_basic}
            request:
              url: https://dev-123.okta.com/oauth2/default/v1/token
              form: {grant_type: client_credentials, scope: read, client_id: 0oa1}
            """, "no-credentials")
        #expect(named?.errorDescription == "Client authentication failed. Either the client or the client credentials are invalid.")
        let unnamed = try Self.answer("""
            app: {client_id: 0oa1, auth_method: client_secret_basic}
            request:
              url: https://dev-123.okta.com/oauth2/default/v1/token
              form: {grant_type: client_credentials, scope: read}
            """, "no-credentials")
        #expect(unnamed?.errorDescription == "No client credentials found.")
    }

    @Test func explainCitesTheCatalogEntry() throws {
        let entry = try #require(Catalog.bundled["assertion-missing"])
        let text = CatalogReporter(options: ReportOptions(width: 200)).explain(entry)
        #expect(text.contains("Source: oauth2-error-codes.json#invalid_token_endpoint_auth_method"))
        #expect(text.contains("Okta custom authorization server and Okta Org authorization server answer:"))
        #expect(text.contains("When nothing in the request names the client (no client_id, no Basic header) (client-not-named): HTTP 401"))
        #expect(text.contains(#""error_description":"No client credentials found.""#))
    }
}
