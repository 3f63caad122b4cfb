import Foundation

/// The header's alg is not one the server accepts for the app's method, or does not fit the key.
struct AlgNotAllowed: Rule {
    static let id = "alg-not-allowed"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject), let algText = keys.assertion.alg else { return }
        // `none` has its own rule (alg-none).
        guard algText.lowercased() != "none" else { return }
        var reasons: [String] = []
        var suggestion: String?

        let profile = subject.profile
        let method = subject.app.authMethod
        if let table = profile.algorithms, !table.isEmpty {
            let allowed: [String]
            switch method {
            case .privateKeyJWT?, .clientSecretJWT?:
                allowed = method.flatMap { profile.algorithms(for: $0) } ?? []
            default:
                allowed = table.sorted { $0.key > $1.key }.flatMap(\.value)
            }
            if !allowed.contains(algText) {
                let (reason, better) = Self.explain(algText, alg: keys.alg, method: method, allowed: allowed, app: subject.app,
                                                    server: profile.speaker)
                reasons.append(reason)
                suggestion = better
            }
        } else if keys.alg == nil {
            reasons.append("\"\(algText)\" is not a JWS signature algorithm assertlint knows (RFC 7518 names RS*, PS*, ES*, HS*; RFC 8037 EdDSA)")
        }

        // The key the server would use must be of the alg's type.
        if let alg = keys.alg, !keys.isHMAC, case .resolved(let jwk) = keys.resolution, case .success(let key) = jwk.key(),
           let mismatch = alg.mismatch(with: key.type) {
            reasons.append("the registered key \(jwk.label) is \(key.type): \(mismatch)")
            let natural = JWSAlgorithm.natural(for: key.type)
            if (profile.algorithms ?? [:]).isEmpty || (profile.algorithms ?? [:]).values.contains(where: { $0.contains(natural.rawValue) }) {
                suggestion = suggestion ?? natural.rawValue
            }
        }
        guard !reasons.isEmpty else { return }
        findings.add(Self.id, at: Location.header("alg"), "alg is \"\(algText)\": " + reasons.joined(separator: "; "),
                     fix: ["alg": suggestion.map { "\"\($0)\"" } ?? "an algorithm the server accepts"])
    }

    static func explain(_ algText: String, alg: JWSAlgorithm?, method: AuthMethod?, allowed: [String],
                        app: AppRegistration, server: String) -> (String, String?) {
        let list = allowed.joined(separator: ", ")
        guard let alg else {
            return ("\"\(algText)\" is not an algorithm \(server) accepts for client assertions (\(list))", allowed.first)
        }
        switch (alg.family, method) {
        case (.hmac, .privateKeyJWT?):
            let natural = app.privateKey.map { JWSAlgorithm.natural(for: $0.key.type).rawValue } ?? "RS256"
            return ("\(alg.rawValue) is keyed with the client secret (client_secret_jwt), but the app authenticates with private_key_jwt, which \(server) verifies with the app's public keys and \(list)", natural)
        case (.rsa, .clientSecretJWT?), (.ecdsa, .clientSecretJWT?), (.rsaPSS, .clientSecretJWT?), (.eddsa, .clientSecretJWT?):
            return ("\(alg.rawValue) is signed with a private key (private_key_jwt), but the app authenticates with client_secret_jwt, which \(server) verifies with the client secret and \(list)", "HS256")
        case (.rsaPSS, _):
            let rs = "RS" + alg.rawValue.dropFirst(2)
            return ("\(Self.capitalized(server)) does not accept RSASSA-PSS (\(alg.rawValue)) for client assertions; it accepts \(list). The same RSA key signs \(rs) (PKCS#1 v1.5)", allowed.contains(rs) ? rs : allowed.first)
        case (.eddsa, _):
            return ("\(Self.capitalized(server)) does not accept EdDSA for client assertions; it accepts \(list), so the key must be RSA or EC (P-256, P-384, P-521)", allowed.first)
        default:
            return ("\(Self.capitalized(server)) accepts \(list) here", allowed.first)
        }
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
