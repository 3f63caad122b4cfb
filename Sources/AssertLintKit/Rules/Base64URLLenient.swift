import Foundation

/// A segment encoded with `=` padding or the standard base64 alphabet (`+`, `/`). JWS uses
/// base64url without padding (RFC 7515 §2); lenient decoders accept the rest, strict ones do not.
struct Base64URLLenient: Rule {
    static let id = "base64url-lenient"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, !assertion.encodingDeviations.isEmpty else { return }
        var parts: [String] = []
        for segment in ["header", "payload", "signature"] {
            let problems = assertion.encodingDeviations.filter { $0.segment == segment }.map(\.problem)
            guard !problems.isEmpty else { continue }
            let described = problems.map { p -> String in
                switch p {
                case .padded: return "ends with '=' padding"
                case .standardAlphabet: return "uses '+' or '/' (the standard base64 alphabet, not base64url)"
                default: return "is not strict base64url"
                }
            }
            parts.append("the \(segment) segment " + described.joined(separator: " and "))
        }
        findings.add(Self.id, at: Location.assertion,
                     parts.joined(separator: "; ") + "; a strict JOSE decoder rejects this")
    }
}
