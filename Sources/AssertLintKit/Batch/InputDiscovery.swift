import Foundation

/// One file (or stdin) to check.
public struct CheckInput: Sendable, Equatable {
    /// Absolute, standardised path; `-` for stdin.
    public var path: String
    /// The path as reports show it: relative to the working directory when under it.
    public var displayPath: String
    /// Named on the command line (checked whatever its extension), rather than found in a walk.
    public var explicit: Bool

    public var isStandardInput: Bool { path == "-" }
}

/// What a walk found besides files: problems that leave part of a tree unchecked (an unreadable
/// directory, a file name that is not UTF-8, a path over PATH_MAX: exit 2 unless the user asked to
/// skip them), files that are not regular (a FIFO, a device, a socket: named and passed over), and
/// symbolic links that lead outside the roots (not followed; counted and said once).
public struct DiscoveryProblems: Sendable, Equatable {
    /// Parts of the tree that could not be read.
    public var unreadable: [InputError] = []
    /// Files passed over: not regular files, link loops, broken links.
    public var skipped: [InputError] = []
    /// Symbolic links that lead outside every root given, not followed.
    public var linksLeavingRoots = 0
}

/// Turns command-line paths (files, directories, globs, `-`) into the sorted list of files to
/// check. Directory walks skip `.git`, `.build` and `node_modules`, stay inside the directory
/// they were given (a symbolic link that leads outside it is not followed), visit each real
/// directory once (a link loop ends), and keep recognised extensions only. Nothing is dropped
/// in silence: what is not read is recorded in `DiscoveryProblems`.
public struct InputDiscovery: Sendable {
    public static let skippedDirectories: Set<String> = [".git", ".build", "node_modules"]
    /// Deeper than any real tree: a bound on the walk, not a limit users meet.
    public static let maxDepth = 256

