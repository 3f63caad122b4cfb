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
    /// than `limit`). On a terminal in canonical mode, Ctrl-D after a newline is a zero-length
    /// read, and Ctrl-D after text that has no newline hands over that text with no newline
    /// at its end; both end the paste, so one Ctrl-D is enough with or without a final newline.
    public static func readAll(fileDescriptor fd: Int32 = 0, limit: Int,
                               isTerminal: Bool? = nil) -> Result<[UInt8], ReadError> {
        let terminal = isTerminal ?? (isatty(fd) == 1)
        var data: [UInt8] = []
        // Larger than a terminal's line buffer (4096 on Linux), so a read from a terminal that
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
            data.append(contentsOf: buffer[0..<n])
            if terminal, buffer[n - 1] != UInt8(ascii: "\n") { break }
        }
        return .success(data)
    }
}
