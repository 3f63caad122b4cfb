import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one sink every byte to stdout and stderr goes through, for every command, format and
/// error path:
/// - `Redactor.shared` replaces every known credential;
/// - a line that would start a GitHub workflow command (`::` after optional whitespace) and
///   does not come from the `github` reporter itself is neutralised with a leading `\`;
///   escaping at interpolation is the real fix, this is the second wall;
/// - with `--format github`, stderr is escaped the way workflow commands are;
/// - writes use write(2): a closed or broken stderr is ignored (never a trap), and EPIPE on
///   stdout (`| head -1`) stops further output quietly, so the run ends with its own exit code;
/// - with `--output-file`, stdout is collected and written atomically at the end (a temporary
///   file in the same directory, then rename), and SIGINT/SIGTERM/SIGHUP remove the temporary
///   file, so an interrupted run never leaves half a report.
public final class Output: @unchecked Sendable {
    public static let shared = Output()

    private let lock = NSLock()
    private var gitHubFormat = false
    private var stdoutBroken = false
    private var outputFile: String?
    /// What `--output-file` will hold: bytes, and the spools of whole documents (not copied into memory).
    private var collected: [Collected] = []

    private enum Collected {
        case bytes([UInt8])
        case spool(DocumentSpool)
    }
    private var jsonDocument = false
    private var colour = false

    public init() {}

    /// Call first thing: a dead pipe is an EPIPE to handle, not a signal that kills the run.
    public static func start() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// `--format github`: stderr lines are escaped as workflow-command data too.
    public func useGitHubFormat(_ on: Bool) {
        lock.lock(); defer { lock.unlock() }
        gitHubFormat = on
    }

    /// stdout is a JSON document (`--format json`, SARIF): a stray control character is written
    /// as a JSON `\\uXXXX` escape (it can only sit inside a string), not a visible `\\u{…}`.
    public func useJSONDocument(_ on: Bool) {
        lock.lock(); defer { lock.unlock() }
        jsonDocument = on
    }

    /// Colour is on: ANSI SGR sequences (`ESC [ … m`) pass; any other ESC is made visible.
    public func allowColour(_ on: Bool) {
        lock.lock(); defer { lock.unlock() }
        colour = on
    }

    /// Whether stdout was found closed (EPIPE): nothing more is written there.
    public var isStdoutBroken: Bool {
        lock.lock(); defer { lock.unlock() }
        return stdoutBroken
    }

    // MARK: Writing

    /// Text for stdout.
    public func out(_ text: String) {
        let (json, colour) = flags
        emit(Self.neutralise(Self.defuse(Redactor.shared.redact(text), json: json, colour: colour)), to: 1)
    }

    /// A whole machine-readable document (`--format json`, `sarif`, `junit`) for stdout: built
    /// completely first (redacted, defused), then written with one write loop. SIGINT, SIGTERM
    /// and SIGHUP are held while the bytes are prepared; one that arrived by then ends the run
    /// as that signal before a single byte is written, so a consumer sees the whole document or
    /// nothing. Only a signal that lands during the final write (a reader slower than the pipe
    /// buffer) can leave part of it; `--output-file` is atomic even then.
    public func document(_ text: String) {
        let (json, colour) = flags
        let prepared = Self.unlessSignalled { Self.neutralise(Self.defuse(Redactor.shared.redact(text), json: json, colour: colour)) }
        emit(prepared, to: 1)
    }

