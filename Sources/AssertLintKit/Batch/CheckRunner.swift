import Dispatch
import Foundation

/// What `assertlint check` is asked to do.
public struct CheckOptions: Sendable {
    /// Files, directories, globs and `-` (stdin). Empty: the config's `include` (or `.`).
    public var paths: [String]
    /// `--config FILE`: one config for every input instead of the nearest `.assertlint.yml`.
    public var configFile: String?
    /// `--fail-on`; nil takes the config's `fail_on`, else `error`.
    public var failOn: FailThreshold?
    public var workingDirectory: String
    /// `--repo-root`: what SARIF URIs are relative to; nil is the working directory.
    public var repositoryRoot: String?
    /// The real current time (`assertion-live`, fixtures without `now`).
    public var realNow: Date
    /// For `app.client_secret_env` in fixtures.
    public var environment: [String: String]
    /// The rules to run; all of them unless a test narrows it.
    public var rules: [any Rule]
    /// Reads stdin for `-`; called at most once.
    public var standardInput: @Sendable () -> Data?
    /// Check files on all cores (off for debugging).
    public var parallel: Bool
    /// `--online` (or `online: true` in the config): fills each request's context from the
    /// server before it is judged. Problems it reports (a fetch that failed) are input errors,
    /// exit 2, while the request is still judged with what is known. The closure also gets the
    /// config's `online.hosts` (where discovery may be read).
    public var online: Bool
    public var onlineContext: (@Sendable (Subject, [Origin]) -> (Subject, [String]))?
    /// `--skip-unreadable`: an unreadable directory, a file name that is not UTF-8 or a path over
    /// PATH_MAX is still named on stderr but does not make the run exit 2.
    public var skipUnreadable = false
    /// `--server ID`: the profile every input is judged with, whatever it or its config says.
    public var server: ServerProfile?
    /// `--profile-file FILE`: profiles known beside the bundled ones (and any a config adds).
    public var profiles: [ServerProfile] = []

    public init(paths: [String] = [], configFile: String? = nil, failOn: FailThreshold? = nil,
                workingDirectory: String = FileManager.default.currentDirectoryPath, repositoryRoot: String? = nil,
                realNow: Date = Date(), environment: [String: String] = ProcessInfo.processInfo.environment,
                rules: [any Rule] = Registry.all,
                standardInput: @escaping @Sendable () -> Data? = { CheckOptions.boundedStandardInput() },
                parallel: Bool = true, online: Bool = false,
                onlineContext: (@Sendable (Subject, [Origin]) -> (Subject, [String]))? = nil) {
        self.paths = paths
        self.configFile = configFile
        self.failOn = failOn
        self.workingDirectory = workingDirectory
        self.repositoryRoot = repositoryRoot
        self.realNow = realNow
        self.environment = environment
        self.rules = rules
        self.standardInput = standardInput
        self.parallel = parallel
        self.online = online
        self.onlineContext = onlineContext
    }

    /// Stdin up to one byte past the input cap: enough to refuse an endless pipe without holding it.
    public static func boundedStandardInput() -> Data? {
        // One read(2) at a time: the first end of file ends it (one Ctrl-D on a terminal).
        guard case .success(let bytes) = StandardInput.readAll(limit: InputText.maxBytes) else { return nil }
        return Data(bytes)
    }
}

/// Runs `check`: finds the files, reads each into requests, judges them on all cores, then
/// compares requests across the batch (a jti used twice). Output order is path order, however
/// the work was scheduled.
public struct CheckRunner: Sendable {
    public let options: CheckOptions

    public init(_ options: CheckOptions) {
        self.options = options
    }

    /// Every file's outcome kept in the report (for a test, or a format that needs all of them).
    public func run() -> CheckReport {
        var files: [FileOutcome] = []
        var report = run { files.append($0) }
        report.files = files
        report.streamed = CheckTally()
        return report
    }

