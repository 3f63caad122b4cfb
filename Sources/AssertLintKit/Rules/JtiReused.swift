import Foundation

/// The `jti` is one the server has already accepted (`app.seen_jtis`, `--seen-jti`).
struct JtiReused: Rule {
    static let id = "jti-reused"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let assertion = subject.assertion.decoded, let jti = assertion.jti, !jti.isEmpty,
              subject.app.seenJTIs.contains(jti) else { return }
        findings.add(Self.id, at: Location.claim("jti"),
                     "jti \(ClaimText.quoted(jti)) has already been used (it is among the jti values the server has seen); each jti is accepted once")
    }
}
