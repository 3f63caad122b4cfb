// libFuzzer harness: the raw HTTP request reader.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? RawHTTPRequest.parse(text)
    return 0
}
