import Foundation

/// The decoded claims of an assertion pasted without the token (jwt.io's payload view, a
/// support article's "valid decoded token"), alone or after the decoded header. They are judged
/// as an assertion rebuilt from them: what the claims show is checked, and the header (when not
/// pasted) and the signature are "not checked".
enum DecodedClaims {
    static let claimNames: Set<String> = ["iss", "sub", "aud", "exp", "iat", "nbf", "jti"]
    static let headerNames: Set<String> = ["alg", "kid", "typ", "jku", "x5u", "x5c", "x5t", "crit", "cty", "jwk"]

    static func isClaims(_ o: JSONObject) -> Bool { !Set(o.keys).isDisjoint(with: claimNames) }
    static func isHeader(_ o: JSONObject) -> Bool { o["alg"] != nil && Set(o.keys).isDisjoint(with: claimNames) }

    /// The subject for `claims`, with `header` when the paste shows it too.
    static func subject(claims: JSONObject, header: JSONObject?, source: String, now: Date) -> Subject {
        // Decoding needs an `alg`: a header the paste does not show is stood in for, and not judged.
        let shownHeader = header.flatMap { $0["alg"]?.stringValue != nil ? $0 : nil }
        let standIn = shownHeader ?? JSONObject([JSONMember(key: "alg", value: .string("RS256"))])
        let compact = Base64URL.encode(JSONValue.object(standIn).compactText) + "."
            + Base64URL.encode(JSONValue.object(claims).compactText) + "."
        var notes = ["read as decoded claims, not a token: the assertion was rebuilt from them"
            + (shownHeader == nil ? " without a header or signature, so alg, kid and the signature are not checked"
                                  : " and the decoded header, without a signature, which is not checked")]
        if claims["aud"] != nil {
            notes.append("the claims name no request: --endpoint URL says where the assertion is sent (to judge aud), --now TIME when (to judge exp, iat and nbf)")
        }
        var subject = Subject(source: source, request: nil, assertion: FixtureLoader.decode(compact),
                              assertionPosition: SourcePosition(line: 1), now: now, notes: notes)
        subject.assertionShows = Evidence(method: false, url: false, headers: false, body: false, signature: false,
                                          header: shownHeader != nil, source: "the decoded claims")
        return subject
    }

    /// The subject for a decoded JOSE header pasted alone (`{"alg":"RS256","x5t":"…"}`): the
    /// header's parameters are judged; the claims and the signature are not shown, so the rules
    /// that judge them stay silent and are listed as not checked.
    static func subject(header: JSONObject, source: String, now: Date) -> Subject {
        var shown = header
        var held: [String] = []
        if shown["alg"]?.stringValue == nil {
            // Decoding needs a string alg; a header without one is stood in for and its alg not judged.
            shown = JSONObject(header.members.filter { $0.key != "alg" } + [JSONMember(key: "alg", value: .string("RS256"))])
            held.append("header.alg")
        }
        let compact = Base64URL.encode(JSONValue.object(shown).compactText) + "." + Base64URL.encode("{}") + "."
        let notes = ["read as a decoded JWT header, not a token: its parameters (alg, kid, the certificate thumbprints) are checked; the claims and the signature are not shown, so they are not checked (paste the compact token eyJ….eyJ….… to check them)"]
        var subject = Subject(source: source, request: nil, assertion: FixtureLoader.decode(compact),
                              assertionPosition: SourcePosition(line: 1), now: now, notes: notes)
        var evidence = Evidence(method: false, url: false, headers: false, body: false, signature: false,
                                header: true, source: "the decoded header")
        evidence.claims = false
        evidence.heldInVariables = held
        subject.assertionShows = evidence
        return subject
    }
}
