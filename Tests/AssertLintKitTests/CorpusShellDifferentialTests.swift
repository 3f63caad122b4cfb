import Foundation
import Testing
@testable import AssertLintKit

/// The shell reader against bash itself: for every POSIX curl command in Tests/Corpus, bash runs
/// the command with `curl` defined as `printf '[%s]' "$@"`, and its output must equal the words
/// assertlint's lexer read. Where assertlint deliberately repairs a paste (a continuation lost,
/// glued to the previous word, or followed by a space), bash gets the repaired text; where it
/// cannot be compared (typographic quotes, a variable written two ways), the case is skipped with
/// its reason. Nothing but the printf function runs: a command with `$(`, a backtick, or an
/// unquoted `;`, `|`, `&`, `<`, `>` is refused, and bash runs with `env -i --noprofile --norc`
/// and `set -f` (no file-name expansion), in an empty directory.
@Suite struct CorpusShellDifferentialTests {
    /// One curl command of a corpus case, as assertlint reads it and as bash gets it.
    struct Command: CustomTestStringConvertible, Sendable {
        let file: String
        let index: Int
        let words: [String]
        /// The command's text for bash (repaired where assertlint repairs), or why it is skipped.
        let script: Result<String, Skip>
        let repairs: [String]
        var testDescription: String { "\(file)#\(index)" }
    }

    struct Skip: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    static func commands() throws -> [Command] {
        var out: [Command] = []
        for c in try OktaAnswersCorpusTests.cases() {
            let text = LineEndings.normalized(c.paste)
            let source = ShellSource(text)
            guard source.dialect == .posix else { continue }
            let starts = CurlCommand.commandStarts(in: text)
            for (n, start) in starts.enumerated() {
                let end = n + 1 < starts.count ? starts[n + 1] : source.scalars.count
                var lexer = ShellLexer(source, start: start, end: end)
                let command: ShellCommand?
                do { command = try lexer.command() } catch {
                    out.append(Command(file: c.file, index: n, words: [], script: .failure(Skip(description: "assertlint does not read it: \(error)")), repairs: []))
                    continue
                }
                guard let command, command.words.first?.text == "curl" else { continue }
                let (script, repairs) = bashText(source: source, start: start, command: command)
                out.append(Command(file: c.file, index: n, words: command.words.map(\.text), script: script, repairs: repairs))
            }
        }
        return out
    }

