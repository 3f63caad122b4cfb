import Foundation

/// What verifying a JWS signature found.
public enum SignatureVerdict: Sendable, Equatable {
    case valid
    case invalid
    /// An ECDSA signature in DER (ASN.1 SEQUENCE of r and s) instead of JOSE's fixed-length
    /// r||s; `convertedVerifies` tells whether it would verify once converted.
    case derEncodedECDSA(convertedVerifies: Bool)
    case wrongLength(expected: Int, actual: Int)
    /// The algorithm cannot be used with the key at all.
    case keyMismatch(String)
    /// OpenSSL could not run the verification.
    case failed(String)
}

/// Signs and verifies compact JWS (RFC 7515) with OpenSSL.
public enum JWSSignature {
    /// Verifies with a public key. Runs for every algorithm assertlint knows, whether or not a
    /// server accepts it, so a user learns both facts.
    public static func verify(_ assertion: ClientAssertion, alg: JWSAlgorithm, key: AsymmetricKey) -> SignatureVerdict {
        if let reason = alg.mismatch(with: key.type) { return .keyMismatch(reason) }
        let data = signingBytes(assertion)
        let signature = assertion.signature
        switch alg.family {
        case .rsa, .rsaPSS:
            let expected = ((key.rsaBits ?? 0) + 7) / 8
            guard signature.count == expected else { return .wrongLength(expected: expected, actual: signature.count) }
            return verdict(OpenSSL.verify(key: key.handle, digest: alg.digest, pss: alg.family == .rsaPSS, data: data, signature: signature))
        case .ecdsa(let curve):
            let size = curve.coordinateSize
            if signature.count == 2 * size {
                guard let der = OpenSSL.ecdsaDER(fromRaw: signature) else { return .invalid }
                return verdict(OpenSSL.verify(key: key.handle, digest: alg.digest, pss: false, data: data, signature: der))
            }
            // DER signatures of these curves are 8..(2*size+9) bytes: an r||s of the wrong length
            // may still be DER, which is what Java's and OpenSSL's default encoders produce.
            if case .raw = OpenSSL.ecdsaRaw(fromDER: signature, size: size) {
                let ok = OpenSSL.verify(key: key.handle, digest: alg.digest, pss: false, data: data, signature: signature)
                return .derEncodedECDSA(convertedVerifies: ok == true)
            }
            return .wrongLength(expected: 2 * size, actual: signature.count)
        case .eddsa:
            return verdict(OpenSSL.verify(key: key.handle, digest: nil, pss: false, data: data, signature: signature))
        case .hmac:
            return .keyMismatch(alg.mismatch(with: key.type) ?? "HMAC needs a secret")
        }
    }

    /// Verifies an HMAC (HS256/384/512) with the shared secret, comparing in constant time.
    public static func verify(_ assertion: ClientAssertion, alg: JWSAlgorithm, secret: [UInt8]) -> SignatureVerdict {
        guard alg.family == .hmac, let digest = alg.digest else { return .keyMismatch("\(alg.rawValue) is not keyed with a secret") }
        guard let mac = OpenSSL.hmac(digest: digest, key: secret, data: signingBytes(assertion)) else {
            OpenSSL.clearErrors()
            return .failed("the HMAC over the signing input could not be computed with the \(alg.rawValue) secret")
        }
        if assertion.signature.count != mac.count { return .wrongLength(expected: mac.count, actual: assertion.signature.count) }
        return OpenSSL.constantTimeEqual(mac, assertion.signature) ? .valid : .invalid
    }

    /// The signing input's bytes (`assertion.signingInput`): up to the second dot. A token of
    /// ASCII only (every token that decoded as one) is cut by a byte walk; `signingInput` walks
    /// Characters over the whole token, 3% of a `check` (issue 13), and is kept for anything else.
    static func signingBytes(_ assertion: ClientAssertion) -> [UInt8] {
        let utf8 = assertion.compact.utf8
        var dots = 0
        var end: String.UTF8View.Index?
        for i in utf8.indices {
            let b = utf8[i]
            if b >= 0x80 { return Array(assertion.signingInput.utf8) }
            if b == UInt8(ascii: "."), end == nil {
                dots += 1
                if dots == 2 { end = i }
            }
        }
        guard let end else { return Array(utf8) }
        return Array(utf8[..<end])
    }

    private static func verdict(_ result: Bool?) -> SignatureVerdict {
        switch result {
        case true?: return .valid
        case false?: return .invalid
        case nil:
            OpenSSL.clearErrors()
            return .failed("the key cannot check this signature (the key or the signature is damaged, or the key type does not fit the alg)")
        }
    }

    /// The JWS signature over `signingInput` (ECDSA as JOSE's r||s).
    public static func sign(_ signingInput: String, alg: JWSAlgorithm, key: AsymmetricKey) throws(KeyError) -> [UInt8] {
        guard key.isPrivate else { throw KeyError("a public key cannot sign") }
        if let reason = alg.mismatch(with: key.type) { throw KeyError(reason) }
        guard let signature = OpenSSL.sign(key: key.handle, digest: alg.digest, pss: alg.family == .rsaPSS,
                                           data: Array(signingInput.utf8)) else {
            OpenSSL.clearErrors()
            throw KeyError("the \(key.type) key cannot make a \(alg.rawValue) signature (the key is damaged or does not fit the alg)")
        }
        guard case .ecdsa(let curve) = alg.family else { return signature }
        guard case .raw(let raw) = OpenSSL.ecdsaRaw(fromDER: signature, size: curve.coordinateSize) else {
            throw KeyError("OpenSSL returned an ECDSA signature that is not DER")
        }
        return raw
    }

    public static func sign(_ signingInput: String, alg: JWSAlgorithm, secret: [UInt8]) throws(KeyError) -> [UInt8] {
        guard alg.family == .hmac, let digest = alg.digest else { throw KeyError("\(alg.rawValue) is not an HMAC algorithm") }
        guard let mac = OpenSSL.hmac(digest: digest, key: secret, data: Array(signingInput.utf8)) else {
            OpenSSL.clearErrors()
            throw KeyError("the \(alg.rawValue) HMAC could not be computed with this secret")
        }
        return mac
    }

    /// What signs an assertion: a private key or a shared secret.
    public enum Signer: Sendable {
        case key(AsymmetricKey)
        case secret([UInt8])
    }

    /// A compact JWS of `header` and `claims`, signed with the header's `alg`.
    public static func compact(header: JSONObject, claims: JSONObject, signer: Signer) throws(KeyError) -> String {
        guard let algText = header["alg"]?.stringValue else { throw KeyError("the header has no `alg`") }
        guard let alg = JWSAlgorithm(rawValue: algText) else { throw KeyError("assertlint cannot sign with alg \"\(algText)\"") }
        let input = Base64URL.encode(JSONValue.object(header).compactText) + "." + Base64URL.encode(JSONValue.object(claims).compactText)
        let signature: [UInt8]
        switch signer {
        case .key(let key): signature = try sign(input, alg: alg, key: key)
        case .secret(let secret): signature = try sign(input, alg: alg, secret: secret)
        }
        return input + "." + Base64URL.encode(signature)
    }

    /// Random bytes from OpenSSL's CSPRNG (for `jti`).
    public static func randomBytes(_ count: Int) -> [UInt8]? { OpenSSL.randomBytes(count) }
}
