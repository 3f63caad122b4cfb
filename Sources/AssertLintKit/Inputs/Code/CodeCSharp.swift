import Foundation

/// C#: `SecurityTokenDescriptor { Issuer, Audience, Expires = DateTime.UtcNow.AddMinutes(5),
/// Claims/Subject }` with `JsonWebTokenHandler.CreateToken`, IdentityModel's
/// `ClientCredentialsTokenRequest { Address, ClientId, ClientSecret, ClientAssertion = new
/// ClientAssertion { Type, Value } }`, and MSAL's `ConfidentialClientApplicationBuilder`.
enum CodeCSharp {
    static func read(into facts: inout CodeFacts) {
        facts.apply(claims: [(.key("Issuer"), "iss"), (.key("Audience"), "aud"), (.key("Expires"), "exp"), (.key("IssuedAt"), "iat"),
                             (.key("NotBefore"), "nbf")])
        let constants = [("JwtRegisteredClaimNames.Sub", "sub"), ("JwtRegisteredClaimNames.Jti", "jti"), ("JwtRegisteredClaimNames.Iss", "iss"),
                         ("JwtRegisteredClaimNames.Aud", "aud"), ("JwtRegisteredClaimNames.Exp", "exp"), ("JwtRegisteredClaimNames.Iat", "iat"),
                         ("JwtClaimTypes.Subject", "sub"), ("JwtClaimTypes.JwtId", "jti"), ("JwtClaimTypes.Issuer", "iss"),
                         ("JwtClaimTypes.Audience", "aud"), ("JwtClaimTypes.Expiration", "exp"), ("JwtClaimTypes.IssuedAt", "iat")]
        for (constant, name) in constants {
            for (expr, line) in facts.findConstantPair(constant) { facts.claim(name, CodeValue.of(expr, resolve: facts.assignment), line: line) }
        }
        for (v, line) in facts.values(.key("KeyId")) { facts.headerParameter("kid", v, line: line) }
        facts.claimsStart = facts.start(of: [#"new\s+SecurityTokenDescriptor"#, #"new\s+JwtSecurityToken\("#, #"new\s+Dictionary<string,\s*object>"#], before: facts.claims)
        // The header's kid comes from the signing key: shown only where the code sets KeyId.
        if facts.header.contains(where: { $0.name == "kid" }) { facts.signingCall = facts.firstLine(containing: ["createtoken(", "signingcredentials"]) }

        // IdentityModel: the request object names its parameters.
        if let start = facts.firstLine(containing: ["clientcredentialstokenrequest", "authorizationcodetokenrequest", "passwordtokenrequest",
                                                    "refreshtokenrequest", "tokenintrospectionrequest", "tokenrevocationrequest"]) {
            facts.bodyStart = start
            facts.sendingCall = facts.firstLine(containing: ["requestclientcredentialstokenasync(", "requestauthorizationcodetokenasync(", "requesttokenasync(",
                                                             "requestrefreshtokenasync(", "introspecttokenasync(", "revoketokenasync("]) ?? start
            for (v, line) in facts.values(.key("GrantType")) {
                let written = facts.text.line(line) ?? ""
                let grant = [("GrantTypes.AuthorizationCode", "authorization_code"), ("GrantTypes.ClientCredentials", "client_credentials"),
                             ("GrantTypes.RefreshToken", "refresh_token"), ("GrantTypes.Password", "password")].first { written.contains($0.0) }
                facts.parameter("grant_type", grant.map { .literal($0.1) } ?? v, line: line)
            }
            let implied = [("clientcredentialstokenrequest", "client_credentials"), ("authorizationcodetokenrequest", "authorization_code"),
                           ("refreshtokenrequest", "refresh_token"), ("passwordtokenrequest", "password")]
            if let grant = implied.first(where: { facts.text.lowered.contains($0.0) }) { facts.parameter("grant_type", .literal(grant.1), line: start) }
            facts.apply(parameters: [(.key("ClientId"), "client_id"), (.key("Scope"), "scope"), (.key("Token"), "token"), (.key("Code"), "code"),
                                     (.key("RedirectUri"), "redirect_uri"), (.key("RefreshToken"), "refresh_token")])
            for (v, line) in facts.values(.key("Type")) {
                let value: CodeValue = facts.text.line(line)?.contains("ClientAssertionTypes.JwtBearer") == true ? .literal(ClientAssertionType.jwtBearer) : v
                facts.parameter("client_assertion_type", value, line: line)
            }
            for (v, line) in facts.values(.key("Value")) { facts.parameter("client_assertion", v, line: line) }
            if let secret = facts.values(.key("ClientSecret")).first {
                // IdentityModel sends the secret as Basic unless ClientCredentialStyle says PostBody.
                if facts.text.lowered.contains("clientcredentialstyle.postbody") {
                    facts.parameter("client_secret", secret.value, line: secret.line)
                } else {
                    facts.basicAuth = (secret.line, "HTTP Basic credentials made from ClientId and ClientSecret (IdentityModel's default ClientCredentialStyle.AuthorizationHeader)")
                }
            }
        }

        // MSAL: the builder's With… calls choose the credential; MSAL builds the request.
        if let start = facts.firstLine(containing: ["confidentialclientapplicationbuilder"]) {
            facts.sendingCall = facts.firstLine(containing: ["acquiretokenforclient("]) ?? start
            for (v, line) in facts.values(.call("Create")) { facts.parameter("client_id", v, line: line) }
            if let line = facts.firstLine(containing: ["acquiretokenforclient("]) { facts.parameter("grant_type", .literal("client_credentials"), line: line) }
            for (v, line) in facts.values(.call("WithClientSecret")) { facts.parameter("client_secret", v, line: line) }
            for (v, line) in facts.values(.call("WithClientAssertion")) {
                facts.parameter("client_assertion_type", .literal(ClientAssertionType.jwtBearer), line: line)
                facts.parameter("client_assertion", v, line: line)
            }
            if let line = facts.firstLine(containing: [".withcertificate("]) {
                facts.parameter("client_assertion_type", .literal(ClientAssertionType.jwtBearer), line: line)
                facts.parameter("client_assertion", .generated("MSAL_from_the_certificate"), line: line)
                facts.notes.append("MSAL builds and signs the assertion from the certificate itself (line \(line)): its claims are not in the paste")
            }
        }
    }
}

extension CodeFacts {
    /// `new Claim(JwtRegisteredClaimNames.Sub, clientId)`, `{ JwtClaimTypes.JwtId, … }`: the claim named by its constant.
    func findConstantPair(_ constant: String) -> [(expr: String, line: Int)] {
        guard let re = Self.regex(#"\b\#(NSRegularExpression.escapedPattern(for: constant))\s*,\s*"#) else { return [] }
        var out: [(String, Int)] = []
        for line in text.lines where line.text.contains(constant) {
            let l = line.text
            for m in re.matches(in: l, range: NSRange(l.startIndex..., in: l)) {
                guard let r = Range(m.range, in: l) else { continue }
                let expr = CodeExpression.take(l[r.upperBound...])
                if !expr.isEmpty { out.append((expr, line.number)) }
            }
        }
        return out
    }
}
