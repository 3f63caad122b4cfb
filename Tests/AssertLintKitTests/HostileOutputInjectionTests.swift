import Foundation
import Testing
@testable import AssertLintKit

/// Issue 9, item 3: file names and values holding each control character, checked against
/// every format's stdout and stderr. No line a CI runner reads (ended by LF or CR) may start a
/// workflow command except the github reporter's own annotations; no raw control character
/// reaches the output; every stderr line is one `assertlint: ` error.
@Suite struct HostileOutputInjectionTests {
    struct Control: Sendable, CustomStringConvertible {
        let name: String
        let scalar: Unicode.Scalar
        var description: String { name }
        /// In YAML and JSON double-quoted strings.
        var escaped: String { String(format: "\\u%04X", scalar.value) }
        var raw: String { String(Character(scalar)) }
    }

    static let controls: [Control] = [
        Control(name: "LF", scalar: "\n"), Control(name: "CR", scalar: "\r"), Control(name: "ESC", scalar: "\u{1B}"),
        Control(name: "NUL", scalar: "\u{0}"), Control(name: "BEL", scalar: "\u{7}"), Control(name: "BS", scalar: "\u{8}"),
        Control(name: "VT", scalar: "\u{B}"), Control(name: "FF", scalar: "\u{C}"), Control(name: "SOH", scalar: "\u{1}"),
        Control(name: "US", scalar: "\u{1F}"), Control(name: "DEL", scalar: "\u{7F}"), Control(name: "NEL", scalar: "\u{85}"),
        Control(name: "CSI", scalar: "\u{9B}"), Control(name: "RLO U+202E", scalar: "\u{202E}"),
        Control(name: "LS U+2028", scalar: "\u{2028}"), Control(name: "PS U+2029", scalar: "\u{2029}"),
    ]

    enum Slot: String, CaseIterable, Sendable {
        case fileName, audClaim, assertionType, harURL, harMethod, yamlKey, configKey
    }

    struct Case: Sendable, CustomStringConvertible {
        let control: Control
        let slot: Slot
        var description: String { "\(slot.rawValue) with \(control.name)" }
    }

    static var cases: [Case] {
        controls.flatMap { c in Slot.allCases.compactMap { s in
            // A file name cannot hold NUL.
            s == .fileName && c.scalar == "\u{0}" ? nil : Case(control: c, slot: s)
        } }
    }

    static let endpoint = "https://dev-123.okta.com/oauth2/v1/token"

    static func payload(_ c: Control, escaped: Bool) -> String {
        let x = escaped ? c.escaped : c.raw
        return "x\(x)::error file=a.yaml::pwned\(x)::add-mask::y\(x)  ::warning::z"
    }

    static func fixture(aud: String = endpoint, type: String = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", key: String? = nil) -> String {
        var s = """
        now: 2025-06-02T14:00:00Z
        request:
          url: \(endpoint)
          form:
            grant_type: client_credentials
            client_assertion_type: "\(type)"
            client_assertion:
              header: {alg: RS256, kid: k1}
              claims: {iss: 0oa1, sub: 0oa1, aud: "\(aud)", iat: "now", exp: "+300", jti: j1}

        """
        if let key { s += "\"\(key)\": 1\n" }
        return s
    }

