import Foundation

/// JavaScript and TypeScript: fetch/axios with `URLSearchParams` or `params.append`,
/// jsonwebtoken `jwt.sign(payload, key, {algorithm, keyid, expiresIn, audience, issuer, subject,
/// jwtid, header: {kid}})`, jose `new SignJWT({…}).setProtectedHeader({alg, kid}).setIssuer()…`,
/// openid-client's `token_endpoint_auth_method`.
enum CodeJavaScript {
    static func read(into facts: inout CodeFacts) {
        let sign = facts.firstLine(containing: ["jwt.sign(", "jsonwebtoken.sign(", ".sign({", "signjwt("])
        if let sign, facts.firstLine(containing: ["jwt.sign(", "jsonwebtoken.sign("]) != nil {
            // jsonwebtoken's options are claims: `audience` there is `aud`, not the OAuth parameter.
            let end = optionsEnd(facts, from: sign)
            facts.dropParameter("audience", onLines: sign...end)
            facts.apply(claims: [(.key("issuer"), "iss"), (.key("subject"), "sub"), (.key("audience"), "aud"), (.key("jwtid"), "jti")])
            facts.apply(durations: [(.key("expiresIn"), "exp"), (.key("notBefore"), "nbf")])
            for (v, line) in facts.values(.key("keyid")) { facts.headerParameter("kid", v, line: line) }
            if !facts.text.lowered.contains("notimestamp"), !facts.claims.contains(where: { $0.name == "iat" }) {
                facts.claim("iat", .fromNow(0), line: sign)
                facts.notes.append("jsonwebtoken sets iat to now itself (line \(sign))")
            }
        }
        // jose's builder, and njwt's (`setExpiration` takes a Date).
        facts.apply(claims: [(.call("setIssuer"), "iss"), (.call("setSubject"), "sub"), (.call("setAudience"), "aud"), (.call("setJti"), "jti")])
        facts.apply(durations: [(.call("setExpirationTime"), "exp"), (.call("setIssuedAt"), "iat"), (.call("setNotBefore"), "nbf")])
        for (v, line) in facts.values(.call("setExpiration")) { facts.claim("exp", v, line: line) }
        if let line = facts.firstLine(containing: ["njwt.create("]) { njwtDefaults(&facts, line: line) }
        facts.claimsStart = facts.start(of: [#"(const|let|var)\s+[A-Za-z_$][\w$]*\s*(:\s*[\w<>,\s]+)?=\s*\{"#, #"new\s+SignJWT\("#, #"jwt\.sign\(\s*\{"#,
                                             #"payload\s*:\s*\{"#], before: facts.claims)
        facts.signingCall = facts.firstLine(containing: ["setprotectedheader(", "jwt.sign(", "jsonwebtoken.sign(", "njwt.create("])
        if facts.sendingCall == nil { facts.sendingCall = facts.firstLine(containing: ["client.grant(", "axios.post(", "got.post(", "request.post("]) }
        if facts.bodyStart == nil { facts.bodyStart = facts.firstLine(containing: ["qs.stringify(", "querystring.stringify(", "new formdata("]) }
        if let line = facts.firstLine(containing: ["token_endpoint_auth_method"]),
           let method = facts.values(.key("token_endpoint_auth_method")).first, case .literal(let m) = method.value {
            facts.notes.append("openid-client is set to authenticate with \(m) (line \(line)): it adds the credentials itself")
            if m == "private_key_jwt" || m == "client_secret_jwt" {
                facts.parameter("client_assertion_type", .literal(ClientAssertionType.jwtBearer), line: line)
                facts.parameter("client_assertion", .generated("openid-client"), line: line)
            }
        }
    }

    /// What njwt adds unless told otherwise: a random jti, iat now, exp now + 1 hour, and HS256
    /// when `njwt.create(claims, key)` names no algorithm.
    static func njwtDefaults(_ facts: inout CodeFacts, line: Int) {
        facts.claim("jti", .generated("njwt"), line: line)
        facts.claim("iat", .fromNow(0), line: line)
        facts.claim("exp", .fromNow(3600), line: line)
        if !facts.header.contains(where: { $0.name == "alg" }), let text = facts.text.line(line),
           let open = text.range(of: "njwt.create(", options: .caseInsensitive),
           CodeExpression.arguments(text[open.upperBound...]).count < 3 {
            facts.headerParameter("alg", .literal("HS256"), line: line)
            facts.notes.append("njwt.create without an algorithm signs with HS256 (line \(line))")
        }
        facts.notes.append("njwt adds a random jti, iat and a one-hour exp unless the code sets them (line \(line))")
    }

    /// The last line of the `jwt.sign(` call that starts on line `start` (brackets balanced).
    static func optionsEnd(_ facts: CodeFacts, from start: Int) -> Int {
        var depth = 0
        var seen = false
        for line in facts.text.lines where line.number >= start {
            for c in line.text {
                if c == "(" { depth += 1; seen = true } else if c == ")" { depth -= 1 }
            }
            if seen && depth <= 0 { return line.number }
        }
        return facts.text.lines.last?.number ?? start
    }
}
