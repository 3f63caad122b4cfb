import Foundation

/// A problem with what the user gave us, not with their request: printed as one line naming
/// the input and the cause, exit code 2.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let input: String
    public let reason: String

    public init(_ input: String, _ reason: String) {
        self.input = input
        self.reason = reason
    }

    public var description: String { "\(input): \(reason)" }
}
