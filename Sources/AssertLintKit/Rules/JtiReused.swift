import Foundation

/// The `jti` is one the server has already accepted (`app.seen_jtis`, `--seen-jti`). Judged where
/// the server keeps jti values (`jti.single_use: true`, an error); where the profile does not say
/// (RFC 7523 lets a server keep them), a warning; where it says it does not, nothing.
struct JtiReused: Rule {
    static let id = "jti-reused"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        let singleUse = subject.profile.jti?.singleUse
        guard singleUse != false, let assertion = subject.assertion.decoded, let jti = assertion.jti, !jti.isEmpty,
              subject.app.seenJTIs.contains(jti) else { return }
        let message = "jti \(ClaimText.quoted(jti)) has already been used (it is among the jti values the server has seen)"
        findings.add(Self.id, at: Location.claim("jti"),
                     singleUse == true ? message + "; each jti is accepted once"
                                       : message + "; a server that keeps the jti values it has seen refuses it (RFC 7523 §3 allows this; whether \(subject.profile.speaker) does is not known)",
                     severity: singleUse == true ? nil : .warning)
    }
}
