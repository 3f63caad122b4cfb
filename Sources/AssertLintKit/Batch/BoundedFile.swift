import Foundation

/// The one way assertlint reads a file named by the user or found in a tree: inputs, key files,
/// JWKS files, config files. It opens with `O_NONBLOCK`, so a FIFO (or a device that waits)
/// never blocks the open, checks with `fstat` that what it opened is a regular file, and reads
/// at most one byte past the cap, so `/dev/zero` or a 100 GB file costs 16 MiB at most.
public enum BoundedFile {
    /// More than any real paste, key file or config; keeps a runaway file from exhausting memory.
    public static let maxBytes = 16 * 1024 * 1024

    /// Why a file was not read, as one line without the path.
    public struct Failure: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case missing, directory, notRegular, permissionDenied, tooLarge, pathTooLong, linkLoop, unreadable
        }
        public let kind: Kind
        public let reason: String
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

    /// The file's bytes, at most `cap`; over it, a `.tooLarge` failure after reading `cap + 1` bytes.
    public static func read(_ path: String, cap: Int = maxBytes) -> Result<[UInt8], Failure> {
        if path.utf8.count >= Int(PATH_MAX) {
            return .failure(Failure(kind: .pathTooLong, reason: "the path is longer than \(PATH_MAX - 1) bytes"))
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(openFailure(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Failure(kind: .unreadable, reason: "cannot be read")) }
        if st.st_mode & S_IFMT == S_IFDIR {
            return .failure(Failure(kind: .directory, reason: "is a directory, not a file"))
        }
        guard isRegular(st.st_mode) else {
            return .failure(Failure(kind: .notRegular, reason: "is \(describe(mode: st.st_mode)), not a regular file; assertlint reads regular files only"))
        }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count <= cap {
            let want = min(chunk, cap + 1 - bytes.count)
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(kind: .unreadable, reason: "cannot be read"))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        if bytes.count > cap {
            return .failure(Failure(kind: .tooLarge, reason: "the file is larger than \(cap / 1024 / 1024) MiB; a token or a request is a few kilobytes"))
        }
        return .success(bytes)
    }

    static func openFailure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: return Failure(kind: .missing, reason: "no such file")
        case EACCES, EPERM: return Failure(kind: .permissionDenied, reason: "permission denied")
        case EISDIR: return Failure(kind: .directory, reason: "is a directory, not a file")
        case ENAMETOOLONG: return Failure(kind: .pathTooLong, reason: "the path is too long (ENAMETOOLONG)")
        case ELOOP: return Failure(kind: .linkLoop, reason: "a loop of symbolic links")
        case ENXIO: return Failure(kind: .notRegular, reason: "is a socket or a device without a reader, not a regular file; assertlint reads regular files only")
        default: return Failure(kind: .unreadable, reason: "cannot be opened")
        }
    }
}
