import COpenSSL

/// An OpenSSL key (`EVP_PKEY`). The only owner of the pointer: freed when the last reference
/// goes. OpenSSL keys are safe to share between threads for signing and verifying once
/// built (they are never mutated after construction here), hence the unchecked conformance.
final class OpenSSLKey: @unchecked Sendable {
    fileprivate let pointer: OpaquePointer

    fileprivate init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { assertlint_pkey_free(pointer) }

    enum Kind: Equatable {
        case rsa, rsaPSS, ec, ed25519, ed448, unknown
    }

    var kind: Kind {
        switch assertlint_pkey_type(pointer) {
        case ASSERTLINT_KEY_RSA: return .rsa
        case ASSERTLINT_KEY_RSA_PSS: return .rsaPSS
        case ASSERTLINT_KEY_EC: return .ec
        case ASSERTLINT_KEY_ED25519: return .ed25519
        case ASSERTLINT_KEY_ED448: return .ed448
        default: return .unknown
        }
    }

    var bits: Int { Int(assertlint_pkey_bits(pointer)) }
    var hasPrivate: Bool { assertlint_pkey_has_private(pointer) == 1 }

    func publicEquals(_ other: OpenSSLKey) -> Bool { assertlint_pkey_public_equal(pointer, other.pointer) == 1 }

    /// A big-number parameter ("n", "e", "qx", "qy"), big-endian, left-padded to `pad` bytes when given.
    func bigNumber(_ name: String, pad: Int = 0) -> [UInt8]? {
        // Room for the largest RSA modulus assertlint reads (AsymmetricKey.maxRSABits).
        var out = [UInt8](repeating: 0, count: max(AsymmetricKey.maxRSABits / 8, pad))
        let len = out.withUnsafeMutableBufferPointer { buf in
            assertlint_pkey_bn_param(pointer, name, buf.baseAddress, Int32(buf.count), Int32(pad))
        }
        guard len >= 0 else { return nil }
        return Array(out.prefix(Int(len)))
    }

