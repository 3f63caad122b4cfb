import Foundation
import Testing
@testable import AssertLintKit

@Suite struct InputsCurlTests {
    let jwt = InputSamples.token
    func fields(_ r: TokenRequest) -> [String] { InputSamples.fields(r) }
    func headers(_ r: TokenRequest) -> [String] { InputSamples.headers(r) }
    func at(_ p: SourcePosition?) -> String { InputSamples.at(p) }

    @Test func introspectPasteReadsBareWordsAsTheFieldsMeant() throws {
        let r = try CurlCommand.parse(InputSamples.fixture("introspect-postman.curl"))
        #expect(r.method == "POST")
        #expect(at(r.methodPosition) == "1:27")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/introspect")
        #expect(at(r.urlPosition) == "1:32")
        #expect(headers(r) == ["Accept: application/json @2:11", "Content-Type: application/x-www-form-urlencoded @3:11"])
        #expect(fields(r) == ["token=\(jwt) @4:19", "token_type_hint=access_token @4:\(19 + 6 + jwt.count + 3)",
                              "client_id=0oa8f3example @4:\(19 + 6 + jwt.count + 3 + 31)"])
        #expect(r.notes == ["curl treats the bare words `token_type_hint=…` and `client_id=…` (line 4) as extra URLs, not as form data: each needs its own --data-urlencode; they were read as the form fields they were meant to be"])
    }

    @Test func introspectPasteIsTheReferenceScenario() throws {
        let subjects = try InputReader.subjects(from: InputSamples.fixture("introspect-postman.curl"), source: "p.curl")
        #expect(subjects.count == 1)
        let s = try #require(subjects.first)
        #expect(s.entry == nil)
        #expect(s.target?.endpoint == .introspect)
        guard case .absent = s.assertion else {
            Issue.record("the introspect paste has no client_assertion")
            return
        }
        #expect(s.request?.form("client_id")?.value == "0oa8f3example")
    }

    @Test func chromeCopyAsCurlBashWithAnsiCQuoting() throws {
        let r = try CurlCommand.parse(InputSamples.fixture("chrome-bash.curl"))
        #expect(r.method == "POST")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(headers(r) == ["accept: */* @2:7", "content-type: application/x-www-form-urlencoded @3:7"])
        #expect(r.formFields.map(\.name) == ["grant_type", "scope", "client_assertion_type", "client_assertion"])
        #expect(r.form("client_assertion_type")?.value == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        #expect(r.form("client_assertion")?.value == jwt)
        #expect(at(r.form("client_assertion")?.position) == "4:14")
        #expect(r.notes == [])
    }

    @Test func ansiCEscapes() throws {
        let r = try CurlCommand.parse(#"curl https://a.example.com/token --data-raw $'a=it\'s&b=\x41\u00e9\n&c=\101'"#)
        #expect(r.formFields.map(\.value) == ["it's", "Aé\n", "A"])
        #expect(r.formFields.map(\.name) == ["a", "b", "c"])
    }

    @Test func windowsCmdCaretPaste() throws {
        let r = try CurlCommand.parse(InputSamples.fixture("windows-cmd.curl"))
        #expect(r.method == "POST")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        // The URL's position is where its word starts (the `"` after `^`); a header's is where its text starts.
        #expect(at(r.urlPosition) == "1:7")
        #expect(headers(r) == ["content-type: application/x-www-form-urlencoded @2:8"])
        #expect(fields(r) == ["grant_type=client_credentials @3:15", "client_assertion=\(jwt) @3:15"])
        #expect(r.notes == [])
    }

    @Test func powershellBacktickPaste() throws {
        let r = try CurlCommand.parse(InputSamples.fixture("powershell.curl"))
        #expect(r.method == "POST")
        #expect(at(r.methodPosition) == "1:13")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(headers(r) == ["Content-Type: application/x-www-form-urlencoded @2:7"])
        #expect(fields(r) == ["grant_type=client_credentials @3:7", "client_assertion=\(jwt) @3:37"])
        #expect(r.notes == [])
    }

    @Test func powershellCurlAliasIsNoted() throws {
        let r = try CurlCommand.parse("curl -X POST `\n  https://dev-123.okta.com/oauth2/v1/token `\n  -d 'grant_type=client_credentials'")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.notes == ["in Windows PowerShell 5.1, `curl` is an alias of Invoke-WebRequest, which does not take curl's options: call curl.exe"])
    }

    @Test func postmanExportWithLocationAndRequest() throws {
        let text = """
        curl --location --request POST 'https://dev-123.okta.com/oauth2/default/v1/token' \\
        --header 'Content-Type: application/x-www-form-urlencoded' \\
        --data-urlencode 'grant_type=client_credentials' \\
        --data-urlencode 'scope=api:read api:write' \\
        --data-urlencode 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer' \\
        --data-urlencode 'client_assertion=\(jwt)'
        """
        let r = try CurlCommand.parse(text)
        #expect(r.method == "POST")
        #expect(r.url == "https://dev-123.okta.com/oauth2/default/v1/token")
        #expect(fields(r) == ["grant_type=client_credentials @3:19", "scope=api:read api:write @4:19",
                              "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer @5:19",
                              "client_assertion=\(jwt) @6:19"])
        #expect(r.bodyPosition.map { $0.line } == 3)
        #expect(r.notes == [])
    }

    @Test func dataUrlencodeForms() throws {
        let r = try CurlCommand.parse("curl https://x.example.com/token --data-urlencode 'a=b c&d' --data-urlencode '=only' --data-urlencode 'plain value' --data-urlencode 'client_assertion@assertion.jwt'")
        #expect(r.formFields.map { "\($0.name)=\($0.value)" } == ["a=b c&d", "only=", "plain value="])
        #expect(r.notes == ["`--data-urlencode client_assertion@assertion.jwt` (line 1) reads the value from the file assertion.jwt, which assertlint does not read: paste its content instead (e.g. --data-urlencode 'client_assertion=…')"])
    }

    @Test func basicCredentialsFromUser() throws {
        let r = try CurlCommand.parse("curl -u 0oa8f3example:s3cr3t -d grant_type=client_credentials https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.method == "POST")
        #expect(r.authorization?.value == "Basic " + Data("0oa8f3example:s3cr3t".utf8).base64EncodedString())
        #expect(at(r.authorization?.position) == "1:9")
        #expect(r.basicCredentials?.user == "0oa8f3example")
        #expect(r.basicCredentials?.password == "s3cr3t")
        #expect(r.notes == ["the Authorization: Basic header comes from -u (user `0oa8f3example`)"])
        #expect(!r.notes.joined().contains("s3cr3t"))
    }

    @Test func userWithoutPasswordWouldPrompt() throws {
        let r = try CurlCommand.parse("curl --user 0oa8f3example https://dev-123.okta.com/oauth2/v1/token -d a=b")
        #expect(r.basicCredentials?.password == "")
        #expect(r.notes == ["-u `0oa8f3example` has no password (no `:`): curl would ask for it; read with an empty password"])
    }

    @Test func getMovesDataToTheQuery() throws {
        let r = try CurlCommand.parse("curl -G https://dev-123.okta.com/oauth2/v1/token -d grant_type=client_credentials -d 'client_assertion=\(jwt)'")
        #expect(r.method == "GET")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token?grant_type=client_credentials&client_assertion=\(jwt)")
        #expect(r.body == .none)
        #expect(r.contentType == nil)
        #expect(r.notes == ["-G sends the data in the URL query of a GET request, not in the body"])
        let s = InputReader.subject(r, source: "x", entry: nil, loader: FixtureLoader())
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes.last == "client_assertion was read from the URL query; Okta reads it only from an application/x-www-form-urlencoded POST body")
    }

    @Test func lostBackslashesInAForumPost() throws {
        let subjects = try InputReader.subjects(from: InputSamples.fixture("lost-backslashes.txt"), source: "post.txt")
        let s = try #require(subjects.first)
        #expect(subjects.count == 1)
        let r = try #require(s.request)
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/introspect")
        #expect(at(r.urlPosition) == "3:14")
        #expect(headers(r) == ["Accept: application/json @4:11", "Content-Type: application/x-www-form-urlencoded @5:11"])
        #expect(fields(r) == ["token=\(jwt) @6:19", "client_id=0oa8f3example @7:19"])
        #expect(r.notes == [
            "line 4 starts right after the backslash that ends line 3, with no space: a shell joins `…com/oauth2/v1/introspect` and `--header` into one word; read as two",
            "without a trailing backslash on line 4, a shell runs only `curl -X POST https://dev-123.okta.com/oauth2/v1/introspect --header 'Accept: application/json'`: the headers and data on lines 5-7 would not be sent; read as one command",
        ])
    }

    @Test func noBackslashesAtAll() throws {
        let r = try CurlCommand.parse("curl -X POST 'https://dev-123.okta.com/oauth2/v1/token'\n  -H 'Content-Type: application/x-www-form-urlencoded'\n  -d 'grant_type=client_credentials'\n  -u 'id:secret'")
        #expect(r.formFields.map(\.name) == ["grant_type"])
        #expect(r.notes.first == "without a trailing backslash on line 1, a shell runs only `curl -X POST https://dev-123.okta.com/oauth2/v1/token`: the headers, data and credentials on lines 2-4 would not be sent; read as one command")
    }

    @Test func spaceAfterBackslash() throws {
        let r = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token \\ \n  -d 'grant_type=client_credentials'")
        #expect(r.method == "POST")
        #expect(r.notes == ["line 1 has a space after its trailing backslash, so a shell ends the command there and runs only `curl https://dev-123.okta.com/oauth2/v1/token`: the data on line 2 would not be sent; read as one command"])
    }

    @Test func smartQuotesAndDashesFromADocument() throws {
        let r = try CurlCommand.parse("curl —request POST “https://dev-123.okta.com/oauth2/v1/token” \\\n  –H ‘Content-Type: application/x-www-form-urlencoded’ \\\n  —data “grant_type=client_credentials”")
        #expect(r.method == "POST")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(headers(r) == ["Content-Type: application/x-www-form-urlencoded @2:7"])
        #expect(r.formFields.map(\.name) == ["grant_type"])
        #expect(r.notes == [
            "read the typographic quotes (“ ” ‘ ’) as plain quotes; a shell would not: they come from a document or a chat, retype them as ' or \"",
            "read `—request` as `--request`: a document or chat turned the hyphens into a dash",
        ])
    }

    @Test func dataFromFilesIsReportedNotRead() throws {
        let r = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token -d @body.txt -H @headers.txt --data-binary @/etc/passwd -d grant_type=x")
        #expect(r.method == "POST")
        #expect(r.formFields.map(\.name) == ["grant_type"])
        #expect(r.notes == [
            "`-H @headers.txt` (line 1) reads headers from a file, which assertlint does not read",
            "`-d @body.txt` (line 1) reads the body from a file, which assertlint does not read: paste the content instead",
            "`--data-binary @/etc/passwd` (line 1) reads the body from a file, which assertlint does not read: paste the content instead",
        ])
    }

    @Test func unterminatedQuoteIsAOneLineError() {
        #expect(throws: InputError("curl", "the quote ' opened on line 2, column 6 is never closed")) {
            try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token \\\n  -d 'grant_type=client_credentials")
        }
        #expect(throws: InputError.self) { try CurlCommand.parse("curl \"https://x") }
        #expect(throws: InputError.self) { try CurlCommand.parse("curl $'abc") }
        #expect(throws: InputError.self) { try CurlCommand.parse("curl ^\"https://x ^\n -d a") }
    }

    @Test func tenThousandDataFlags() throws {
        var text = "curl https://dev-123.okta.com/oauth2/v1/token"
        for k in 0..<10_000 { text += " -d f\(k)=v\(k)" }
        let start = Date()
        let r = try CurlCommand.parse(text)
        #expect(r.formFields.count == 10_000)
        #expect(r.formFields.last?.name == "f9999")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func combinedAndGluedShortOptions() throws {
        let r = try CurlCommand.parse("curl -sSLk -XPUT -H'Accept: application/json' -dgrant_type=client_credentials -o /dev/null -w '%{http_code}' https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.method == "PUT")
        #expect(headers(r) == ["Accept: application/json @1:18", "Content-Type: application/x-www-form-urlencoded @1:47"])
        #expect(fields(r) == ["grant_type=client_credentials @1:49"])
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.notes == [])
    }

    @Test func jsonBodyAndContentTypeRemoval() throws {
        let r = try CurlCommand.parse(#"curl https://dev-123.okta.com/oauth2/v1/token --json '{"grant_type":"client_credentials"}'"#)
        #expect(r.method == "POST")
        #expect(r.mediaType == "application/json")
        #expect(r.header("Accept")?.value == "application/json")
        #expect(r.body == .raw(#"{"grant_type":"client_credentials"}"#))
        let removed = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token -H 'Content-Type:' -d a=b")
        #expect(removed.contentType == nil)
        #expect(removed.body == .raw("a=b"))
        #expect(removed.notes == ["`-H 'Content-Type:'` (line 1) tells curl not to send a Content-Type header"])
    }

    @Test func jsonSentWithPlainDataKeepsCurlsDefaultContentType() throws {
        let r = try CurlCommand.parse(#"curl https://dev-123.okta.com/oauth2/v1/token -d '{"client_assertion":"x"}'"#)
        #expect(r.mediaType == "application/x-www-form-urlencoded")
        #expect(r.notes == ["the data is JSON, but curl sends -d data as application/x-www-form-urlencoded unless a Content-Type header says otherwise"])
    }

    @Test func multipartForm() throws {
        let r = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token -F grant_type=client_credentials -F 'client_assertion=\(jwt)' -F key=@key.pem")
        #expect(r.method == "POST")
        #expect(r.mediaType == "multipart/form-data")
        #expect(r.notes == ["`-F key=@key.pem` (line 1) reads the value from a file, which assertlint does not read", "-F sends the fields as multipart/form-data"])
        let s = InputReader.subject(r, source: "x", entry: nil, loader: FixtureLoader())
        #expect(InputSamples.issuer(s) == "0oa8f3example")
        #expect(s.notes.last == "client_assertion was read from a multipart/form-data body; Okta reads it only from an application/x-www-form-urlencoded POST body")
    }

    @Test func urlWithoutSchemeAndExtraURLs() throws {
        let r = try CurlCommand.parse("curl dev-123.okta.com/oauth2/v1/token https://other.example.com/x")
        #expect(r.url == "http://dev-123.okta.com/oauth2/v1/token")
        #expect(r.method == "GET")
        #expect(r.notes == [
            "the URL `dev-123.okta.com/oauth2/v1/token` has no scheme: curl sends it over http://, not https://",
            "curl would also request `https://other.example.com/x` (line 1), a second URL; only the first, `http://dev-123.okta.com/oauth2/v1/token`, is checked",
        ])
    }

    @Test func urlOptionAndHeaderWithEqualsSign() throws {
        let r = try CurlCommand.parse("curl --url=https://dev-123.okta.com/oauth2/v1/revoke --data token=abc")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/revoke")
        #expect(r.notes == ["curl has no `--url=value` form (it would reject the option): read as `--url value`"])
    }

    @Test func shellVariablesAreKeptWithANote() throws {
        let r = try CurlCommand.parse(#"curl -X POST "$OKTA_URL/oauth2/v1/token" -d "client_assertion=${ASSERTION}" -d "scope=$(cat scope.txt)""#)
        #expect(r.url == "$OKTA_URL/oauth2/v1/token")
        #expect(r.formFields.map(\.value) == ["${ASSERTION}", "$(cat scope.txt)"])
        #expect(r.notes == [
            "`$OKTA_URL` (line 1) is a variable: a shell would put its value here; it was read as written",
            "`${ASSERTION}` (line 1) is a variable: a shell would put its value here; it was read as written",
            "`$(cat scope.txt)` (line 1) is a command substitution: a shell would put the command's output here; it was read as written",
        ])
    }

    @Test func doubleQuoteEscapesAndSingleQuotesStayLiteral() throws {
        let r = try CurlCommand.parse(#"curl https://a.example.com/token -d "a=\"q\" \$x \\" -d 'b=$HOME\n'"#)
        #expect(r.formFields.map(\.value) == [#""q" $x \"#, #"$HOME\n"#])
        #expect(r.notes == [])
    }

    @Test func promptsAndCurlInsideAScript() throws {
        let script = """
        #!/bin/sh
        set -e
        JWKS=$(curl -s https://dev-123.okta.com/oauth2/v1/keys)
        $ curl -s -X POST https://dev-123.okta.com/oauth2/v1/token \\
          -d grant_type=client_credentials \\
          -d "client_assertion=\(jwt)" | jq .access_token
        echo done
        """
        let subjects = try InputReader.subjects(from: script, source: "get-token.sh")
        #expect(subjects.count == 1)
        let r = try #require(subjects.first?.request)
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(fields(r) == ["grant_type=client_credentials @5:6", "client_assertion=\(jwt) @6:7"])
        #expect(subjects.first?.entry == nil)
        #expect(at(subjects.first?.assertionPosition) == "6:7")
    }

    @Test func twoTokenCallsInAScriptAreTwoSubjects() throws {
        let script = "curl -d a=b https://dev-123.okta.com/oauth2/v1/token\nPS C:\\> curl.exe -d token=x https://dev-123.okta.com/oauth2/v1/revoke\n"
        let subjects = try InputReader.subjects(from: script, source: "s.sh")
        #expect(subjects.map(\.entry) == ["curl on line 1: POST https://dev-123.okta.com/oauth2/v1/token",
                                          "curl on line 2: POST https://dev-123.okta.com/oauth2/v1/revoke"])
    }

    @Test func firstLineOffsetsPositions() throws {
        let r = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token \\\n -d a=b", firstLine: 10)
        #expect(at(r.urlPosition) == "10:6")
        #expect(fields(r) == ["a=b @11:5"])
    }

    @Test func redirectsAndPipesAreNotArguments() throws {
        let r = try CurlCommand.parse("curl https://dev-123.okta.com/oauth2/v1/token -d a=b > out.json 2>&1 | jq .")
        #expect(r.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(r.notes == [])
    }

    @Test func noCurlAndNoURL() {
        #expect(throws: InputError("curl", "no curl command found: the text does not start with `curl`")) { try CurlCommand.parse("wget https://x") }
        #expect(throws: InputError("curl", "the curl command has no URL")) { try CurlCommand.parse("curl -d a=b") }
    }
}
