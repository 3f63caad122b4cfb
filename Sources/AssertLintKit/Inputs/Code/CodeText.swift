import Foundation

/// The languages whose idioms the code reader knows. Each has its own file of spellings
/// (`CodePython.swift`, …); what they share (URLs, parameters, claims) is in `CodeFacts.swift`.
enum CodeLanguage: String, CaseIterable, Sendable {
    case python = "Python"
    case javascript = "JavaScript/TypeScript"
    case java = "Java/Kotlin"
    case csharp = "C#"
    case go = "Go"

    /// Substrings whose presence says the code is in this language, with a weight each. A fence's
    /// language tag (```go) outweighs everything else.
    var clues: [(String, Int)] {
        switch self {
        case .python:
            return [("import requests", 3), ("requests.post(", 3), ("httpx.", 3), ("jwt.encode(", 3), ("from authlib", 3), ("authlib", 2),
                    ("def ", 1), ("f\"http", 3), ("f'http", 3), ("none", 0), ("import jwt", 2), ("time.time()", 2), ("timedelta(", 2),
                    ("fetch_token(", 2), ("privatekeyjwt", 2), ("datetime.", 1), ("print(", 1), ("```python", 9), ("```py\n", 9)]
        case .javascript:
            return [("const ", 2), ("let ", 1), ("await fetch(", 3), ("fetch(", 1), ("axios", 3), ("require(", 2), ("jwt.sign(", 3),
                    ("signjwt", 3), ("urlsearchparams", 3), ("=>", 1), ("params.append(", 3), ("uuidv4()", 2), ("date.now()", 2),
                    ("setprotectedheader", 3), ("import {", 1), ("openid-client", 3), ("token_endpoint_auth_method", 1),
                    ("```js", 9), ("```ts", 9), ("```javascript", 9), ("```typescript", 9)]
        case .java:
            return [("jwtclaimsset", 4), ("jwsheader", 4), ("multivaluemap", 4), ("bodyinserters", 4), ("new httppost", 3),
                    ("string ", 1), ("system.currenttimemillis", 3), ("jwts.builder", 4), ("new date(", 2), ("resttemplate", 3),
                    ("webclient", 3), ("jwsalgorithm", 4), ("import java", 3), ("val ", 1), ("fun ", 1), ("```java", 9), ("```kotlin", 9)]
        case .csharp:
            return [("securitytokendescriptor", 5), ("jsonwebtokenhandler", 4), ("clientcredentialstokenrequest", 5), ("datetime.utcnow", 3),
                    ("confidentialclientapplicationbuilder", 5), ("using system", 3), ("var ", 1), ("new claim(", 3), ("formurlencodedcontent", 4),
                    ("securityalgorithms", 4), ("guid.newguid", 3), ("tokenrequest", 3), ("oidcconstants", 4), ("jwtclaimtypes", 4), ("```csharp", 9), ("```cs\n", 9), ("```c#", 9)]
        case .go:
            return [(":=", 2), ("func ", 1), ("url.values", 4), ("jwt.mapclaims", 4), ("jwt.registeredclaims", 4), ("time.now()", 3),
                    ("fmt.", 2), ("http.newrequest", 3), ("clientcredentials.config", 5), ("jwt.newnumericdate", 4), ("err != nil", 3),
                    ("package main", 4), ("```go", 9)]
        }
    }
}

/// A paste as lines of code: Markdown fences dropped, and for a unified diff only the new side
/// (`+` and context lines, prefix removed; `-` lines are what the change took out). Line numbers
/// are the paste's, so notes point at what the user sees.
struct CodeText {
    struct Line {
        let number: Int
        let text: String
    }

    let lines: [Line]
    let isDiff: Bool
    /// Every kept line, lowercased, joined: for substring clues.
    let lowered: String
    let language: CodeLanguage?
    /// Lines longer than this are cut: a minified bundle is not something a person reads either.
    static let maxLineLength = 4_096

    init(_ text: String) {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let l = line.hasSuffix("\r") ? line.dropLast() : line[...]
            return String(l.prefix(Self.maxLineLength))
        }
        let diff = Self.looksLikeDiff(raw)
        var kept: [Line] = []
        for (i, line) in raw.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { continue }
            if diff {
                if line.hasPrefix("+++") || line.hasPrefix("---") || line.hasPrefix("@@") || line.hasPrefix("diff --git") || line.hasPrefix("index ") { continue }
                if line.hasPrefix("-") { continue }
                if line.hasPrefix("+") || line.hasPrefix(" ") {
                    kept.append(Line(number: i + 1, text: String(line.dropFirst())))
                    continue
                }
            }
            kept.append(Line(number: i + 1, text: line))
        }
        lines = kept
        isDiff = diff
        lowered = kept.map { $0.text.lowercased() }.joined(separator: "\n")
        let fence = text.prefix(200).lowercased()
        language = Self.recognise(lowered, fence: fence)
    }

    /// A unified diff: hunk headers, or most non-blank lines starting with `+` or `-` (a hunk
    /// pasted without its header, as in a pull request comment).
    static func looksLikeDiff(_ lines: [String]) -> Bool {
        if lines.contains(where: { $0.hasPrefix("@@ ") || $0.hasPrefix("diff --git") }) { return true }
        if lines.prefix(3).contains(where: { $0.lowercased().hasPrefix("```diff") }) { return true }
        let code = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("```") }
        let marked = code.filter { ($0.hasPrefix("+") && !$0.hasPrefix("++")) || ($0.hasPrefix("-") && !$0.hasPrefix("--")) }
        return code.count >= 2 && marked.count * 2 > code.count
    }

    static func recognise(_ lowered: String, fence: String) -> CodeLanguage? {
        var best: (CodeLanguage, Int)?
        for language in CodeLanguage.allCases {
            var score = 0
            for (clue, weight) in language.clues where weight > 0 {
                let inFence = clue.hasPrefix("```")
                if inFence ? fence.contains(clue) : lowered.contains(clue) { score += weight }
            }
            if score > (best?.1 ?? 0) { best = (language, score) }
        }
        guard let best, best.1 >= 2 else { return nil }
        return best.0
    }

    /// The kept line with paste line number `n`.
    func line(_ n: Int) -> String? { lines.first { $0.number == n }?.text }
}
