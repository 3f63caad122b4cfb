import Foundation

/// The `client_assertion` (or the pasted token) is not a compact JWS that can be decoded.
/// Every other claim rule needs a decoded assertion, so this is the only finding such input gets.
struct JWTMalformed: Rule {
    static let id = "jwt-malformed"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard case .malformed(let problem) = subject.assertion else { return }
        findings.add(Self.id, at: Location.assertion,
                     "the client assertion is not a compact JWS: \(problem.reason)",
                     fix: ["hint": Self.hint(for: problem.reason)])
    }

    /// The concrete repair for the most common ways a pasted assertion breaks.
    static func hint(for reason: String) -> String {
        if reason.contains("JWE") || reason.contains("encrypted") {
            return "Sign the assertion (JWS) instead of encrypting it."
        }
        if reason.contains("segment") && reason.contains("separated by") {
            return "Copy the whole token: it was probably cut short, joined with another value, or is not a JWT at all (an opaque token, a client secret, a JSON object)."
        }
        if reason.contains("contains") {
            return "Remove what is not part of the token (quotes, spaces, line breaks, URL-encoding such as %2E)."
        }
        if reason.contains("not valid JSON") || reason.contains("not a JSON object") || reason.contains("UTF-8") {
            return "Encode the UTF-8 text of the JSON object itself (not a string containing it, not a language's own object notation)."
        }
        if reason.contains("`alg`") {
            return "Let the JWT library set `alg` (a string such as \"RS256\") in the header."
        }
        if reason.contains("empty") {
            return "Send the signed assertion, not an empty value."
        }
        if reason.contains("bytes long") {
            return "Send the assertion itself; this value is far larger than any client assertion."
        }
        return "Produce the assertion with a JWT library rather than by hand."
    }
}
