import Foundation

/// The signature does not verify with the key (or secret) the server would use.
struct SignatureInvalid: Rule {
    static let id = "signature-invalid"
    static let pointer = Location.assertion + "/signature"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let keys = AssertionKeys(subject), let alg = keys.alg else { return }
        let assertion = keys.assertion
        if alg.family == .hmac {
            guard let secret = subject.app.clientSecret else {
                findings.cannotJudge(Self.id, needs: "--secret-env VAR or app.client_secret_env (the client secret)")
                return
            }
            let bytes = Array(secret.value.utf8)
            let verdict = JWSSignature.verify(assertion, alg: alg, secret: bytes)
            guard verdict != .valid else { return }
            var message = describe(verdict, alg: alg, keyName: "the client secret (\(bytes.count) bytes)")
            var action = "Sign with \(alg.rawValue) using the app's current client secret, its exact characters as UTF-8 bytes."
            if let hint = Self.secretHint(assertion, alg: alg, secret: secret.value, server: subject.profile.speaker) {
                message += "; " + hint.message
                action = hint.action
            }
            findings.add(Self.id, at: Self.pointer, message, fix: ["action": action])
            return
        }
        switch Self.resolution(keys, subject.profile) {
        case .noJWKS:
            findings.cannotJudge(Self.id, needs: "--jwks FILE or app.jwks")
        case .unreadableJWKS(let e):
            findings.cannotJudge(Self.id, needs: "a readable JWKS (app.jwks: \(e.reason))")
        case .resolved(let jwk):
            let key: AsymmetricKey
            switch jwk.key() {
            case .success(let k): key = k
            case .failure(let e):
                findings.add(Self.id, at: Self.pointer, "the registered key \(jwk.label) cannot be used to verify: \(e.reason)",
                             fix: ["action": "Register a valid public JWK for the key you sign with."])
                return
            }
            let verdict = JWSSignature.verify(assertion, alg: alg, key: key)
            let thumbprintHeader = Self.thumbprintHeader(keys, subject.profile)
            switch verdict {
            case .valid, .keyMismatch: return  // a mismatch is alg-not-allowed's finding
            default: break
            }
            var message = describe(verdict, alg: alg, keyName: "the registered key \(jwk.label) (\(key.type))")
            var action = "Sign with the private key whose public key is registered as \(jwk.label), or register the public key of the key you sign with."
            if case .derEncodedECDSA = verdict {
                action = "Encode the ECDSA signature as JOSE requires: r and s as \(Self.half(alg))-byte big-endian integers, concatenated (RFC 7518 §3.4), not DER."
            } else if case .registered(let set) = registered(keys), let other = keys.keysThatVerify(among: set.keys.filter { $0.index != jwk.index }).first {
                message += "; it verifies with the registered key \(other.label)"
                if let by = thumbprintHeader, let certificate = other.certificate {
                    message += " (\(by.header) \"\(certificate.thumbprint(by))\")"
                    action = "Set the header's \(by.header) to \"\(certificate.thumbprint(by))\", the thumbprint of the certificate you sign with."
                } else {
                    action = other.kid.map { "Set the header's kid to \"\($0)\"." } ?? action
                }
            } else if let signing = subject.app.privateKey, !signing.key.samePublicKey(as: key) {
                message += "; the private key \(signing.origin) (thumbprint \(signing.key.thumbprint)) is not the private half of \(jwk.label) (thumbprint \(key.thumbprint))"
            }
            if case .registered(let set) = registered(keys), let tried = keys.triedNote(among: set.keys.filter { $0.index != jwk.index }) {
                message += "; " + tried
            }
            findings.add(Self.id, at: Self.pointer, message, fix: ["action": action])
        case .missingKid, .unknownKid:
            return  // kid-missing / kid-unknown say which key
        case .chosenByAlg(let candidates):
            guard !candidates.isEmpty else { return }  // no registered key fits the alg: alg-not-allowed's ground
            var message = "the header has no kid, so \(subject.profile.speaker) tries the registered keys that fit \(alg.rawValue) (\(JWKSet(keys: candidates).kidList)), and the signature verifies with none of them"
            if let tried = keys.triedNote(among: candidates) { message += "; " + tried }
            if let note = keys.privateKeyNote(JWKSet(keys: candidates)), note.matchingKid == nil { message += "; " + note.text }
            findings.add(Self.id, at: Self.pointer, message,
                         fix: ["action": "Sign with the private key whose public key is registered for the app, or register the public key of the key you sign with."])
        }
    }

    /// The registered key the server verifies with: by thumbprint where the profile finds keys by
    /// certificate thumbprint (the thumbprint rules report a header that names none), else by kid.
    static func resolution(_ keys: AssertionKeys, _ profile: ServerProfile) -> AssertionKeys.Resolution {
        guard profile.findsKeysByThumbprintOnly else { return keys.resolution(profile) }
        switch keys.thumbprintLookup(profile) {
        case .resolved(let jwk, _): return .resolved(jwk)
        case .noRegisteredKeys:
            if case .failure(let e)? = keys.jwks { return .unreadableJWKS(e) }
            return keys.jwks == nil ? .noJWKS : .unknownKid("", registered: JWKSet(keys: []))
        default: return .unknownKid("", registered: JWKSet(keys: []))
        }
    }

    static func thumbprintHeader(_ keys: AssertionKeys, _ profile: ServerProfile) -> ThumbprintHash? {
        guard profile.findsKeysByThumbprintOnly, case .resolved(_, let by) = keys.thumbprintLookup(profile) else { return nil }
        return by
    }

    private enum Registered { case registered(JWKSet), none }
    private func registered(_ keys: AssertionKeys) -> Registered {
        if case .success(let set)? = keys.jwks { return .registered(set) }
        return .none
    }

    static func half(_ alg: JWSAlgorithm) -> Int {
        if case .ecdsa(let c) = alg.family { return c.coordinateSize }
        return 0
    }

    func describe(_ verdict: SignatureVerdict, alg: JWSAlgorithm, keyName: String) -> String {
        switch verdict {
        case .valid, .keyMismatch:
            return "the signature verifies"
        case .invalid:
            return "the \(alg.rawValue) signature does not verify with \(keyName)"
        case .derEncodedECDSA(let converted):
            let size = 2 * Self.half(alg)
            return "the \(alg.rawValue) signature is DER-encoded (an ASN.1 SEQUENCE of r and s, as OpenSSL, Java's Signature and .NET produce by default); JWS needs the \(size)-byte r||s form"
                + (converted ? ". Converted, it verifies with \(keyName): only the encoding is wrong" : ", and even converted it does not verify with \(keyName)")
        case .wrongLength(let expected, let actual):
            return "the signature is \(actual) bytes; \(alg.rawValue) with \(keyName) gives \(expected) bytes (cut off, or made with another key or algorithm)"
        case .failed(let detail):
            return "OpenSSL could not verify the signature with \(keyName): \(detail)"
        }
    }

    /// Tries the mistakes people make with secrets: base64-decoding it, or trailing whitespace.
    static func secretHint(_ assertion: ClientAssertion, alg: JWSAlgorithm, secret: String, server: String) -> (message: String, action: String)? {
        var variants: [(String, [UInt8])] = []
        if case .success(let d) = Base64URL.decode(Substring(secret)), !d.bytes.isEmpty {
            variants.append(("the secret base64-decoded", d.bytes))
        }
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed != secret { variants.append(("the secret without surrounding whitespace", Array(trimmed.utf8))) }
        for (name, key) in variants where JWSSignature.verify(assertion, alg: alg, secret: key) == .valid {
            return ("it verifies with \(name): the signer uses different key bytes than \(server)",
                    "Use the client secret's characters as UTF-8 bytes for the HMAC key, as \(server) does (no base64 decoding, no extra whitespace).")
        }
        return nil
    }
}
