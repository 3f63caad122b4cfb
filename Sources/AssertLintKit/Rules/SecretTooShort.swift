import Foundation

/// An HMAC-signed assertion with a client secret too short for Okta (32 bytes) or for the
/// hash (RFC 7518 §3.2: at least the hash size).
struct SecretTooShort: Rule {
    static let id = "secret-too-short"
    static let oktaMinimum = 32

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject), let alg = keys.alg, alg.family == .hmac else { return }
        guard let secret = subject.app.clientSecret else {
            findings.cannotJudge(Self.id, needs: "--secret-env VAR or app.client_secret_env (the client secret)")
            return
        }
        let length = secret.value.utf8.count
        if length < Self.oktaMinimum {
            findings.add(Self.id, at: "/app/client_secret",
                         "the client secret is \(length) bytes; Okta verifies \(alg.rawValue) assertions only with secrets of at least \(Self.oktaMinimum) bytes"
                            + (alg.hashSize > Self.oktaMinimum ? ", and \(alg.rawValue) needs \(alg.hashSize) (RFC 7518 §3.2)" : ""),
                         fix: ["bytes": String(max(Self.oktaMinimum, alg.hashSize))])
        } else if length < alg.hashSize {
            // Okta's own minimum is met, so Okta may well accept it: a warning, not its answer.
            findings.add(Self.id, at: "/app/client_secret",
                         "the client secret is \(length) bytes; \(alg.rawValue) needs a key of at least \(alg.hashSize) bytes (RFC 7518 §3.2). Okta's minimum is \(Self.oktaMinimum), so it may accept it, but the MAC is weaker than \(alg.rawValue) promises; HS256 needs only 32",
                         fix: ["bytes": String(alg.hashSize)], severity: .warning)
        }
    }
}
