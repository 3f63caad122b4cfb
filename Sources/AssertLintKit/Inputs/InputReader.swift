import Foundation

/// Works out what the user gave (a fixture, a token, a curl command, an HTTP request) and
/// reads it into subjects. (Minimal version: fixtures and bare tokens; the full detector replaces it.)
public enum InputReader {
    public static func subjects(from text: String, source: String, loader: FixtureLoader = FixtureLoader()) throws(InputError) -> [Subject] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError(source, "the input is empty") }
        if trimmed.hasPrefix("eyJ") {
            return [Subject(source: source, request: nil, assertion: FixtureLoader.decode(trimmed), now: loader.realNow)]
        }
        return [try loader.load(text: text, path: source)]
    }
}
