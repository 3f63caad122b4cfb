import Foundation

/// An HMAC-signed assertion with a client secret too short for the server (its profile's
/// `limits.secret_min_length`) or for the hash (RFC 7518 §3.2: at least the hash size).
struct SecretTooShort: Rule {
    static let id = "secret-too-short"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject), let alg = keys.alg, alg.family == .hmac else { return }
        guard let secret = subject.app.clientSecret else {
            findings.cannotJudge(Self.id, needs: "--secret-env VAR or app.client_secret_env (the client secret)")
            return
        }
        let length = secret.value.utf8.count
        let server = subject.profile
        if let minimum = server.limits?.secretMinLength, length < minimum {
            findings.add(Self.id, at: "/app/client_secret",
                         "the client secret is \(length) bytes; \(server.speakerCapitalized) verifies \(alg.rawValue) assertions only with secrets of at least \(minimum) bytes"
                            + (alg.hashSize > minimum ? ", and \(alg.rawValue) needs \(alg.hashSize) (RFC 7518 §3.2)" : ""),
                         fix: ["bytes": String(max(minimum, alg.hashSize))])
        } else if length < alg.hashSize {
            // The server's own minimum (if any) is met, so it may well accept it: a warning, not its answer.
            let minimum = server.limits?.secretMinLength.map { "\(server.speakerCapitalized)'s minimum is \($0), so it may accept it" }
                ?? "\(server.speakerCapitalized) may accept it"
            findings.add(Self.id, at: "/app/client_secret",
                         "the client secret is \(length) bytes; \(alg.rawValue) needs a key of at least \(alg.hashSize) bytes (RFC 7518 §3.2). \(minimum), but the MAC is weaker than \(alg.rawValue) promises; HS256 needs only 32",
                         fix: ["bytes": String(alg.hashSize)], severity: .warning)
        }
    }
}
