import Foundation
import Testing
@testable import AssertLintKit

/// `probe`: the request is sent as parsed, and the answer is compared with the prediction.
@Suite struct OnlineProbeTests {
    static func tokenRequest(base: String, aud: String) -> TokenRequest {
        let header = Base64URL.encode(#"{"alg":"RS256","kid":"key-2025"}"#)
        let claims = Base64URL.encode(#"{"iss":"0oa8f3example","sub":"0oa8f3example","aud":"\#(aud)","exp":4102444800,"jti":"p1"}"#)
        let assertion = "\(header).\(claims).c2lnbmF0dXJl"
        return TokenRequest(method: "POST", url: "\(base)/oauth2/v1/token",
                            headers: [HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"),
                                      HTTPHeader(name: "X-Request-Trace", value: "t-1")],
                            body: .form([FormField(name: "grant_type", value: "client_credentials"),
                                         FormField(name: "scope", value: "okta.users.read"),
                                         FormField(name: "client_assertion_type", value: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                                         FormField(name: "client_assertion", value: assertion)]))
    }

    /// The prediction from the aud rule alone, so the test does not depend on which other rules exist.
    static func predict(_ request: TokenRequest) -> Diagnosis {
        let assertion = request.form("client_assertion").map { FixtureLoader.decode($0.value) } ?? .absent
        return Engine(rules: [AudienceMismatch()]).run(Subject(source: "<test>", request: request, assertion: assertion))
    }

    @Test func agreementWhenTheServerAnswersAsPredicted() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let request = Self.tokenRequest(base: server.base, aud: "\(server.base)/oauth2/default/v1/token")
        let prediction = Self.predict(request)
        #expect(prediction.serverAnswer?.ruleID == "aud-mismatch")
        let result = try Prober().probe(request, prediction: prediction)
        #expect(result.status == 401)
        #expect(result.error == "invalid_client")
        #expect(result.errorDescription == "The audience claim for client_assertion must be the endpoint invoked for the request.")
        #expect(result.verdict == .agree)
        #expect(result.summaryLines.last == "verdict: the server agrees with the prediction")
    }

    @Test func disagreementWhenTheServerAnswersOtherwise() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        // The aud is right, so assertlint (with the aud rule only) predicts no error; the server refuses the signature.
        let request = Self.tokenRequest(base: server.base, aud: "\(server.base)/oauth2/v1/token")
        let result = try Prober().probe(request, prediction: Self.predict(request))
        #expect(result.verdict == .disagree([.unpredictedFailure(status: 401, error: "invalid_client",
                                                                 description: "The client_assertion signature is invalid.")]))
        #expect(result.summaryLines.contains("verdict: DISAGREEMENT"))
        #expect(result.summaryLines.last == ProbeResult.disagreementAdvice)
        #expect(ProbeResult.disagreementAdvice.contains("catalog is wrong or Okta has changed"))
    }

    @Test func eachKindOfDifferenceIsNamed() {
        let predicted = ServerAnswer(status: 401, error: "invalid_client", errorDescription: "The client_assertion token is expired.",
                                     verbatim: false)
        let verdict = ProbeResult.compare(prediction: predicted, status: 400, error: "invalid_request", description: "Other text.")
        #expect(verdict == .disagree([.status(predicted: 401, actual: 400),
                                      .error(predicted: "invalid_client", actual: "invalid_request"),
                                      .description(predicted: "The client_assertion token is expired.", actual: "Other text.", predictionVerbatim: false)]))
        #expect(ProbeResult.compare(prediction: predicted, status: 200, error: nil, description: nil) == .disagree([.unexpectedSuccess(status: 200)]))
        #expect(ProbeResult.compare(prediction: predicted, status: 401, error: "invalid_client",
                                    description: "The client_assertion token is expired.") == .agree)
        #expect(ProbeResult.compare(prediction: nil, status: 200, error: nil, description: nil) == .agree)
    }

    @Test func theRequestIsSentAsParsed() throws {
        let server = try OktaStandIn.start()
        defer { server.stop() }
        let request = Self.tokenRequest(base: server.base, aud: "\(server.base)/oauth2/v1/token")
        _ = try Prober().probe(request, prediction: Self.predict(request))
        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.target == "/oauth2/v1/token")
        #expect(sent.header("X-Request-Trace") == "t-1")
        #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
        // libcurl adds nothing the user did not write, except Host, Content-Length and the User-Agent.
        #expect(sent.header("Accept") == nil)
        #expect(sent.header("Expect") == nil)
        #expect(FormEncoding.fields(sent.bodyText) == request.formFields)
    }

    @Test func redirectsAreNotFollowedAndHeadersAreKept() throws {
        let server = try LoopbackHTTPServer { r in
            r.path == "/moved"
                ? .respond(status: 302, headers: [("Location", "/elsewhere"), ("DPoP-Nonce", "n-123")], body: [])
                : .json(200, #"{"access_token":"eyJsecret","token_type":"Bearer"}"#)
        }
        defer { server.stop() }
        let request = TokenRequest(method: "POST", url: "\(server.base)/moved", body: .form([FormField(name: "grant_type", value: "client_credentials")]))
        let result = try Prober().probe(request, prediction: Self.predict(request))
        #expect(result.status == 302)
        #expect(result.dpopNonce == "n-123")
        #expect(server.requests.map(\.path) == ["/moved"])
        let success = try Prober().probe(TokenRequest(method: "POST", url: "\(server.base)/ok"), prediction: Self.predict(request))
        #expect(success.redactedBody == #"{"access_token":"(redacted)","token_type":"Bearer"}"#)
    }

    @Test func aProbeToANonLoopbackHTTPURLIsRefused() {
        let request = TokenRequest(method: "POST", url: "http://dev-123.okta.com/oauth2/v1/token")
        #expect(throws: NetworkError(method: "POST", url: "http://dev-123.okta.com/oauth2/v1/token",
                                     cause: .refusedURL("refused: plain http is accepted only for loopback hosts (127.0.0.0/8, localhost, [::1]); use https"))) {
            try Prober().probe(request, prediction: Self.predict(request))
        }
    }
}
