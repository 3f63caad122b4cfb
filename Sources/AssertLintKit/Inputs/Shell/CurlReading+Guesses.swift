import Foundation

/// What the curl reader assumed to read a messy paste, as typed guesses on the request, with the
/// parts of the request read from the words each guess concerns.
extension CurlCommand.Reading {
    /// Parameters a reporter blanks out before posting (they name their own API) and no request
    /// needs to authenticate: with an empty data option in the paste, absent ones are not shown.
    static let blankedParameters = ["scope", "audience", "resource"]

    /// Every guess made reading this command, in the order of the paste; notes for those no
    /// other note states.
    mutating func readerGuesses(prompt: (text: String, line: Int)?, fields: [FormField]) -> [ReaderGuess] {
        var out: [ReaderGuess] = []
        if let prompt {
            notes.append("read `\(prompt.text)` before `curl` on line \(prompt.line) as a shell prompt, not as part of the command")
            out.append(ReaderGuess(.prompt, "`\(prompt.text)` on line \(prompt.line) was taken as a shell prompt", affects: []))
        }
        for g in command.guesses {
            out.append(ReaderGuess(g.kind, g.text, affects: parts(onLines: g.lines)))
        }
        if let stop = command.stops.first {
            let lines = (stop.line + 1)...max(stop.line + 1, command.lastLine)
            let text: String
            switch stop.kind {
            case .missingContinuation:
                text = "the lines after line \(stop.line) were taken as part of the same command"
            case .spaceAfterContinuation:
                text = "the \(dialect.continuationName) with a space after it on line \(stop.line) was taken as a line continuation"
            }
            out.append(ReaderGuess(.lostContinuation, text, affects: parts(onLines: lines)))
        }
        for line in dashedLines {
            out.append(ReaderGuess(.typography, "the dash on line \(line) was read as curl's hyphens", affects: parts(onLines: line...line)))
        }
        if !bareFields.isEmpty {
            let names = bareFields.compactMap { FormEncoding.fields($0.word.text).first?.name }
            let lines = bareFields.map(\.word.position.line)
            let shown = names.map { "`\($0)`" }.joined(separator: ", ")
            out.append(ReaderGuess(.bareFormField, "the bare word\(names.count == 1 ? "" : "s") \(shown) (line\(Set(lines).count == 1 ? "" : "s") \(Set(lines).sorted().map(String.init).joined(separator: ", "))) \(names.count == 1 ? "was" : "were") read as form data",
                                   affects: [.body] + names.map { .parameter($0) }))
        }
        if let empty = data.first(where: { $0.value.isEmpty }) {
            let present = Set(fields.map(\.name))
            let unshown = Self.blankedParameters.filter { !present.contains($0) }
            let names = Self.list(unshown.map { "`\($0)`" })
            let line = empty.word.position.line
            if !unshown.isEmpty {
                notes.append("\(names), absent from the body, \(unshown.count == 1 ? "is" : "are") read as not shown rather than missing: the empty `\(empty.option) ''` on line \(line) may be where \(unshown.count == 1 ? "it was" : "one of them was")")
            }
            out.append(ReaderGuess(.lostParameter, "the empty `\(empty.option) ''` on line \(line) was taken for a parameter the paste lost",
                                   affects: unshown.map { .parameter($0) }))
        }
        return out
    }

    /// The absent parameters an empty data option may stand for (see `blankedParameters`).
    func unshownParameters(_ fields: [FormField]) -> Set<String> {
        guard data.contains(where: { $0.value.isEmpty }) else { return [] }
        let present = Set(fields.map(\.name))
        return Set(Self.blankedParameters.filter { !present.contains($0) })
    }

    /// The request parts read from words written on `lines`.
    func parts(onLines lines: ClosedRange<Int>) -> [RequestPart] {
        var out: [RequestPart] = []
        func add(_ p: RequestPart) { if !out.contains(p) { out.append(p) } }
        if let (_, w) = method, lines.contains(w.position.line) { add(.method) }
        if let url, lines.contains(url.position.line) { add(.url) }
        for h in headers where h.position.map({ lines.contains($0.line) }) ?? false { add(.header(h.name)) }
        if let (_, w) = user, lines.contains(w.position.line) { add(.header("Authorization")) }
        if let (_, w) = bearer, lines.contains(w.position.line) { add(.header("Authorization")) }
        let guessed = data.filter { lines.contains($0.word.position.line) }
        if !guessed.isEmpty {
            add(.body)
            // With no -X, the data is what makes the request a POST.
            if method == nil && guessed.count == data.count { add(.method) }
        }
        for piece in guessed {
            for name in Self.fieldNames(piece) { add(.parameter(name)) }
        }
        return out
    }

    /// The parameter names one data option writes.
    static func fieldNames(_ piece: CurlCommand.DataPiece) -> [String] {
        guard piece.kind == .urlencode else { return FormEncoding.fields(piece.value).map(\.name) }
        let v = piece.value
        if let eq = v.firstIndex(of: "=") {
            let name = String(v[..<eq])
            return [name.isEmpty ? String(v[v.index(after: eq)...]) : name]
        }
        return v.contains("@") || v.isEmpty ? [] : [v]
    }
}
