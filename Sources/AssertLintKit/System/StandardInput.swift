#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads standard input with one `read(2)` per chunk, so the first end of file ends the input.
/// Foundation's `read(upToCount:)` keeps reading past a zero-length read until it has filled
/// the count; on a terminal that made a paste wait for a second (or third) Ctrl-D.
public enum StandardInput {
    public enum ReadError: Error, Sendable, Equatable {
        case unreadable
    }

    /// Everything up to the first end of file, or `limit + 1` bytes (the caller refuses more
    /// than `limit`). On a terminal, the paste is read with the line discipline's canonical mode
    /// off (`TerminalPaste`): in canonical mode Linux keeps at most 4,095 bytes of one line and
    /// drops the rest, which cut a long token (an `x5c` header) in half. Ctrl-D, the terminal's
    /// end-of-file character, then ends the paste wherever it is typed, once.
    /// `whenReady` runs once the terminal is set for the paste (a prompt printed earlier could be
    /// answered by a paste that lands in the canonical-mode buffer and is cut there).
    public static func readAll(fileDescriptor fd: Int32 = 0, limit: Int, isTerminal: Bool? = nil,
                               whenReady: (() -> Void)? = nil) -> Result<[UInt8], ReadError> {
        let terminal = isTerminal ?? (isatty(fd) == 1)
        if terminal, let paste = TerminalPaste(fd) {
            defer { paste.restore() }
            whenReady?()
            return readChunks(fd, limit: limit, until: paste.endOfFile)
        }
        whenReady?()
        return readChunks(fd, limit: limit, until: nil, terminal: terminal)
    }

    private static func readChunks(_ fd: Int32, limit: Int, until endByte: UInt8?, terminal: Bool = false) -> Result<[UInt8], ReadError> {
        var data: [UInt8] = []
        // Larger than a terminal's line buffer (4096 on Linux), so a canonical-mode read that
        // returns text without a newline was ended by Ctrl-D, not cut at the buffer's size.
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return read(fd, base, raw.count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            if n == 0 { break }
            if let endByte, let end = buffer[0..<n].firstIndex(of: endByte) {
                data.append(contentsOf: buffer[0..<end])
                break
            }
            data.append(contentsOf: buffer[0..<n])
            if terminal, endByte == nil, buffer[n - 1] != UInt8(ascii: "\n") { break }
        }
        return .success(data)
    }
}

/// A terminal switched out of canonical mode for one paste, and back. Echo, signals (Ctrl-C) and
/// CR-to-NL translation stay as they were; only the line buffer, and with it the 4,095-byte line
/// limit and line editing, is off. The previous settings come back when the paste ends, and also
/// when a signal ends the program during it, so the shell is never left in a raw terminal.
struct TerminalPaste {
    let fd: Int32
    let saved: termios
    /// The terminal's end-of-file character (Ctrl-D unless `stty eof` changed it).
    let endOfFile: UInt8

    init?(_ fd: Int32) {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { return nil }
        saved = settings
        self.fd = fd
        endOfFile = withUnsafeBytes(of: settings.c_cc) { $0[Int(VEOF)] }
        guard endOfFile != 0 else { return nil }
        settings.c_lflag &= ~tcflag_t(ICANON)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        TerminalPaste.remember(fd: fd, settings: saved)
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            TerminalPaste.forget()
            return nil
        }
    }

    func restore() {
        var settings = saved
        _ = tcsetattr(fd, TCSANOW, &settings)
        TerminalPaste.forget()
    }

    // What a signal handler needs to put the terminal back: set before the mode changes, read
    // only by the handler (which then re-raises the signal with its default action).
    nonisolated(unsafe) private static var pending: (fd: Int32, settings: termios)?
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private static func remember(fd: Int32, settings: termios) {
        pending = (fd, settings)
        for sig in signals {
            var action = sigaction()
            let handler: @convention(c) (Int32) -> Void = { sig in
                if var p = TerminalPaste.pending { _ = tcsetattr(p.fd, TCSANOW, &p.settings) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(sig, &action, &old)
            previous[sig] = old
        }
    }

    private static func forget() {
        for (sig, old) in previous {
            var action = old
            sigaction(sig, &action, nil)
        }
        previous = [:]
        pending = nil
    }
}
