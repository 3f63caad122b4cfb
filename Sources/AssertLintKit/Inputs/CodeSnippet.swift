import Foundation

/// Reads a token request out of code people paste when they ask why Okta says
/// `invalid_client`: Python `requests`, JavaScript `fetch`/axios, a Postman collection, Java or C#
/// name-value pairs, a log line. It looks only for the authorization-server URL and the OAuth
/// parameters whose names it knows, so it cannot mistake unrelated code for a request, and it
/// says which values it could not see because they live in variables.
public enum CodeSnippet {
    /// The OAuth parameter names a client-authentication request carries.
    static let parameterNames = [
        "grant_type", "scope", "client_id", "client_secret", "client_assertion_type", "client_assertion",
        "token", "token_type_hint", "audience", "resource", "code", "redirect_uri", "refresh_token", "code_verifier",
    ]

    public static func request(from text: String) -> TokenRequest? {
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
        var notes = ["read as code: the request goes to \(url) with the parameters \((fields.map(\.name) + variables.map { String($0.prefix(while: { $0 != " " })) }).joined(separator: ", "))"]
        // A JWT that sits in the text (a variable's value pasted nearby) stands in for a variable assertion.
        if fields.first(where: { $0.name == "client_assertion" }) == nil,
           variables.contains(where: { $0.hasPrefix("client_assertion ") }),
           let (jwt, line) = firstJWT(in: lines) {
            fields.append(FormField(name: "client_assertion", value: jwt, position: SourcePosition(line: line)))
            variables.removeAll { $0.hasPrefix("client_assertion ") }
            notes.append("took the JWT on line \(line) as the value of client_assertion")
        }
        if !variables.isEmpty {
            notes.append("these values are held in variables, so they were not checked: \(variables.joined(separator: ", ")); paste their values to check them")
        }
        var request = TokenRequest(method: "POST", url: url, urlPosition: SourcePosition(line: urlLine), notes: notes)
        let lowered = text.lowercased()
        let sendsJSON = lowered.contains("json=") || lowered.contains("json.stringify") || lowered.contains("\"mode\": \"raw\"")
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
        if lowered.contains("auth=(") || lowered.contains("httpbasicauth(") || lowered.range(of: #"authorization['"]?\s*[:=,]\s*['"`]basic"#, options: .regularExpression) != nil {
            request.headers.append(HTTPHeader(name: "Authorization", value: "Basic (set in code, value not seen)"))
            request.notes.append("the code also sends HTTP Basic credentials")
        }
        return request
    }

    enum Value { case literal(String), variable(String) }

    /// `https://…/oauth2/…` or a URL ending in an OAuth endpoint, and its line.
    static func authorizationServerURL(in text: String) -> (String, Int)? {
        let pattern = #"https?://[A-Za-z0-9.\-]+(?::\d+)?/[^\s'"`<>)\]},]*"#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        for (n, line) in text.components(separatedBy: .newlines).enumerated() {
            for m in re.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let r = Range(m.range, in: line) else { continue }
                let url = String(line[r])
                guard let endpoint = EndpointURL(url) else { continue }
                let target = ServerTarget.classify(endpoint)
                if target.endpoint.authenticatesClient { return (url, n + 1) }
            }
        }
        return nil
    }

    /// The value of a parameter written as `name: "v"`, `"name" = 'v'`, `("name", "v")`,
    /// `"key": "name", "value": "v"` (Postman) or `name=v&` (a logged body).
    static func value(of name: String, in lines: [String]) -> (value: Value, line: Int)? {
        let q = #"["'`]"#
        let literal = [
            #""key"\s*:\s*"\#(name)"\s*,\s*"value"\s*:\s*"([^"]*)""#,
            #"(?:^|[^A-Za-z0-9_])\#(q)?\#(name)\#(q)?\s*(?::|=>|=|,)\s*\#(q)([^"'`]*)\#(q)"#,
            #"(?:^|[?&\s'"])\#(name)=([^&\s'"]+)"#,
        ]
        for (n, line) in lines.enumerated() {
            for pattern in literal {
                guard let re = try? NSRegularExpression(pattern: pattern),
                      let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                      let r = Range(m.range(at: m.numberOfRanges - 1), in: line) else { continue }
                let raw = String(line[r])
                let v = pattern.hasPrefix(#"(?:^|[?&"#) ? FormEncoding.decode(raw[...]) : raw
                return (.literal(v), n + 1)
            }
            // A quoted name may be followed by `,` (Java/C# pairs); a bare one only by `:` (a JS object key).
            let variables = [
                #"(?:^|[^A-Za-z0-9_])\#(q)\#(name)\#(q)\s*(?::|=>|,)\s*([A-Za-z_][A-Za-z0-9_.\[\]()]*)"#,
                #"(?:^|[\s{,(])\#(name)\s*:\s*([A-Za-z_][A-Za-z0-9_.\[\]()]*)"#,
            ]
            for pattern in variables {
                if let re = try? NSRegularExpression(pattern: pattern),
                   let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                   let r = Range(m.range(at: 1), in: line) {
                    return (.variable(String(line[r])), n + 1)
                }
            }
        }
        return nil
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
