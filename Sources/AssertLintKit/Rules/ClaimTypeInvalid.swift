import Foundation

/// A registered claim of the wrong JSON type: a NumericDate (`exp`, `iat`, `nbf`) that is not a
/// finite, non-negative JSON number; `iss`, `sub` or `jti` that is not a string; `aud` that is
/// neither a string nor an array of strings. (A non-string `alg` already makes the assertion
/// `jwt-malformed`.) Fractional NumericDates are allowed by RFC 7519 §2 and are not reported.
struct ClaimTypeInvalid: Rule {
    static let id = "claim-type-invalid"

    static let numericDate = "a JSON number of seconds since 1970-01-01T00:00:00Z (an RFC 7519 NumericDate), without quotes"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        let claims = assertion.claims
        for claim in ["exp", "iat", "nbf"] {
            // A placeholder (`"{currentPlusOneHour}"` in a docs template) stands for a value not shown.
            guard let value = claims[claim], !(value.stringValue.map(Placeholders.isWhole) ?? false),
                  let problem = Self.numericDateProblem(value) else { continue }
            let corrected = Self.numericText(value) ?? String(ClaimTime.nowSeconds(subject) + (claim == "exp" ? ClaimTime.suggestedLifetime : 0))
            findings.add(Self.id, at: Location.claim(claim), "\(claim) is \(problem)",
                         fix: ["claim": claim, "expected": Self.numericDate, "corrected": "\"\(claim)\": \(corrected)"],
                         variant: claim == "exp" ? "exp" : nil)
        }
        for claim in ["iss", "sub", "jti"] {
            guard let value = claims[claim], value.stringValue == nil else { continue }
            findings.add(Self.id, at: Location.claim(claim),
                         "\(claim) is \(value.typeDescription) (\(ClaimText.show(value))), not a string",
                         fix: ["claim": claim, "expected": "a JSON string",
                               "corrected": "\"\(claim)\": \(Self.stringCorrection(claim, value, subject))"])
        }
        if let aud = claims["aud"], let problem = Self.audienceProblem(aud) {
            let endpoint = subject.target.map { AudiencePolicyCheck.accepted(by: $0)[0] } ?? "<the endpoint URL>"
            findings.add(Self.id, at: Location.claim("aud"), "aud is \(problem)",
                         fix: ["claim": "aud", "expected": "a JSON string (or an array of strings)",
                               "corrected": "\"aud\": \(ClaimText.quoted(endpoint, limit: 300))"])
        }
    }

    /// Why a NumericDate value is unusable, or nil when it is fine.
    static func numericDateProblem(_ value: JSONValue) -> String? {
        switch value {
        case .number(let text):
            guard let d = value.finiteNumber else { return "\(text), which is too large for any clock (not a finite number)" }
            return d < 0 ? "\(text), a time before 1970: not a plausible NumericDate" : nil
        case .string(let s):
            return numericText(value) != nil
                ? "the string \(ClaimText.quoted(s)), not a JSON number"
                : "a string (\(ClaimText.quoted(s))), not a JSON number"
        default:
            return "\(value.typeDescription) (\(ClaimText.show(value))), not a JSON number"
        }
    }

    /// The number written inside a string such as "1614664267", when it is one.
    static func numericText(_ value: JSONValue) -> String? {
        guard case .string(let s) = value else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard let parsed = try? JSONParser.parse(trimmed), let d = parsed.finiteNumber, d >= 0 else { return nil }
        return trimmed
    }

    static func stringCorrection(_ claim: String, _ value: JSONValue, _ subject: Subject) -> String {
        switch value {
        case .number(let text): return ClaimText.quoted(text)
        case .bool(let b): return ClaimText.quoted(b ? "true" : "false")
        default:
            if claim == "jti" { return "\"<a unique value, e.g. a random UUID>\"" }
            return subject.expectedClientID.map { ClaimText.quoted($0.value) } ?? "\"<the app's client_id>\""
        }
    }

    static func audienceProblem(_ value: JSONValue) -> String? {
        switch value {
        case .string: return nil
        case .array(let items):
            guard let bad = items.firstIndex(where: { $0.stringValue == nil }) else { return nil }
            return "an array whose member \(bad) is \(items[bad].typeDescription) (\(ClaimText.show(items[bad]))); every member must be a string"
        default:
            return "\(value.typeDescription) (\(ClaimText.show(value))), not a string or an array of strings"
        }
    }
}
