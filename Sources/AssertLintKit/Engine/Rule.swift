import Foundation

/// One check. Its id, texts and examples live in `Rules/<id>.yaml`; the type holds only the check.
/// Where a rule applies. Some checks only make sense on files kept in a repository (a live
/// assertion committed to git can be replayed; one pasted into `diagnose` is simply being debugged).
public enum RuleScope: Sendable {
    case everywhere
    case committedFiles
}

public protocol Rule: Sendable {
    static var id: String { get }
    static var scope: RuleScope { get }
    init()
    func check(_ subject: Subject, into findings: inout FindingSink)
}

extension Rule {
    public static var scope: RuleScope { .everywhere }
    public var id: String { Self.id }
    public var scope: RuleScope { Self.scope }
}
