import Foundation

/// Python: requests/httpx (`data={…}`, `auth=(id, secret)`), authlib (`PrivateKeyJWT`,
/// `fetch_token(…, client_id=…)`), PyJWT `jwt.encode({…}, key, algorithm=…, headers={"kid": …})`.
/// Dict keys, keyword arguments and f-strings are read by the shared finders.
enum CodePython {
    static func read(into facts: inout CodeFacts) {
        facts.claimsStart = facts.start(of: [#"^\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*\{"#, #"jwt\.encode\(\s*\{"#, #"dict\("#], before: facts.claims)
        facts.signingCall = facts.firstLine(containing: ["jwt.encode("])
        if facts.sendingCall == nil { facts.sendingCall = facts.firstLine(containing: ["fetch_token(", "requests.request(", "session.post("]) }
        if facts.bodyStart == nil { facts.bodyStart = facts.firstLine(containing: ["fetch_token(", "data=dict(", "data = '", "data = \"", "data='", "data=\""]) }
        // authlib signs the assertion itself: present, made when the code runs, claims not in the paste.
        if let line = facts.firstLine(containing: ["privatekeyjwt(", "clientsecretjwt(", "token_endpoint_auth_method=\"private_key_jwt\"", "token_endpoint_auth_method='private_key_jwt'"]) {
            facts.parameter("client_assertion_type", .literal(ClientAssertionType.jwtBearer), line: line)
            facts.parameter("client_assertion", .generated("authlib"), line: line)
            facts.notes.append("authlib builds and signs the assertion itself (line \(line)): its claims are not in the paste")
        }
        if facts.firstLine(containing: ["fetch_token("]) != nil, !facts.parameters.contains(where: { $0.name == "grant_type" }),
           let line = facts.firstLine(containing: ["fetch_token("]) {
            facts.parameter("grant_type", .literal("client_credentials"), line: line)
            facts.notes.append("authlib's fetch_token without a grant_type sends client_credentials (line \(line))")
        }
    }
}
