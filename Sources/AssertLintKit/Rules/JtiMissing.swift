import Foundation

/// No `jti` (or an empty one): a server that does not require it (`jti.required`) accepts it, but then
/// cannot detect a replay; one that requires it refuses the assertion (an error).
struct JtiMissing: Rule {
    static let id = "jti-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded else { return }
        let problem: String
        switch assertion.claims["jti"] {
        case nil: problem = "jti is missing"
        case .string(let s) where s.isEmpty: problem = "jti is empty"
        default: return  // a non-string jti is claim-type-invalid's
        }
        let until = ClaimTime.seconds(assertion, "exp").map { " until exp \(ClaimTime.shown($0))" } ?? " until it expires"
        let required = subject.profile.jti?.required == true
        findings.add(Self.id, at: Location.claim("jti"),
                     required ? "\(problem): \(subject.profile.speaker) requires jti in every client assertion"
                              : "\(problem): anyone who captures this assertion can reuse it\(until)",
                     severity: required ? .error : nil)
    }
}
