// libFuzzer harness: the shell-aware curl command reader.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CurlCommand.parse(text)
    return 0
}