    /// `prepare()` run while SIGINT, SIGTERM and SIGHUP are held. If one arrived meanwhile, nothing
    /// is returned: the process ends as the signal would have ended it (the default action, now
    /// unblocked), so a document is written whole or not at all.
    static func unlessSignalled<T>(_ prepare: () -> T) -> T {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for sig in endingSignals { sigaddset(&held, sig) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        let prepared = prepare()
        var pending = sigset_t()
        sigpending(&pending)
        if let sig = endingSignals.first(where: { sigismember(&pending, $0) == 1 }) {
            signal(sig, SIG_DFL)
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            raise(sig)
            _exit(128 + sig)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return prepared
    }

    /// A piece of a machine document that a large `check` writes as the files come: redacted
    /// with every credential known so far before it is stored (so none reaches the spool's file),
    /// and redacted again, defused and written whole by `document(_:)`.
    public func spool(_ text: String, into spool: DocumentSpool) {
        spool.append(Redactor.shared.redact(text))
    }

    public func spool(_ bytes: [UInt8], into spool: DocumentSpool) {
        spool.append(Redactor.shared.redact(bytes: bytes))
    }

    /// `document(_:)` for a spooled document: the same steps and the same bytes as if its text
    /// were passed whole (each line of it redacted, defused and neutralised with every credential
    /// now known), prepared into a second spool while SIGINT, SIGTERM and SIGHUP are held, and
    /// written only if none arrived by then. Memory stays at about two spool buffers.
    public func document(_ spool: DocumentSpool) {
        document([spool])
    }

    /// A document spooled in parts (SARIF and JUnit put totals before the results): the same as
    /// the parts' text joined and passed whole. The parts are cut again at line breaks, so a
    /// line that runs from one part into the next is still judged as one line.
    public func document(_ parts: [DocumentSpool]) {
        let (json, colour) = flags
        let prepared = Self.unlessSignalled { () -> DocumentSpool in
            let prepared = DocumentSpool()
            func prepare(_ chunk: ArraySlice<UInt8>) {
                let text = Redactor.shared.redact(String(decoding: chunk, as: UTF8.self))
                prepared.append(Self.neutralise(Self.defuse(text, json: json, colour: colour)))
            }
            var carry: [UInt8] = []
            for part in parts {
                part.forEachChunk { chunk in
                    carry.append(contentsOf: chunk)
                    if let last = carry.lastIndex(of: 0x0A) {
                        prepare(carry[...last])
                        carry.removeSubrange(...last)
                    }
                }
            }
            if !carry.isEmpty { prepare(carry[...]) }
            return prepared
        }
        // A document cut short must not pass for a whole one: nothing more is written, exit 2.
        func endIfLost() {
            guard parts.contains(where: \.lost) || prepared.lost else { return }
            error("the output document could not be read back from its temporary file (TMPDIR or /tmp): it is incomplete")
            exit(2)
        }
        endIfLost()
        lock.lock()
        if outputFile != nil {
            collected.append(.spool(prepared))
            lock.unlock()
            return
        }
        lock.unlock()
        prepared.forEachChunk { write($0, fd: 1) }
        endIfLost()
    }

    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The `github` reporter's own workflow commands (already escaped there).
    public func gitHubCommands(_ text: String) {
        emit(Self.defuse(Redactor.shared.redact(text), json: false, colour: false), to: 1)
    }

    /// Text for stderr (a prompt, a note).
    public func err(_ text: String) {
        var t = Self.neutralise(Self.defuse(Redactor.shared.redact(text), json: false, colour: false))
        if isGitHub { t = Self.gitHubEscaped(t) }
        write(Array(t.utf8), fd: 2)
    }

    /// One error line on stderr: `assertlint: <message>`, escaped to one line whatever the
    /// message holds.
    public func error(_ message: String) {
        var line = Escape.line(Redactor.shared.redact(message))
        if isGitHub { line = Self.gitHubEscaped(line) }
        let text = "assertlint: " + line + "\n"
        write(Array(Self.neutralise(text).utf8), fd: 2)
    }

    private var flags: (json: Bool, colour: Bool) {
        lock.lock(); defer { lock.unlock() }
        return (jsonDocument, colour)
    }

    private var isGitHub: Bool {
        lock.lock(); defer { lock.unlock() }
        return gitHubFormat
    }

    private func emit(_ text: String, to fd: Int32) {
        lock.lock()
        if outputFile != nil {
            collected.append(.bytes(Array(text.utf8)))
            lock.unlock()
            return
        }
        lock.unlock()
        write(Array(text.utf8), fd: fd)
    }

    /// write(2) until done; EINTR and EAGAIN retried, anything else (EPIPE, EBADF) ends output
    /// to that descriptor without a signal or a trap.
    private func write(_ bytes: [UInt8], fd: Int32) {
        guard !bytes.isEmpty else { return }
        if fd == 1 {
            lock.lock()
            let broken = stdoutBroken
            lock.unlock()
            if broken { return }
        }
        var offset = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < bytes.count {
                let n = Glibc.write(fd, base + offset, bytes.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && (errno == EINTR) { continue }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 1000)
                    continue
                }
                if fd == 1 {
                    lock.lock()
                    stdoutBroken = true
                    lock.unlock()
                }
                return
            }
        }
    }

    // MARK: --output-file

