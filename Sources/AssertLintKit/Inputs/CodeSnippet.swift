import Foundation

/// Reads a token request out of code people paste when they ask why Okta says
/// `invalid_client`: Python `requests`, JavaScript `fetch`/axios, Java or C#
/// name-value pairs, a log line. It looks only for the authorization-server URL and the OAuth
/// parameters whose names it knows, so it cannot mistake unrelated code for a request, and it
/// says which values it could not see because they live in variables.
public enum CodeSnippet {
    /// The OAuth parameter names a client-authentication request carries.
    static let parameterNames = [
        "grant_type", "scope", "client_id", "client_secret", "client_assertion_type", "client_assertion",
        "token", "token_type_hint", "audience", "resource", "code", "redirect_uri", "refresh_token", "code_verifier",
    ]

    /// `now` is the time the code is taken to run at: claims written as `now + N` are set from it.
    public static func request(from text: String, now: Date = Date()) -> TokenRequest? {
        guard let (url, urlLine) = authorizationServerURL(in: text) else { return nil }
        var fields: [FormField] = []
        var variables: [String] = []
        let lines = text.components(separatedBy: .newlines)
        for name in parameterNames {
            guard let found = value(of: name, in: lines) else { continue }
            switch found.value {
            case .literal(let v): fields.append(FormField(name: name, value: v, position: SourcePosition(line: found.line)))
            case .variable(let expr): variables.append("\(name) (\(expr))")
            }
        }
        guard !fields.isEmpty || !variables.isEmpty else { return nil }
        let parametersNamed = fields.count + variables.count
        var rebuilt = false
        var notes = ["read as code: the request goes to \(url) with the parameters \((fields.map(\.name) + variables.map { String($0.prefix(while: { $0 != " " })) }).joined(separator: ", "))"]
        // A JWT that sits in the text (a variable's value pasted nearby) stands in for a variable assertion.
        if fields.first(where: { $0.name == "client_assertion" }) == nil,
           variables.contains(where: { $0.hasPrefix("client_assertion ") }),
           let (jwt, line) = firstJWT(in: lines) {
            fields.append(FormField(name: "client_assertion", value: jwt, position: SourcePosition(line: line)))
            variables.removeAll { $0.hasPrefix("client_assertion ") }
            notes.append("took the JWT on line \(line) as the value of client_assertion")
        }
        // No token in sight, but the code spells out the claims it signs: judge those.
        if fields.first(where: { $0.name == "client_assertion" }) == nil,
           variables.contains(where: { $0.hasPrefix("client_assertion ") }),
           let built = claimsFromCode(lines, now: now) {
            fields.append(FormField(name: "client_assertion", value: built.compact, position: SourcePosition(line: built.line)))
            variables.removeAll { $0.hasPrefix("client_assertion ") }
            rebuilt = true
            notes.append("no token was pasted, so the assertion was rebuilt from the claims the code signs (line \(built.line): \(built.described)); its signature cannot be checked")
        }
        if !variables.isEmpty {
            notes.append("these values are held in variables, so they were not checked: \(variables.joined(separator: ", ")); paste their values to check them")
        }
        var request = TokenRequest(method: "POST", url: url, urlPosition: SourcePosition(line: urlLine), notes: notes)
        let lowered = text.lowercased()
        let sendsJSON = lowered.contains("json=") || lowered.contains("json.stringify")
            || lowered.range(of: #"content-type['"]?\s*[:=,]\s*['"]application/json"#, options: .regularExpression) != nil
        if sendsJSON {
            let object = JSONValue.object(JSONObject(fields.map { JSONMember(key: $0.name, value: .string($0.value)) }))
            request.headers.append(HTTPHeader(name: "Content-Type", value: "application/json"))
            request.body = .raw(object.compactText)
            request.notes.append("the code sends the parameters as a JSON body")
        } else {
            request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            request.body = .form(fields)
        }
        request.shows = evidence(lowered, parametersNamed: parametersNamed, rebuilt: rebuilt)
        if !request.shows.body || !request.shows.headers {
            request.notes.append("the paste shows \(request.shows.body ? "the parameters" : "only the \(fields.map(\.name).joined(separator: ", ")) parameter\(fields.count == 1 ? "" : "s")") but not \(request.shows.hiddenPhrase): what it does not show is not judged")
        }
        if lowered.contains("auth=(") || lowered.contains("httpbasicauth(") || lowered.range(of: #"authorization['"]?\s*[:=,]\s*['"`]basic"#, options: .regularExpression) != nil {
            request.headers.append(HTTPHeader(name: "Authorization", value: "Basic (set in code, value not seen)"))
            request.notes.append("the code also sends HTTP Basic credentials")
        }
        return request
    }

    /// What code shows of the request it sends: a line naming a single parameter (a log line
    /// with the assertion) is not the whole body; headers are shown only where the code sets them.
    static func evidence(_ lowered: String, parametersNamed: Int, rebuilt: Bool) -> Evidence {
        let setsHeaders = lowered.contains("header") || lowered.contains("content-type") || lowered.contains("data=")
            || lowered.contains("urlsearchparams") || lowered.contains("formurlencoded")
        let saysMethod = lowered.range(of: #"\bpost\b|method\s*[:=]|\.post\s*\("#, options: .regularExpression) != nil
        return Evidence(method: saysMethod, url: true, headers: setsHeaders, body: parametersNamed >= 2,
                        signature: !rebuilt, source: parametersNamed >= 2 ? "the code" : "a line that shows one parameter")
    }

    enum Value { case literal(String), variable(String) }

    /// The URL the request is sent to, and its line: among the authorization-server URLs in the
    /// text, one on a line that sends a request (`post(`, `fetch(`, `url =`) wins, and one that is
    /// the value of an `aud` claim loses (it names where the assertion is meant for, which may be
    /// exactly the mistake); later lines win ties, since the call comes after the setup.
    static func authorizationServerURL(in text: String) -> (String, Int)? {
        let pattern = #"https?://[A-Za-z0-9.\-]+(?::\d+)?/[^\s'"`<>)\]},]*"#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        var best: (url: String, line: Int, score: Int)?
        for (n, line) in text.components(separatedBy: .newlines).enumerated() {
            let lowered = line.lowercased()
            for m in re.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let r = Range(m.range, in: line) else { continue }
                let url = String(line[r])
                guard let endpoint = EndpointURL(url), ServerTarget.classify(endpoint).endpoint.authenticatesClient else { continue }
                var score = 0
                let before = lowered[..<(lowered.index(lowered.startIndex, offsetBy: line.distance(from: line.startIndex, to: r.lowerBound), limitedBy: lowered.endIndex) ?? lowered.endIndex)]
                if before.range(of: #"["']?(aud|audience)["']?\s*[:=,]\s*["'`]?$"#, options: .regularExpression) != nil { score -= 10 }
                if lowered.range(of: #"(post|fetch|request|send|httppost|uri|url)\s*[\(=:]"#, options: .regularExpression) != nil
                    || lowered.contains("axios") || lowered.contains("requests.") { score += 5 }
                if score >= (best?.score ?? Int.min) { best = (url, n + 1, score) }
            }
        }
        return best.map { ($0.url, $0.line) }
    }

    /// The value of a parameter written as `name: "v"`, `"name" = 'v'`, `("name", "v")`,
    /// or `name=v&` (a logged body).
    static func value(of name: String, in lines: [String]) -> (value: Value, line: Int)? {
        let q = #"["'`]"#
        // Compiled once per name, not per line: a long paste reaches this for every parameter name.
        let literal: [(re: NSRegularExpression, formEncoded: Bool)] = [
            (#"(?:^|[^A-Za-z0-9_])\#(q)?\#(name)\#(q)?\s*(?::|=>|=|,)\s*\#(q)([^"'`]*)\#(q)"#, false),
            (#"(?:^|[?&\s'"])\#(name)=([^&\s'"]+)"#, true),
        ].compactMap { p in (try? NSRegularExpression(pattern: p.0)).map { ($0, p.1) } }
        // A quoted name may be followed by `,` (Java/C# pairs); a bare one only by `:` (a JS object key).
        let variables = [
            #"(?:^|[^A-Za-z0-9_])\#(q)\#(name)\#(q)\s*(?::|=>|,)\s*([A-Za-z_][A-Za-z0-9_.\[\]()]*)"#,
            #"(?:^|[\s{,(])\#(name)\s*:\s*([A-Za-z_][A-Za-z0-9_.\[\]()]*)"#,
        ].compactMap { try? NSRegularExpression(pattern: $0) }
        for (n, line) in lines.enumerated() where line.contains(name) {
            let range = NSRange(line.startIndex..., in: line)
            for (re, formEncoded) in literal {
                guard let m = re.firstMatch(in: line, range: range),
                      let r = Range(m.range(at: m.numberOfRanges - 1), in: line) else { continue }
                let raw = String(line[r])
                return (.literal(formEncoded ? FormEncoding.decode(raw[...]) : raw), n + 1)
            }
            for re in variables {
                if let m = re.firstMatch(in: line, range: range), let r = Range(m.range(at: 1), in: line) {
                    return (.variable(String(line[r])), n + 1)
                }
            }
        }
        return nil
    }

    /// The claims a snippet builds (`{"iss": client_id, "aud": "https://…", "exp": now + 3600}`), as
    /// an unsigned compact JWT: literal strings, variables assigned a literal elsewhere in the
    /// snippet, and `exp`/`iat` written as now plus a number of seconds (or a timedelta). Needs a
    /// literal `aud`, the claim people most often get wrong; nil when the code does not show one.
    static func claimsFromCode(_ lines: [String], now date: Date) -> (compact: String, line: Int, described: String)? {
        guard let aud = value(of: "aud", in: lines), case .literal(let audience) = aud.value, audience.hasPrefix("http") else { return nil }
        let now = Int64(date.timeIntervalSince1970.rounded(.down))
        var claims: [JSONMember] = []
        var described: [String] = []
        for name in ["iss", "sub"] {
            guard let found = value(of: name, in: lines) else { continue }
            switch found.value {
            case .literal(let v):
                claims.append(JSONMember(key: name, value: .string(v)))
            case .variable(let expr):
                guard let v = assignedLiteral(expr, in: lines) else { continue }
                claims.append(JSONMember(key: name, value: .string(v)))
                described.append("\(name) = \(expr) = \"\(v)\"")
            }
        }
        claims.append(JSONMember(key: "aud", value: .string(audience)))
        described.append("aud \"\(audience)\"")
        for name in ["iat", "exp"] {
            guard let offset = secondsAfterNow(name, in: lines) else { continue }
            claims.append(JSONMember(key: name, value: .number(String(now + offset))))
            described.append(offset == 0 ? "\(name) = now" : "\(name) = now + \(offset) s")
        }
        if value(of: "jti", in: lines) != nil {
            claims.append(JSONMember(key: "jti", value: .string("(set in code)")))
        }
        var header = [JSONMember(key: "alg", value: .string(algorithm(in: lines)))]
        if let kid = value(of: "kid", in: lines), case .literal(let k) = kid.value { header.append(JSONMember(key: "kid", value: .string(k))) }
        let compact = Base64URL.encode(JSONValue.object(JSONObject(header)).compactText) + "."
            + Base64URL.encode(JSONValue.object(JSONObject(claims)).compactText) + "."
        return (compact, aud.line, described.joined(separator: ", "))
    }

    /// `client_id = "0oa1"`, `const clientId = '0oa1'`, `String CLIENT_ID = "0oa1";`
    static func assignedLiteral(_ name: String, in lines: [String]) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        guard let re = try? NSRegularExpression(pattern: #"(?:^|[^A-Za-z0-9_.])\#(escaped)\s*[:=]\s*["'`]([^"'`]+)["'`]"#) else { return nil }
        for line in lines {
            if let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), let r = Range(m.range(at: 1), in: line) {
                return String(line[r])
            }
        }
        return nil
    }

    /// How far after now a time claim is set: `now + 3600`, `time.time() + 300`,
    /// `timedelta(minutes=5)`, `Date.now() / 1000 + 60`; 0 for a bare `now`.
    static func secondsAfterNow(_ claim: String, in lines: [String]) -> Int64? {
        guard let re = try? NSRegularExpression(pattern: #"["']?\#(claim)["']?\s*[:=]\s*([^,}\n]+)"#) else { return nil }
        for line in lines {
            guard let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                  let r = Range(m.range(at: 1), in: line) else { continue }
            let expr = line[r].lowercased()
            guard expr.contains("now") || expr.contains("time") || expr.contains("date") else { continue }
            if let delta = expr.range(of: #"timedelta\((minutes|hours|seconds)\s*=\s*(\d+)"#, options: .regularExpression) {
                let inner = expr[delta]
                let n = Int64(inner.split(whereSeparator: { !$0.isNumber }).last.map(String.init) ?? "") ?? 0
                return inner.contains("hours") ? n * 3600 : inner.contains("minutes") ? n * 60 : n
            }
            if let plus = expr.range(of: #"\+\s*\d+"#, options: .regularExpression) {
                return Int64(expr[plus].dropFirst().trimmingCharacters(in: .whitespaces))
            }
            return 0
        }
        return nil
    }

    /// `algorithm="RS256"` (PyJWT), `alg: 'ES256'` (jose), `SignatureAlgorithm.RS256` (jjwt); RS256 when unsaid.
    static func algorithm(in lines: [String]) -> String {
        guard let re = try? NSRegularExpression(pattern: #"\b(RS|ES|PS|HS)(256|384|512)\b"#) else { return "RS256" }
        for line in lines {
            if let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), let r = Range(m.range, in: line) {
                return String(line[r])
            }
        }
        return "RS256"
    }

    static func firstJWT(in lines: [String]) -> (String, Int)? {
        guard let re = try? NSRegularExpression(pattern: #"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"#) else { return nil }
        for (n, line) in lines.enumerated() {
            if let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), let r = Range(m.range, in: line) {
                return (String(line[r]), n + 1)
            }
        }
        return nil
    }
}