    static func har(url: String, method: String) -> String {
        let entry = JSONBuild.object([
            ("request", JSONBuild.object([
                ("method", .string(method)), ("url", .string(url)),
                ("headers", .array([JSONBuild.object([("name", .string("Content-Type")), ("value", .string("application/x-www-form-urlencoded"))])])),
                ("postData", JSONBuild.object([("mimeType", .string("application/x-www-form-urlencoded")),
                                               ("text", .string("grant_type=client_credentials&client_id=0oa1"))])),
            ])),
            ("response", JSONBuild.object([("status", .number("401")), ("content", JSONBuild.object([("text", .string(#"{"error":"invalid_client"}"#))]))])),
        ])
        return JSONBuild.object([("log", JSONBuild.object([("version", .string("1.2")), ("entries", .array([entry]))]))]).prettyText
    }

    /// The tree for one case, and the file diagnose reads.
    static func tree(_ c: Case) throws -> (TempTree, String) {
        let t = try TempTree()
        let wrongAud = "https://dev-123.okta.com/oauth2/default/v1/token"
        switch c.slot {
        case .fileName:
            let name = payload(c.control, escaped: false).replacingOccurrences(of: "/", with: "_") + ".yaml"
            try t.write(name, fixture(aud: wrongAud))
            return (t, name)
        case .audClaim:
            try t.write("aud.yaml", fixture(aud: "https://dev-123.okta.com/oauth2/v1/token" + payload(c.control, escaped: true)))
            return (t, "aud.yaml")
        case .assertionType:
            try t.write("type.yaml", fixture(type: payload(c.control, escaped: true)))
            return (t, "type.yaml")
        case .harURL:
            try t.write("u.har", har(url: endpoint + "?" + payload(c.control, escaped: false), method: "POST"))
            return (t, "u.har")
        case .harMethod:
            try t.write("m.har", har(url: endpoint, method: "PO" + payload(c.control, escaped: false)))
            return (t, "m.har")
        case .yamlKey:
            try t.write("key.yaml", fixture(key: payload(c.control, escaped: true)))
            return (t, "key.yaml")
        case .configKey:
            try t.write("ok.yaml", fixture(aud: wrongAud))
            try t.write(".assertlint.yml", "\"\(payload(c.control, escaped: true))\": 1\ndisable: [\"\(payload(c.control, escaped: true))\"]\n")
            return (t, "ok.yaml")
        }
    }

    static let formats = ["text", "json", "sarif", "junit", "github"]

    @Test(arguments: cases)
    func noInjectedLineInAnyFormat(_ c: Case) throws {
        let (t, file) = try Self.tree(c)
        var runs: [([String], HostileRun.Result)] = []
        for format in Self.formats {
            let args = ["check", "--format", format, "."]
            runs.append((args, try HostileRun.run(args, cwd: t.root)))
        }
        for args in [["diagnose", file], ["diagnose", "--format", "json", file]] {
            runs.append((args, try HostileRun.run(args, cwd: t.root)))
        }
        var sawInput = false
        for (args, run) in runs {
            let what = "\(c): \(args.prefix(3).joined(separator: " "))"
            #expect(!run.signaled && [0, 1, 2].contains(run.status), "\(what): exit \(run.status)")
            let github = args.contains("github")
            for line in HostileRun.workflowCommands(run.stdout) {
                #expect(github && HostileRun.isReporterAnnotation(line), "\(what): stdout line starts a workflow command: \(line.prefix(160))")
            }
            #expect(HostileRun.workflowCommands(run.stderr).isEmpty, "\(what): stderr line starts a workflow command")
            let raw = HostileRun.rawControls(run.all)
            #expect(raw.isEmpty, "\(what): raw control characters \(Set(raw).sorted()) in the output")
            for line in run.stderr.split(separator: "\n") {
                #expect(line.hasPrefix("assertlint: "), "\(what): stderr line is not one error: \(line.prefix(160))")
            }
            if run.all.lowercased().contains("pwned") { sawInput = true }
        }
        // The hostile text did reach the output (escaped), so the test looked at something.
        #expect(sawInput, "\(c): no output mentions the hostile value")
    }

    @Test(arguments: controls)
    func exitTwoErrorIsOneLine(_ c: Control) throws {
        let hostile = Self.payload(c, escaped: false)
        let t = try TempTree()
        try t.write("a.yaml", Self.fixture())
        // An option value, a missing file and an unknown option: each one line on stderr.
        for args in [["diagnose", "--auth-method", hostile, "eyJx"], ["check", "./" + hostile.replacingOccurrences(of: "/", with: "_") + ".yaml"],
                     ["diagnose", "--" + hostile], ["check", "--config", hostile, "."], ["diagnose", "--now", hostile, "eyJx"]] {
            let run = try HostileRun.run(args, cwd: t.root)
            #expect(run.status == 2, "\(c.name) \(args[0]): exit \(run.status)")
            let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            #expect(lines.count == 1, "\(c.name) \(args[0]): \(lines.count) stderr lines: \(run.stderr.debugDescription.prefix(300))")
            #expect(HostileRun.runnerLines(run.stderr).count == 1, "\(c.name) \(args[0]): a CR splits the error")
            #expect(HostileRun.rawControls(run.all).isEmpty)
            #expect(HostileRun.workflowCommands(run.all).isEmpty)
        }
    }

    @Test func githubFormatEscapesStderrLikeWorkflowCommands() throws {
        let t = try TempTree()
        try t.write("bad%0A.yaml", "request: {url: [\n")
        let run = try HostileRun.run(["check", "--format", "github", "."], cwd: t.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad%250A.yaml"), "\(run.stderr)")
        let text = try HostileRun.run(["check", "."], cwd: t.root)
        #expect(text.stderr.contains("bad%0A.yaml"), "\(text.stderr)")
    }

    @Test func sinkNeutralisesAWorkflowCommandThatSlippedThrough() {
        #expect(Output.neutralise("ok\n  ::add-mask::x\r::error::y\n") == "ok\n\\  ::add-mask::x\r\\::error::y\n")
        #expect(Output.neutralise("a :: b\n") == "a :: b\n")
        #expect(Output.defuse("a\u{1B}[2Ab\u{202E}\r", json: false, colour: false) == "a\\u{1B}[2Ab\\u{202E}\\r")
        #expect(Output.defuse("\u{1B}[31mred\u{1B}[0m\u{1B}[2A", json: false, colour: true) == "\u{1B}[31mred\u{1B}[0m\\u{1B}[2A")
        #expect(Output.defuse("\"a\u{2028}\u{85}\"", json: true, colour: false) == "\"a\\u2028\\u0085\"")
    }
}