    /// The lines of the command from `start` to its last line, with assertlint's repairs applied.
    static func bashText(source: ShellSource, start: Int, command: ShellCommand) -> (Result<String, Skip>, [String]) {
        let scalars = source.scalars
        let firstLine = source.map.line(start)
        var lineEnd = start
        var lines: [String] = []
        var k = start
        var line = firstLine
        while k <= scalars.count && line <= command.lastLine {
            lineEnd = k
            while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
            lines.append(String(String.UnicodeScalarView(scalars[k..<lineEnd])))
            k = lineEnd + 1
            line += 1
        }
        let text = lines.joined(separator: "\n")
        if text.unicodeScalars.contains(where: { "\u{201C}\u{201D}\u{2018}\u{2019}\u{201E}".unicodeScalars.contains($0) }) {
            return (.failure(Skip(description: "typographic quotes: assertlint reads them as quotes, bash does not")), [])
        }
        if lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == ")" }) {
            return (.failure(Skip(description: "the command closes a `$( … )` opened on an earlier line: bash would not run it alone")), [])
        }
        var repairs: [String] = []
        for stop in command.stops {
            let i = stop.line - firstLine
            guard lines.indices.contains(i) else { continue }
            switch stop.kind {
            case .missingContinuation:
                lines[i] += " \\"
                repairs.append("line \(stop.line): lost backslash restored")
            case .spaceAfterContinuation:
                while let last = lines[i].last, last == " " || last == "\t" { lines[i].removeLast() }
                repairs.append("line \(stop.line): blanks after the backslash removed")
            }
        }
        for i in lines.indices.dropLast() {
            let l = lines[i]
            guard l.hasSuffix("\\"), !l.hasSuffix("\\\\"), let before = l.dropLast().last, before != " ", before != "\t",
                  let next = lines[i + 1].first, next != " ", next != "\t" else { continue }
            lines[i] = String(l.dropLast()) + " \\"
            repairs.append("line \(firstLine + i): backslash glued to the word before it, a space put in")
        }
        let repaired = lines.joined(separator: "\n")
        if let unsafe = unsafeConstruct(repaired) {
            return (.failure(Skip(description: "refused to run: \(unsafe)")), repairs)
        }
        switch variables(repaired) {
        case .failure(let skip): return (.failure(skip), repairs)
        case .success(let assignments):
            return (.success(assignments.map { "\($0.key)='\($0.value)'\n" }.sorted().joined() + repaired + "\n"), repairs)
        }
    }

    /// The first construct that could run code or redirect, outside single quotes (`$(` and
    /// backticks run inside double quotes too).
    static func unsafeConstruct(_ text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var single = false
        var double = false
        while i < s.count {
            let c = s[i]
            if single {
                if c == "'" { single = false }
                i += 1
                continue
            }
            if c == "\\" {
                i += 2
                continue
            }
            if c == "`" { return "a backtick" }
            if c == "$" && i + 1 < s.count && s[i + 1] == "(" { return "`$(`" }
            if c == "$" && i + 1 < s.count && s[i + 1] == "'" && !double {
                // $'...': backslash escapes, no expansion; skip to its closing quote.
                i += 2
                while i < s.count && s[i] != "'" { i += s[i] == "\\" ? 2 : 1 }
                i += 1
                continue
            }
            if double {
                if c == "\"" { double = false }
            } else if c == "'" {
                single = true
            } else if c == "\"" {
                double = true
            } else if ";|&<>".unicodeScalars.contains(c) {
                return "an unquoted `\(c)`"
            }
            i += 1
        }
        return nil
    }

    /// assertlint keeps `$NAME` and `${NAME}` as written; bash gets each set to its own text, so
    /// both read the same words. A name written both ways, or a `${...}` that is not a name, is
    /// skipped.
    static func variables(_ text: String) -> Result<[String: String], Skip> {
        let s = Array(text.unicodeScalars)
        var out: [String: String] = [:]
        var i = 0
        var single = false
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && CharacterSet.letters.contains(c)) }
        func isName(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if single {
                if c == "'" { single = false }
                i += 1
                continue
            }
            if c == "\\" {
                i += 2
                continue
            }
            if c == "'" && !(i > 0 && s[i - 1] == "$") {
                single = !inDouble(s, before: i)
                i += 1
                continue
            }
            guard c == "$", i + 1 < s.count else {
                i += 1
                continue
            }
            var k = i + 1
            let written: String
            let name: String
            if s[k] == "{" {
                k += 1
                let nameStart = k
                while k < s.count && s[k] != "}" { k += 1 }
                name = String(String.UnicodeScalarView(s[nameStart..<min(k, s.count)]))
                guard let f = name.unicodeScalars.first, isNameStart(f), name.unicodeScalars.allSatisfy(isName) else {
                    return .failure(Skip(description: "`${\(name)}` is not a variable name: bash would fail on it"))
                }
                written = "${\(name)}"
                k += 1
            } else if isNameStart(s[k]) {
                let nameStart = k
                while k < s.count && isName(s[k]) { k += 1 }
                name = String(String.UnicodeScalarView(s[nameStart..<k]))
                written = "$" + name
            } else {
                i += 1
                continue
            }
            if let other = out[name], other != written {
                return .failure(Skip(description: "`\(name)` is written both as \(other) and \(written)"))
            }
            out[name] = written
            i = k
        }
        return .success(out)
    }

    /// Whether offset `i` is inside double quotes (a `'` there is a plain character).
    static func inDouble(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        var double = false
        var single = false
        var k = 0
        while k < i {
            let c = s[k]
            if c == "\\" && !single {
                k += 2
                continue
            }
            if c == "'" && !double { single.toggle() }
            if c == "\"" && !single { double.toggle() }
            k += 1
        }
        return double
    }

    static func bash(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-bash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-i", "/bin/bash", "--noprofile", "--norc", "-c",
                             "set -f\ncurl() { printf '[%s]' \"$@\"; }\n" + script]
        process.currentDirectoryURL = dir
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(arguments: try commands())
    func sameWordsAsBash(_ c: Command) throws {
        guard case .success(let script) = c.script else { return }
        let run = try Self.bash(script)
        let expected = c.words.dropFirst().map { "[\($0)]" }.joined()
        #expect(run.status == 0 && run.stderr.isEmpty, "\(c.testDescription): bash failed: \(run.stderr)")
        #expect(run.stdout == expected, "\(c.testDescription) (repairs: \(c.repairs)):\nbash:       \(run.stdout)\nassertlint: \(expected)")
    }

    /// Every curl command in the corpus is compared or skipped for a stated reason, and most are compared.
    @Test func coverage() throws {
        let all = try Self.commands()
        let skipped = all.compactMap { c -> String? in
            if case .failure(let why) = c.script { return "\(c.testDescription): \(why)" }
            return nil
        }
        #expect(all.count >= 50, "\(all.count) curl commands")
        #expect(skipped.count * 10 <= all.count, "more than a tenth skipped: \(skipped)")
    }

    /// The messy POSIX pastes (a prompt, unset variables, credentials in the URL, an elided value, a
    /// Markdown fence) are compared with bash, not skipped; typographic quotes are the one skip.
    @Test func messyPastesAreCompared() throws {
        let compared = Set(try Self.commands().compactMap { c -> String? in
            if case .success = c.script { return c.file }
            return nil
        })
        for file in ["django-oauth-toolkit-147-userinfo-credentials.yaml", "authlib-example-50-prompt-unset-variables.yaml",
                     "intersight-powershell-170-elided-secret-two-curls.yaml", "gigy-example-9-user-option-control.yaml"] {
            #expect(compared.contains(file), "\(file) is not compared with bash")
        }
    }

    @Test func refusesWhatCouldRunCode() {
        #expect(Self.unsafeConstruct("curl https://x/token -d \"a=$(id)\"") == "`$(`")
        #expect(Self.unsafeConstruct("curl https://x/token -d 'a=`id`'") == nil)
        #expect(Self.unsafeConstruct("curl https://x/token -d a=`id`") == "a backtick")
        #expect(Self.unsafeConstruct("curl https://x/token; rm -rf x") == "an unquoted `;`")
        #expect(Self.unsafeConstruct("curl 'https://x/token?a=1&b=2' -o \"x>y\"") == nil)
        #expect(Self.unsafeConstruct("curl https://x/token?a=1&b=2") == "an unquoted `&`")
        #expect(Self.unsafeConstruct("curl https://x/token > out") == "an unquoted `>`")
        #expect(Self.unsafeConstruct("curl https://x/token -d a \\| b") == nil)
    }
}
