import Foundation

/// Reads a curl command as people paste it (terminal, docs, Postman, browser "Copy as cURL",
/// forum posts) into the request curl would send.
public enum CurlCommand {
    /// The first curl command in `text`. `firstLine` is the line the text starts on in its file.
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> TokenRequest {
        let normalized = LineEndings.normalized(text)
        let starts = commandStarts(in: normalized)
        guard let start = starts.first else {
            throw InputError("curl", "no curl command found: the text does not start with `curl`")
        }
        return try parse(normalized, start: start, firstLine: firstLine)
    }

    /// Every curl command in a text (a script, a forum post, a README), each read on its own.
    /// A command that cannot be read yields its error.
    static func commands(in text: String, firstLine: Int = 1) -> [Result<TokenRequest, InputError>] {
        let starts = commandStarts(in: text)
        guard !starts.isEmpty else { return [] }
        let source = ShellSource(text, firstLine: firstLine)
        return starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1] : source.scalars.count
            return Result { () throws(InputError) -> TokenRequest in try parse(source, start: start, end: end) }
        }
    }

    /// Scalar offsets where a command whose first word is `curl` or `curl.exe` begins: at the
    /// start of a line, after a prompt (`$ `, `> `, `PS C:\> `, `C:\>`, `user@host:~$ `), or after
    /// `;`, `&&`, `|`, `$(` or `VAR=$(`.
    static func commandStarts(in text: String) -> [Int] {
        var starts: [Int] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.unicodeScalars.count + 1 }
            guard line.contains("curl") else { continue }
            let scalars = Array(line.unicodeScalars)
            var k = 0
            while k < scalars.count {
                defer { k += 1 }
                guard scalars[k] == "c", k + 4 <= scalars.count,
                      String(String.UnicodeScalarView(scalars[k..<(k + 4)])) == "curl" else { continue }
                var end = k + 4
                if end + 4 <= scalars.count, String(String.UnicodeScalarView(scalars[end..<(end + 4)])).lowercased() == ".exe" {
                    end += 4
                }
                guard end == scalars.count || scalars[end] == " " || scalars[end] == "\t" else { continue }
                let prefix = String(String.UnicodeScalarView(scalars[0..<k]))
                if isPromptOrSeparator(prefix) {
                    starts.append(offset + k)
                    break
                }
            }
        }
        return starts
    }

    private static let promptPattern: NSRegularExpression? = try? NSRegularExpression(pattern: #"""
        ^\s*(?:\$|%|>|PS\b[^>]*>|[A-Za-z]:\\[^>]*>|[\w.-]+@[\w.-]+(?::[^$#]*)?[$#]|(?:sudo|time|exec|!|\$\(|[A-Za-z_][A-Za-z0-9_]*=\$\()|.*(?:;|&&|\|\||\||\$\())?\s*$
        """#)

    private static func isPromptOrSeparator(_ prefix: String) -> Bool {
        if prefix.allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        guard let re = promptPattern else { return false }
        return re.firstMatch(in: prefix, range: NSRange(prefix.startIndex..., in: prefix)) != nil
    }

    static func parse(_ text: String, start: Int, firstLine: Int) throws(InputError) -> TokenRequest {
        let source = ShellSource(text, firstLine: firstLine)
        return try parse(source, start: start, end: source.scalars.count)
    }

    static func parse(_ source: ShellSource, start: Int, end: Int) throws(InputError) -> TokenRequest {
        let dialect = source.dialect
        var lexer = ShellLexer(source, start: start, end: end)
        guard let command = try lexer.command(), let first = command.words.first else {
            throw InputError("curl", "no curl command found")
        }
        var reading = Reading(command: command, map: lexer.map, dialect: dialect)
        if dialect == .powershell && first.text == "curl" {
            reading.notes.append("in Windows PowerShell 5.1, `curl` is an alias of Invoke-WebRequest, which does not take curl's options: call curl.exe")
        }
        try reading.readOptions()
        return try reading.request()
    }

    // MARK: - curl's options

    /// Long options that take a value (curl 8). Anything else is a flag.
    static let longWithValue: Set<String> = [
        "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers", "config",
        "connect-timeout", "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode", "crlfile", "curves",
        "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation", "dns-interface",
        "dns-ipv4-addr", "dns-ipv6-addr", "dns-servers", "doh-url", "dump-header", "ech", "egd-file", "engine",
        "etag-compare", "etag-save", "expand-data", "expand-data-ascii", "expand-data-binary", "expand-data-raw",
        "expand-data-urlencode", "expand-header", "expand-url", "expand-json", "expect100-timeout", "form", "form-string",
        "ftp-account", "ftp-alternative-to-user", "ftp-method", "ftp-port", "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms",
        "haproxy-clientip", "header", "hostpubmd5", "hostpubsha256", "hsts", "interface", "ip-tos", "ipfs-gateway", "json",
        "keepalive-time", "keepalive-cnt", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port", "login-options",
        "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs", "max-time", "netrc-file", "noproxy",
        "oauth2-bearer", "output", "output-dir", "pass", "pinnedpubkey", "preproxy", "proto", "proto-default",
        "proto-redir", "proxy", "proxy-cacert", "proxy-capath", "proxy-cert", "proxy-cert-type", "proxy-ciphers",
        "proxy-crlfile", "proxy-header", "proxy-key", "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey",
        "proxy-service-name", "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser",
        "proxy-user", "proxy1.0", "pubkey", "quote", "random-file", "range", "rate", "referer", "request",
        "request-target", "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid", "service-name", "socks4",
        "socks4a", "socks5", "socks5-gssapi-service", "socks5-hostname", "speed-limit", "speed-time", "stderr",
        "telnet-option", "tftp-blksize", "time-cond", "tls-max", "tls13-ciphers", "tlsauthtype", "tlspassword",
        "tlsuser", "trace", "trace-ascii", "trace-config", "unix-socket", "upload-file", "url", "url-query", "user",
        "user-agent", "variable", "vlan-priority", "write-out", "proxy-ca-native", "sigalgs",
    ]

    /// Known flags, so that an unknown option can be reported rather than silently skipped.
    static let longFlags: Set<String> = [
        "anyauth", "append", "basic", "ca-native", "cert-status", "compressed", "compressed-ssh", "create-dirs",
        "crlf", "digest", "disable", "disable-eprt", "disable-epsv", "disallow-username-in-url", "fail",
        "fail-early", "fail-with-body", "false-start", "form-escape", "ftp-create-dirs", "ftp-pasv", "ftp-pret",
        "ftp-skip-pasv-ip", "ftp-ssl-ccc", "ftp-ssl-control", "get", "globoff", "haproxy-protocol", "head", "help",
        "http0.9", "http1.0", "http1.1", "http2", "http2-prior-knowledge", "http3", "http3-only", "ignore-content-length",
        "include", "insecure", "ipv4", "ipv6", "junk-session-cookies", "list-only", "location", "location-trusted",
        "manual", "mptcp", "negotiate", "netrc", "netrc-optional", "next", "no-alpn", "no-buffer", "no-clobber",
        "no-keepalive", "no-npn", "no-progress-meter", "no-sessionid", "ntlm", "ntlm-wb", "parallel",
        "parallel-immediate", "parallel-max", "path-as-is", "post301", "post302", "post303", "progress-bar",
        "proxy-anyauth", "proxy-basic", "proxy-digest", "proxy-http2", "proxy-insecure", "proxy-negotiate",
        "proxy-ntlm", "proxy-ssl-allow-beast", "proxy-ssl-auto-client-cert", "proxytunnel", "raw", "remote-header-name",
        "remote-name", "remote-name-all", "remote-time", "remove-on-error", "retry-all-errors", "retry-connrefused",
        "sasl-ir", "show-error", "show-headers", "silent", "skip-existing", "socks5-basic", "socks5-gssapi",
        "socks5-gssapi-nec", "ssl", "ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke", "ssl-reqd",
        "ssl-revoke-best-effort", "sslv2", "sslv3", "styled-output", "suppress-connect-headers", "tcp-fastopen",
        "tcp-nodelay", "tftp-no-options", "tlsv1", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3", "tr-encoding",
        "trace-ids", "trace-time", "verbose", "version", "xattr", "ip-tos", "doh-insecure", "doh-cert-status",
    ]

    static let shortToLong: [Unicode.Scalar: String] = [
        "A": "user-agent", "b": "cookie", "c": "cookie-jar", "C": "continue-at", "d": "data", "D": "dump-header",
        "e": "referer", "E": "cert", "F": "form", "H": "header", "K": "config", "m": "max-time", "o": "output",
        "P": "ftp-port", "Q": "quote", "r": "range", "t": "telnet-option", "T": "upload-file", "u": "user",
        "U": "proxy-user", "w": "write-out", "x": "proxy", "X": "request", "y": "speed-time", "Y": "speed-limit",
        "z": "time-cond",
        "G": "get", "I": "head", "i": "include", "k": "insecure", "L": "location", "s": "silent", "S": "show-error",
        "v": "verbose", "f": "fail", "g": "globoff", "j": "junk-session-cookies", "J": "remote-header-name",
        "l": "list-only", "n": "netrc", "N": "no-buffer", "O": "remote-name", "p": "proxytunnel", "q": "disable",
        "R": "remote-time", "Z": "parallel", "#": "progress-bar", "0": "http1.0", "1": "tlsv1", "2": "sslv2",
        "3": "sslv3", "4": "ipv4", "6": "ipv6", "a": "append", "B": "use-ascii", "M": "manual", "V": "version",
        "h": "help", ":": "next",
    ]

    static let dataOptions: [String: DataPiece.Kind] = [
        "data": .plain, "data-ascii": .plain, "data-binary": .binary, "data-raw": .raw, "data-urlencode": .urlencode,
        "json": .json, "expand-data": .plain, "expand-data-ascii": .plain, "expand-data-binary": .binary,
        "expand-data-raw": .raw, "expand-data-urlencode": .urlencode, "expand-json": .json,
    ]

    struct DataPiece {
        enum Kind { case plain, binary, raw, urlencode, json }
        let kind: Kind
        /// The option as written (`-d`, `--data-urlencode`), for notes.
        let option: String
        let value: String
        let word: ShellWord
        /// Where the value starts inside the word (`-dname=value` glues them).
        let valueOffset: Int
    }

    struct FormPart {
        let name: String
        let value: String
        let fromFile: Bool
    }

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
        var bearer: (String, ShellWord)?
        var get = false
        var head = false
        var upload = false
        var notedDash = false
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

        // MARK: - Notes on what a shell would really have run

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

        // MARK: - The request curl sends

        mutating func request() throws(InputError) -> TokenRequest {
            guard let urlWord = url else {
                throw InputError("curl", "the curl command has no URL")
            }
            var urlText = urlWord.text.trimmingCharacters(in: .whitespaces)
            if !urlText.contains("://") && !urlText.hasPrefix("$") && !urlText.hasPrefix("%") && !urlText.isEmpty {
                notes.append("the URL `\(Self.short(urlText))` has no scheme: curl sends it over http://, not https://")
                urlText = "http://" + urlText
            }
            for extra in extraURLs {
                notes.append("curl would also request `\(Self.short(extra.text))` (line \(extra.position.line)), a second URL; only the first, `\(Self.short(urlText))`, is checked")
            }
            if !bareFields.isEmpty {
                let names = bareFields.map { "`\($0.word.text.prefix(while: { $0 != "=" }))=…`" }
                let lines = Array(Set(bareFields.map(\.word.position.line))).sorted().map(String.init).joined(separator: ", ")
                let option = bareFields[0].option
                notes.append("curl treats the bare word\(names.count == 1 ? "" : "s") \(Self.list(names)) (line\(lines.contains(",") ? "s" : "") \(lines)) as \(names.count == 1 ? "another URL" : "extra URLs"), not as form data: \(names.count == 1 ? "it needs" : "each needs") its own \(option); \(names.count == 1 ? "it was read as the form field it was" : "they were read as the form fields they were") meant to be")
            }

            var headers = self.headers
            let dataPosition = data.first.map { $0.word.position }
            // What each piece contributes to the body, as curl builds it.
            var texts: [String] = []
            var fields: [FormField] = []
            var json = false
            for piece in data {
                switch piece.kind {
                case .plain, .binary, .json:
                    if piece.value.hasPrefix("@") {
                        notes.append("`\(piece.option) \(Self.short(piece.value))` (line \(piece.word.position.line)) reads the body from a file, which assertlint does not read: paste the content instead")
                        continue
                    }
                    if piece.kind == .json { json = true }
                    texts.append(piece.value)
                    fields += split(piece)
                case .raw:
                    texts.append(piece.value)
                    fields += split(piece)
                case .urlencode:
                    guard let (text, field) = urlencoded(piece) else { continue }
                    texts.append(text)
                    if let field { fields.append(field) }
                }
                if piece.value.contains("\n") {
                    notes.append("the value of `\(piece.option)` on line \(piece.word.position.line) has a line break inside the quotes: curl sends it as part of the data")
                }
            }
            let body = json ? texts.joined() : texts.joined(separator: "&")
            let hasData = !data.isEmpty

            var method = "GET"
            var methodPosition: SourcePosition?
            if head { method = "HEAD" }
            if upload { method = "PUT" }
            if hasData || !formParts.isEmpty {
                method = get ? "GET" : "POST"
                methodPosition = data.first?.word.position ?? formWord?.position
            }
            if let (m, w) = self.method {
                method = m
                methodPosition = w.position
            }

            if get && hasData {
                if !body.isEmpty {
                    urlText += (urlText.contains("?") ? "&" : "?") + body
                }
                notes.append("-G sends the data in the URL query of a \(method) request, not in the body")
            }
            if !urlQueries.isEmpty {
                urlText += (urlText.contains("?") ? "&" : "?") + urlQueries.joined(separator: "&")
            }

            func hasHeader(_ name: String) -> Bool {
                headers.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame } || removedHeaders.contains(name.lowercased())
            }
            if let (u, w) = user {
                if hasHeader("Authorization") {
                    notes.append("-u is overridden by the Authorization header given with -H")
                } else {
                    let credentials: String
                    if u.contains(":") {
                        credentials = u
                        let name = String(u.prefix(while: { $0 != ":" }))
                        notes.append("the Authorization: Basic header comes from -u (user `\(Self.short(name))`)")
                    } else {
                        credentials = u + ":"
                        notes.append("-u `\(Self.short(u))` has no password (no `:`): curl would ask for it; read with an empty password")
                    }
                    headers.append(HTTPHeader(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString(),
                                              position: w.position))
                }
            }
            if let (token, w) = bearer, !hasHeader("Authorization") {
                headers.append(HTTPHeader(name: "Authorization", value: "Bearer " + token, position: w.position))
            }

            var requestBody: RequestBody = .none
            var bodyPosition: SourcePosition?
            if !formParts.isEmpty {
                let boundary = "------------------------assertlint"
                if !hasHeader("Content-Type") {
                    headers.append(HTTPHeader(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)", position: formWord?.position))
                }
                var text = ""
                for part in formParts {
                    text += "--\(boundary)\nContent-Disposition: form-data; name=\"\(part.name)\"\n\n\(part.value)\n"
                }
                text += "--\(boundary)--\n"
                requestBody = .raw(text)
                bodyPosition = formWord?.position
                notes.append("-F sends the fields as multipart/form-data")
            } else if hasData && !get {
                if json {
                    if !hasHeader("Content-Type") {
                        headers.append(HTTPHeader(name: "Content-Type", value: "application/json", position: dataPosition))
                    }
                    if !hasHeader("Accept") {
                        headers.append(HTTPHeader(name: "Accept", value: "application/json", position: dataPosition))
                    }
                } else if !hasHeader("Content-Type") {
                    headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded", position: dataPosition))
                    if body.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
                        notes.append("the data is JSON, but curl sends -d data as application/x-www-form-urlencoded unless a Content-Type header says otherwise")
                    }
                }
                bodyPosition = dataPosition
                let probe = TokenRequest(url: urlText, headers: headers)
                if probe.mediaType == "application/x-www-form-urlencoded", !RequestBody.isJSON(body) {
                    requestBody = .form(fields)
                } else {
                    requestBody = .raw(body)
                }
            }
            return TokenRequest(method: method, url: urlText, headers: headers, body: requestBody,
                                methodPosition: methodPosition, urlPosition: urlWord.position,
                                bodyPosition: bodyPosition, notes: notes)
        }

        /// `a=1&b=2` from one data option, with the position of each field.
        func split(_ piece: DataPiece) -> [FormField] {
            var out: [FormField] = []
            var offset = 0
            for segment in piece.value.split(separator: "&", omittingEmptySubsequences: false) {
                defer { offset += segment.unicodeScalars.count + 1 }
                guard !segment.isEmpty else { continue }
                let position = piece.word.position(at: piece.valueOffset + offset, in: map)
                if let eq = segment.firstIndex(of: "=") {
                    out.append(FormField(name: FormEncoding.decode(segment[..<eq]), value: FormEncoding.decode(segment[segment.index(after: eq)...]),
                                         position: position))
                } else {
                    out.append(FormField(name: FormEncoding.decode(segment), value: "", position: position))
                }
            }
            return out
        }

        /// curl's --data-urlencode forms: `name=content`, `=content`, `content`, `name@file`, `@file`.
        mutating func urlencoded(_ piece: DataPiece) -> (String, FormField?)? {
            let v = piece.value
            let position = piece.word.position(at: piece.valueOffset, in: map)
            if let eq = v.firstIndex(of: "=") {
                let name = String(v[..<eq])
                let content = String(v[v.index(after: eq)...])
                if name.isEmpty {
                    let encoded = FormEncoding.encode(content)
                    return (encoded, FormField(name: content, value: "", position: position))
                }
                return (name + "=" + FormEncoding.encode(content), FormField(name: name, value: content, position: position))
            }
            if let at = v.firstIndex(of: "@") {
                let name = String(v[..<at])
                let file = String(v[v.index(after: at)...])
                let example = name.isEmpty ? "" : " (e.g. \(piece.option) '\(name)=…')"
                notes.append("`\(piece.option) \(Self.short(v))` (line \(piece.word.position.line)) reads the value from the file \(Self.short(file)), which assertlint does not read: paste its content instead\(example)")
                return nil
            }
            return (FormEncoding.encode(v), FormField(name: v, value: "", position: position))
        }
    }
}
