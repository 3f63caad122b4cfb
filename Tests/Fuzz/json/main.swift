// libFuzzer harness: the JSON parser (bytes and text entry points) and its printers.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONParser.parse(bytes) {
        _ = value.compactText
        _ = value.prettyText
    }
    _ = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self))
    return 0
}
