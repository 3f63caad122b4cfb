import Foundation

/// The app has no key the server can verify a signed assertion with: no JWKS, JWKS URL or
/// certificate of the kinds the profile's `keys.sources` lists. Judged only when the input shows
/// the app's registered keys (a fixture's `app.jwks`, `--jwks`), never from a paste alone.
struct JWKSNotConfigured: Rule {
    static let id = "jwks-not-configured"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        let profile = subject.profile
        guard let sources = profile.keys?.sources, !sources.isEmpty,
              let keys = AssertionKeys(subject), !keys.isHMAC, !keys.isUnsigned, keys.alg != nil else { return }
        guard let jwks = keys.jwks else {
            findings.cannotJudge(Self.id, needs: "--jwks FILE or app.jwks")
            return
        }
        guard case .success(let set) = jwks else { return }  // an unreadable JWKS is the key rules' "not checked"
        let byThumbprint = profile.findsKeysByThumbprintOnly
        // A server that finds keys by certificate thumbprint can use only keys that carry one.
        let usable = set.keys.filter { !byThumbprint || $0.answersToThumbprints }
        guard usable.isEmpty else { return }
        let kinds = Self.describe(sources)
        let message = set.keys.isEmpty
            ? "the app has no registered key (its key set is empty); \(profile.speakerCapitalized) verifies a \(keys.alg?.rawValue ?? "") assertion with \(kinds) registered for the client"
            : "none of the app's \(set.keys.count) registered key\(set.keys.count == 1 ? "" : "s") (\(set.kidList)) carries a certificate; \(profile.speakerCapitalized) finds the key by certificate thumbprint and verifies with \(kinds) registered for the client"
        findings.add(Self.id, at: JWKSLocation.jwks, message, fix: ["sources": kinds])
    }

    static func describe(_ sources: [String]) -> String {
        let words = sources.map { source -> String in
            switch source {
            case "jwks": return "a JWKS"
            case "jwks_uri": return "a JWKS URL (jwks_uri)"
            case "certificate": return "a certificate"
            default: return source
            }
        }
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }
}
