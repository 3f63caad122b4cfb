import Foundation

/// The header's `kid` names no key the app has registered.
struct KidUnknown: Rule {
    static let id = "kid-unknown"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        // A server that finds keys by certificate thumbprint never reads kid (x5t-mismatch instead).
        guard !subject.profile.findsKeysByThumbprintOnly,
              let keys = AssertionKeys(subject), !keys.isHMAC, !keys.isUnsigned else { return }
        switch keys.resolution(subject.profile) {
        case .noJWKS:
            findings.cannotJudge(Self.id, needs: "--jwks FILE or app.jwks")
        case .unknownKid(_, let set) where set.keys.isEmpty && !(subject.profile.keys?.sources ?? []).isEmpty:
            return  // no key at all: jwks-not-configured
        case .unknownKid(let kid, let set):
            var message = set.keys.isEmpty
                ? "the app's JWKS has no keys, so no kid can match"
                : "kid \"\(kid)\" names none of the app's registered keys: \(set.kidList)"
            var fixKid = keys.keysThatVerify(among: set.keys).first?.kid
            if let fixKid {
                message += "; the signature verifies with the registered key '\(fixKid)'"
            } else if let tried = keys.triedNote(among: set.keys) {
                message += "; " + tried
            }
            if let note = keys.privateKeyNote(set) {
                message += "; " + note.text
                fixKid = fixKid ?? note.matchingKid
            }
            let fix = fixKid.map { "set it to \"\($0)\"" }
                ?? "set it to the kid of the registered key you sign with, or register the public key you sign with under kid \"\(kid)\""
            findings.add(Self.id, at: Location.header("kid"), message, fix: ["action": fix])
        default:
            return
        }
    }
}
