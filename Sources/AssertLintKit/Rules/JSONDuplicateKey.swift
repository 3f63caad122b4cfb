import Foundation

/// A member name repeated in the header or the payload. RFC 7515 §4 / RFC 7519 §4 require
/// parsers to reject or to take the last value; real libraries differ, and a verifier and an
/// application that read different values is a known attack on JWTs.
struct JSONDuplicateKey: Rule {
    static let id = "json-duplicate-key"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        let parts: [(String, JSONObject, (String) -> String)] = [("header", assertion.header, Location.header),
                                                                 ("payload", assertion.claims, Location.claim)]
        for (part, object, location) in parts {
            for key in object.duplicateKeys {
                let values = object.members.filter { $0.key == key }.map { ClaimText.show($0.value, limit: 60) }
                let last = object[key].map { ClaimText.show($0, limit: 200) } ?? "null"
                findings.add(Self.id, at: location(key),
                             "the \(part) has \(ClaimText.quoted(key)) \(values.count) times (\(values.joined(separator: ", "))); parsers disagree on which value wins, assertlint judged the last",
                             fix: ["key": key, "part": part, "value": last])
            }
        }
    }
}
