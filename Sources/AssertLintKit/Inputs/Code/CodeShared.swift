import Foundation

/// The readings every language shares: the authorization-server URL, OAuth parameters and JWT
/// claims written under their own names, the header's `kid` and `alg`, and where the code sends
/// the request. Language files add their own spellings after this runs.
enum CodeShared {
    /// The OAuth parameter names a client-authentication request carries.
    static let parameterNames = [
        "grant_type", "scope", "client_id", "client_secret", "client_assertion_type", "client_assertion",
        "token", "token_type_hint", "audience", "resource", "code", "redirect_uri", "refresh_token", "code_verifier",
    ]
    static let claimNames = ["iss", "sub", "aud", "exp", "iat", "nbf", "jti"]

    static func read(into facts: inout CodeFacts) {
        facts.url = authorizationServerURL(facts)
        for name in parameterNames {
            for (value, line) in facts.firstValue(.pair(name)) + facts.firstValue(.key(name)) {
                facts.parameter(name, value, line: line)
            }
            if let found = formEncodedValue(name, facts) { facts.parameter(name, .literal(found.value), line: found.line) }
        }
        for name in claimNames {
            for (value, line) in facts.firstValue(.key(name)) + facts.firstValue(.pair(name)) { facts.claim(name, value, line: line) }
        }
        for (value, line) in facts.values(.key("kid")) { facts.headerParameter("kid", value, line: line) }
        if let line = facts.text.lines.first(where: { CodeFacts.test(#"[{,]\s*kid\s*[,}]"#, $0.text) }) {
            facts.headerParameter("kid", .variable("kid"), line: line.number)
        }
        if let (alg, line) = algorithm(facts) { facts.headerParameter("alg", .literal(alg), line: line) }
        let lowered = facts.text.lowered
        facts.sendsJSON = lowered.contains("json=") || lowered.contains("json.stringify") || lowered.contains("\"mode\": \"raw\"")
            || CodeFacts.test(#"content-type['"]?\s*[:=,]\s*['"]application/json"#, lowered)
        facts.bodyStart = facts.firstLine(containing: ["data={", "data = {", "urlsearchparams(", "url.values{", "linkedmultivaluemap", "fromformdata(",
                                                        "formurlencodedcontent", "payload = {", "body = {", "params = {", "form = {", "urlencoded\""])
        facts.sendingCall = facts.firstLine(containing: ["requests.post(", "httpx.post(", ".post(", "fetch(", "axios(", "http.newrequest(", "http.postform(",
                                                          "httppost(", "postasync(", "sendasync(", "\"method\"", "method:", "method="])
        if CodeFacts.test(#"(method['"]?\s*[:=]\s*['"]get['"]|newrequest\(\s*"get"|requests\.get\(|\.get\()"#, lowered),
           !lowered.contains("post") {
            facts.method = "GET"
        }
        if let line = facts.firstLine(containing: ["auth=(", "httpbasicauth(", "setbasicauth(", "basicauth(", ".withbasicauth("]) {
            facts.basicAuth = (line, "HTTP Basic credentials")
        } else if let line = facts.text.lines.first(where: {
            CodeFacts.test(#"authorization['"]?\s*[:=,]\s*[$f'"`]*basic"#, $0.text.lowercased())
        }) {
            facts.basicAuth = (line.number, "an `Authorization: Basic` header")
        }
    }

    /// The URL the request is sent to, and its line: among the authorization-server URLs in the
    /// text, one on a line that sends a request (`post(`, `fetch(`, `url =`) wins, and one that is
    /// the value of an `aud` claim loses (it names where the assertion is meant for, which may be
    /// exactly the mistake); later lines win ties, since the call comes after the setup.
    static func authorizationServerURL(_ facts: CodeFacts) -> (text: String, line: Int)? {
        let pattern = #"https?://[A-Za-z0-9.\-{}$%]+(?::\d+)?/[^\s'"`<>)\]},]*(?:\}[^\s'"`<>)\],]*)*"#
        guard let re = CodeFacts.regex(pattern) else { return nil }
        var best: (url: String, line: Int, score: Int)?
        for line in facts.text.lines {
            let text = interpolationsAsPlaceholders(line.text)
            let lowered = text.lowercased()
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range, in: text) else { continue }
                var url = String(text[r])
                if url.contains("%s") || url.contains("%v") { url = url.replacingOccurrences(of: "%s", with: "{domain}").replacingOccurrences(of: "%v", with: "{domain}") }
                guard let endpoint = EndpointURL(url), ServerTarget.classify(endpoint).endpoint.authenticatesClient else { continue }
                var score = 0
                let before = String(text[..<r.lowerBound]).lowercased()
                if CodeFacts.test(#"["']?(aud|audience|setaudience\(|\.audience\()["']?\s*[:=,(]?\s*["'`]?$"#, before) { score -= 10 }
                if CodeFacts.test(#"(post|fetch|request|send|httppost|uri|url|address|endpoint)\s*[\(=:]"#, lowered)
                    || lowered.contains("axios") || lowered.contains("requests.") { score += 5 }
                if score >= (best?.score ?? Int.min) { best = (url, line.number, score) }
            }
        }
        return best.map { ($0.url, $0.line) }
    }

    /// `"https://" + domain + "/oauth2/v1/token"` → `https://{domain}/oauth2/v1/token`, so the
    /// URL's shape is read; f-strings and template literals already write `{domain}`/`${domain}`.
    static func interpolationsAsPlaceholders(_ line: String) -> String {
        guard line.contains("+"), let re = CodeFacts.regex(#"["'`]\s*\+\s*([A-Za-z_][A-Za-z0-9_.]*(?:\(\))?)\s*\+\s*["'`]"#) else { return line }
        let range = NSRange(line.startIndex..., in: line)
        return re.stringByReplacingMatches(in: line, range: range, withTemplate: "{$1}")
    }

    /// `name=v&…` inside a string: a body the code writes out.
    static func formEncodedValue(_ name: String, _ facts: CodeFacts) -> (value: String, line: Int)? {
        guard let re = CodeFacts.regex(#"(?:^|[?&\s'"`])\#(name)=([^&\s'"`]+)"#) else { return nil }
        for line in facts.text.lines where line.text.contains(name + "=") {
            let l = line.text
            if let m = re.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)), let r = Range(m.range(at: 1), in: l) {
                return (FormEncoding.decode(l[r]), line.number)
            }
        }
        return nil
    }

    /// `algorithm="RS256"`, `alg: 'ES256'`, `JWSAlgorithm.RS256`, `jwt.SigningMethodRS256`,
    /// `SecurityAlgorithms.RsaSha256`: the first one written.
    static func algorithm(_ facts: CodeFacts) -> (String, Int)? {
        let dotnet = ["rsasha256": "RS256", "rsasha384": "RS384", "rsasha512": "RS512", "ecdsasha256": "ES256", "ecdsasha384": "ES384",
                      "hmacsha256": "HS256", "hmacsha384": "HS384", "hmacsha512": "HS512", "rsassapsssha256": "PS256"]
        guard let re = CodeFacts.regex(#"(RS|ES|PS|HS)(256|384|512)\b"#) else { return nil }
        for line in facts.text.lines {
            let l = line.text
            if let m = re.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)), let r = Range(m.range, in: l) { return (String(l[r]), line.number) }
            let lowered = l.lowercased()
            if lowered.contains("securityalgorithms."), let hit = dotnet.first(where: { lowered.contains("securityalgorithms.\($0.key)") }) {
                return (hit.value, line.number)
            }
        }
        return nil
    }

    /// The first compact JWT written in the code (a variable's value pasted nearby).
    static func firstJWT(_ facts: CodeFacts) -> (String, Int)? {
        guard let re = CodeFacts.regex(#"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"#) else { return nil }
        for line in facts.text.lines {
            let l = line.text
            if let m = re.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)), let r = Range(m.range, in: l) { return (String(l[r]), line.number) }
        }
        return nil
    }
}
