import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small file named by a flag or an environment variable (a CA bundle, a token file)
/// once, with a size cap and a deadline, so no path can make the run hang or hold gigabytes.
///
/// A regular file is read up to the cap. A pipe is accepted too, because `--cacert <(cat ca.pem)`
/// names one (`/dev/fd/63`); it is opened without blocking and read with `poll` until its writer
/// closes it or the deadline passes: a FIFO nobody writes to ends at once (no writer: end of file)
/// and one whose writer never finishes ends at the deadline. Devices, sockets and directories are
/// refused before any read (`/dev/zero` would never end, `/dev/tty` would wait for a person).
public enum BoundedFileRead {
    public struct Failure: Error, Sendable, Equatable {
        public let reason: String
    }

    public static func contents(of path: String, limit: Int, timeout: Double) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw Failure(reason: "no such file")
            case EACCES, EPERM: throw Failure(reason: "permission denied")
            case ENXIO: throw Failure(reason: "not a regular file or pipe")
            default: throw Failure(reason: "cannot open the file")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: "cannot read the file") }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO else {
            throw Failure(reason: kind == S_IFDIR ? "a directory, not a file" : "not a regular file or pipe")
        }
        let deadline = Date().addingTimeInterval(max(0.01, timeout))
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                out += chunk[0..<n]
                guard out.count <= limit else { throw Failure(reason: "larger than \(NetworkError.size(limit))") }
                continue
            }
            if n == 0 { return out }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { throw Failure(reason: "cannot read the file") }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(reason: "nothing more arrived within \(NetworkError.seconds(timeout)); the pipe was not closed") }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, Int32(min(left, 1) * 1000) + 1)
        }
    }
}
