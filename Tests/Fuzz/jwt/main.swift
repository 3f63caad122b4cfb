// libFuzzer harness: the JWS compact decoder (header, payload, signature segments).
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let assertion) = AssertionDecoding.decode(text) {
        _ = assertion.audiences
        _ = assertion.date("exp").seconds
        _ = assertion.signingInput
    }
    _ = FixtureLoader.decode(text)
    _ = TokenText.read(text)
    return 0
}
