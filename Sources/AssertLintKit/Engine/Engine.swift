import Foundation

/// The result of judging one subject.
public struct Diagnosis: Sendable {
    public let subject: Subject
    /// Findings in the order the server checks them (the server's answer first).
    public let findings: [Finding]
    /// Checks that could not be made, and what they need.
    public let unjudged: [FindingSink.Unjudged]

    /// The finding the server will answer with, if any.
    public var serverAnswer: Finding? { findings.first(where: \.isServerAnswer) }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    public var ruleIDs: [String] { findings.map(\.ruleID) }
}

/// Runs rules over subjects and dresses their findings with what the catalog says.
public struct Engine: Sendable {
    public let rules: [any Rule]
    public let catalog: Catalog
    /// Severity overrides and disabled rules (configuration).
    public var severityOverrides: [String: Severity]
    public var disabled: Set<String>

    public init(rules: [any Rule] = Registry.all, catalog: Catalog = .bundled,
                severityOverrides: [String: Severity] = [:], disabled: Set<String> = []) {
        self.rules = rules
        self.catalog = catalog
        self.severityOverrides = severityOverrides
        self.disabled = disabled
    }

    public func run(_ subject: Subject) -> Diagnosis {
        var sink = FindingSink()
        let ignored = disabled.union(subject.ignoredRuleIDs)
        for rule in rules where !ignored.contains(rule.id) {
            rule.check(subject, into: &sink)
        }
        let isOkta = subject.target?.profile.isOkta ?? true
        var findings: [Finding] = sink.raw.filter { !ignored.contains($0.ruleID) }.map { raw in
            let entry = catalog[raw.ruleID]
            let severity = severityOverrides[raw.ruleID] ?? raw.severity ?? entry?.severity ?? .error
            return Finding(
                ruleID: raw.ruleID,
                severity: severity,
                title: entry?.title ?? raw.ruleID,
                message: raw.message,
                location: Location(pointer: raw.pointer, position: position(of: raw.pointer, in: subject)),
                fix: entry?.renderFix(raw.fixValues),
                fixValues: raw.fixValues,
                okta: isOkta ? entry?.okta.map { base in Self.answer(base, raw) } : nil)
        }
        findings = Self.inServerOrder(findings)
        return Diagnosis(subject: subject, findings: findings,
                         unjudged: sink.unjudged.filter { !ignored.contains($0.ruleID) })
    }

    /// The catalog's answer for one finding: its variant when the rule named one the catalog has,
    /// then the rule's override; a finding carries no list of variants.
    static func answer(_ base: OktaAnswer, _ raw: FindingSink.Raw) -> OktaAnswer {
        var o = raw.variant.flatMap(base.variant) ?? base
        o.variants = nil
        if let override = raw.answer { o = override.applied(to: o) }
        return o
    }

    /// Findings in the order Okta checks them (the catalog's precedence, then severity), with the
    /// first error that has an Okta answer marked as the one Okta answers with: it stops there.
    static func inServerOrder(_ findings: [Finding]) -> [Finding] {
        let order = { (f: Finding) -> Int in f.okta?.precedence ?? Int.max }
        var sorted = findings.enumerated().sorted { a, b in
            let (pa, pb) = (order(a.element), order(b.element))
            if pa != pb { return pa < pb }
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            return a.offset < b.offset
        }.map { item -> Finding in
            var f = item.element
            f.isServerAnswer = false
            return f
        }
        if let first = sorted.firstIndex(where: { $0.severity == .error && $0.okta?.status != nil }) {
            sorted[first].isServerAnswer = true
        }
        return sorted
    }

    /// The source position for a pointer: the most specific part of the request that was
    /// written somewhere (a claim lives on the `client_assertion` line).
    func position(of pointer: String, in subject: Subject) -> SourcePosition? {
        if pointer.hasPrefix(Location.assertion) {
            return subject.assertionPosition ?? subject.assertionField?.position
        }
        guard let request = subject.request else { return nil }
        if pointer == Location.url { return request.urlPosition }
        if pointer == Location.method { return request.methodPosition ?? request.urlPosition }
        if pointer.hasPrefix("/request/form/") {
            let name = String(pointer.dropFirst("/request/form/".count))
            return request.form(name)?.position ?? request.bodyPosition
        }
        if pointer.hasPrefix("/request/headers/") {
            let name = String(pointer.dropFirst("/request/headers/".count))
            return request.header(name)?.position
        }
        if pointer.hasPrefix(Location.body) { return request.bodyPosition }
        return request.urlPosition
    }
}
