import Foundation
import Yams

/// One rule's entry in the catalog (`Rules/<id>.yaml`): the single source for `explain`,
/// the docs and rule metadata in machine output.
public struct CatalogEntry: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var severity: Severity
    /// The profiles the rule applies to, when it is server-specific (`org-server-requires-private-key-jwt`:
    /// `okta-org`); nil for a rule every server's request can break. What each server answers is
    /// in its profile (`answers:`), not here.
    public var profiles: [String]? = nil
    public var explanation: String
    /// A template: `{name}` is replaced with the finding's value of that name.
    public var fix: String
    public var references: [String]
    /// The rule this one is a special case of (`aud-issuer-instead-of-endpoint` refines
    /// `aud-mismatch`): both fire on one cause, so reports show them as one finding.
    public var refines: String? = nil
    /// What each of the fix's `{name}` placeholders stands for when there is no finding to fill
    /// it (`explain`, SARIF rule help): a generic phrase, overriding `genericPhrases`.
    public var placeholders: [String: String]? = nil

    enum CodingKeys: String, CodingKey {
        case id, title, severity, profiles, explanation, fix, references, refines, placeholders
    }

    /// Fills `{name}` placeholders from `values`; a name the finding gives no value for gets the
    /// generic phrase (`genericFix`), so no `{name}` reaches a report.
    public func renderFix(_ values: [String: String]) -> String {
        guard fix.contains("{") else { return fix }
        let generic = Self.genericPhrases.merging(placeholders ?? [:]) { $1 }
        return Self.render(fix, generic.merging(values) { $1 })
    }

    /// The fix with no finding behind it: every placeholder becomes the entry's generic phrase
    /// for it, else the shared one. A placeholder neither names is spelled out as "the <name>"
    /// (a test keeps that from happening for the bundled catalog).
    public var genericFix: String {
        Self.render(fix, Self.genericPhrases.merging(placeholders ?? [:]) { $1 }, fallback: { "the " + $0.replacingOccurrences(of: "_", with: " ") })
    }

    /// Placeholders that read the same in every rule, as example values (the catalog's own
    /// examples use this domain, client and clock); `explain` says they are examples.
    public static let genericPhrases: [String: String] = [
        "endpoint": "https://dev-123.okta.com/oauth2/v1/token",
        "client_id": "0oa8f3example",
        "alg": "RS256",
        "type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "issuer": "https://dev-123.okta.com",
        "exp": "1748873100",
        "exp_utc": "2025-06-02T14:05:00Z",
        "iat": "1748872800",
        "iat_utc": "2025-06-02T14:00:00Z",
        "nbf": "1748872800",
        "nbf_utc": "2025-06-02T14:00:00Z",
        "kid": "k1",
        "grant_type": "client_credentials",
        "token_url": "https://dev-123.okta.com/oauth2/v1/token",
        "custom_token_url": "https://dev-123.okta.com/oauth2/default/v1/token",
    ]

    /// Every `{name}` placeholder in `text`, in order.
    public static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.append(String(name)) }
            rest = rest[rest.index(after: open)...]
        }
        return names
    }

    static func render(_ template: String, _ values: [String: String], fallback: ((String) -> String)? = nil) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = values[name] {
                out += v
            } else if let fallback, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                out += fallback(name)
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

public struct CatalogError: Error, CustomStringConvertible {
    public let file: String
    public let reason: String
    public var description: String { "\(file): \(reason)" }
}

/// The rule catalog. The bundled one is compiled into the binary (see `BundledCatalog`), so
/// the installed tool needs no source tree and no resource bundle at run time.
public struct Catalog: Sendable {
    public let entries: [CatalogEntry]
    private let byID: [String: CatalogEntry]

    public init(entries: [CatalogEntry]) {
        self.entries = entries.sorted { $0.id < $1.id }
        var map: [String: CatalogEntry] = [:]
        for e in entries { map[e.id] = e }
        self.byID = map
    }

    public subscript(id: String) -> CatalogEntry? { byID[id] }

    public var ids: [String] { entries.map(\.id) }

    /// A decoding error in assertlint's words: which key, and what was wrong with it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the entry" : "`\(Escape.line(keys.joined(separator: ".")))`"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): the key `\(Escape.line(key.stringValue))` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): a value of the wrong type"
        case .dataCorrupted(let context): return "\(path(context)): a value that cannot be read"
        @unknown default: return "an entry that cannot be read"
        }
    }

    /// Parses catalog sources (file name, YAML text).
    public static func parse(_ sources: [(name: String, yaml: String)]) throws -> Catalog {
        let decoder = YAMLDecoder()
        var entries: [CatalogEntry] = []
        for source in sources {
            do {
                // Composed with the basic resolver: matching every plain scalar against YAML 1.1
                // regexes was half of a cold `diagnose` (the decoder reads numbers and booleans
                // from the text itself).
                guard let node = try Yams.compose(yaml: source.yaml, Resolver.basic, Constructor.default, .utf8) else {
                    throw CatalogError(file: source.name, reason: "the file is empty")
                }
                let entry = try decoder.decode(CatalogEntry.self, from: node)
                guard source.name == "\(entry.id).yaml" else {
                    throw CatalogError(file: source.name, reason: "id '\(entry.id)' does not match the file name")
                }
                entries.append(entry)
            } catch let e as CatalogError {
                throw e
            } catch let error as DecodingError {
                throw CatalogError(file: source.name, reason: Self.describe(error))
            } catch {
                throw CatalogError(file: source.name, reason: YAMLProblem.describe(error))
            }
        }
        return Catalog(entries: entries)
    }

    /// The catalog compiled into this binary, as Swift values generated from Rules/ (no YAML is
    /// parsed at run time); a test fails when the generated file and Rules/ differ.
    public static let bundled = Catalog(entries: BundledCatalog.entries)

    /// Rules whose answer in any profile of `profiles` the pasted text holds (a whole error
    /// body, its description, a log line quoting it; see `ServerTexts.matching`), in catalog
    /// order. Answers of rules with no entry here are left out: `ExplainLookup` shows those.
    public func entries(matchingServerText text: String, profiles: ProfileSet = .bundled) -> [CatalogEntry] {
        let texts = profiles.profiles == ProfileSet.bundled.profiles ? ServerTexts.bundled : ServerTexts(profiles)
        let ids = Set(texts.matching(text).map(\.ruleID))
        return entries.filter { ids.contains($0.id) }
    }
}

extension CatalogEntry {
    /// What each bundled profile answers for this rule (its own entry, not `default`).
    public var serverAnswers: [(profile: ServerProfile, answer: ServerAnswer)] { ProfileSet.bundled.answers(for: id) }

    /// The first profile's answer, for one-line listings.
    public var primaryAnswer: ServerAnswer? { serverAnswers.first?.answer }

    /// The `error` codes the profiles answer this rule with.
    public var answerErrors: [String] { serverAnswers.compactMap(\.answer.error) }

    /// The `error_description` texts the profiles answer this rule with (without variants).
    public var answerDescriptions: [String] {
        var out: [String] = []
        for a in serverAnswers { if let d = a.answer.errorDescription, !out.contains(d) { out.append(d) } }
        return out
    }
}
