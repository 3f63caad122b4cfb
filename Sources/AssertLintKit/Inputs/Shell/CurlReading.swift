import Foundation

extension CurlCommand {
    /// The state of reading one command's options.
    struct Reading {
        let command: ShellCommand
        let map: LineMap
        let dialect: ShellDialect
        var notes: [String] = []

        var method: (String, ShellWord)?
        var url: ShellWord?
        var urlFromOption = false
        var extraURLs: [ShellWord] = []
        var urlQueries: [String] = []
        var headers: [HTTPHeader] = []
        var removedHeaders: Set<String> = []
        var data: [DataPiece] = []
        var formParts: [FormPart] = []
        var formWord: ShellWord?
        var bareFields: [(word: ShellWord, option: String)] = []
        var user: (String, ShellWord)?
        /// `user:password` written in the URL (`https://id:secret@host/...`).
        var urlUser: (String, ShellWord)?
        var bearer: (String, ShellWord)?
        var get = false
        var head = false
        var upload = false
        var notedDash = false
        /// Lines with a word written with a typographic dash.
        var dashedLines: [Int] = []
        /// Text before `curl` on its line taken as a shell prompt (`$`, `PS C:\>`).
        var prompt: (text: String, line: Int)?
        var unknown: [String] = []
        var inlineValueOptions: [String] = []

        init(command: ShellCommand, map: LineMap, dialect: ShellDialect) {
            self.command = command
            self.map = map
            self.dialect = dialect
            self.notes = command.notes
        }

        /// A word written with a typographic dash (`—header`, `–X`) as curl's hyphens.
        mutating func undashed(_ word: ShellWord) -> String {
            let t = word.text
            guard let f = t.unicodeScalars.first, f == "\u{2014}" || f == "\u{2013}" else { return t }
            let rest = String(t.unicodeScalars.dropFirst())
            let fixed = rest.prefix(while: { $0 != "=" }).count > 1 ? "--" + rest : "-" + rest
            if !dashedLines.contains(word.position.line) { dashedLines.append(word.position.line) }
            if !notedDash {
                notedDash = true
                notes.append("read `\(t.prefix(20))` as `\(fixed.prefix(20))`: a document or chat turned the hyphens into a dash")
            }
            return fixed
        }

        mutating func readOptions() throws(InputError) {
            let words = command.words
            if let stop = command.stops.first {
                notes.append(stopNote(stop))
            }
            var k = 1
            while k < words.count {
                let word = words[k]
                let text = undashed(word)
                k += 1
                // Quotes do not matter to curl: it sees the same argument either way.
                if text.hasPrefix("--") && text.count > 2 {
                    var name = String(text.dropFirst(2))
                    var inline: String?
                    if let eq = name.firstIndex(of: "="), CurlCommand.longWithValue.contains(String(name[..<eq])) {
                        inline = String(name[name.index(after: eq)...])
                        name = String(name[..<eq])
                        inlineValueOptions.append("--\(name)")
                    }
                    if CurlCommand.longWithValue.contains(name) {
                        if let inline {
                            apply(name, inline, word: word, offset: name.count + 3, written: "--\(name)")
                        } else if k < words.count {
                            apply(name, words[k].text, word: words[k], offset: 0, written: "--\(name)")
                            k += 1
                        } else {
                            notes.append("`--\(name)` at the end of the command has no value; ignored")
                        }
                    } else if CurlCommand.longFlags.contains(name) || name.hasPrefix("no-") {
                        flag(name)
                    } else {
                        unknown.append("--\(name)")
                    }
                    continue
                }
                if text.hasPrefix("-") && text.count > 1 {
                    let cluster = Array(text.unicodeScalars.dropFirst())
                    var j = 0
                    while j < cluster.count {
                        let ch = cluster[j]
                        guard let name = CurlCommand.shortToLong[ch] else {
                            unknown.append("-\(ch)")
                            j += 1
                            continue
                        }
                        if CurlCommand.longWithValue.contains(name) {
                            if j + 1 < cluster.count {
                                let value = String(String.UnicodeScalarView(cluster[(j + 1)...]))
                                apply(name, value, word: word, offset: j + 2, written: "-\(ch)")
                            } else if k < words.count {
                                apply(name, words[k].text, word: words[k], offset: 0, written: "-\(ch)")
                                k += 1
                            } else {
                                notes.append("`-\(ch)` at the end of the command has no value; ignored")
                            }
                            break
                        }
                        flag(name)
                        j += 1
                    }
                    continue
                }
                positional(word)
            }
            if !unknown.isEmpty {
                notes.append("ignored option\(unknown.count == 1 ? "" : "s") curl may not know: \(unknown.map { "`\($0)`" }.joined(separator: ", "))")
            }
            if !inlineValueOptions.isEmpty {
                let names = Array(Set(inlineValueOptions)).sorted()
                notes.append("curl has no `\(names[0])=value` form (it would reject the option): read as `\(names[0]) value`")
            }
        }

