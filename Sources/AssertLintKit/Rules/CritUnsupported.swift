import Foundation

/// A `crit` header parameter. RFC 7515 §4.1.11: a recipient that does not understand every
/// extension listed in `crit`, or finds `crit` malformed, MUST reject the JWS. Neither assertlint
/// nor any authorization server it models implements a JWS extension, so any `crit` is fatal to a
/// conforming verifier.
struct CritUnsupported: Rule {
    static let id = "crit-unsupported"

    /// Header parameters RFC 7515/7518 define; §4.1.11 forbids listing them in `crit`.
    static let registered: Set<String> = ["alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
                                          "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c"]

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let crit = assertion.header["crit"] else { return }
        let problem: String
        if let names = crit.arrayValue {
            let strings = names.compactMap(\.stringValue)
            if names.isEmpty {
                problem = "`crit` is an empty array, which RFC 7515 §4.1.11 does not allow"
            } else if strings.count != names.count {
                problem = "`crit` must list header parameter names as strings, but holds \(ClaimText.show(crit, limit: 80))"
            } else if let name = strings.first(where: Self.registered.contains) {
                problem = "`crit` lists \(ClaimText.quoted(name)), a parameter the JWS specification itself defines, which RFC 7515 §4.1.11 does not allow"
            } else if let name = strings.first(where: { assertion.header[$0] == nil }) {
                problem = "`crit` lists \(ClaimText.quoted(name)), which is not in the header"
            } else {
                let list = strings.prefix(5).map { ClaimText.quoted($0) }.joined(separator: ", ")
                problem = "`crit` marks \(list) as extensions the verifier must understand; no client-assertion verifier implements them"
            }
        } else {
            problem = "`crit` must be an array of header parameter names, but is \(ClaimText.show(crit, limit: 80))"
        }
        findings.add(Self.id, at: Location.header("crit"), problem + ", so a conforming verifier rejects the assertion")
    }
}
