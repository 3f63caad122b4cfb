// libFuzzer harness: the HTTPie command reader (`http`/`https` with options, request items,
// continuations) and the input reader and engine around it.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = HTTPieCommand.start(in: text)
    _ = HTTPieCommand.split(text)
    if let read = HTTPieCommand.read(text) {
        _ = Engine().run(InputReader.subject(read.request, source: "fuzz", entry: nil, loader: FixtureLoader()))
    }
    if let subjects = try? InputReader.subjects(from: text, source: "fuzz") {
        for s in subjects { _ = Engine().run(s) }
    }
    return 0
}
