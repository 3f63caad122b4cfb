import Foundation
import Testing
@testable import AssertLintKit

/// Issue 13, rules and profile selection: the JWK key cache's identity, the per-subject facts and
/// the precompiled profile patterns give the answers of what they replaced.
@Suite struct RulesWorkOnceTests {
    static func jwk(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    static let rsaText = try? String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/keys/test-rsa-2048.jwk.json"),
                                     encoding: .utf8)

    @Test func equalJWKsShareOneKeyAndAnyDifferenceGetsAnother() throws {
        let text = try #require(Self.rsaText)
        let cache = JWKKeyCache()
        var builds = 0
        func key(_ members: JSONObject) throws -> AsymmetricKey {
            try cache.key(for: members) {
                builds += 1
                return JWK(index: 0, members: members).key()
            }.get()
        }
        // Parsed twice: equal members held in different storage.
        let a = try key(Self.jwk(text))
        let b = try key(Self.jwk(text))
        #expect(a.handle === b.handle)
        #expect(builds == 1 && cache.count == 1)

        let members = try Self.jwk(text)
        var kid = members
        kid.members.append(JSONMember(key: "kid", value: .string("another")))
        // One byte changed in the middle of `n`, far from the end the hash reads: same hash, other key.
        var middle = members
        let n = try #require(members.members.firstIndex { $0.key == "n" })
        var bytes = Array(try #require(members.members[n].value.stringValue).utf8)
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        middle.members[n].value = .string(String(decoding: bytes, as: UTF8.self))
        // The same members in another order, and a number written differently.
        var reordered = members
        reordered.members.reverse()
        var numbered = members
        numbered.members.append(JSONMember(key: "x-n", value: .number("1")))
        var renumbered = members
        renumbered.members.append(JSONMember(key: "x-n", value: .number("1.0")))
        for other in [kid, middle, reordered, numbered, renumbered] {
            #expect(JWKKeyCache.Identity(members: other) != JWKKeyCache.Identity(members: members))
        }
        #expect(JWKKeyCache.Identity(members: middle).hashValue == JWKKeyCache.Identity(members: members).hashValue)
        let before = builds
        let c = try key(kid)
        #expect(c.handle !== a.handle)
        _ = try? key(middle)
        _ = try key(reordered)
        _ = try key(numbered)
        _ = try key(renumbered)
        #expect(builds == before + 5 && cache.count == 6)
        // Each of them is now shared too.
        #expect(try key(kid).handle === c.handle)
        #expect(builds == before + 5)
    }

    @Test func signingBytesAreTheSigningInput() throws {
        for token in ["eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0."] {
            guard case .success(let a) = AssertionDecoding.decode(token) else { Issue.record("\(token) did not decode"); continue }
            #expect(JWSSignature.signingBytes(a) == Array(a.signingInput.utf8))
        }
    }

    static func subject(_ url: String, method: String = "POST", contentType: String? = nil, body: RequestBody) -> Subject {
        let headers = contentType.map { [HTTPHeader(name: "Content-Type", value: $0)] } ?? []
        return Subject(source: "t", request: TokenRequest(method: method, url: url, headers: headers, body: body), assertion: .absent)
    }

    @Test func factsAnswerAsTheGettersDoAndFollowTheRequest() {
        let form = RequestBody.form([FormField(name: "grant_type", value: "client_credentials")])
        let cases = [
            Self.subject("https://dev-1.okta.com/oauth2/v1/token", body: form),
            Self.subject("https://dev-1.okta.com/oauth2/v1/token", contentType: "Application/X-WWW-Form-URLEncoded; charset=utf-8", body: form),
            Self.subject("https://dev-1.okta.com/oauth2/v1/token", contentType: "application/json", body: form),
            Self.subject("https://dev-1.okta.com/oauth2/v1/token", method: " get ", body: .none),
            Self.subject("https://dev-1.okta.com/oauth2/v1/token", body: .raw("{}")),
            Self.subject("https://dev-1.okta.com/oauth2/v1/keys", body: form),
            Self.subject("https://login.example.com/token", method: "post", body: .none),
        ]
        for s in cases {
            var prepared = s
            prepared.prepareFacts()
            #expect(prepared.facts != nil)
            #expect((prepared.clientAuthRequest == nil) == (s.clientAuthRequest == nil))
            #expect((prepared.clientAuthEndpointRequest == nil) == (s.clientAuthEndpointRequest == nil))
            #expect(prepared.requestMediaType == s.request?.mediaType)
        }
        #expect(cases[0].clientAuthRequest != nil && cases[1].clientAuthRequest != nil && cases[6].clientAuthRequest != nil)
        #expect(cases[2].clientAuthRequest == nil && cases[3].clientAuthRequest == nil && cases[4].clientAuthRequest == nil)
        #expect(cases[3].clientAuthEndpointRequest != nil && cases[5].clientAuthEndpointRequest == nil)
        // A change to the request or the target drops the facts, so they never describe another request.
        var s = cases[0]
        s.prepareFacts()
        s.request?.method = "GET"
        #expect(s.facts == nil && s.clientAuthRequest == nil)
        s.prepareFacts()
        s.target = nil
        #expect(s.facts == nil && s.clientAuthEndpointRequest == nil)
    }

    @Test func compiledHostGlobsMatchAsTheTextDid() {
        let patterns = ["*.okta.com", "login.microsoftonline.com", "*.b2clogin.com", "*", "a.*.c", "*.*", "", "Login.Example.COM", "ünï.*"]
        let hosts = ["dev-1.okta.com", "DEV-1.OKTA.COM", "okta.com", "a.b.okta.com", "login.microsoftonline.com", "x.b2clogin.com",
                     "a.b.c", "a.c", "a.x.y.c", "", ".", "a..c", "login.example.com", "ünï.com", "ÜNÏ.com", "x"]
        for p in patterns {
            for h in hosts {
                var profile = ServerProfile(id: "t", name: "t")
                profile.recognise = ServerProfile.Recognition(hosts: [p], paths: [])
                #expect(profile.hostMatches(h) == ServerProfile.hostGlob(p.lowercased(), h.lowercased()), "\(p) ~ \(h)")
            }
        }
    }

    @Test func compiledTemplatesMatchAsTheTextDid() {
        let url = { (s: String) in EndpointURL(s) }
        #expect(ServerProfile.match("/oauth2/{server}/v1/{endpoint+}", ["oauth2", "default", "v1", "device", "authorize"])
            == ["server": "default", "endpoint": "device/authorize"])
        #expect(ServerProfile.match("/{tenant*}/token", ["token"]) == ["tenant": ""])
        #expect(ServerProfile.match("/{tenant+}/token", ["token"]) == nil)
        #expect(ServerProfile.match("/a/{b}", ["a"]) == nil)
        #expect(ServerProfile.segments("//a/b//c/") == ["a", "b", "c"])
        #expect(ServerProfile.segments("/é/b") == ["é", "b"])
        // Classifying a URL picks the profile by host and path, the same the second time (from the cache).
        for (text, id) in [("https://dev-1.okta.com/oauth2/default/v1/token", "okta-custom"), ("https://dev-1.OKTA.com/oauth2/v1/token", "okta-org"),
                           ("https://login.microsoftonline.com/t/oauth2/v2.0/token", "entra"),
                           ("https://example.com/realms/r/protocol/openid-connect/token", "keycloak"), ("https://example.com/token", "rfc7523")] {
            guard let u = url(text) else { Issue.record("\(text) did not parse"); continue }
            let first = ProfileSet.bundled.classify(u)
            let second = ProfileSet.bundled.classify(u)
            #expect(first.target.profile.id == id, "\(text)")
            #expect(first.target == second.target && first.reason == second.reason)
        }
    }
}
