import Foundation
import Testing
@testable import AssertLintKit

/// What people paste around the request: placeholders for the token, and the server's answer.
@Suite struct PasteEvidenceTests {
    @Test(arguments: [
        ("$(cat assertion.jwt)", "shell command substitution"),
        ("$CLIENT_ASSERTION", "shell variable"),
        ("${JWT}", "shell variable"),
        ("%JWT%", "shell variable"),
        ("{{client_assertion}}", "template variable"),
        ("{jwt}", "template variable"),
        ("<signed JWT>", "placeholder"),
        ("eyJhbGciOiJSUzI1NiJ9...", "ellipsis"),
        ("eyJhbGciOiJSUzI1NiJ9.eyJpc3Mi…", "ellipsis"),
        ("YOUR_SIGNED_JWT", "placeholder name"),
    ])
    func placeholdersAreUnseenNotMalformed(_ value: String, _ kind: String) {
        guard case .unseen(let why) = AssertionInput.read(value) else {
            Issue.record("\(value) was not read as unseen")
            return
        }
        #expect(why.contains(kind), "\(why)")
    }

    @Test func realTokensAndGarbageAreNotPlaceholders() {
        if case .unseen = AssertionInput.read("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0.c2ln") { Issue.record("a token read as unseen") }
        if case .unseen = AssertionInput.read(#"{"alg":"RS256"}"#) { Issue.record("JSON read as a template") }
        guard case .malformed = AssertionInput.read("abc.def") else { Issue.record("two segments should be malformed"); return }
    }

    @Test func placeholderAssertionIsNeitherMissingNorMalformed() throws {
        let text = try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/inputs/curl-with-response.txt"), encoding: .utf8)
        let subjects = try InputReader.subjects(from: text, source: "paste")
        let d = Engine(rules: Registry.forDiagnose).run(try #require(subjects.first))
        #expect(d.ruleIDs.isEmpty, "\(d.ruleIDs)")
        guard case .unseen = d.subject.assertion else { Issue.record("expected unseen"); return }
    }

    @Test func pastedResponseAfterACurlCommand() throws {
        let text = try String(contentsOf: GeneratedSourcesTests.root.appendingPathComponent("Fixtures/inputs/curl-with-response.txt"), encoding: .utf8)
        let answer = try #require(try InputReader.subjects(from: text, source: "paste").first?.reportedAnswer)
        #expect(answer == ReportedAnswer(status: nil, error: "invalid_client", errorDescription: "The client_assertion token is expired.", line: 6))
        #expect(Catalog.bundled.entries(matchingServerText: answer.text).map(\.id) == ["exp-expired"])
    }

    @Test func pythonDictReprAndStatusLine() {
        let text = """
            >>> r = requests.post(url, data=data)
            >>> r.status_code, r.text
            HTTP/1.1 401 Unauthorized
            {'error': 'invalid_client', 'error_description': 'The client_assertion JWT kid is invalid.'}
            """
        let answer = ReportedAnswer.find(in: text)
        #expect(answer == ReportedAnswer(status: 401, error: "invalid_client", errorDescription: "The client_assertion JWT kid is invalid.", line: 4))
    }

    @Test func oktaAPIErrorShape() {
        let text = #"{"errorCode":"invalid_client","errorSummary":"Invalid value for 'client_id' parameter.","errorLink":"invalid_client","errorId":"oaeX","errorCauses":[]}"#
        #expect(ReportedAnswer.find(in: text)?.errorDescription == "Invalid value for 'client_id' parameter.")
    }

    @Test func aRequestBodyIsNotAnAnswer() {
        #expect(ReportedAnswer.find(in: #"{"grant_type": "client_credentials", "scope": "okta.users.read"}"#) == nil)
    }
}
