import Foundation

/// Reads a token request out of code people paste when they ask why the server says
/// `invalid_client`: Python, JavaScript/TypeScript, Java/Kotlin, C# and Go, whole files, a few
/// lines or a diff. It looks only for the authorization-server URL, the OAuth parameters and the
/// JWT claims and header it knows the spellings of, so it cannot mistake unrelated code for a
/// request. Values held in variables are recorded as not shown (never guessed), and an assertion
/// rebuilt from the claims the code signs has no signature to check.
public enum CodeSnippet {
    /// `now` is the time the code is taken to run at: claims written relative to now are set from it.
    public static func request(from text: String, now: Date = Date()) -> TokenRequest? {
        guard !isCommandLine(text) else { return nil }
        let code = CodeText(text)
        var facts = CodeFacts(code)
        CodeShared.read(into: &facts)
        switch code.language {
        case .python?: CodePython.read(into: &facts)
        case .javascript?: CodeJavaScript.read(into: &facts)
        case .java?: CodeJava.read(into: &facts)
        case .csharp?: CodeCSharp.read(into: &facts)
        case .go?: CodeGo.read(into: &facts)
        case nil: break
        }
        guard isRequestCode(facts) else { return nil }
        return CodeRequest.build(facts, now: now)
    }

    /// A command (HTTPie's `http POST …`, `curl`, `wget`) is the shell readers' to read, not code.
    static func isCommandLine(_ text: String) -> Bool {
        let first = text.split(separator: "\n").first { !$0.trimmedWhitespace.isEmpty }?.trimmedWhitespace.lowercased() ?? ""
        let word = first.prefix { !$0.isWhitespace }
        return ["http", "https", "curl", "wget", "curl.exe", "$", ">", "ps>"].contains(String(word))
    }

    /// Code that sends or signs something: an authorization-server URL with parameters or claims
    /// around it, or, without a URL, code in a language the reader recognised that builds claims
    /// or at least two parameters. Prose that merely names a parameter is not code.
    static func isRequestCode(_ facts: CodeFacts) -> Bool {
        let shownClaims = facts.claims.filter { $0.value.isShown }
        let timed = facts.claims.contains { if case .fromNow = $0.value { return true }; return false }
        if facts.url != nil { return !facts.parameters.isEmpty || !facts.claims.isEmpty }
        guard facts.text.language != nil else { return false }
        return timed || facts.claims.count >= 2 && (facts.claimsStart != nil || !shownClaims.isEmpty) || facts.parameters.count >= 2
    }
}
