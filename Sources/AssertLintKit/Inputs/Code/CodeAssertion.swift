import Foundation

/// The assertion code would sign, rebuilt from the claims and header it writes, as an unsigned
/// compact JWT (`header.payload.`). Only what the code shows goes in: a claim held in a variable
/// is left out and listed as held, so the rules that judge its absence say "not checked"; times
/// written relative to now are set from the run's clock.
enum CodeAssertion {
    struct Rebuilt {
        var compact: String
        /// The line of the first claim (where the claims are written).
        var line: Int
        var notes: [String]
        /// Claims (and `header.kid`) the code sets from variables.
        var held: [String]
        /// Whether the code shows the claims object whole, and the header it signs with.
        var claimsWhole: Bool
        var headerShown: Bool
    }

    static func rebuild(_ facts: CodeFacts, now date: Date) -> Rebuilt {
        let now = Int64(date.timeIntervalSince1970.rounded(.down))
        var claims: [JSONMember] = []
        var described: [String] = []
        var held: [String] = []
        var relative = false
        for c in facts.claims {
            switch c.value {
            case .literal(let s):
                claims.append(JSONMember(key: c.name, value: .string(s)))
                described.append("\(c.name) \"\(s)\" (line \(c.line))")
            case .number(let n):
                claims.append(JSONMember(key: c.name, value: .number(String(n))))
                described.append("\(c.name) \(n) (line \(c.line))")
            case .fromNow(let s):
                guard let at = RelativeTime.sum(now, s) else {
                    held.append(c.name)
                    described.append("\(c.name) = now + a time too large to hold (line \(c.line))")
                    continue
                }
                claims.append(JSONMember(key: c.name, value: .number(String(at))))
                described.append("\(c.name) = now\(s == 0 ? "" : " + \(s) s") (line \(c.line))")
                relative = true
            case .generated(let e) where c.name == "jti":
                // A jti made per run is there; its value is never the same twice, which is all jti needs.
                claims.append(JSONMember(key: "jti", value: .string("{\(CodeExpression.placeholderName(e))}")))
                described.append("jti made by `\(Escape.line(String(e.prefix(40))))` (line \(c.line))")
            case .variable(let e), .generated(let e):
                held.append(c.name)
                described.append("\(c.name) held in `\(Escape.line(String(e.prefix(40))))` (line \(c.line))")
            }
        }
        var header: [JSONMember] = []
        var headerNotes: [String] = []
        if let alg = facts.header.first(where: { $0.name == "alg" }), case .literal(let a) = alg.value {
            header.append(JSONMember(key: "alg", value: .string(a)))
            headerNotes.append("alg \(a) (line \(alg.line))")
        } else {
            // A JWS needs an alg: RS256 stands in, and is listed as held so no rule judges it.
            header.append(JSONMember(key: "alg", value: .string("RS256")))
            headerNotes.append("alg not shown (RS256 stands in for it, and is not judged)")
            held.append("header.alg")
        }
        let headerShown = facts.signingCall != nil
        if let kid = facts.header.first(where: { $0.name == "kid" }) {
            if case .literal(let k) = kid.value {
                header.append(JSONMember(key: "kid", value: .string(k)))
                headerNotes.append("kid \"\(k)\" (line \(kid.line))")
            } else {
                held.append("header.kid")
                headerNotes.append("kid held in `\(Escape.line(String(CodeFacts.Item.text(kid.value).prefix(40))))` (line \(kid.line))")
            }
        } else {
            headerNotes.append(headerShown ? "no kid (the signing call on line \(facts.signingCall ?? 0) sets none)" : "kid not shown")
        }
        let compact = Base64URL.encode(JSONValue.object(JSONObject(header)).compactText) + "."
            + Base64URL.encode(JSONValue.object(JSONObject(claims)).compactText) + "."
        let line = facts.claims.map(\.line).min() ?? 1
        var notes = ["no token was pasted, so the assertion was rebuilt from the claims the code signs: \(described.joined(separator: ", ")); header: \(headerNotes.joined(separator: ", ")); a rebuilt assertion has no signature, so its signature is not checked"]
        if relative {
            notes.append("times the code sets relative to now were set from this run's clock (\(ClaimTime.utc(Double(now))))")
        }
        let whole = facts.claimsStart != nil
        if !whole {
            notes.append("the code shows only some of the claims (no claims object or builder in the paste): claims it does not show are not judged")
        }
        return Rebuilt(compact: compact, line: line, notes: notes, held: held, claimsWhole: whole, headerShown: headerShown)
    }
}

extension CodeFacts.Item {
    static func text(_ value: CodeValue) -> String {
        switch value {
        case .variable(let e), .generated(let e), .literal(let e): return e
        case .number(let n), .fromNow(let n): return String(n)
        }
    }
}