    public let workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
    }

    /// Files for the arguments, deduplicated and sorted by display path; the arguments that
    /// name nothing (each one a one-line error); and what the walks could not read or passed over.
    public func expand(_ arguments: [String], isExcluded: (String) -> Bool = { _ in false })
        -> (inputs: [CheckInput], errors: [InputError], problems: DiscoveryProblems) {
        var found: [String: CheckInput] = [:]
        var errors: [InputError] = []
        var problems = DiscoveryProblems()
        func add(_ path: String, explicit: Bool) {
            if !explicit, isExcluded(path) { return }
            if let existing = found[path], existing.explicit || !explicit { return }
            found[path] = CheckInput(path: path, displayPath: display(path), explicit: explicit)
        }
        for argument in arguments {
            if argument == "-" {
                found["-"] = CheckInput(path: "-", displayPath: "-", explicit: true)
                continue
            }
            // A file really named `a{1,2}.yaml` is that file, not a pattern.
            if Glob.isPattern(argument), !FileManager.default.fileExists(atPath: absolute(argument)) {
                let matches = glob(argument, problems: &problems, isExcluded: isExcluded)
                if matches.isEmpty { errors.append(InputError(argument, "no files match this pattern")) }
                for m in matches { add(m, explicit: false) }
                continue
            }
            let path = absolute(argument)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(argument, path.utf8.count >= Int(PATH_MAX) ? "the path is longer than \(PATH_MAX - 1) bytes" : "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                for f in walk(path, problems: &problems, isExcluded: isExcluded) { add(f, explicit: false) }
            } else if !isExcluded(path) {
                add(path, explicit: true)
            }
        }
        return (found.values.sorted { $0.displayPath < $1.displayPath }, errors, problems)
    }

    public func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
        return url.standardizedFileURL.path
    }

    public func display(_ absolute: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }

    /// Files matching a glob (brace alternatives expanded), relative to the working directory
    /// (or absolute). Each alternative's walk stays inside the directory its literal prefix names.
    public func glob(_ pattern: String, relativeTo base: String? = nil, problems: inout DiscoveryProblems,
                     isExcluded: (String) -> Bool = { _ in false }) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        for alternative in Glob.expandBraces(pattern) {
            let g = Glob(alternative)
            let root = g.isAbsolute ? "/" : (base ?? workingDirectory)
            let start = g.literalPrefix.isEmpty ? root : (root as NSString).appendingPathComponent(g.literalPrefix)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start, isDirectory: &isDir) else { continue }
            let rootSlash = root.hasSuffix("/") ? root : root + "/"
            let wanted: (String) -> Bool = { path in
                let rel = path.hasPrefix(rootSlash) ? String(path.dropFirst(rootSlash.count)) : path
                return g.matches(g.isAbsolute ? path : rel)
            }
            let candidates = isDir.boolValue ? walk(start, problems: &problems, isExcluded: isExcluded, wanted: wanted) : [start]
            for path in candidates where wanted(path) && seen.insert(path).inserted { out.append(path) }
        }
        return out
    }

    /// Every wanted file under a directory (by default: those with a recognised extension),
    /// depth first, in no particular order.
    public func walk(_ directory: String, problems: inout DiscoveryProblems, isExcluded: (String) -> Bool = { _ in false },
                     wanted: ((String) -> Bool)? = nil) -> [String] {
        let recognised: (String) -> Bool = { path in
            let name = (path as NSString).lastPathComponent
            return InputKind.extensions.contains((name as NSString).pathExtension.lowercased()) && !Configuration.fileNames.contains(name)
        }
        let wanted = wanted ?? recognised
        guard let root = Self.realPath(directory) else {
            problems.unreadable.append(InputError(display(directory), "cannot resolve the directory"))
            return []
        }
        var out: [String] = []
        var visited: Set<String> = []
        var stack = [(directory, 0)]
        while let (dir, depth) = stack.popLast() {
            guard let real = Self.realPath(dir), visited.insert(real).inserted else { continue }
            guard depth <= Self.maxDepth else {
                problems.unreadable.append(InputError(display(dir), "more than \(Self.maxDepth) directory levels deep; not searched"))
                continue
            }
            guard let handle = opendir(dir) else {
                let reason = errno == EACCES ? "permission denied" : "cannot be read"
                problems.unreadable.append(InputError(display(dir), "cannot read the directory (\(reason)); its files are not checked"))
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    Array(raw.prefix { $0 != 0 })
                }
                if nameBytes == [0x2E] || nameBytes == [0x2E, 0x2E] { continue }
                guard let name = String(validating: nameBytes, as: UTF8.self) else {
                    let shown = display(dir) + "/" + Self.visible(nameBytes)
                    if entry.pointee.d_type == UInt8(DT_DIR) || wanted((dir as NSString).appendingPathComponent(String(decoding: nameBytes, as: UTF8.self))) {
                        problems.unreadable.append(InputError(shown, "the file name is not UTF-8; not checked"))
                    }
                    continue
                }
                let path = (dir as NSString).appendingPathComponent(name)
                if path.utf8.count >= Int(PATH_MAX) {
                    problems.unreadable.append(InputError(String(display(path).prefix(120)) + "…", "the path is longer than \(PATH_MAX - 1) bytes; not checked"))
                    continue
                }
                var st = stat()
                guard lstat(path, &st) == 0 else {
                    if errno == ENAMETOOLONG {
                        problems.unreadable.append(InputError(String(display(path).prefix(120)) + "…", "the path is too long; not checked"))
                    }
                    continue
                }
                if st.st_mode & S_IFMT == S_IFLNK {
                    if Self.skippedDirectories.contains(name) { continue }
                    guard let target = Self.realPath(path) else {
                        if wanted(path) {
                            let loop = errno == ELOOP
                            problems.skipped.append(InputError(display(path), loop ? "a loop of symbolic links; not followed" : "a broken symbolic link; skipped"))
                        }
                        continue
                    }
                    guard Self.isInside(target, root) else {
                        problems.linksLeavingRoots += 1
                        continue
                    }
                    guard stat(path, &st) == 0 else { continue }
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    if !Self.skippedDirectories.contains(name), !isExcluded(path) { stack.append((path, depth + 1)) }
                case S_IFREG:
                    if wanted(path) { out.append(path) }
                default:
                    if wanted(path), !isExcluded(path) {
                        problems.skipped.append(InputError(display(path), "skipped: \(BoundedFile.describe(mode: st.st_mode)), not a regular file"))
                    }
                }
            }
        }
        return out
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// A file name that is not UTF-8, shown with printable ASCII as it is and every other byte as `\xNN`.
    static func visible(_ bytes: [UInt8]) -> String {
        bytes.map { (0x21...0x7E).contains($0) && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }
}
