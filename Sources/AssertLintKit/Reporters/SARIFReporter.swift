import Foundation

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: `tool.driver.rules` from the
/// catalog, one result per finding with a repository-relative URI, a 1-based region and a
/// fingerprint that survives edits that move lines. Findings a fixture's `expect:` lists are
/// kept, marked as suppressed in source.
public struct SARIFReporter: Sendable {
    public var toolVersion: String
    /// The tool's home page, when it has one to name.
    public var informationURI: String?
    public var catalog: Catalog

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let fingerprintKey = "assertlintFingerprint/v1"

    public init(toolVersion: String = AssertLintVersion.string, informationURI: String? = nil, catalog: Catalog = .bundled) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.catalog = catalog
    }

    public func render(_ report: CheckReport) -> String {
        var stream = CheckStream(self, results: DocumentSpool(inMemory: true), notifications: DocumentSpool(inMemory: true))
        for file in report.files { stream.add(file, in: report) }
        var out = ""
        for part in stream.finish(report) { out += part.text }
        return out
    }

    /// The document written as the files come (a streaming `check`, issue 13): `add(_:in:)` for
    /// each file in path order puts its results and notifications, already printed, into two
    /// spools; `finish(_:)` returns the parts of the whole in order (the head with the rules and
    /// the run's outcome, the notifications, the results, the end), whose bytes are those
    /// `render(_:)` always wrote. Only the rule ids the catalog does not describe are kept.
    public struct CheckStream {
        let reporter: SARIFReporter
        let results: DocumentSpool
        let notifications: DocumentSpool
        /// Stores a printed piece (`Output.spool(_:into:)` in the CLI, which redacts it first).
        let put: (String, DocumentSpool) -> Void
        private var descriptors: [String]
        private var index: [String: Int]
        private var resultCount = 0
        private var notificationCount = 0

        public init(_ reporter: SARIFReporter, results: DocumentSpool, notifications: DocumentSpool,
                    put: @escaping (String, DocumentSpool) -> Void = { text, spool in spool.append(text) }) {
            self.reporter = reporter
            self.results = results
            self.notifications = notifications
            self.put = put
            // Rules: the whole catalog (so code scanning can show any rule's help), then any
            // rule id found that the catalog does not describe, in the order first found.
            descriptors = reporter.catalog.ids
            index = Dictionary(descriptors.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        }

        public mutating func add(_ file: FileOutcome, in report: CheckReport) {
            for checked in file.subjects {
                for f in checked.diagnosis.findings where index[f.ruleID] == nil {
                    index[f.ruleID] = descriptors.count
                    descriptors.append(f.ruleID)
                }
            }
            guard file.skipped == nil else { return }
            let uri = SARIFReporter.uri(report.repositoryPath(file.input))
            var text = ""
            var notes = ""
            for checked in file.subjects {
                for finding in checked.diagnosis.findings {
                    text += resultCount == 0 ? "\n        " : ",\n        "
                    JSONWriter.write(reporter.result(finding, in: checked, uri: uri, ruleIndex: index[finding.ruleID]),
                                     into: &text, indent: "  ", level: 4)
                    resultCount += 1
                }
                if let e = checked.expectation, !e.isMet {
                    note(reporter.notification("expect", "\(checked.entryPrefix)expect: \(e.message)", uri: uri), into: &notes)
                }
            }
            for error in file.errors {
                note(reporter.notification("input-error", error.reason, uri: uri), into: &notes)
            }
            if !text.isEmpty { put(text, results) }
            if !notes.isEmpty { put(notes, notifications) }
        }

        private mutating func note(_ value: JSONValue, into out: inout String) {
            out += notificationCount == 0 ? "\n            " : ",\n            "
            JSONWriter.write(value, into: &out, indent: "  ", level: 6)
            notificationCount += 1
        }

        /// The parts of the document, in order, once every file was added.
        public mutating func finish(_ report: CheckReport) -> [DocumentSpool] {
            var notes = ""
            for error in report.errors {
                note(reporter.notification("input-error", error.description, uri: nil), into: &notes)
            }
            if !notes.isEmpty { put(notes, notifications) }

            var driver: [(String, JSONValue?)] = [("name", .string("assertlint")), ("version", .string(reporter.toolVersion))]
            driver.append(("semanticVersion", .string(reporter.toolVersion)))
            if let informationURI = reporter.informationURI { driver.append(("informationUri", .string(informationURI))) }
            driver.append(("rules", .array(descriptors.map(reporter.descriptor))))
            var head = "{\n  \"$schema\": " + JSONWriter.quote(SARIFReporter.schemaURI) + ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": "
            JSONWriter.write(SARIFReporter.object([("driver", SARIFReporter.object(driver))]), into: &head, indent: "  ", level: 3)
            head += ",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": " + (report.allErrors.isEmpty ? "true" : "false")
            var middle = ""
            if notificationCount > 0 {
                head += ",\n          \"toolExecutionNotifications\": ["
                middle = "\n          ]"
            }
            middle += "\n        }\n      ],\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": "
            middle += resultCount == 0 ? "[]" : "["
            let tail = (resultCount == 0 ? "" : "\n      ]") + "\n    }\n  ]\n}\n"
            return [Self.small(head), notifications, Self.small(middle), results, Self.small(tail)]
        }

        static func small(_ text: String) -> DocumentSpool {
            let s = DocumentSpool(inMemory: true)
            s.append(text)
            return s
        }
    }

    // MARK: - Parts

    func descriptor(_ id: String) -> JSONValue {
        guard let e = catalog[id] else {
            return Self.object([("id", .string(id)), ("name", .string(Self.pascalCase(id)))])
        }
        var markdown = e.explanation.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n**Fix:** " + e.genericFix
        if !e.references.isEmpty {
            markdown += "\n\n**References:**\n" + e.references.map { "- \($0)" }.joined(separator: "\n")
        }
        var properties: [(String, JSONValue?)] = [("severity", .string(e.severity.rawValue))]
        let answers: [JSONValue] = e.serverAnswers.map { p, a in
            Self.object([
                ("server", .string(p.id)),
                ("status", a.status.map { .number(String($0)) }),
                ("error", a.error.map(JSONValue.string)),
                ("error_description", a.errorDescription.map(JSONValue.string)),
                ("verbatim", .bool(a.verbatim)),
            ])
        }
        if !answers.isEmpty {
            properties.append(("answers", .array(answers)))
        }
        return Self.object([
            ("id", .string(e.id)),
            ("name", .string(Self.pascalCase(e.id))),
            ("shortDescription", Self.object([("text", .string(e.title))])),
            ("fullDescription", Self.object([("text", .string(e.explanation.trimmingCharacters(in: .whitespacesAndNewlines)))])),
            ("help", Self.object([
                ("text", .string(e.explanation.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\nFix: " + e.genericFix)),
                ("markdown", .string(markdown)),
            ])),
            ("helpUri", e.references.first(where: { $0.hasPrefix("https://") }).map(JSONValue.string)),
            ("defaultConfiguration", Self.object([("level", .string(Self.level(e.severity)))])),
            ("properties", Self.object(properties)),
        ])
    }

    func result(_ f: Finding, in checked: CheckedSubject, uri: String, ruleIndex: Int?) -> JSONValue {
        var text = checked.entryPrefix + f.message
        if f.isServerAnswer, let answer = f.answer, let status = answer.status {
            text += ". \(answer.speakerCapitalized) answers \(status) \(answer.body)"
        }
        if let fix = f.fix { text += (text.hasSuffix(".") ? " " : ". ") + "Fix: " + fix }
        // Code scanning matches alerts across runs by message too: what depends on the clock
        // ("547 days before now 2025-06-02T14:00:00Z") goes into a property.
        let stable = Self.stableMessage(text, clockIsReal: checked.subject.clockIsReal)
        text = stable.text
        var region: [(String, JSONValue?)] = [("startLine", .number(String(f.location.position?.line ?? 1)))]
        if let column = f.location.position?.column { region.append(("startColumn", .number(String(column)))) }
        var properties: [(String, JSONValue?)] = [("pointer", .string(f.location.pointer))]
        if let entry = checked.subject.entry { properties.append(("entry", .string(entry))) }
        if f.isServerAnswer { properties.append(("serverAnswer", .bool(true))) }
        if !stable.runTime.isEmpty { properties.append(("runTimeValues", .array(stable.runTime.map(JSONValue.string)))) }
        let fingerprint = Self.fingerprint([f.ruleID, uri, f.location.pointer, checked.subject.entry ?? ""])
        return Self.object([
            ("ruleId", .string(f.ruleID)),
            ("ruleIndex", ruleIndex.map { .number(String($0)) }),
            ("level", .string(Self.level(f.severity))),
            ("message", Self.object([("text", .string(text))])),
            ("locations", .array([Self.object([
                ("physicalLocation", Self.object([
                    ("artifactLocation", Self.object([("uri", .string(uri))])),
                    ("region", Self.object(region)),
                ])),
            ])])),
            ("partialFingerprints", Self.object([(Self.fingerprintKey, .string(fingerprint))])),
            ("suppressions", checked.isExpected(f)
                ? .array([Self.object([("kind", .string("inSource")),
                                       ("justification", .string("listed in the fixture's expect:"))])])
                : nil),
            ("properties", Self.object(properties)),
        ])
    }

    func notification(_ id: String, _ text: String, uri: String?) -> JSONValue {
        var members: [(String, JSONValue?)] = [
            ("descriptor", Self.object([("id", .string(id))])),
            ("level", .string("error")),
            ("message", Self.object([("text", .string(text))])),
        ]
        if let uri {
            members.append(("locations", .array([Self.object([
                ("physicalLocation", Self.object([
                    ("artifactLocation", Self.object([("uri", .string(uri))])),
                    ("region", Self.object([("startLine", .number("1"))])),
                ])),
            ])])))
        }
        return Self.object(members)
    }

    /// `text` without the parts that change from one run to the next, and those parts. The
    /// time relative to the real clock (assertion-live) always; with a fixture judged at this
    /// machine's clock, also distances to now, now itself and fix values computed from now.
    static func stableMessage(_ text: String, clockIsReal: Bool) -> (text: String, runTime: [String]) {
        // Cheap tests first: most messages hold no time at all.
        // Bytes first (no Foundation search per finding); Foundation decides when they are there.
        let bytes = Array(text.utf8)
        guard (contains(bytes, " now") && text.contains(" now")) || (contains(bytes, "fast)") && text.contains("fast)"))
                || (contains(bytes, "ahead of") && text.contains("ahead of")) else { return (text, []) }
        var out = text
        var removed: [String] = []
        for (re, template, onlyRealClock) in stablePatterns where clockIsReal || !onlyRealClock {
            let ns = out as NSString
            let matches = re.matches(in: out, range: NSRange(location: 0, length: ns.length))
            guard !matches.isEmpty else { continue }
            removed += matches.map { ns.substring(with: $0.range).trimmingCharacters(in: CharacterSet(charactersIn: ",; =")) }
            out = re.stringByReplacingMatches(in: out, range: NSRange(location: 0, length: ns.length), withTemplate: template)
        }
        return (out, removed)
    }

    /// Whether the ASCII `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.withUTF8Buffer { Array($0) }
        guard let first = n.first, bytes.count >= n.count else { return false }
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == first {
                var k = 1
                while k < n.count, bytes[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The run-time parts of messages, compiled once: the time relative to the real clock
    /// (assertion-live) always; distances to now, now itself and fix values computed from now
    /// when the fixture is judged at this machine's clock.
    nonisolated(unsafe) static let stablePatterns: [(NSRegularExpression, String, Bool)] = {
        let utc = #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"#
        let duration = #"(?:[0-9]+ (?:s|min|h|days|years)(?: [0-9]+ (?:s|min))?|an unbounded time|more than 30 million years)"#
        let rules: [(String, String, Bool)] = [
            (", " + duration + #" from now \(real time\)"#, " (real time)", false),
            ("is " + duration + " (after|before) now " + utc, "is $1 now", true),
            ("equals now " + utc, "equals now", true),
            (" \\(the clock that set it looks " + duration + " fast\\)", "", true),
            ("runs more than " + duration + " ahead of", "runs ahead of", true),
            (#"; iat is [0-9]+ h (?:ahead of|behind) now almost exactly, which is what a client gets when it converts local time \(UTC[+-][0-9]+\) to epoch seconds as if it were UTC"#, "", true),
            (#" = -?[0-9]{1,12} \("# + utc + #"\)"#, "", true),
            (#"-?[0-9]{1,12} \("# + utc + #"\) for now"#, "the current time", true),
        ]
        return rules.compactMap { p, t, real in (try? NSRegularExpression(pattern: p)).map { ($0, t, real) } }
    }()

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// `aud-mismatch` → `AudMismatch`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative path as a URI reference: segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        if path == "-" { return "stdin" }
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? String($0) }
            .joined(separator: "/")
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static let segmentCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")

    /// A stable 128-bit FNV-1a hash (hex) of the parts: the same on every machine and run,
    /// unlike Swift's seeded `Hasher`.
    static func fingerprint(_ parts: [String]) -> String {
        let bytes = Array(parts.joined(separator: "\u{0}").utf8)
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            return h
        }
        let a = fnv(0xCBF2_9CE4_8422_2325), b = fnv(0x6C62_272E_07BB_0142)
        return String(format: "%016llx%016llx", a, b)
    }

    /// An ordered object, leaving out absent members.
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(JSONObject(members.compactMap { k, v in v.map { JSONMember(key: k, value: $0) } }))
    }
}
