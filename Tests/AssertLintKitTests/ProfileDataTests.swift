import Foundation
import Testing
import Yams

/// Every `Profiles/*.yaml` against the schema in docs/profiles.md, read as plain YAML. The profile
/// loader (issue 12, the engine side) will replace the parsing here; the data checks stay.
@Suite struct ProfileDataTests {
    static let root = GeneratedSourcesTests.root
    static let profilesDir = root.appendingPathComponent("Profiles")

    /// Rule ids issue 12 adds; the rest come from `Rules/`.
    static let newRuleIDs: Set<String> = [
        "aud-endpoint-instead-of-issuer", "aud-multiple-values", "aud-array-not-allowed", "aud-tenant-mismatch",
        "lifetime-too-long", "iat-too-old", "x5t-missing", "x5t-encoding-invalid", "x5t-mismatch",
        "certificate-expired", "jwks-not-configured",
    ]

    static var ruleIDs: Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Rules").path)) ?? []
        return Set(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }).union(newRuleIDs)
    }

    /// The profiles issue 12 names; `extends` may name one whose file another branch writes.
    static let issueProfiles: Set<String> = ["okta-org", "okta-custom", "entra", "keycloak", "keycloak@26.3", "auth0", "spring",
                                             "node-oidc-provider", "rfc10070", "fapi2", "rfc7523"]

    // The schema's keys (docs/profiles.md), plus `notes` for facts the schema cannot hold, and
    // `source` / `inferred` / `note` beside any section's values. `short_name` and `messages` are
    // the engine branch's additions, tolerated so the Okta files pass here too.
    static let topKeys: Set<String> = ["id", "name", "short_name", "error_code_prefix", "extends", "version", "sources", "notes", "recognise",
                                       "audience", "lifetime", "jti", "algorithms", "keys", "limits", "client_id", "grants",
                                       "console", "check_order", "answers", "messages", "discovery"]
    static let annotations: Set<String> = ["source", "inferred", "note"]
    static let sectionKeys: [String: Set<String>] = [
        "recognise": ["hosts", "paths", "custom_domains", "name_only"],
        "audience": ["accepts", "deprecated", "array", "max_values", "rejects_tenants"],
        "lifetime": ["exp_required", "max_exp_ahead", "max_exp_minus_iat", "max_use_after_iat", "max_exp_ahead_without_iat",
                     "clock_skew", "exp_clock_skew", "iat_checked", "iat_future_tolerance", "iat_future_reject"],
        "jti": ["required", "single_use"],
        "algorithms": ["private_key_jwt", "client_secret_jwt"],
        "keys": ["lookup", "kid_required_with_several_keys", "sources"],
        "limits": ["secret_min_length", "rsa_min_bits", "ec_min_bits", "keys_per_client", "assertion_max_bytes", "claim_max_length"],
        "client_id": ["required_in_body"],
        "discovery": ["document", "client_id_query"],
    ]
    /// `precedence` and `api_error_shape` are the engine branch's (Okta's answers).
    static let answerKeys: Set<String> = ["status", "error", "error_description", "verbatim", "source", "note", "variants",
                                          "precedence", "api_error_shape"]
    static let variantKeys: Set<String> = ["when", "name", "status", "error", "error_description", "verbatim", "source", "note"]
    static let audienceForms: Set<String> = ["endpoint", "token_endpoint", "issuer", "issuer_slash", "realm"]
    static let lookups: Set<String> = ["kid", "alg", "x5t", "x5t#S256", "thumbprint"]
    static let keySources: Set<String> = ["jwks", "jwks_uri", "certificate"]
    static let endpointKinds: Set<String> = ["token", "introspect", "revoke", "par", "device/authorize", "bc/authorize",
                                             "authorize", "keys"]
    /// JWS names (RFC 7518) and the fully specified Ed25519 (RFC 9864) node-oidc-provider lists.
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
                                          "HS256", "HS384", "HS512", "EdDSA", "Ed25519"]

    struct Profile: CustomStringConvertible {
        let file: String
        let map: [String: Any]
        var description: String { file }
        var id: String? { map["id"] as? String }
        var answers: [String: [String: Any]] { (map["answers"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String: Any] } }
    }

    static func profiles() throws -> [Profile] {
        let files = try FileManager.default.contentsOfDirectory(atPath: profilesDir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: profilesDir.appendingPathComponent(file), encoding: .utf8)
            guard let map = try Yams.load(yaml: text) as? [String: Any] else {
                throw CryptoSupport.ToolError(description: "\(file) is not a YAML mapping")
            }
            return Profile(file: file, map: map)
        }
    }

    @Test func theIssuesProfilesAreHere() throws {
        let ids = Set(try Self.profiles().compactMap(\.id))
        for id in ["entra", "keycloak", "keycloak@26.3", "auth0", "spring", "node-oidc-provider", "rfc10070", "fapi2"] {
            #expect(ids.contains(id), "no Profiles/\(id).yaml")
        }
    }

    @Test func topLevelAndSectionKeysAreTheSchemas() throws {
        for p in try Self.profiles() {
            #expect(p.id.map { $0 + ".yaml" } == p.file, "\(p): id must be the file name")
            #expect((p.map["name"] as? String)?.isEmpty == false, "\(p): name")
            #expect(Set(p.map.keys).subtracting(Self.topKeys).isEmpty, "\(p): unknown keys \(Set(p.map.keys).subtracting(Self.topKeys).sorted())")
            let sources = p.map["sources"] as? [String] ?? []
            #expect(!sources.isEmpty || p.map["extends"] != nil, "\(p): no sources")
            if let parent = p.map["extends"] as? String {
                #expect(Self.issueProfiles.contains(parent) && parent != p.id, "\(p): extends \(parent)")
            }
            if let notes = p.map["notes"] { #expect((notes as? [String])?.isEmpty == false, "\(p): notes is a list of strings") }
            for (section, allowed) in Self.sectionKeys {
                guard let value = p.map[section] else { continue }
                guard let map = value as? [String: Any] else {
                    Issue.record("\(p): \(section) is not a mapping")
                    continue
                }
                let unknown = Set(map.keys).subtracting(allowed).subtracting(Self.annotations)
                #expect(unknown.isEmpty, "\(p): \(section) has unknown keys \(unknown.sorted())")
                // `inferred:` names the sibling values it qualifies, each with why.
                if let inferred = map["inferred"] {
                    let reasons = inferred as? [String: String] ?? [:]
                    #expect(!reasons.isEmpty, "\(p): \(section).inferred maps keys to reasons")
                    #expect(Set(reasons.keys).isSubset(of: Set(map.keys)), "\(p): \(section).inferred names \(reasons.keys.sorted())")
                }
            }
        }
    }

    @Test func valuesAreOnesTheSchemaNames() throws {
        for p in try Self.profiles() {
            if let audience = p.map["audience"] as? [String: Any] {
                let accepts = audience["accepts"] as? [String] ?? []
                #expect(!accepts.isEmpty && Set(accepts).isSubset(of: Self.audienceForms), "\(p): audience.accepts \(accepts)")
                let deprecated = audience["deprecated"] as? [String] ?? []
                #expect(Set(deprecated).isSubset(of: Self.audienceForms), "\(p): audience.deprecated")
                if let array = audience["array"] { #expect(["allowed", "one_member", "forbidden", "deprecated"].contains(array as? String ?? ""), "\(p): audience.array") }
                if let max = audience["max_values"] { #expect((max as? Int ?? 0) >= 1, "\(p): audience.max_values") }
                if audience["rejects_tenants"] != nil { #expect(accepts.contains("realm"), "\(p): rejects_tenants is for realm profiles") }
            }
            if let lifetime = p.map["lifetime"] as? [String: Any] {
                for (key, value) in lifetime where !Self.annotations.contains(key) && !["exp_required", "iat_checked"].contains(key) {
                    #expect((value as? Int ?? -1) >= 0, "\(p): lifetime.\(key) is seconds")
                }
            }
            if let keys = p.map["keys"] as? [String: Any] {
                #expect(Set(keys["lookup"] as? [String] ?? ["?"]).isSubset(of: Self.lookups), "\(p): keys.lookup")
                #expect(Set(keys["sources"] as? [String] ?? []).isSubset(of: Self.keySources), "\(p): keys.sources")
            }
            if let algorithms = p.map["algorithms"] as? [String: Any] {
                for method in ["private_key_jwt", "client_secret_jwt"] {
                    guard let list = algorithms[method] else { continue }
                    #expect(Set(list as? [String] ?? ["?"]).isSubset(of: Self.algorithms), "\(p): algorithms.\(method)")
                }
            }
            if let recognise = p.map["recognise"] as? [String: Any] {
                for entry in recognise["paths"] as? [[String: Any]] ?? [] {
                    let path = entry["path"] as? String ?? ""
                    let issuer = entry["issuer"] as? String ?? ""
                    #expect(path.hasPrefix("/"), "\(p): path \(path)")
                    let endpoint = entry["endpoint"] as? String ?? ""
                    let bound = endpoint.hasPrefix("{") && Self.placeholders(path).contains(String(endpoint.dropFirst().dropLast()))
                    #expect(Self.endpointKinds.contains(endpoint) || bound, "\(p): endpoint of \(path)")
                    #expect(issuer.hasPrefix("{origin}") || issuer.hasPrefix("https://"), "\(p): issuer of \(path)")
                    // Every {name} in the issuer is one the path binds.
                    for name in Self.placeholders(issuer) where name != "origin" {
                        #expect(Self.placeholders(path).contains(name), "\(p): {\(name)} in \(issuer) is not in \(path)")
                    }
                }
            }
        }
    }

    @Test func answersNameRulesAndCarryASource() throws {
        let rules = Self.ruleIDs
        for p in try Self.profiles() {
            for id in p.map["check_order"] as? [String] ?? [] {
                #expect(rules.contains(id), "\(p): check_order names \(id), which is no rule")
            }
            for (id, answer) in p.answers {
                #expect(id == "default" || rules.contains(id), "\(p): answer for \(id), which is no rule")
                #expect(Set(answer.keys).isSubset(of: Self.answerKeys), "\(p): \(id) has keys \(Set(answer.keys).subtracting(Self.answerKeys).sorted())")
                #expect((answer["source"] as? String)?.isEmpty == false, "\(p): \(id) has no source")
                #expect(answer["verbatim"] is Bool, "\(p): \(id) says whether it is verbatim")
                #expect((400...499).contains(answer["status"] as? Int ?? 0), "\(p): \(id) status")
                // An OAuth error code, or an API's own (Okta's E0000021).
                #expect((answer["error"] as? String)?.isEmpty == false, "\(p): \(id) error")
                if answer["verbatim"] as? Bool == false {
                    #expect(answer["note"] != nil || answer["error_description"] == nil, "\(p): \(id) is not verbatim and says nothing of why")
                }
                for variant in answer["variants"] as? [[String: Any]] ?? [] {
                    #expect(Set(variant.keys).isSubset(of: Self.variantKeys), "\(p): \(id) variant keys")
                    #expect((variant["when"] as? String)?.isEmpty == false, "\(p): \(id) variant without when")
                }
            }
        }
    }

    @Test func serverWordingRules() throws {
        let byID = Dictionary(try Self.profiles().compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        // Entra: the AADSTS<code>: prefix, never the trace tail (matched on the prefix only).
        let entra = try #require(byID["entra"])
        for (id, answer) in entra.answers {
            let texts = [answer["error_description"] as? String] + (answer["variants"] as? [[String: Any]] ?? []).map { $0["error_description"] as? String }
            for text in texts.compactMap({ $0 }) {
                #expect(text.range(of: #"^AADSTS[0-9]+: "#, options: .regularExpression) != nil, "entra \(id): \(text)")
                #expect(!text.contains("Trace ID") && !text.contains("Correlation ID") && !text.contains("Timestamp:"), "entra \(id): \(text)")
            }
        }
        #expect(entra.answers["x5t-mismatch"]?["error_description"] as? String != nil)
        // Spring sends the error code alone.
        let spring = try #require(byID["spring"])
        #expect(spring.answers.values.allSatisfy { $0["error_description"] == nil })
        #expect((spring.map["client_id"] as? [String: Any])?["required_in_body"] as? Bool == true)
        // node-oidc-provider: every invalid_client is "client authentication failed"; details are notes.
        let node = try #require(byID["node-oidc-provider"])
        for (id, answer) in node.answers where answer["error"] as? String == "invalid_client" {
            #expect(answer["status"] as? Int == 401 && answer["error_description"] as? String == "client authentication failed", "node \(id)")
        }
        // Keycloak: 26.3 extends 26.4+, and the prefix marks the older wording.
        let old = try #require(byID["keycloak@26.3"])
        #expect(old.map["extends"] as? String == "keycloak")
        #expect((old.answers["jti-reused"]?["error_description"] as? String)?.hasPrefix("Client authentication with signed JWT failed: ") == true)
        #expect(byID["keycloak"]?.answers["jti-reused"]?["error_description"] as? String == "Token reuse detected")
        // FAPI 2.0 forbids the array RFC 10070 allows.
        #expect((byID["fapi2"]?.map["audience"] as? [String: Any])?["array"] as? String == "forbidden")
        #expect((byID["rfc10070"]?.map["audience"] as? [String: Any])?["array"] as? String == "one_member")
    }

    static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            // `{name+}` binds several segments; it is still `name`.
            var name = String(rest[rest.index(after: open)..<close])
            if name.hasSuffix("+") { name.removeLast() }
            names.insert(name)
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
