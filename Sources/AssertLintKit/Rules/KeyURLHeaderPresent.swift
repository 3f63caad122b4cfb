import Foundation

/// `jku` / `x5u` in the assertion's header name a URL to fetch keys from. Whoever writes the
/// token chooses that URL, so assertlint never fetches it and says a verifier must not either.
struct KeyURLHeaderPresent: Rule {
    static let id = "jku-x5u-present"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        for name in ["jku", "x5u"] {
            guard let value = assertion.header[name] else { continue }
            let shown = value.stringValue.map { "\"\($0)\"" } ?? value.typeDescription
            findings.add(Self.id, at: Location.header(name),
                         "the assertion's header names a key URL (\(name): \(shown)); assertlint did not fetch it, and a verifier must not: the token's author chooses that URL",
                         fix: ["header": name])
        }
    }
}
