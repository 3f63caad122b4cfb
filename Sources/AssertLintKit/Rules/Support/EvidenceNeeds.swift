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
        "signature-invalid": [.signature],
        "aud-missing": [.claim("aud")],
        "exp-missing": [.claim("exp")],
        "jti-missing": [.claim("jti")],
        "iss-mismatch": [.claim("iss")],
        "sub-mismatch": [.claim("sub")],
        "kid-missing": [.claim("header.kid")],
        "policy-jti-required": [.claim("jti")],
        "policy-kid-required": [.claim("header.kid")],
        "alg-not-allowed": [.claim("header.alg")],
        "alg-none": [.claim("header.alg")],
        "policy-alg": [.claim("header.alg")],
        "auth-method-mismatch": [.claim("header.alg")],
        "org-server-requires-private-key-jwt": [.claim("header.alg")],
    ]

    /// The parts rule `ruleID` needs that the paste does not show; empty when it can judge.
    static func unmet(_ ruleID: String, _ subject: Subject) -> [Part] {
        guard let parts = byRule[ruleID] else { return [] }
        let shows = subject.shows
        return parts.filter { part in
            switch part {
            case .signature:
                return !shows.signature && subject.assertion.decoded != nil
            case .claim(let name):
                return subject.assertion.decoded != nil && subject.shows(claim: name) == .notShown
            case .method, .header, .parameter, .body:
                guard let request = subject.request else { return false }
                switch part {
                case .method: return !shows.method
                case .header(let name): return request.shows(header: name) == .notShown
                case .parameter(let name): return request.shows(parameter: name) == .notShown
                case .body: return !shows.body
                case .signature, .claim: return false
                }
            }
        }
    }

    /// The "not checked" text for parts the paste does not show: what is missing, what showed
    /// the request, and what to paste to have it checked.
    static func needs(_ parts: [Part], _ subject: Subject) -> String {
        if parts.contains(.signature) {
            return "the paste holds no signed token (the assertion was rebuilt from code, without its signature): paste the token the code produces, with --jwks FILE"
        }
        let claims = parts.compactMap { part -> String? in
            if case .claim(let name) = part { return name.hasPrefix("header.") ? "the header's `\(name.dropFirst(7))`" : "the `\(name)` claim" }
            return nil
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
            case .signature, .claim: break
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
