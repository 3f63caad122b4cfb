import Foundation

/// One check. Its id, texts and examples live in `Rules/<id>.yaml`; the type holds only the check.
public protocol Rule: Sendable {
    static var id: String { get }
    init()
    func check(_ subject: Subject, into findings: inout FindingSink)
}

extension Rule {
    public var id: String { Self.id }
}