    /// Checks the files in path order and hands each outcome to `each` as soon as it and every
    /// file before it are judged (on the calling thread); at most `window` files are read or held
    /// at a time, spread over the cores. The report returned holds no files, only the tally of
    /// those handed on (and the run's own errors and notices): memory does not grow with the
    /// number of files, whatever the format. `start` gets the report before the first file (its
    /// run-level errors, the threshold, the repository root), exactly once.
    public func run(start: (CheckReport) -> Void = { _ in }, each: (FileOutcome) -> Void) -> CheckReport {
        let discovery = InputDiscovery(workingDirectory: options.workingDirectory)
        let resolver = ConfigurationResolver(override: options.configFile.map(discovery.absolute))
        let root = options.repositoryRoot.map(discovery.absolute) ?? discovery.workingDirectory
        var errors: [InputError] = []

        // Without paths, the config of the working directory says what to check.
        var arguments = options.paths
        var baseConfig: Configuration?
        switch resolver.configuration(forDirectory: discovery.workingDirectory) {
        case .success(let c): baseConfig = c
        case .failure(let e):
            // A named --config that is missing or unreadable is the run's one error, whether or
            // not there is anything to check: a run that ignored it would pass in silence.
            if options.configFile != nil {
                let report = CheckReport(files: [], errors: [e], failOn: options.failOn ?? .error, repositoryRoot: root)
                start(report)
                return report
            }
            if arguments.isEmpty { errors.append(e) }
        }
        if arguments.isEmpty, let c = baseConfig {
            arguments = c.include.isEmpty ? [c.directory == discovery.workingDirectory || c.file == nil ? "." : c.directory]
                : c.include.map { g in g.isAbsolute ? g.pattern : (c.directory as NSString).appendingPathComponent(g.pattern) }
        }
        let failOn = options.failOn ?? baseConfig?.failOn ?? .error

        func config(for path: String) -> Result<Configuration, InputError> {
            resolver.configuration(forDirectory: path == "-" ? discovery.workingDirectory : (path as NSString).deletingLastPathComponent)
        }
        let (inputs, missing, problems) = discovery.expand(arguments) { path in
            (try? config(for: path).get())?.isExcluded(path) ?? false
        }
        errors += missing
        // Nothing is skipped in silence: what a walk could not read fails the run unless the
        // user asked to skip it; files that are not regular, and links out of the roots, are named.
        var notices = problems.skipped.map(\.description)
        if options.skipUnreadable {
            notices += problems.unreadable.map { "\($0.description) (skipped: --skip-unreadable)" }
        } else {
            errors += problems.unreadable
        }
        if problems.linksLeavingRoots > 0 {
            let n = problems.linksLeavingRoots
            notices.append("\(n) symbolic link\(n == 1 ? "" : "s") \(n == 1 ? "leads" : "lead") outside the checked directories and \(n == 1 ? "was" : "were") not followed")
        }
        let passedOver = problems.skipped.count + problems.unreadable.count
        if inputs.isEmpty, passedOver > 0, errors.isEmpty || options.skipUnreadable {
            errors.append(InputError("check", "no file was checked: \(passedOver) skipped (named above)"))
        }

        // One configuration per directory, and per file only its index: a `Configuration` holds
        // profiles inline (a few KiB), and one copy per file was most of what grew with the run.
        var configurations: [Configuration] = []
        var configurationIndex: [String: Int] = [:]
        var jobs: [(input: CheckInput, config: Int)] = []
        jobs.reserveCapacity(inputs.count)
        for input in inputs {
            let directory = input.path == "-" ? discovery.workingDirectory : (input.path as NSString).deletingLastPathComponent
            if let known = configurationIndex[directory] {
                jobs.append((input, known))
                continue
            }
            switch config(for: input.path) {
            case .success(let c):
                configurationIndex[directory] = configurations.count
                configurations.append(c)
                jobs.append((input, configurations.count - 1))
            case .failure(let e): if !errors.contains(e) { errors.append(e) }
            }
        }

        var report = CheckReport(files: [], errors: errors, failOn: failOn, repositoryRoot: root)
        report.notices = notices
        start(report)
        // Cross-file checks see the files in path order, each before it is handed on.
        var replay = ReplayScan.Tracker()
        func deliver(_ file: inout FileOutcome, _ config: Configuration) {
            replay.mark(&file, config: config)
            report.streamed.add(file, failOn: failOn)
            each(file)
        }
        if options.parallel && jobs.count > 1 {
            let window = OrderedWindow(count: jobs.count, width: Self.windowWidth)
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs.count))
            let group = DispatchGroup()
            for _ in 0..<workers {
                DispatchQueue.global().async(group: group) { [self, jobs, configurations] in
                    while let i = window.claim() {
                        window.put(i, check(jobs[i].input, config: configurations[jobs[i].config]))
                    }
                }
            }
            for i in jobs.indices {
                var file = window.take(i)
                deliver(&file, configurations[jobs[i].config])
            }
            group.wait()
        } else {
            for job in jobs {
                var file = check(job.input, config: configurations[job.config])
                deliver(&file, configurations[job.config])
            }
        }
        return report
    }

    /// Files read, judged or waiting to be handed on at one time: enough to keep every core busy
    /// while one slow file holds up the order, and few enough that memory stays flat.
    static let windowWidth = 64

    /// Reads and judges one file. Never throws: what goes wrong is recorded in the outcome.
    func check(_ input: CheckInput, config: Configuration) -> FileOutcome {
        var outcome = FileOutcome(input: input, kind: .unknown)
        // A private key in a key file (or a file of no known kind) is found by its shape, also
        // when it is binary DER or PKCS#12 that no request reader could read.
        let named = InputKind.byName(input.path)
        let bytes = input.isStandardInput ? nil : try? InputText.readBytes(input.path)
        let keyForm = bytes.flatMap { InputKind.privateKey(in: $0, named: named) }
        if keyForm == nil, named == .keyFile, let bytes, String(validating: bytes, as: UTF8.self) == nil {
            outcome.skipped = .noPrivateKey  // a DER public key or certificate
            return outcome
        }
        let text: String
        do {
            // A binary key has no text to read; a PEM key and everything else is read as text.
            text = keyForm?.hasPrefix("PEM") == false ? "" : try read(input)
        } catch {
            outcome.errors.append(error)
            return outcome
        }
        switch keyForm != nil ? .success(.keyFile) : InputKind.sniff(text, path: input.path, named: named) {
        case .failure(let skip):
            outcome.skipped = skip
            return outcome
        case .success(let kind):
            outcome.kind = kind
        }
        var engine = Engine(rules: options.rules, severityOverrides: config.severity, disabled: config.disabled)
        var subjects: [Subject]
        if let keyForm {
            engine = Engine(rules: options.rules.filter { $0.id == PrivateKeyCommitted.id }, severityOverrides: config.severity,
                            disabled: config.disabled)
            var subject = Subject(source: input.path, request: nil, assertion: .absent)
            subject.privateKeyFileForm = keyForm
            subjects = [subject]
        } else if outcome.kind == .jwks {
            // A key file, not a request: only the key hygiene check applies.
            guard let jwks = try? JSONParser.parse(text) else {
                outcome.errors.append(InputError(input.displayPath, "not valid JSON"))
                return outcome
            }
            engine = Engine(rules: options.rules.filter { $0.id == PrivateKeyCommitted.id }, severityOverrides: config.severity,
                            disabled: config.disabled)
            subjects = [Subject(source: input.path, request: nil, assertion: .absent, app: AppRegistration(jwks: jwks))]
        } else {
            let loader = FixtureLoader(environment: options.environment, realNow: options.realNow)
            do {
                subjects = try InputReader.subjects(from: text, source: input.path, loader: loader)
            } catch {
                outcome.errors.append(InputError(input.displayPath, error.reason))
                return outcome
            }
        }
        let online = (options.online || config.online == true) ? options.onlineContext : nil
        for (n, original) in subjects.enumerated() {
            var subject = original
            subject.source = input.displayPath
            subject.realNow = options.realNow
            // The file's own text (a private key committed in it) is judged once, with its first
            // request: handing all of it to each of 2,000 HAR entries made `check` quadratic.
            if subject.rawText == nil, n == 0 { subject.rawText = text }
            var config = config
            if let server = options.server { config.serverOverride = server }
            config.extraProfiles = options.profiles.filter { p in !config.extraProfiles.contains { $0.id == p.id } } + config.extraProfiles
            do {
                try config.apply(to: &subject, file: input.isStandardInput ? nil : input.path)
            } catch {
                outcome.errors.append(InputError(input.displayPath, error.reason))
                return outcome
            }
            if let online {
                let (merged, problems) = online(subject, config.onlineHosts)
                subject = merged
                outcome.errors += problems.map { InputError(input.displayPath, $0) }
            }
            var diagnosis = Self.placeTextFindings(engine.run(subject))
            // The file's text was needed only by the checks above; a large batch keeps every
            // result until the end, so do not keep a copy of every file with it.
            var kept = diagnosis.subject
            kept.rawText = nil
            // What the request holds beyond its text (a secret from the environment, a JWKS file,
            // decoded form values) is learnt here, per file, before anything can print it.
            Redactor.shared.learn(subject: kept)
            diagnosis = Diagnosis(subject: kept, findings: diagnosis.findings, unjudged: diagnosis.unjudged)
            outcome.subjects.append(CheckedSubject(diagnosis: diagnosis,
                                                   expectation: subject.expectedRuleIDs.map { Expectation(expected: $0, found: diagnosis.ruleIDs) }))
        }
        return outcome
    }

    private func read(_ input: CheckInput) throws(InputError) -> String {
        let data: Data
        if input.isStandardInput {
            guard let read = options.standardInput() else { throw InputError(input.displayPath, "cannot read the file") }
            data = read
        } else {
            // Bounded read: a 100 MB file costs 16 MiB of memory, not 100 MB, before it is refused.
            do {
                data = Data(try InputText.readBytes(input.path))
            } catch {
                throw InputError(input.displayPath, error.reason)
            }
        }
        if data.count > InputText.maxBytes {
            throw InputError(input.displayPath, "the input is larger than \(InputText.maxBytes / 1024 / 1024) MiB; a token or a request is a few kilobytes")
        }
        guard var text = String(data: data, encoding: .utf8) else { throw InputError(input.displayPath, "not UTF-8 text") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Findings about the file's text (a PEM block, a private JWK member) point at the line
    /// that holds it; the engine only knows the request's lines.
    static func placeTextFindings(_ diagnosis: Diagnosis) -> Diagnosis {
        guard let text = diagnosis.subject.rawText,
              diagnosis.findings.contains(where: { $0.ruleID == PrivateKeyCommitted.id }) else { return diagnosis }
        var findings = diagnosis.findings
        for i in findings.indices where findings[i].ruleID == PrivateKeyCommitted.id {
            let pointer = findings[i].location.pointer
            if pointer == PrivateKeyScan.textPointer, let block = PrivateKeyScan.pemBlocks(in: text).first {
                findings[i].location.position = SourcePosition(line: block.line)
            } else if pointer.hasPrefix("/app/jwks"), let line = PrivateKeyScan.firstPrivateMemberLine(in: text) {
                findings[i].location.position = SourcePosition(line: line)
            }
        }
        return Diagnosis(subject: diagnosis.subject, findings: findings, unjudged: diagnosis.unjudged)
    }
}

/// The files being checked: workers claim the next index (never more than `width` ahead of the
/// next one handed on), put its outcome, and the caller takes the outcomes in index order.
final class OrderedWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let width: Int
    private var next = 0
    private var taken = 0
    private var done: [Int: FileOutcome] = [:]

    init(count: Int, width: Int) {
        self.count = count
        self.width = max(1, width)
    }

    /// The next index to check, or nil when all are claimed; waits while the window is full.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count, next >= taken + width { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ outcome: FileOutcome) {
        condition.lock()
        done[index] = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The outcome of `index` (the one after the last taken), once it is put.
    func take(_ index: Int) -> FileOutcome {
        condition.lock()
        defer { condition.unlock() }
        while done[index] == nil { condition.wait() }
        let outcome = done.removeValue(forKey: index)
        taken = index + 1
        condition.broadcast()
        // `done[index]` was set above: the loop only ends when it is.
        return outcome ?? FileOutcome(input: CheckInput(path: "-", displayPath: "-", explicit: false), kind: .unknown)
    }
}