    /// OpenSSL's name for the EC group ("prime256v1", "secp384r1", "secp521r1").
    var groupName: String? {
        var out = [CChar](repeating: 0, count: 64)
        let len = out.withUnsafeMutableBufferPointer { buf in
            assertlint_pkey_group_name(pointer, buf.baseAddress, buf.count)
        }
        guard len >= 0 else { return nil }
        return String(decoding: out.prefix(Int(len)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    var rawPublicKey: [UInt8]? {
        var out = [UInt8](repeating: 0, count: 128)
        let len = out.withUnsafeMutableBufferPointer { buf in
            assertlint_pkey_raw_public(pointer, buf.baseAddress, buf.count)
        }
        guard len >= 0 else { return nil }
        return Array(out.prefix(Int(len)))
    }
}

/// Swift entry points to libcrypto. Everything here takes and returns Swift values.
enum OpenSSL {
    // OpenSSL's own error text is never read: it is a library's words, not assertlint's, and
    // messages name the file, the key and the cause in assertlint's words instead.
    static func clearErrors() { assertlint_clear_errors() }

    // MARK: Reading keys

    static func publicKey(pem: [UInt8]) -> OpenSSLKey? {
        pem.withUnsafeBufferPointer { OpenSSLKey(assertlint_public_key_from_pem($0.baseAddress, Int32($0.count))) }
    }

    static func privateKey(pem: [UInt8]) -> OpenSSLKey? {
        pem.withUnsafeBufferPointer { OpenSSLKey(assertlint_private_key_from_pem($0.baseAddress, Int32($0.count))) }
    }

    static func publicKey(der: [UInt8]) -> OpenSSLKey? {
        der.withUnsafeBufferPointer { OpenSSLKey(assertlint_public_key_from_der($0.baseAddress, $0.count)) }
    }

    static func privateKey(der: [UInt8]) -> OpenSSLKey? {
        der.withUnsafeBufferPointer { OpenSSLKey(assertlint_private_key_from_der($0.baseAddress, $0.count)) }
    }

    /// An RSA key from its JWK parameters; `crt` = (p, q, dp, dq, qi) when all are known.
    static func rsaKey(n: [UInt8], e: [UInt8], d: [UInt8]?,
                       crt: (p: [UInt8], q: [UInt8], dp: [UInt8], dq: [UInt8], qi: [UInt8])?) -> OpenSSLKey? {
        // Parameters are passed as (pointer, length); an absent one is NULL.
        let empty: [UInt8] = []
        let crtValues = crt.map { [$0.p, $0.q, $0.dp, $0.dq, $0.qi] } ?? [empty, empty, empty, empty, empty]
        return n.withUnsafeBufferPointer { n in
            e.withUnsafeBufferPointer { e in
                (d ?? empty).withUnsafeBufferPointer { dBuf in
                    crtValues[0].withUnsafeBufferPointer { p in
                        crtValues[1].withUnsafeBufferPointer { q in
                            crtValues[2].withUnsafeBufferPointer { dp in
                                crtValues[3].withUnsafeBufferPointer { dq in
                                    crtValues[4].withUnsafeBufferPointer { qi in
                                        let hasCRT = crt != nil && d != nil
                                        return OpenSSLKey(assertlint_rsa_from_components(
                                            n.baseAddress, n.count, e.baseAddress, e.count,
                                            d == nil ? nil : (dBuf.baseAddress ?? nil), dBuf.count,
                                            hasCRT ? p.baseAddress : nil, p.count,
                                            hasCRT ? q.baseAddress : nil, q.count,
                                            hasCRT ? dp.baseAddress : nil, dp.count,
                                            hasCRT ? dq.baseAddress : nil, dq.count,
                                            hasCRT ? qi.baseAddress : nil, qi.count))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// An EC key from its JWK parameters. `curve` is the JOSE name ("P-256").
    static func ecKey(curve: String, x: [UInt8], y: [UInt8], d: [UInt8]?) -> OpenSSLKey? {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                (d ?? []).withUnsafeBufferPointer { dBuf in
                    OpenSSLKey(assertlint_ec_from_components(curve, x.baseAddress, x.count, y.baseAddress, y.count,
                                                             d == nil ? nil : dBuf.baseAddress, dBuf.count))
                }
            }
        }
    }

    /// An Ed25519/Ed448 key from raw bytes (the private key when `d` is given).
    static func okpKey(ed448: Bool, x: [UInt8], d: [UInt8]?) -> OpenSSLKey? {
        let type = ed448 ? ASSERTLINT_KEY_ED448 : ASSERTLINT_KEY_ED25519
        return x.withUnsafeBufferPointer { x in
            (d ?? []).withUnsafeBufferPointer { dBuf in
                OpenSSLKey(assertlint_okp_from_raw(type, x.baseAddress, x.count, d == nil ? nil : dBuf.baseAddress, dBuf.count))
            }
        }
    }

    // MARK: Signatures

    /// true/false for a verdict; nil when OpenSSL could not even try (key and padding do not fit).
    static func verify(key: OpenSSLKey, digest: String?, pss: Bool, data: [UInt8], signature: [UInt8]) -> Bool? {
        let r = data.withUnsafeBufferPointer { d in
            signature.withUnsafeBufferPointer { s in
                assertlint_verify(key.pointer, digest, pss ? 1 : 0, d.baseAddress, d.count, s.baseAddress, s.count)
            }
        }
        switch r {
        case 1: return true
        case 0: return false
        default: return nil
        }
    }

    static func sign(key: OpenSSLKey, digest: String?, pss: Bool, data: [UInt8]) -> [UInt8]? {
        var size = 0
        let sized = data.withUnsafeBufferPointer { d in
            assertlint_sign(key.pointer, digest, pss ? 1 : 0, d.baseAddress, d.count, nil, &size)
        }
        guard sized == 1, size > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: size)
        let r = data.withUnsafeBufferPointer { d in
            out.withUnsafeMutableBufferPointer { o in
                assertlint_sign(key.pointer, digest, pss ? 1 : 0, d.baseAddress, d.count, o.baseAddress, &size)
            }
        }
        guard r == 1 else { return nil }
        return Array(out.prefix(size))
    }

    enum DERConversion: Equatable {
        case raw([UInt8])
        /// Not a single DER ECDSA-Sig-Value.
        case notDER
        /// DER, but r or s is longer than the curve allows.
        case oversized
    }

    /// A DER ECDSA signature as JOSE's fixed-length r||s (`size` bytes each).
    static func ecdsaRaw(fromDER der: [UInt8], size: Int) -> DERConversion {
        var out = [UInt8](repeating: 0, count: 2 * size)
        let r = der.withUnsafeBufferPointer { d in
            out.withUnsafeMutableBufferPointer { o in
                assertlint_ecdsa_der_to_raw(d.baseAddress, d.count, o.baseAddress, Int32(size))
            }
        }
        if r > 0 { return .raw(out) }
        return r == 0 ? .notDER : .oversized
    }

    /// JOSE's r||s as a DER ECDSA-Sig-Value.
    static func ecdsaDER(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count >= 2, raw.count % 2 == 0 else { return nil }
        let size = Int32(raw.count / 2)
        var out = [UInt8](repeating: 0, count: raw.count + 16)
        let len = raw.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { o in
                assertlint_ecdsa_raw_to_der(r.baseAddress, size, o.baseAddress, Int32(o.count))
            }
        }
        guard len > 0 else { return nil }
        return Array(out.prefix(Int(len)))
    }

    // MARK: HMAC, digests, randomness

    static func hmac(digest: String, key: [UInt8], data: [UInt8]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: 64)
        let len = key.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { o in
                    assertlint_hmac(digest, k.baseAddress, k.count, d.baseAddress, d.count, o.baseAddress)
                }
            }
        }
        guard len > 0 else { return nil }
        return Array(out.prefix(Int(len)))
    }

    static func digest(_ name: String, _ data: [UInt8]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: 64)
        let len = data.withUnsafeBufferPointer { d in
            out.withUnsafeMutableBufferPointer { o in assertlint_digest(name, d.baseAddress, d.count, o.baseAddress) }
        }
        guard len > 0 else { return nil }
        return Array(out.prefix(Int(len)))
    }

    /// Equal length and equal bytes, in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in assertlint_equal_constant_time(x.baseAddress, y.baseAddress, x.count) == 1 }
        }
    }

    static func randomBytes(_ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { assertlint_random_bytes($0.baseAddress, Int32($0.count)) }
        return ok == 1 ? out : nil
    }
}

/// An OpenSSL certificate (`X509`). The only owner of the pointer, freed with the last
/// reference; never mutated after it is read, hence the unchecked conformance.
final class OpenSSLCertificate: @unchecked Sendable {
    fileprivate let pointer: OpaquePointer

    fileprivate init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { assertlint_x509_free(pointer) }

    /// The DER encoding the thumbprints are taken over.
    var der: [UInt8]? {
        let length = assertlint_x509_der(pointer, nil, 0)
        guard length > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        let written = out.withUnsafeMutableBufferPointer { assertlint_x509_der(pointer, $0.baseAddress, Int32($0.count)) }
        return written == length ? out : nil
    }

    var publicKey: OpenSSLKey? { OpenSSLKey(assertlint_x509_public_key(pointer)) }

    /// notBefore and notAfter as seconds since 1970.
    var validity: (notBefore: Int64, notAfter: Int64)? {
        var start: Int64 = 0, end: Int64 = 0
        guard assertlint_x509_time(pointer, 0, &start) == 1, assertlint_x509_time(pointer, 1, &end) == 1 else { return nil }
        return (start, end)
    }

    /// The subject (or issuer) distinguished name as RFC 2253 text, cut to 1 KiB.
    func name(issuer: Bool) -> String? {
        var out = [CChar](repeating: 0, count: 1024)
        let length = out.withUnsafeMutableBufferPointer { assertlint_x509_name(pointer, issuer ? 1 : 0, $0.baseAddress, Int32($0.count)) }
        guard length >= 0 else { return nil }
        let written = min(Int(length), out.count - 1)
        return String(decoding: out.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension OpenSSL {
    /// The first certificate in a PEM text.
    static func certificate(pem: [UInt8]) -> OpenSSLCertificate? {
        pem.withUnsafeBufferPointer { OpenSSLCertificate(assertlint_x509_from_pem($0.baseAddress, Int32($0.count))) }
    }

    /// A DER certificate (the whole input, nothing after it).
    static func certificate(der: [UInt8]) -> OpenSSLCertificate? {
        der.withUnsafeBufferPointer { OpenSSLCertificate(assertlint_x509_from_der($0.baseAddress, $0.count)) }
    }
}
