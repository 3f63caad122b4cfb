// libFuzzer harness: key loaders (JWK, JWKS, PEM public and private keys) via OpenSSL, and
// `check`'s key-file sniffing (PEM labels, the DER shapes of PKCS#8, PKCS#1, SEC1, PKCS#12), X.509
// certificates (PEM, DER, x5c) and the x5t/x5t#S256 header reader.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let jwks) = KeyFile.publicKeySet(bytes) {
        _ = JWKSet.parse(jwks)
    }
    _ = KeyFile.signingKey(bytes, origin: "fuzz.pem")
    _ = InputKind.privateKey(in: bytes, named: .keyFile)
    if case .success(let certificates) = Certificate.read(bytes), let first = certificates.first {
        _ = ThumbprintAnalysis(header: .sha1, value: .string(first.thumbprint(.sha256))).match(first)
    }
    let text = String(decoding: bytes.prefix(512), as: UTF8.self)
    _ = try? Certificate(x5c: text)
    for hash in ThumbprintHash.allCases { _ = ThumbprintAnalysis(header: hash, value: .string(text)).corrected }
    return 0
}
