import Foundation

/// No `kid` in the header while the app has several keys: the server cannot choose one.
struct KidMissing: Rule {
    static let id = "kid-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        // A server that finds keys by certificate thumbprint never reads kid (x5t-missing instead).
        guard !subject.profile.findsKeysByThumbprintOnly,
              let keys = AssertionKeys(subject), !keys.isHMAC, !keys.isUnsigned else { return }
        switch keys.resolution(subject.profile) {
        case .noJWKS:
            findings.cannotJudge(Self.id, needs: "--jwks FILE or app.jwks")
        case .missingKid(let candidates):
            let set = JWKSet(keys: candidates)
            var message = (keys.kidIsEmptyString ? "the header's kid is an empty string" : "the header has no kid")
                + " and the app has \(candidates.count) registered keys (\(set.kidList)); \(subject.profile.speakerCapitalized) needs kid to choose one"
            var kid = keys.keysThatVerify(among: candidates).first?.kid
            if let kid {
                message += "; the signature verifies with '\(kid)'"
            } else if let tried = keys.triedNote(among: candidates) {
                message += "; " + tried
            }
            if kid == nil, let note = keys.privateKeyNote(set) {
                message += "; " + note.text
                kid = note.matchingKid
            }
            findings.add(Self.id, at: Location.header("kid"), message,
                         fix: ["kid": kid.map { "\"\($0)\"" } ?? "the kid of the registered key you sign with"])
        default:
            return
        }
    }
}
