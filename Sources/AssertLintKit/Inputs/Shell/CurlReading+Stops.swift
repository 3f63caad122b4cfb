import Foundation

/// Notes on what a shell would really have run when the paste lost a line continuation.
extension CurlCommand.Reading {
    func stopNote(_ stop: ShellStop) -> String {
        let ran = command.words.prefix(stop.wordCount).map(\.quotedForNote).joined(separator: " ")
        let lost = lostParts(command.words.dropFirst(stop.wordCount))
        let first = stop.line + 1
        let lines = first >= command.lastLine ? "line \(first)" : "lines \(first)-\(command.lastLine)"
        let shell = dialect.shellName
        let mark = dialect.continuationName
        let what = lost.isEmpty ? "the rest" : "the " + Self.list(lost)
        switch stop.kind {
        case .missingContinuation:
            return "without a trailing \(mark) on line \(stop.line), \(shell) runs only `\(ran)`: \(what) on \(lines) would not be sent; read as one command"
        case .spaceAfterContinuation:
            return "line \(stop.line) has a space after its trailing \(mark), so \(shell) ends the command there and runs only `\(ran)`: \(what) on \(lines) would not be sent; read as one command"
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    func lostParts(_ words: ArraySlice<ShellWord>) -> [String] {
        var out: [String] = []
        func add(_ s: String) { if !out.contains(s) { out.append(s) } }
        var skip = false
        for w in words {
            if skip {
                skip = false
                continue
            }
            let t = w.text
            var name: String?
            var glued = false
            if t.hasPrefix("--") {
                name = String(t.dropFirst(2).prefix(while: { $0 != "=" }))
                glued = t.contains("=")
            } else if t.hasPrefix("-"), t.count > 1, let c = t.unicodeScalars.dropFirst().first(where: { CurlCommand.shortToLong[$0].map(CurlCommand.longWithValue.contains) ?? false }) {
                name = CurlCommand.shortToLong[c]
                glued = !t.hasSuffix(String(c))
            } else if t.hasPrefix("-"), t.count > 1 {
                add("options")
                continue
            }
            guard let name else {
                add(Self.looksLikeFormPair(t) ? "data" : "URL")
                continue
            }
            if CurlCommand.longWithValue.contains(name) && !glued { skip = true }
            switch name {
            case "header", "expand-header": add("headers")
            case _ where CurlCommand.dataOptions[name] != nil || name == "form" || name == "form-string": add("data")
            case "user", "oauth2-bearer": add("credentials")
            case "request": add("method")
            case "url": add("URL")
            default: add("options")
            }
        }
        return out
    }
}
