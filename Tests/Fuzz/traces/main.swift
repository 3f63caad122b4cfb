// libFuzzer harness: the HTTP debug and trace readers (curl -v, --trace-ascii, Python
// http.client, Spring form lines, a raw request below prose, PowerShell sessions and DevTools
// "Copy as PowerShell", OkHttp and HttpClient wire logs, Node debug output and axios/got error
// dumps, proxy form views, DevTools "Copy as fetch") and the input reader around them.
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
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    _ = OkHttpLog.read(lines)
    _ = HttpClientWireLog.read(lines)
    _ = HttpClientWireLog.decode(Substring(text))
    _ = NodeDebug.read(lines)
    _ = NodeErrorDump.read(text)
    _ = JSInspect.object(after: "config", in: text)
    var parser = JSInspect.Parser(s: Array(text.unicodeScalars), i: 0)
    _ = parser.value(depth: 0)
    _ = DevToolsFetch.read(text)
    _ = ProxyFormView.read(lines)
    _ = PowerShellSession.unescaped(text)
    _ = PowerShellSession.bytesBody(text)
    if let subjects = try? InputReader.subjects(from: text, source: "fuzz") {
        for s in subjects { _ = Engine().run(s) }
    }
    return 0
}
