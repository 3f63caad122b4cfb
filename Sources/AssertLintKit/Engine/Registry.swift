import Foundation

extension Registry {
    /// The rule with this id, if it is implemented.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    public static var ids: [String] { all.map(\.id) }

    /// The rules for judging one pasted request (`diagnose`): all but those about committed files.
    public static var forDiagnose: [any Rule] { all.filter { $0.scope == .everywhere } }
}
