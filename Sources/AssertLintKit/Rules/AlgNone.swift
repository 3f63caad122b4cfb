import Foundation

/// `alg: none` (in any letter case): an unsigned assertion authenticates nobody.
struct AlgNone: Rule {
    static let id = "alg-none"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let alg = assertion.alg,
              alg.lowercased() == "none" else { return }
        let signature = assertion.signature.isEmpty ? "and the signature segment is empty" : "so whatever is in the signature segment is ignored"
        findings.add(Self.id, at: Location.header("alg"),
                     "alg is \(ClaimText.quoted(alg)): the assertion is unsigned \(signature)",
                     fix: ["alg": Self.suggestedAlgorithm(subject)])
    }

    /// The algorithm to sign with, given what the app is registered for.
    static func suggestedAlgorithm(_ subject: Subject) -> String {
        switch subject.app.authMethod {
        case .clientSecretJWT?: return "HS256 (client_secret_jwt: an HMAC with the client secret)"
        case .privateKeyJWT?: return "RS256 or ES256 (private_key_jwt: the private key whose public key is registered)"
        default: return "RS256 with the app's private key (private_key_jwt) or HS256 with its client secret (client_secret_jwt)"
        }
    }
}
