import Foundation

extension Registry {
    /// The rule with this id, if it is implemented.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    public static var ids: [String] { all.map(\.id) }
}
