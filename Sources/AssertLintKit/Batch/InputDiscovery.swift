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

/// Turns command-line paths (files, directories, globs, `-`) into the sorted list of files to
/// check. Directory walks skip `.git`, `.build` and `node_modules`, follow symbolic links to
/// directories once (a link loop is visited only once), and keep recognised extensions only.
public struct InputDiscovery: Sendable {
    public static let skippedDirectories: Set<String> = [".git", ".build", "node_modules"]

    public let workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
    }

    /// Files for the arguments, deduplicated and sorted by display path; and the arguments that
    /// name nothing (each one a one-line error).
    public func expand(_ arguments: [String], isExcluded: (String) -> Bool = { _ in false }) -> (inputs: [CheckInput], errors: [InputError]) {
        var found: [String: CheckInput] = [:]
        var errors: [InputError] = []
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
            if Glob.isPattern(argument) {
                let matches = glob(argument)
                if matches.isEmpty { errors.append(InputError(argument, "no files match this pattern")) }
                for m in matches { add(m, explicit: false) }
                continue
            }
            let path = absolute(argument)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(argument, "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                for f in walk(path) { add(f, explicit: false) }
            } else if !isExcluded(path) {
                add(path, explicit: true)
            }
        }
        return (found.values.sorted { $0.displayPath < $1.displayPath }, errors)
    }

    public func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
        return url.standardizedFileURL.path
    }

    public func display(_ absolute: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }

    /// Files matching a glob, relative to the working directory (or absolute).
    public func glob(_ pattern: String, relativeTo base: String? = nil) -> [String] {
        let g = Glob(pattern)
        let root = g.isAbsolute ? "/" : (base ?? workingDirectory)
        let start = g.literalPrefix.isEmpty ? root : (root as NSString).appendingPathComponent(g.literalPrefix)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: start, isDirectory: &isDir) else { return [] }
        let rootSlash = root.hasSuffix("/") ? root : root + "/"
        let candidates = isDir.boolValue ? walk(start, recognisedOnly: false) : [start]
        return candidates.filter { path in
            let rel = path.hasPrefix(rootSlash) ? String(path.dropFirst(rootSlash.count)) : path
            return g.matches(g.isAbsolute ? path : rel)
        }
    }

    /// Every file under a directory, depth first, in no particular order.
    public func walk(_ directory: String, recognisedOnly: Bool = true) -> [String] {
        var out: [String] = []
        var visited: Set<String> = []
        var stack = [directory]
        let fm = FileManager.default
        while let dir = stack.popLast() {
            let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else { continue }
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let path = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }  // dangling link
                if isDir.boolValue {
                    if !Self.skippedDirectories.contains(name) { stack.append(path) }
                } else if !recognisedOnly || InputKind.extensions.contains((name as NSString).pathExtension.lowercased()) {
                    if Configuration.fileNames.contains(name) { continue }
                    out.append(path)
                }
            }
        }
        return out
    }
}
