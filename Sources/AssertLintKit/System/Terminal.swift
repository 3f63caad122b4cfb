import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal a file descriptor writes to, as the kernel reports it.
public enum Terminal {
    /// The number of columns of the terminal on `fd` (TIOCGWINSZ), or nil when `fd` is not a
    /// terminal or the terminal does not say (a pty nobody sized reports 0).
    public static func columns(of fd: Int32) -> Int? {
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { pointer in
            ioctl(fd, UInt(TIOCGWINSZ), UnsafeMutableRawPointer(pointer))
        }
        guard status == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width to print to: the terminal's, then `COLUMNS`, then 80. Prose wider than 100
    /// columns is hard to read, so wider terminals get 100; narrower than 20 is no layout at all.
    public static func width(terminalColumns: Int?, environment: [String: String]) -> Int {
        let columns = terminalColumns
            ?? environment["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
            ?? 80
        return min(100, max(20, columns))
    }
}
