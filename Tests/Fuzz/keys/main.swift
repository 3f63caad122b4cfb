// libFuzzer harness: key loaders (JWK, JWKS, PEM public and private keys) via OpenSSL, and
// `check`'s key-file sniffing (PEM labels, the DER shapes of PKCS#8, PKCS#1, SEC1, PKCS#12).
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let jwks) = KeyFile.publicKeySet(bytes) {
        _ = JWKSet.parse(jwks)
    }
    _ = KeyFile.signingKey(bytes, origin: "fuzz.pem")
    _ = InputKind.privateKey(in: bytes, named: .keyFile)
    return 0
}
