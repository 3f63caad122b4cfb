import Foundation

/// The first word of a command line when it is not a command. `diagnose` is the default
/// command, so `assertlint FILE` and `assertlint TOKEN` read their argument; a bare word that
/// is neither a file nor a token is far more likely a mistyped command than a paste.
public enum CommandWord {
    /// The one-line error for an unknown first word, or nil when the word is a command, an
    /// option, a file, a token or anything else `diagnose` should read.
    public static func unknownCommand(_ word: String, commands: [String],
                                      fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String? {
        guard isBareWord(word), !commands.contains(word), !fileExists(word) else { return nil }
        if let near = closest(word, among: commands) {
            return "unknown command '\(word)'; did you mean '\(near)'?"
        }
        let listed = commands.filter { $0 != "help" }.joined(separator: ", ")
        return "unknown command '\(word)'; commands: \(listed) (a file or a token as the first word is diagnosed)"
    }

    /// Letters, digits and hyphens, starting with a letter, at most 40 characters: no path, no
    /// token (base64url tokens start with `eyJ` and hold a `.`), no error code (`invalid_client`),
    /// no option.
    static func isBareWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, word.count <= 40, !word.hasPrefix("eyJ") else { return false }
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let allowed = letters.union(CharacterSet(charactersIn: "0123456789-"))
        return letters.contains(first) && word.unicodeScalars.allSatisfy(allowed.contains)
    }

    /// A command within two edits (one for words of three letters or fewer), or the only
    /// command the word is a prefix of (at least three letters).
    static func closest(_ word: String, among commands: [String]) -> String? {
        let lower = word.lowercased()
        let limit = lower.count <= 3 ? 1 : 2
        let scored = commands.map { ($0, EditDistance.between(lower, $0)) }.min { $0.1 < $1.1 }
        if let (command, distance) = scored, distance <= limit { return command }
        let prefixed = commands.filter { lower.count >= 3 && $0.hasPrefix(lower) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
