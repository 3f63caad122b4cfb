// libFuzzer harness: the HTTP debug and trace readers (curl -v, --trace-ascii, Python
// http.client, Spring form lines, a raw request below prose, PowerShell sessions) and the input reader around them.
@testable import AssertLintKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = HTTPTrace.read(text)
    _ = HTTPTrace.rawRequestBelowProse(text)
    _ = PythonBytesLiteral.decode(text)
    _ = PowerShellSession.read(text)
    _ = PowerShellSession.hashtable(text, in: text)
    _ = SpringFormLog.split(text, restTemplate: size % 2 == 0)
    if let subjects = try? InputReader.subjects(from: text, source: "fuzz") {
        for s in subjects { _ = Engine().run(s) }
    }
    return 0
}