    /// Collects stdout for `path`. Fails (one line) when the directory cannot take the file.
    public func collect(into path: String) throws(InputError) {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError("--output-file", "\(Escape.line(path)): the directory \(Escape.line(dir)) does not exist")
        }
        guard access(dir, W_OK) == 0 else { throw InputError("--output-file", "\(Escape.line(path)): cannot write in \(Escape.line(dir))") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError("--output-file", "\(Escape.line(path)): is a directory")
        }
        lock.lock(); defer { lock.unlock() }
        outputFile = path
    }

    /// Writes what was collected: a temporary file next to `path`, then rename. Nothing is left
    /// behind when this fails or the run is interrupted.
    public func finish() throws(InputError) {
        lock.lock()
        guard let path = outputFile else { lock.unlock(); return }
        let parts = collected
        outputFile = nil
        collected = []
        lock.unlock()
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = (directory.isEmpty ? "" : directory + "/") + ".\(name).assertlint-\(getpid()).tmp"
        Self.armCleanup(temp)
        defer { Self.disarmCleanup() }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw InputError("--output-file", "\(Escape.line(path)): cannot create a file in its directory") }
        var ok = true
        func put(_ bytes: [UInt8]) {
            guard ok else { return }
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                while offset < bytes.count {
                    let n = Glibc.write(fd, base + offset, bytes.count - offset)
                    if n > 0 { offset += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    ok = false
                    return
                }
            }
        }
        for part in parts {
            switch part {
            case .bytes(let bytes): put(bytes)
            case .spool(let spool):
                spool.forEachChunk { put($0) }
                if spool.lost { ok = false }
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            throw InputError("--output-file", "\(Escape.line(path)): could not be written (disk full?)")
        }
    }

    // MARK: Signals

    /// SIGINT, SIGTERM and SIGHUP while the temporary file exists remove it, then end the run
    /// as the signal would have.
    static func armCleanup(_ path: String) {
        let copy = strdup(path)
        cleanupPath.store(copy)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if let p = Output.cleanupPath.load() { unlink(p) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    static func disarmCleanup() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        if let p = cleanupPath.load() {
            cleanupPath.store(nil)
            free(p)
        }
    }

    /// The temporary file's path for the signal handler (a C string, read without locks).
    static let cleanupPath = CleanupPath()

    final class CleanupPath: @unchecked Sendable {
        private var pointer: UnsafeMutablePointer<CChar>?
        func store(_ p: UnsafeMutablePointer<CChar>?) { pointer = p }
        func load() -> UnsafeMutablePointer<CChar>? { pointer }
    }

    // MARK: Escapes

    /// Each line (ended by LF or CR, as a runner reads them) that would start a workflow command
    /// gets a leading `\`.
    public static func neutralise(_ text: String) -> String {
        // Byte by byte first (a large document is mostly ASCII lines): a line that cannot start a
        // command is passed over; only when one may (or a line starts with non-ASCII blanks) is
        // the text judged by characters below.
        guard mayStartCommand(text) else { return text }
        return neutraliseByCharacters(text)
    }

    /// Whether some line of `text` (split at LF and CR) starts with `::` after ASCII blanks, or
    /// starts with a non-ASCII byte, or has `::` followed by a non-ASCII byte there: the cases the
    /// character-level pass below has to judge. False means it would change nothing.
    static func mayStartCommand(_ text: String) -> Bool {
        var lineStart = true
        var state = 0 // 0: in leading blanks, 1: one ':' seen, 2: past the start of the line
        for c in text.utf8 {
            if c == 0x0A || c == 0x0D { lineStart = true; state = 0; continue }
            if lineStart {
                switch state {
                case 0:
                    if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C { continue }
                    if c >= 0x80 { return true }
                    if c == 0x3A { state = 1 } else { lineStart = false }
                case 1:
                    if c == 0x3A { return true }
                    lineStart = false
                default: lineStart = false
                }
            }
        }
        return false
    }

    static func neutraliseByCharacters(_ text: String) -> String {
        guard text.contains("::") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lineStart = true
        var pending = ""
        func flush() {
            let trimmed = pending.drop { $0.isWhitespace }
            if trimmed.hasPrefix("::") { out += "\\" }
            out += pending
            pending = ""
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                flush()
                out.unicodeScalars.append(scalar)
                lineStart = true
            } else {
                pending.unicodeScalars.append(scalar)
                lineStart = false
            }
        }
        _ = lineStart
        flush()
        return out
    }

    /// The second wall behind escaping at interpolation: control characters other than LF and
    /// tab (CR, ESC, NUL, C1, bidi controls, U+2028/9) made visible, or `\\uXXXX` in a JSON
    /// document; with colour on, SGR sequences pass.
    public static func defuse(_ text: String, json: Bool, colour: Bool) -> String {
        guard mayNeedEscape(text), text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && Escape.needsEscape($0) }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\t" || !Escape.needsEscape(s) {
                out.unicodeScalars.append(s)
                i += 1
                continue
            }
            if colour, s == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.unicodeScalars.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            if json {
                let hex = String(s.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out += Escape.line(String(s))
            }
            i += 1
        }
        return out
    }

    /// False when no scalar of `text` other than LF and tab needs `Escape.line`, judged from
    /// the UTF-8 bytes: C0 controls and DEL are single bytes, C1 controls are C2 80-9F, U+061C is
    /// D8 9C, and every other scalar `Escape.needsEscape` names (bidi controls, U+2028/9) starts
    /// with E2. True means "look at the scalars".
    static func mayNeedEscape(_ text: String) -> Bool {
        for c in text.utf8 where c < 0x20 || c >= 0x7F {
            if c == 0x0A || c == 0x09 { continue }
            if c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xD8 || c == 0xE2 { return true }
        }
        return false
    }

    /// Workflow-command data escapes for stderr under `--format github`, line breaks kept.
    static func gitHubEscaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { GitHubReporter.escapeData(String($0)) }
            .joined(separator: "\n")
    }
}

extension Output {
    /// File descriptors this process needs at least (stdio, a file being read, libcurl, dispatch).
    public static let minimumDescriptors: rlim_t = 16

    /// With fewer descriptors than that (`ulimit -n 4`), raises the soft limit when the hard limit
    /// allows, else returns the one-line reason to stop with.
    public static func checkDescriptors() -> String? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        if limit.rlim_cur >= minimumDescriptors { return nil }
        if limit.rlim_max >= minimumDescriptors || limit.rlim_max == rlim_t.max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 256)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return nil }
        }
        return "ulimit -n: \(limit.rlim_cur) open files is too few; assertlint needs at least \(minimumDescriptors) (raise it with ulimit -n)"
    }
}
