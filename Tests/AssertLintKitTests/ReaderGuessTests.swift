import Foundation
import Testing
@testable import AssertLintKit

/// What readers assume to read a messy paste, and the findings that rest on it.
@Suite struct ReaderGuessTests {
    static let forumIntrospect = """
        This is how I’m calling the introspect endpoint

        curl --location --request POST 'https://{oktaDomain}/oauth2/v1/introspect'\\
        --header 'Accept: application/json'
        --header 'Content-Type: application/x-www-form-urlencoded'
        --data-urlencode 'token={token}'
        --data-urlencode 'token_type_hint=access_token'
        --data-urlencode 'client_id={clientId}'
        """

    @Test func forumPasteRecordsTheGluedAndTheLostContinuations() throws {
        let subject = try #require(try InputReader.subjects(from: Self.forumIntrospect, source: "paste").first)
        let guesses = try #require(subject.request?.guesses)
        #expect(guesses == [
            ReaderGuess(.gluedContinuation, "`…in}/oauth2/v1/introspect` and `--header` (lines 3-4) were read as two words",
                        affects: [.method, .url, .header("Accept")]),
            ReaderGuess(.lostContinuation, "the lines after line 4 were taken as part of the same command",
                        affects: [.header("Content-Type"), .body, .parameter("token"), .parameter("token_type_hint"), .parameter("client_id")]),
        ])
    }

    static let lostLines = """
        curl -X POST https://dev-1.okta.com/oauth2/v1/token
          -d grant_type=client_credentials -d scope=okta.users.read
          -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
          -d client_assertion=abc.def
        """

    @Test func findingOnAGuessedPartSaysSo() throws {
        let subject = try #require(try InputReader.subjects(from: Self.lostLines, source: "paste").first)
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        let malformed = try #require(d.findings.first { $0.ruleID == "jwt-malformed" })
        #expect(malformed.note == "depends on a guess: the lines after line 1 were taken as part of the same command")
        // The method comes from -X on line 1, before the guess: a finding there would not depend on it.
        #expect(EvidenceNeeds.guessNote("method-not-post", pointer: Location.method, subject) == nil)
        let text = TextReporter(options: ReportOptions(color: false, width: 80)).report([d])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("error[jwt-malformed]") })
        let noteLines = Array(lines[at...].drop { !$0.hasPrefix("  (depends on a guess") }.prefix(2))
        #expect(noteLines == ["  (depends on a guess: the lines after line 1 were taken as part of the same",
                              "  command)"])
    }

    @Test func findingsOnPartsReadAsWrittenCarryNoNote() throws {
        let clean = Self.lostLines.replacingOccurrences(of: "\n", with: " \\\n")
        let subject = try #require(try InputReader.subjects(from: clean, source: "paste").first)
        #expect(subject.request?.guesses == [])
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(d.ruleIDs.contains("jwt-malformed"))
        #expect(d.findings.allSatisfy { $0.note == nil })
    }

    @Test func promptIsAGuessThatAffectsNothing() throws {
        let r = try CurlCommand.parse("$ curl -d grant_type=client_credentials https://dev-1.okta.com/oauth2/v1/token")
        #expect(r.guesses == [ReaderGuess(.prompt, "`$` on line 1 was taken as a shell prompt", affects: [])])
        #expect(r.notes.contains("read `$` before `curl` on line 1 as a shell prompt, not as part of the command"))
        let chained = try CurlCommand.parse("cd x && curl -d a=b https://dev-1.okta.com/oauth2/v1/token")
        #expect(chained.guesses == [])
    }

    @Test func smartQuotesAndDashesAreGuessesOnTheirLines() throws {
        let r = try CurlCommand.parse("curl —request POST https://dev-1.okta.com/oauth2/v1/token \\\n  -d “grant_type=client_credentials”")
        #expect(r.guesses == [
            ReaderGuess(.typography, "the typographic quotes on line 2 were read as plain quotes",
                        affects: [.body, .parameter("grant_type")]),
            ReaderGuess(.typography, "the dash on line 1 was read as curl's hyphens", affects: [.method, .url]),
        ])
    }

    @Test func emptyDataOptionLeavesBlankedParametersNotShown() throws {
        let r = try CurlCommand.parse("curl https://dev-1.okta.com/oauth2/v1/token -d grant_type=client_credentials --data-urlencode '' -d audience=api")
        #expect(r.shows.unshownParameters == ["scope", "resource"])
        #expect(r.shows(parameter: "scope") == .notShown)
        #expect(r.shows(parameter: "client_assertion") == .absent)
        #expect(r.guesses == [ReaderGuess(.lostParameter, "the empty `--data-urlencode ''` on line 1 was taken for a parameter the paste lost",
                                          affects: [.parameter("scope"), .parameter("resource")])])
    }

    @Test func formBodyCutShortIsReadWithItsElisionNotShown() throws {
        let subject = try #require(try InputReader.subjects(from: "client_assertion=&client_assertion_type=&client_id= ....", source: "paste").first)
        let r = try #require(subject.request)
        #expect(r.url == "https://{authorizationServer}/token")
        #expect(r.form("client_id")?.value == "....")
        #expect(r.shows.body == false)
        #expect(r.guesses.map(\.kind) == [.elision, .missingURL])
        #expect(r.notes == [
            "the value of `client_id` is cut short (`....`): it is read as not shown, and not judged",
            "the body carries a client assertion, so it was read as sent to a token endpoint, `https://{authorizationServer}/token`; give --endpoint URL to judge it for your server",
        ])
        let d = Engine(rules: Registry.forDiagnose).run(subject)
        #expect(d.ruleIDs == ["assertion-type-invalid"])
        #expect(d.unjudged.map(\.ruleID).contains("grant-type-invalid"))
    }

    @Test func bodyLinesWithoutAmpersandsAreOneFieldEach() throws {
        let r = try RawHTTPRequest.parse("POST /oauth2/default/v1/token HTTP/1.1\nHost: a.okta.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token\nscope=openid profile\nrefresh_token=03_x")
        #expect(r.formFields.map { "\($0.name)=\($0.value)" } == ["grant_type=refresh_token", "scope=openid profile", "refresh_token=03_x"])
        #expect(r.guesses == [ReaderGuess(.bodyLines, "the body's lines 5-7, with no `&` between them, were read as one form field each",
                                          affects: [.body, .parameter("grant_type"), .parameter("scope"), .parameter("refresh_token")])])
    }

    @Test func markdownFencesAreNoPowerShellContinuations() {
        #expect(ShellDialect.detect("Prose:\n\n```\ncurl -d a=b https://x.example/token\n```\n\n```bash\n{}\n```") == .posix)
        #expect(ShellDialect.detect("curl.exe -X POST `\n  -d a=b `\n  https://x.example/token") == .powershell)
    }
}