        mutating func flag(_ name: String) {
            switch name {
            case "get": get = true
            case "head": head = true
            default: break
            }
        }

        mutating func apply(_ name: String, _ value: String, word: ShellWord, offset: Int, written: String) {
            if let kind = CurlCommand.dataOptions[name] {
                data.append(DataPiece(kind: kind, option: written, value: value, word: word, valueOffset: offset))
                if name.hasPrefix("expand-") {
                    notes.append("`\(written)` expands {{variables}} from --variable; they were read as written")
                }
                return
            }
            switch name {
            case "request":
                method = (value, word)
            case "header", "expand-header":
                header(value, word: word, offset: offset, written: written)
            case "url", "expand-url":
                if url == nil {
                    url = ShellWord(text: value, position: word.position(at: offset, in: map), contentOffset: word.contentOffset.map { $0 + offset },
                                    verbatim: word.verbatim, quoted: word.quoted)
                    urlFromOption = true
                } else {
                    extraURLs.append(word)
                }
            case "url-query":
                urlQueries.append(value)
            case "user":
                user = (value, word)
            case "oauth2-bearer":
                bearer = (value, word)
            case "user-agent":
                headers.append(HTTPHeader(name: "User-Agent", value: value, position: word.position(at: offset, in: map)))
            case "referer":
                headers.append(HTTPHeader(name: "Referer", value: value, position: word.position(at: offset, in: map)))
            case "cookie":
                if value.contains("=") {
                    headers.append(HTTPHeader(name: "Cookie", value: value, position: word.position(at: offset, in: map)))
                }
            case "form", "form-string":
                formWord = formWord ?? word
                guard let eq = value.firstIndex(of: "=") else {
                    notes.append("`\(written) \(Self.short(value))` (line \(word.position.line)) is not name=value; ignored")
                    return
                }
                let partName = String(value[..<eq])
                var partValue = String(value[value.index(after: eq)...])
                var fromFile = false
                if name == "form", let f = partValue.first, f == "@" || f == "<" {
                    fromFile = true
                    notes.append("`\(written) \(partName)=\(Self.short(partValue))` (line \(word.position.line)) reads the value from a file, which assertlint does not read")
                    partValue = ""
                } else if name == "form", let semi = partValue.firstIndex(of: ";"), partValue[semi...].contains("type=") || partValue[semi...].contains("filename=") {
                    partValue = String(partValue[..<semi])
                }
                formParts.append(FormPart(name: partName, value: partValue, fromFile: fromFile))
            case "upload-file":
                upload = true
                notes.append("`\(written)` uploads a file with PUT, which assertlint does not read")
            case "config":
                notes.append("`\(written) \(Self.short(value))` reads more options from a file, which assertlint does not read")
            default:
                break
            }
        }

        static func short(_ s: String) -> String {
            s.unicodeScalars.count > 40 ? String(s.prefix(32)) + "…" : s
        }

        mutating func header(_ value: String, word: ShellWord, offset: Int, written: String) {
            let position = word.position(at: offset, in: map)
            if value.hasPrefix("@") {
                notes.append("`\(written) \(Self.short(value))` (line \(word.position.line)) reads headers from a file, which assertlint does not read")
                return
            }
            if let colon = value.firstIndex(of: ":") {
                let name = String(value[..<colon]).trimmingCharacters(in: .whitespaces)
                let v = String(value[value.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                if v.isEmpty {
                    // curl: `Name:` with nothing after it removes the header curl would add.
                    removedHeaders.insert(name.lowercased())
                    headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                    notes.append("`\(written) '\(name):'` (line \(position.line)) tells curl not to send a \(name) header")
                    return
                }
                headers.append(HTTPHeader(name: name, value: v, position: position))
            } else if value.hasSuffix(";") {
                headers.append(HTTPHeader(name: String(value.dropLast()).trimmingCharacters(in: .whitespaces), value: "", position: position))
            } else {
                notes.append("`\(written) \(Self.short(value))` (line \(position.line)) has no `:` between name and value; curl sends no such header")
            }
        }

        static func looksLikeFormPair(_ t: String) -> Bool {
            guard let eq = t.firstIndex(of: "="), eq != t.startIndex else { return false }
            let name = t[..<eq]
            guard let f = name.unicodeScalars.first, f == "_" || (f.isASCII && CharacterSet.letters.contains(f)) else { return false }
            return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.[]".unicodeScalars.contains($0)) }
        }

        mutating func positional(_ word: ShellWord) {
            if let last = data.last, Self.looksLikeFormPair(word.text) {
                bareFields.append((word, last.option))
                data.append(DataPiece(kind: last.kind, option: last.option, value: word.text, word: word, valueOffset: 0))
                return
            }
            if url == nil {
                url = word
            } else {
                extraURLs.append(word)
            }
        }
    }
}
