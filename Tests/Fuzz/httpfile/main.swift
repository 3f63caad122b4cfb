// libFuzzer harness: `.http`/`.rest` files (variables, `###` separators), through their own
// entry point and through input detection with a `.http` name.
@testable import AssertLintKit
import Foundation

private let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_750_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? HTTPFile.requests(in: text)
    _ = try? InputReader.subjects(from: text, source: "fuzz.http", loader: loader)
    return 0
}
