import Foundation

/// The parts of a request each rule judges. A rule that would judge a part the paste does not
/// show (a log line of the form alone has no headers to judge) is not run on it: its finding
/// would be about what the paste leaves out, not about the request. The "Not checked" list says
/// what was not visible and what to paste instead.
enum EvidenceNeeds {
    enum Part: Equatable {
        case method
        case header(String)
        case parameter(String)
        case body
        case signature
        /// The assertion's JOSE header (alg, kid, crit, jku/x5u).
        case assertionHeader
        /// A claim of the assertion, or `header.kid`/`header.alg` for a header parameter.
        case claim(String)
    }

    /// Rules that judge a part by its absence or its exact value. Rules that report what a paste
    /// shows present (two credentials, a repeated parameter) need nothing more than the paste.
    static let byRule: [String: [Part]] = [
        "method-not-post": [.method],
        "content-type-invalid": [.header("Content-Type")],
        "grant-type-invalid": [.parameter("grant_type")],
        "assertion-type-missing": [.parameter("client_assertion_type")],
        "assertion-missing": [.parameter("client_assertion"), .parameter("client_secret"), .header("Authorization")],
        "no-credentials": [.parameter("client_assertion"), .parameter("client_secret"), .header("Authorization")],
        "client-id-missing": [.parameter("client_id"), .header("Authorization"), .claim("iss"), .claim("sub")],
        "signature-invalid": [.signature, .assertionHeader],
        "aud-missing": [.claim("aud")],
        "exp-missing": [.claim("exp")],
        "jti-missing": [.claim("jti")],
        "iss-mismatch": [.claim("iss")],
        "sub-mismatch": [.claim("sub")],
        "kid-missing": [.claim("header.kid"), .assertionHeader],
        "kid-unknown": [.assertionHeader],
        "x5t-missing": [.assertionHeader],
        "x5t-encoding-invalid": [.assertionHeader],
        "x5t-mismatch": [.assertionHeader],
        "certificate-expired": [.assertionHeader],
        "jwks-not-configured": [.assertionHeader],
        "key-url-header-present": [.assertionHeader],
        "crit-unsupported": [.assertionHeader],
        "policy-jti-required": [.claim("jti")],
        "policy-kid-required": [.claim("header.kid"), .assertionHeader],
        "alg-not-allowed": [.claim("header.alg"), .assertionHeader],
        "alg-none": [.claim("header.alg"), .assertionHeader],
        "policy-alg": [.claim("header.alg"), .assertionHeader],
        "auth-method-mismatch": [.claim("header.alg")],
        "org-server-requires-private-key-jwt": [.claim("header.alg")],
        "scope-invalid-for-server": [.parameter("scope")],
    ]

    /// "depends on a guess: …" for a finding that judges a part a reader's guess affects: the
    /// part its pointer names and the parts its rule judges.
    static func guessNote(_ ruleID: String, pointer: String, _ subject: Subject) -> String? {
        guard let guesses = subject.request?.guesses, !guesses.isEmpty else { return nil }
        var parts: [RequestPart] = (byRule[ruleID] ?? []).compactMap { part in
            switch part {
            case .method: return .method
            case .header(let name): return .header(name)
            case .parameter(let name): return .parameter(name)
            case .body: return .body
            case .signature, .assertionHeader, .claim: return nil
            }
        }
        if let p = RequestPart(pointer: pointer) { parts.append(p) }
        let hit = guesses.filter { $0.affects(any: parts) }
        guard !hit.isEmpty else { return nil }
        return "depends on a guess: " + hit.map(\.description).joined(separator: "; ")
    }

    /// The parts rule `ruleID` needs that the paste does not show; empty when it can judge.
    static func unmet(_ ruleID: String, _ subject: Subject) -> [Part] {
        guard let parts = byRule[ruleID] else { return [] }
        let shows = subject.shows
        return parts.filter { part in
            switch part {
            case .signature:
                return !shows.signature && subject.assertion.decoded != nil
            case .assertionHeader:
                return !shows.header && subject.assertion.decoded != nil
            case .claim(let name):
                return subject.assertion.decoded != nil && subject.shows(claim: name) == .notShown
            case .method, .header, .parameter, .body:
                guard let request = subject.request else { return false }
                switch part {
                case .method: return !shows.method
                case .header(let name): return request.shows(header: name) == .notShown
                case .parameter(let name): return request.shows(parameter: name) == .notShown
                case .body: return !shows.body
                case .signature, .assertionHeader, .claim: return false
                }
            }
        }
    }

    /// The "not checked" text for parts the paste does not show: what is missing, what showed
    /// the request, and what to paste to have it checked.
    static func needs(_ parts: [Part], _ subject: Subject) -> String {
        // Decoded claims pasted alone have no request; code that rebuilds an assertion has one.
        if subject.request == nil, parts.contains(.assertionHeader) || parts.contains(.signature) {
            return subject.shows.header
                ? "the paste holds the decoded header and claims but no signature: paste the compact token (eyJ….eyJ….…) to check the signature"
                : "the paste holds decoded claims without the token's header or signature: paste the compact token (eyJ….eyJ….…) to check alg, kid and the signature"
        }
        // A decoded header pasted alone shows no claims.
        if subject.request == nil, !subject.shows.claims, parts.contains(where: { if case .claim(let n) = $0 { return !n.hasPrefix("header.") }; return false }) {
            return "the paste holds a decoded JWT header without the claims: paste the compact token (eyJ….eyJ….…) to check them"
        }
        if parts.contains(.signature) {
            return "the paste holds no signed token (the assertion was rebuilt from code, without its signature): paste the token the code produces, with --jwks FILE"
        }
        let claims = parts.compactMap { part -> String? in
            if case .claim(let name) = part { return name.hasPrefix("header.") ? "the header's `\(name.dropFirst(7))`" : "the `\(name)` claim" }
            return nil
        }
        if claims.isEmpty, parts.contains(.assertionHeader) {
            return "the token's header, which the code does not show: paste the token the code produces to check it"
        }
        if !claims.isEmpty {
            let held = parts.contains { if case .claim(let n) = $0 { return n != "header.alg" && subject.shows.heldInVariables.contains(n) }; return false }
            return "\(claims.joined(separator: " and ")), which the code \(held ? "sets from a variable" : "does not show"): paste the token the code produces to check it"
        }
        var what: [String] = []
        var headers: [String] = []
        var parameters: [String] = []
        for part in parts {
            switch part {
            case .method: what.append("the HTTP method")
            case .header(let name): headers.append("`\(name)`")
            case .parameter(let name): parameters.append("`\(name)`")
            case .body: what.append("the whole body")
            case .signature, .assertionHeader, .claim: break
            }
        }
        if !headers.isEmpty { what.append("the \(headers.joined(separator: ", ")) header\(headers.count == 1 ? "" : "s")") }
        if !parameters.isEmpty { what.append("the \(parameters.joined(separator: ", ")) parameter\(parameters.count == 1 ? "" : "s")") }
        let by = subject.shows.source ?? "the paste"
        let paste = headers.isEmpty && !parts.contains(.method)
            ? "the whole request body"
            : "the whole request (the curl command, `curl -v` output or the raw HTTP request)"
        return "\(what.joined(separator: " and ")), which \(by) does not show: paste \(paste) to check it"
    }
}
