import Foundation

/// A curl command pasted with its own `curl -v` output below it: the command is the request
/// (it shows the body, which -v does not); the `> ` lines confirm what curl sent, and the
/// `< ` lines give the server's answer.
extension CurlVerbose {
    static func attach(to subjects: [Subject], text: String) -> [Subject] {
        guard subjects.count == 1, var subject = subjects.first, let request = subject.request,
              text.utf8.count <= HTTPTrace.maxBytes else { return subjects }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let after = max(0, (request.urlPosition?.line ?? 1) - 1)
        guard let start = lines.indices.dropFirst(after).first(where: { isRequestLine(lines[$0]) }),
              let traced = read(Array(lines[start...])) else { return subjects }
        let shown = traced.request
        let line = start + 1
        let sentPath = EndpointURL(request.url).map { $0.path + ($0.query.map { "?" + $0 } ?? "") }
        let shownPath = EndpointURL(shown.url).map { $0.path + ($0.query.map { "?" + $0 } ?? "") }
        if shown.method == request.method, sentPath == shownPath {
            subject.notes.append("the `curl -v` output below the command (line \(line)) confirms the request line `\(Escape.line(shown.method)) \(Escape.line(shownPath ?? ""))`; the request was read from the command, which also shows the body")
        } else {
            subject.notes.append("the `curl -v` output (line \(line)) shows `\(Escape.line(shown.method)) \(Escape.line(shownPath ?? shown.url))`, not the `\(Escape.line(request.method)) \(Escape.line(sentPath ?? request.url))` the command sends: the command was judged; paste the output of the same command")
        }
        if var answer = traced.answer {
            answer.line = answer.line.map { $0 + start }
            subject.reportedAnswer = answer
        }
        return [subject]
    }
}
