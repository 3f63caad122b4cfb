import Foundation

/// Reads `.http` / `.rest` files (JetBrains HTTP Client, VS Code REST Client): requests
/// separated by `###`, `@name = value` variables used as `{{name}}`, `#` and `//` comments.
enum HTTPFile {
    struct Request: Sendable {
        let request: TokenRequest
        /// "request 2 (getToken): POST https://…"
        let name: String
    }

    /// Whether text uses the REST-client conventions rather than being one raw request.
    static func looksLikeHTTPFile(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            let t = line.prefix(512).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("###") { return true }
            if t.range(of: #"^@[A-Za-z_][\w.-]*\s*=.*$"#, options: .regularExpression) != nil { return true }
            if t.contains("{{") && t.contains("}}") { return true }
        }
        return false
    }

    private static func isComment(_ t: String) -> Bool { t.hasPrefix("#") || t.hasPrefix("//") }

    static func requests(in text: String, firstLine: Int = 1) throws(InputError) -> [Request] {
        let lines = RawHTTPRequest.numberedLines(LineEndings.normalized(text), firstLine: firstLine)
        // File variables may be defined anywhere and refer to each other.
        var variables: [String: String] = [:]
        for line in lines {
            let t = line.text.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("@"), let eq = t.firstIndex(of: "=") else { continue }
            let name = t[t.index(after: t.startIndex)..<eq].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            variables[name] = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        var expansion = Expansion()
        for _ in 0..<5 {
            for (k, v) in variables where v.contains("{{") {
                var ignored: [String] = []
                variables[k] = try substitute(v, variables, unresolved: &ignored, expansion: &expansion)
            }
        }

        var blocks: [[RawHTTPRequest.Line]] = [[]]
        var titles: [String?] = [nil]
        for line in lines {
            let t = line.text.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("###") {
                blocks.append([])
                let title = t.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                titles.append(title.isEmpty ? nil : title)
                continue
            }
            blocks[blocks.count - 1].append(line)
        }

        var out: [Request] = []
        var number = 0
        for (b, block) in blocks.enumerated() {
            var name = titles[b]
            var k = 0
            // Before the request line: comments, variables, blank lines, `# @name x`.
            while k < block.count {
                let t = block[k].text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("@") { k += 1; continue }
                if isComment(t) {
                    let directive = t.drop(while: { $0 == "#" || $0 == "/" }).trimmingCharacters(in: .whitespaces)
                    if directive.hasPrefix("@name") {
                        name = directive.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " ="))
                    }
                    k += 1
                    continue
                }
                break
            }
            guard k < block.count else { continue }
            number += 1
            var unresolved: [String] = []
            var notes: [String] = []
            var requestLines: [RawHTTPRequest.Line] = []
            var inBody = false
            for line in block[k...] {
                let t = line.text.trimmingCharacters(in: .whitespaces)
                if !inBody {
                    if t.isEmpty && !requestLines.isEmpty { inBody = true }
                    if isComment(t) { continue }
                } else if t.hasPrefix("<") && t.dropFirst().hasPrefix(" ") {
                    notes.append("line \(line.number): `\(t.prefix(60))` takes the body from a file, which assertlint does not read")
                    continue
                }
                var l = line
                l.text = try substitute(line.text, variables, unresolved: &unresolved, expansion: &expansion)
                requestLines.append(l)
            }
            for v in unresolved {
                if v.hasPrefix("$") {
                    notes.append("`{{\(v)}}` is a dynamic variable of the REST client: left as written")
                } else {
                    notes.append("`{{\(v)}}` is not defined in the file (an environment file may define it): left as written")
                }
            }
            var request: TokenRequest
            do {
                request = try RawHTTPRequest.parse(lines: requestLines, style: .restClient)
            } catch {
                throw InputError("http", "request \(number): \(error.reason)")
            }
            request.notes = notes + request.notes
            let label = name.map { "request \(number) (\($0))" } ?? "request \(number)"
            out.append(Request(request: request, name: "\(label): \(request.method) \(request.url)"))
        }
        return out
    }

    /// Variables that refer to each other (`@a = {{b}}{{b}}`, `@b = {{a}}{{a}}`) grow exponentially:
    /// past this length a reference stays as written.
    static let maxExpandedLength = 64 * 1024

    /// What all the substitutions of one file may add up to: the per-value cap alone let 20,000
    /// variables of 64 KB each expand to 1.3 GB.
    static let maxExpandedBytesPerFile = 16 * 1024 * 1024

    /// The bytes substitutions have added so far in one file.
    struct Expansion {
        var bytes = 0
    }

    static func substitute(_ text: String, _ variables: [String: String], unresolved: inout [String]) -> String {
        var expansion = Expansion()
        return (try? substitute(text, variables, unresolved: &unresolved, expansion: &expansion)) ?? text
    }

    static func substitute(_ text: String, _ variables: [String: String], unresolved: inout [String],
                           expansion: inout Expansion) throws(InputError) -> String {
        guard text.contains("{{") else { return text }
        var noted = Set(unresolved)
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = variables[name], out.utf8.count + value.utf8.count <= maxExpandedLength {
                expansion.bytes += value.utf8.count
                if expansion.bytes > maxExpandedBytesPerFile {
                    throw InputError("http", "the file's {{variables}} expand to more than \(maxExpandedBytesPerFile / 1024 / 1024) MiB in all; a token request is a few kilobytes")
                }
                out += value
            } else {
                if noted.insert(name).inserted { unresolved.append(name) }
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
