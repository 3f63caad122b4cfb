import Foundation
import Testing
@testable import AssertLintKit

@Suite("PowerShell sessions")
struct PowerShellSessionTests {
    static let session = """
    PS C:\\Users\\dev> $body = @{
    >>     grant_type            = 'client_credentials'
    >>     scope                 = 'okta.users.read'
    >>     client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    >>     client_assertion      = $jwt
    >> }
    PS C:\\Users\\dev> Invoke-RestMethod -Method Post -Uri "https://dev-123.okta.com/oauth2/v1/token" `
    >>   -ContentType 'application/x-www-form-urlencoded' -Body $body
    Invoke-RestMethod: {"error":"invalid_client","error_description":"The client_assertion signature is invalid."}
    """

    @Test("prompts stripped, backticks joined, the $body hashtable read as the form, the answer recorded")
    func sessionWithHashtableVariable() throws {
        let r = try Pasted.judge(Self.session)
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_assertion_type", "client_assertion"])
        #expect(request.form("client_assertion")?.value == "$jwt")
        #expect(request.contentType == "application/x-www-form-urlencoded")
        if case .unseen = r.subject.assertion {} else { Issue.record("the $jwt assertion must be unseen, not judged") }
        #expect(r.ids == [])
        #expect(r.subject.reportedAnswer?.errorDescription == "The client_assertion signature is invalid.")
        #expect(r.subject.notes.prefix(2) == ["read as a PowerShell session: stripped 8 `PS>`/`>>` prompts", "joined 1 backtick (`) continuation"])
    }

    @Test("an inline -Body @{…; …} hashtable, judged: the missing client_assertion_type")
    func inlineHashtable() throws {
        let text = "Invoke-RestMethod -Method Post -Uri https://dev-123.okta.com/oauth2/v1/token -Body @{grant_type='client_credentials'; scope='okta.users.read'; client_assertion='\(Pasted.token())'} -ContentType 'application/x-www-form-urlencoded'"
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.form("client_assertion")?.value == Pasted.token())
        #expect(r.ids == ["assertion-type-missing"])
    }

    @Test("no -Method: PowerShell sends GET, and method-not-post says so")
    func defaultMethodIsGet() throws {
        let text = "PS> Invoke-RestMethod -Uri 'https://dev-123.okta.com/oauth2/v1/token' -Body @{grant_type='client_credentials'}"
        let r = try Pasted.judge(text)
        #expect(r.subject.request?.method == "GET")
        #expect(r.ids == ["method-not-post"])
        #expect(r.subject.notes.contains("the call has no -Method, so PowerShell sends GET"))
    }

    @Test("-Body $body that the paste does not define: the parameters are not judged")
    func undefinedBody() throws {
        let text = "Invoke-RestMethod -Method Post -Uri https://dev-123.okta.com/oauth2/v1/token -Body $form"
        let r = try Pasted.judge(text)
        #expect(r.subject.shows.body == false)
        #expect(r.ids == [])
        #expect(r.unjudged["grant-type-invalid"] != nil)
    }

    @Test("parameter and hashtable parsing")
    func parsing() {
        let args = PowerShellSession.parameters("Invoke-RestMethod -Uri 'https://x/y' -Body @{a = 'b c'; d=$e} -Headers @{ Authorization = \"Basic x\" }")
        #expect(args["uri"] == "'https://x/y'")
        #expect(args["body"] == "@{a = 'b c'; d=$e}")
        let table = PowerShellSession.hashtable("@{a = 'b; c'; \"d\"=$e}", in: "")
        #expect(table?.map(\.key) == ["a", "d"])
        #expect(table?.map(\.value) == ["b; c", "$e"])
        #expect(PowerShellSession.read("Get-Date") == nil)
    }

    @Test("diagnose reads a PowerShell session end to end")
    func endToEnd() throws {
        let text = "PS C:\\> Invoke-RestMethod -Method Post -Uri https://dev-123.okta.com/oauth2/v1/token `\n>> -Body @{grant_type='client_credentials'; scope='okta.users.read'; client_assertion='\(Pasted.token())'}\n"
        let run = try CLITests.run(["diagnose", "--now", "2025-06-02T14:01:40Z", "--format", "json", "-"], stdin: text)
        #expect(run.status == 1)
        let json = try JSONParser.parse(run.stdout)
        let findings = json.objectValue?["results"]?.arrayValue?.first?.objectValue?["findings"]?.arrayValue ?? []
        #expect(findings.compactMap { $0.objectValue?["rule"]?.stringValue } == ["assertion-type-missing"])
    }
}
