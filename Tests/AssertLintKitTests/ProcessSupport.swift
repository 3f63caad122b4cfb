import Foundation

/// Runs tools (python3, pre-commit, git) from tests.
enum ProcessSupport {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil, environment: [String: String]? = nil,
                    stdin: String? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a chatty tool cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A virtualenv shared by the tests of one machine, for Python tools that may be missing.
    static let venv = (NSTemporaryDirectory() as NSString).appendingPathComponent("assertlint-test-venv")

    /// A python3 that can import `module`: the system one, or the test virtualenv after
    /// `pip install package` into it. nil with the reason when neither works (no network).
    static func python(with module: String, package: String) -> (python: String?, reason: String) {
        if (try? run("python3", ["-c", "import \(module)"]).status) == 0 { return ("python3", "") }
        let venvPython = (venv as NSString).appendingPathComponent("bin/python")
        if (try? run(venvPython, ["-c", "import \(module)"]).status) == 0 { return (venvPython, "") }
        guard let made = try? run("python3", ["-m", "venv", venv]), made.status == 0 else {
            return (nil, "python3 -m venv failed")
        }
        guard let pip = try? run(venvPython, ["-m", "pip", "install", "-q", package]) else { return (nil, "pip did not run") }
        guard pip.status == 0 else { return (nil, "pip install \(package) failed: \(pip.stderr.suffix(400))") }
        return (venvPython, "")
    }
}
