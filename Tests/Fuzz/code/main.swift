// libFuzzer harness: the code reader (Python, JavaScript/TypeScript, Java/Kotlin, C#, Go, unified
// diffs), its expression and relative-time readings, and the input reader and engine around it.
@testable import AssertLintKit
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // The reader alone on every input (the input reader below reaches it only when nothing else claims the text).
    _ = CodeSnippet.request(from: text, now: Date(timeIntervalSince1970: 1_764_633_600))
    _ = RelativeTime.seconds(text)
    _ = RelativeTime.duration(text)
    _ = CodeValue.of(text)
    _ = CodeExpression.take(text[...])
    if let subjects = try? InputReader.subjects(from: text, source: "fuzz") {
        for s in subjects { _ = Engine().run(s) }
    }
    return 0
}
