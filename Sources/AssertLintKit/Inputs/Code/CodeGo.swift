import Foundation

/// Go: `url.Values{…}` and `data.Set/Add` (read by the shared finders), `jwt.MapClaims{…}`,
/// `jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}`, go-jose's
/// `jwt.Claims{Expiry: …}`, and `golang.org/x/oauth2/clientcredentials.Config{ClientID,
/// ClientSecret, TokenURL, AuthStyle}`.
enum CodeGo {
    static func read(into facts: inout CodeFacts) {
        facts.apply(claims: [(.key("Issuer"), "iss"), (.key("Subject"), "sub"), (.key("Audience"), "aud"), (.key("ExpiresAt"), "exp"),
                             (.key("Expiry"), "exp"), (.key("IssuedAt"), "iat"), (.key("NotBefore"), "nbf"), (.key("ID"), "jti"), (.key("Id"), "jti")])
        for (v, line) in facts.values(.pair("kid")) { facts.headerParameter("kid", v, line: line) }
        if let line = facts.text.lines.first(where: { $0.text.contains("Header[\"kid\"]") }),
           let r = CodeFacts.firstRange(#"Header\["kid"\]\s*=\s*"#, line.text) {
            facts.headerParameter("kid", CodeValue.of(CodeExpression.take(line.text[r.upperBound...]), resolve: facts.assignment), line: line.number)
        }
        facts.claimsStart = facts.start(of: [#"jwt\.MapClaims\{"#, #"jwt\.RegisteredClaims\{"#, #"jwt\.StandardClaims\{"#, #"jwt\.Claims\{"#], before: facts.claims)
        facts.signingCall = facts.firstLine(containing: ["jwt.newwithclaims(", "jose.newsigner("])
        if facts.sendingCall == nil { facts.sendingCall = facts.firstLine(containing: ["http.post(", "client.do(", ".token(ctx", ".token(context"]) }

        // x/oauth2's clientcredentials.Config sends client_credentials with the id and secret.
        if let start = facts.firstLine(containing: ["clientcredentials.config{"]) {
            facts.bodyStart = start
            if facts.sendingCall == nil { facts.sendingCall = start }
            facts.parameter("grant_type", .literal("client_credentials"), line: start)
            let id = facts.values(.key("ClientID")).first
            let secret = facts.values(.key("ClientSecret")).first
            if facts.text.lowered.contains("authstyleinparams") {
                if let id { facts.parameter("client_id", id.value, line: id.line) }
                if let secret { facts.parameter("client_secret", secret.value, line: secret.line) }
            } else if let secret {
                let style = facts.text.lowered.contains("authstyleinheader") ? "AuthStyleInHeader" : "the default AuthStyleAutoDetect, which tries the header first"
                facts.basicAuth = (secret.line, "HTTP Basic credentials made from ClientID and ClientSecret (\(style))")
            }
            if let line = facts.firstLine(containing: ["clientassertionfn:"]) {
                facts.parameter("client_id", facts.values(.key("ClientID")).first?.value ?? .variable("ClientID"), line: facts.values(.key("ClientID")).first?.line ?? line)
                facts.parameter("client_assertion_type", .literal(ClientAssertionType.jwtBearer), line: line)
                facts.parameter("client_assertion", .generated("ClientAssertionFn"), line: line)
                facts.notes.append("the assertion is made at run time by ClientAssertionFn (line \(line)): it is not in the paste")
            }
            if facts.url == nil, let tokenURL = facts.values(.key("TokenURL")).first, case .literal(let u) = tokenURL.value,
               let endpoint = EndpointURL(u), ServerTarget.classify(endpoint).endpoint.authenticatesClient {
                facts.url = (u, tokenURL.line)
            }
        }
    }
}
