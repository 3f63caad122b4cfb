import Foundation
import Testing
@testable import AssertLintKit

/// HTTPie commands as docs and READMEs write them, read into the request HTTPie sends.
@Suite("HTTPie command reader")
struct HTTPieCommandTests {
    static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    @Test("--form with headers and items: a form body, the headers, the assertion judged")
    func form() throws {
        let text = """
        http --form POST https://dev-123.okta.com/oauth2/v1/token \\
          accept:application/json \\
          grant_type=client_credentials \\
          scope=okta.users.read \\
          client_assertion=\(Pasted.token())
        """
        let r = try Pasted.judge(text)
        let request = try #require(r.subject.request)
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/token")
        #expect(request.header("accept")?.value == "application/json")
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(request.formFields.map(\.name) == ["grant_type", "scope", "client_assertion"])
        #expect(request.form("scope")?.position?.line == 4)
        #expect(r.ids == ["assertion-type-missing"])
        #expect(r.subject.notes.prefix(2) == ["read as an HTTPie command (`http`) on line 1",
                                             "--form: the `name=value` items are the form HTTPie sends (application/x-www-form-urlencoded): grant_type, scope, client_assertion"])
    }

    @Test("without --form the items are JSON: content-type-invalid, and the note says how to fix it")
    func jsonByDefault() throws {
        let text = "http POST https://dev-123.okta.com/oauth2/v1/token grant_type=client_credentials client_assertion_type=\(Self.type) client_assertion=\(Pasted.token())"
        let r = try Pasted.judge(text)
        let request = try #require(r.subject.request)
        #expect(request.mediaType == "application/json")
        guard case .raw(let body) = request.body else { Issue.record("not a raw body"); return }
        #expect(body.hasPrefix(#"{"grant_type": "client_credentials", "client_assertion_type": ""#))
        #expect(r.ids.contains("content-type-invalid"))
        #expect(r.subject.notes.contains("without --form, HTTPie sends `name=value` items as a JSON object (application/json), not as a form: add `--form` (or `-f`) to send application/x-www-form-urlencoded"))
    }

    @Test("https, no scheme, -a user:pass, name==query, name:=json, no method")
    func shorthands() throws {
        let read = try #require(HTTPieCommand.read("$ https -a 0oa1:s3cr3t dev-123.okta.com/oauth2/v1/introspect token==abc count:=3 -f token_type_hint=access_token"))
        let request = read.request
        #expect(request.method == "POST")
        #expect(request.url == "https://dev-123.okta.com/oauth2/v1/introspect?token=abc")
        #expect(request.header("Authorization")?.value == "Basic " + Data("0oa1:s3cr3t".utf8).base64EncodedString())
        #expect(request.formFields.map(\.name) == ["count", "token_type_hint"])
        #expect(request.notes.contains("the URL has no scheme: `https` sends it to https://"))
        #expect(request.notes.contains("the command names no method, so HTTPie sends POST (it has body items)"))
        #expect(request.notes.contains("`--auth user:password`: HTTPie sends the pair as an `Authorization: Basic` header"))
    }

    @Test("`:3000/x` is localhost; an item with only a file makes the body not shown")
    func localhostAndFile() throws {
        let read = try #require(HTTPieCommand.read("http -f POST :3000/oauth2/v1/token client_assertion@assertion.jwt"))
        #expect(read.request.url == "http://localhost:3000/oauth2/v1/token")
        #expect(read.request.shows.body == false)
        #expect(read.request.notes.contains("the body takes a file (`client_assertion@assertion.jwt`) the paste does not hold: the parameters are not checked"))
    }

    @Test("item separators: earliest wins, longest at one place, backslash escapes")
    func separators() {
        #expect(HTTPieCommand.split("a:=1")! == ("a", ":=", "1"))
        #expect(HTTPieCommand.split("a==b=c")! == ("a", "==", "b=c"))
        #expect(HTTPieCommand.split("redirect_uri=http://x")! == ("redirect_uri", "=", "http://x"))
        #expect(HTTPieCommand.split("X-Note:a=b")! == ("X-Note", ":", "a=b"))
        #expect(HTTPieCommand.split(#"a\:b=c"#)! == ("a:b", "=", "c"))
        #expect(HTTPieCommand.split("plain") == nil)
    }

    @Test("lost continuations: item lines after the command are read as its items, and the note says so")
    func lostContinuations() throws {
        let text = """
        http --form POST https://${yourOktaDomain}/oauth2/default/v1/token
          accept:application/json
          authorization:'Basic MG9hYmg3M...'
          grant_type=refresh_token
          refresh_token=MIOf-U1zQbyfa3MUfJHhvnUqIut9ClH0xjlDXGJAyqo

        The answer:
        """
        let read = try #require(HTTPieCommand.read(text))
        #expect(read.request.formFields.map(\.name) == ["grant_type", "refresh_token"])
        #expect(read.request.header("authorization")?.value == "Basic MG9hYmg3M...")
        #expect(read.request.notes.contains("lines 1, 2, 3, 4 end without a backslash, and the next lines are HTTPie items: read as one command (a continuation lost in the paste; a shell would run only the first line)"))
    }

    @Test("prose that starts with http is not a command")
    func notACommand() {
        #expect(HTTPieCommand.start(in: "http is the protocol we use\nand https too") == nil)
        #expect(HTTPieCommand.read("http and https are both fine") == nil)
    }
}
