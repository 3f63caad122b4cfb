import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way assertlint reads a file named by the user, found in a tree or named by an
/// environment variable: inputs, key files, JWKS files, config files, CA bundles, token files.
///
/// It opens with `O_NONBLOCK`, so a FIFO (or a device that waits) never blocks the open, checks
/// with `fstat` what it opened, and reads at most one byte past the limit, so `/dev/zero` or a
/// 100 GB file costs the limit at most. What is allowed is the caller's: by default regular files
/// only; `--cacert <(cat ca.pem)` and token files also take a pipe (`/dev/fd/63`), read with
/// `poll` until its writer closes it or the deadline passes: a FIFO nobody writes to ends at once
/// (no writer: end of file) and one whose writer never finishes ends at the deadline. Devices,
/// sockets and directories are refused before any read.
public enum BoundedFile {
    /// More than any real paste, key file or config; keeps a runaway file from exhausting memory.
    public static let maxBytes = 16 * 1024 * 1024

    /// What a read may take.
    public struct Allowed: Sendable, Equatable {
        /// Whether a pipe (FIFO, `<(…)`) is read as well as a regular file.
        public var pipes: Bool
        /// The most bytes read; one more is a `.tooLarge` failure.
        public var limit: Int
        /// Seconds a pipe may take to be closed by its writer (pipes only).
        public var deadline: Double

        public init(pipes: Bool = false, limit: Int = BoundedFile.maxBytes, deadline: Double = 5) {
            self.pipes = pipes
            self.limit = limit
            self.deadline = deadline
        }

        /// Inputs, keys, JWKS and config files: regular files, at most 16 MiB.
        public static let regularFiles = Allowed()
        /// A small file that may be a pipe: a CA bundle, a token file.
        public static func fileOrPipe(limit: Int, deadline: Double) -> Allowed {
            Allowed(pipes: true, limit: limit, deadline: deadline)
        }
    }

    /// Why a file was not read, as one line without the path.
    public struct Failure: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case missing, directory, notRegular, permissionDenied, tooLarge, pathTooLong, linkLoop, unreadable, timedOut
        }
        public let kind: Kind
        public let reason: String

        public init(kind: Kind, reason: String) {
            self.kind = kind
            self.reason = reason
        }
    }

    /// What a non-regular file is, for "skipped: <what>, not a regular file".
    public static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    public static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }

    /// The file's bytes, at most `cap`, regular files only.
    public static func read(_ path: String, cap: Int = maxBytes) -> Result<[UInt8], Failure> {
        read(path, allowing: Allowed(limit: cap))
    }

    /// The file's bytes within what `allowed` permits.
    public static func read(_ path: String, allowing allowed: Allowed) -> Result<[UInt8], Failure> {
        let words = Words(pipes: allowed.pipes)
        if path.utf8.count >= Int(PATH_MAX) {
            return .failure(Failure(kind: .pathTooLong, reason: "the path is longer than \(PATH_MAX - 1) bytes"))
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(words.openFailure(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Failure(kind: .unreadable, reason: words.unreadable)) }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(Failure(kind: .directory, reason: words.directory)) }
        let pipe = kind == S_IFIFO
        guard isRegular(st.st_mode) || (pipe && allowed.pipes) else {
            return .failure(Failure(kind: .notRegular, reason: words.notRegular(st.st_mode)))
        }
        let deadline = Date().addingTimeInterval(max(0.01, allowed.deadline))
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count <= allowed.limit {
            let want = min(chunk, allowed.limit + 1 - bytes.count)
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, want) }
            if n > 0 {
                bytes.append(contentsOf: buffer[0..<n])
                continue
            }
            if n == 0 { break }
            let code = errno
            if code == EINTR { continue }
            guard pipe, code == EAGAIN || code == EWOULDBLOCK else {
                return .failure(Failure(kind: .unreadable, reason: words.unreadable))
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                return .failure(Failure(kind: .timedOut, reason: "nothing more arrived within \(NetworkError.seconds(allowed.deadline)); the pipe was not closed"))
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, Int32(min(left, 1) * 1000) + 1)
        }
        if bytes.count > allowed.limit { return .failure(Failure(kind: .tooLarge, reason: words.tooLarge(allowed.limit))) }
        return .success(bytes)
    }

    /// The words of a failure. A file that may be a pipe (a CA bundle, a token file) is named
    /// after the caller's "cannot read the token file:" and so says "a directory, not a file";
    /// an input says "is a directory" after its path.
    private struct Words {
        let pipes: Bool

        var directory: String { pipes ? "a directory, not a file" : "is a directory, not a file" }
        var unreadable: String { pipes ? "cannot read the file" : "cannot be read" }

        func notRegular(_ mode: mode_t) -> String {
            pipes ? "not a regular file or pipe"
                : "is \(BoundedFile.describe(mode: mode)), not a regular file; assertlint reads regular files only"
        }

        func tooLarge(_ limit: Int) -> String {
            pipes ? "larger than \(NetworkError.size(limit))"
                : "the file is larger than \(limit / 1024 / 1024) MiB; a token or a request is a few kilobytes"
        }

        func openFailure(_ code: Int32) -> Failure {
            switch code {
            case ENOENT, ENOTDIR: return Failure(kind: .missing, reason: "no such file")
            case EACCES, EPERM: return Failure(kind: .permissionDenied, reason: "permission denied")
            case EISDIR: return Failure(kind: .directory, reason: directory)
            case ENAMETOOLONG: return Failure(kind: .pathTooLong, reason: "the path is too long (ENAMETOOLONG)")
            case ELOOP: return Failure(kind: .linkLoop, reason: "a loop of symbolic links")
            case ENXIO:
                return Failure(kind: .notRegular, reason: pipes ? "not a regular file or pipe"
                    : "is a socket or a device without a reader, not a regular file; assertlint reads regular files only")
            default: return Failure(kind: .unreadable, reason: pipes ? "cannot open the file" : "cannot be opened")
            }
        }
    }
}
