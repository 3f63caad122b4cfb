// libFuzzer harness: HAR archives (JSON parse, then entries).
@testable import AssertLintKit
import Foundation

private let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_750_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let json = try? JSONParser.parse(bytes), HARArchive.isHAR(json) {
        _ = try? HARArchive.entries(json, source: "fuzz.har")
    }
    _ = try? InputReader.subjects(from: bytes, source: "fuzz.har", loader: loader)
    return 0
}
