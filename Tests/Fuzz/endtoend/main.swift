// libFuzzer harness: everything a paste goes through: detection, parsing, all rules, both reporters.
@testable import AssertLintKit
import Foundation

private let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_750_000_000))
private let engine = Engine()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let subjects = try? InputReader.subjects(from: bytes, source: "fuzz.txt", loader: loader) else { return 0 }
    let diagnoses = subjects.map(engine.run)
    _ = TextReporter().report(diagnoses)
    _ = JSONReporter().report(diagnoses)
    return 0
}
