import Foundation

/// Java and Kotlin: Nimbus `new JWTClaimsSet.Builder().issuer().subject().audience()
/// .expirationTime(new Date(…)).jwtID()` and `new JWSHeader.Builder(JWSAlgorithm.RS256).keyID()`,
/// jjwt `Jwts.builder().setIssuer()…`, Spring `MultiValueMap.add("grant_type", …)` and
/// `BodyInserters.fromFormData(…).with(…)` (read by the shared name-value finder).
enum CodeJava {
    static func read(into facts: inout CodeFacts) {
        facts.apply(claims: [
            (.call("issuer"), "iss"), (.call("subject"), "sub"), (.call("audience"), "aud"), (.call("expirationTime"), "exp"),
            (.call("issueTime"), "iat"), (.call("notBeforeTime"), "nbf"), (.call("jwtID"), "jti"),
            (.call("setIssuer"), "iss"), (.call("setSubject"), "sub"), (.call("setAudience"), "aud"), (.call("setExpiration"), "exp"),
            (.call("setIssuedAt"), "iat"), (.call("setNotBefore"), "nbf"), (.call("setId"), "jti"),
            (.call("expiration"), "exp"), (.call("issuedAt"), "iat"), (.call("id"), "jti"), (.call("expiresAt"), "exp"), (.call("notBefore"), "nbf"),
        ])
        for spelling in [CodeFacts.Spelling.call("keyID"), .call("keyId"), .pair("kid")] {
            for (v, line) in facts.values(spelling) { facts.headerParameter("kid", v, line: line) }
        }
        facts.claimsStart = facts.start(of: [#"JWTClaimsSet\.Builder\(\)"#, #"JwtClaimsSet\.builder\(\)"#, #"Jwts\.builder\(\)"#, #"new\s+HashMap<"#, #"mapOf\("#], before: facts.claims)
        facts.signingCall = facts.firstLine(containing: ["jwsheader.builder(", "new jwsheader(", "jwts.builder()", ".signwith("])
        if facts.sendingCall == nil {
            facts.sendingCall = facts.firstLine(containing: ["postforentity(", "postforobject(", "resttemplate.exchange(", ".post()", "httprequest.newbuilder("])
        }
        if facts.bodyStart == nil { facts.bodyStart = facts.firstLine(containing: ["namevaluepair>", "new urlencodedformentity(", "formbody.builder()"]) }
    }
}
