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
        // What many rules ask of the request, worked out once for all of them.
        var subject = subject
        subject.prepareFacts()
        var sink = FindingSink()
        let ignored = disabled.union(subject.ignoredRuleIDs)
        for rule in rules where !ignored.contains(rule.id) {
            let before = sink.raw.count
            let unjudgedBefore = sink.unjudged.count
            rule.check(subject, into: &sink)
            // A finding about a part the paste does not show is about the paste, not the request:
            // it becomes a "not checked" entry saying what to paste.
            let unmet = EvidenceNeeds.unmet(rule.id, subject)
            if !unmet.isEmpty, sink.raw.count > before || sink.unjudged.count > unjudgedBefore {
                sink.drop(findingsFrom: before, unjudgedFrom: unjudgedBefore)
                sink.cannotJudge(rule.id, needs: EvidenceNeeds.needs(unmet, subject))
            }
        }
        let profile = subject.profile
        var findings: [Finding] = sink.raw.filter { !ignored.contains($0.ruleID) }.map { raw in
            let entry = catalog[raw.ruleID]
            let severity = severityOverrides[raw.ruleID] ?? raw.severity ?? entry?.severity ?? .error
            var finding = Finding(
                ruleID: raw.ruleID,
                severity: severity,
                title: entry?.title ?? raw.ruleID,
                message: raw.message,
                location: Location(pointer: raw.pointer, position: position(of: raw.pointer, in: subject)),
                fix: entry?.renderFix(raw.fixValues),
                fixValues: raw.fixValues,
                answer: Self.answer(profile, raw, isError: severity == .error))
            finding.note = EvidenceNeeds.guessNote(raw.ruleID, pointer: raw.pointer, subject)
            return finding
        }
        findings = Self.inServerOrder(findings, profile)
        return Diagnosis(subject: subject, findings: findings,
                         unjudged: sink.unjudged.filter { !ignored.contains($0.ruleID) })
    }

    /// The profile's answer for one finding: its variant when the rule named one the profile has,
    /// then the rule's override; a finding carries no list of variants.
    static func answer(_ profile: ServerProfile, _ raw: FindingSink.Raw, isError: Bool) -> ServerAnswer? {
        guard var o = profile.answer(for: raw.ruleID, variant: raw.variant, isError: isError) else { return nil }
        if let override = raw.answer { o = override.applied(to: o) }
        var values = raw.fixValues
        for name in ["now", "exp", "nbf", "iat"] where values[name + "_utc"] != nil { values[name] = values[name + "_utc"] }
        return o.filled(values)
    }

    /// Findings in the order the server checks them (the profile's check order, then severity),
    /// with the first error that has an answer marked as the one the server answers with: it
    /// stops there.
    static func inServerOrder(_ findings: [Finding], _ profile: ServerProfile) -> [Finding] {
        let ranks = profile.ranks
        let order = { (f: Finding) -> Int in f.answer == nil ? Int.max : ranks[f.ruleID] ?? Int.max }
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
        if let first = sorted.firstIndex(where: { $0.severity == .error && $0.answer?.status != nil }) {
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

/// The findings one mistake produces: a rule's finding and the findings of the rules that refine
/// it (the catalog's `refines:`) at the same place. `aud` set to the issuer fires `aud-mismatch`
/// and `aud-issuer-instead-of-endpoint`; fixing `aud` clears both, so reports show one cause.
public struct Cause: Sendable {
    /// The general finding first, then its special cases, in server order.
    public let findings: [Finding]
    /// The most specific finding: its title, message, fix and explanation describe the cause.
    public let lead: Finding

    public var ruleIDs: [String] { findings.map(\.ruleID) }
    public var severity: Severity { findings.map(\.severity).max() ?? lead.severity }
    public var isServerAnswer: Bool { findings.contains(where: \.isServerAnswer) }
    /// The server's answer for this cause (that of the finding it answers with).
    public var answer: ServerAnswer? { (findings.first(where: \.isServerAnswer) ?? findings.first(where: { $0.answer != nil }))?.answer }
    public var pointer: String { lead.location.pointer }
}

extension Diagnosis {
    /// The findings grouped by cause, in the order of each cause's first finding.
    public func causes(in catalog: Catalog) -> [Cause] {
        // Each finding's root: the most general finding at the same place its `refines:` chain reaches.
        func root(_ i: Int) -> Int {
            var current = i
            var seen: Set<String> = [findings[i].ruleID]
            while let general = catalog[findings[current].ruleID]?.refines, seen.insert(general).inserted,
                  let p = findings.indices.first(where: { findings[$0].ruleID == general && findings[$0].location.pointer == findings[i].location.pointer }) {
                current = p
            }
            return current
        }
        var order: [Int] = []
        var members: [Int: [Finding]] = [:]
        for i in findings.indices {
            let r = root(i)
            if members[r] == nil { order.append(r) }
            members[r, default: []].append(findings[i])
        }
        return order.compactMap { r in
            // The general finding first, then the refinements.
            let sorted = (members[r] ?? []).enumerated().sorted { a, b in
                let (da, db) = (Self.depth(a.element.ruleID, catalog), Self.depth(b.element.ruleID, catalog))
                return da != db ? da < db : a.offset < b.offset
            }.map(\.element)
            guard let lead = sorted.last else { return nil }
            return Cause(findings: sorted, lead: lead)
        }
    }

    /// How many `refines:` steps lead from a rule to the most general one.
    static func depth(_ id: String, _ catalog: Catalog) -> Int {
        var n = 0
        var seen: Set<String> = [id]
        var next = catalog[id]?.refines
        while let r = next, seen.insert(r).inserted {
            n += 1
            next = catalog[r]?.refines
        }
        return n
    }

    /// The error causes that are certainly still there once `answer` is fixed: the server would
    /// answer with them next. A change to the assertion means signing a new one, which may well
    /// change its signature, times and jti, so causes there are not claimed to remain.
    public func remaining(after answer: Cause, in causes: [Cause]) -> [Cause] {
        let resigns = answer.pointer.hasPrefix(Location.assertion)
        let renewed = [Location.assertion + "/signature", Location.header("kid"), Location.claim("exp"), Location.claim("iat"),
                       Location.claim("nbf"), Location.claim("jti")]
        return causes.filter { c in
            guard c.severity == .error, c.answer?.status != nil,
                  !c.findings.contains(where: { f in answer.findings.contains { $0.ruleID == f.ruleID && $0.location == f.location } })
            else { return false }
            if c.pointer == answer.pointer { return false }
            // A fix that also names this part (`client_assertion_type` in "send client_assertion
            // with client_assertion_type=...") may well clear it too.
            if let name = c.pointer.split(separator: "/").last, let fix = answer.lead.fix, fix.contains(String(name)) { return false }
            if resigns && (c.pointer == Location.assertion || renewed.contains(where: c.pointer.hasPrefix)) { return false }
            return true
        }
    }
}
