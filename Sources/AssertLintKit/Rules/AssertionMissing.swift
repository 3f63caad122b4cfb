import Foundation

/// A client that authenticates with a JWT must send one at every endpoint that authenticates
/// clients: /token, and equally /introspect, /revoke, /par, /device/authorize, /bc/authorize.
struct AssertionMissing: Rule {
    static let id = "assertion-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target else { return }
        guard case .absent = subject.assertion, request.presentedCredentials.isEmpty else { return }
        let assertionField = request.form("client_assertion")
        let typeField = request.form("client_assertion_type")
        let method = subject.app.authMethod
        var message: String
        if let method, method.usesAssertion {
            message = "The app authenticates with \(method.rawValue), but the request to \(target.endpointURL) "
        } else if method == nil, assertionField != nil || typeField != nil {
            message = "The request has `\(typeField != nil ? "client_assertion_type" : "client_assertion")` but "
        } else {
            // A non-JWT app with no credentials is no-credentials' finding.
            return
        }
        message += assertionField == nil ? "carries no `client_assertion`" : "has an empty `client_assertion`"
        let named = ClientAuthentication.namesClient(request)
        if named {
            message += "; `client_id` alone identifies the client but does not authenticate it"
        }
        if target.endpoint == .introspect || target.endpoint == .revoke {
            let path = target.endpoint == .introspect ? "/introspect" : "/revoke"
            message += ". \(path) needs the same client authentication as /token, with a fresh assertion whose `aud` is \"\(target.endpointURL)\" (an assertion minted for /token is not accepted here)"
        }
        // What the server's profile adds about this endpoint (Okta's Org server and /introspect).
        if let more = subject.profile.message("assertion-missing.\(target.endpoint.rawValue)") { message += more }
        // With `client_id`, the server finds the client and answers that it authenticated with another method
        // than its own (none); with nothing naming the client, that the request has no credentials.
        findings.add(Self.id, at: Location.form("client_assertion"), message, fix: ["endpoint": target.endpointURL],
                     variant: named ? nil : "client-not-named")
    }
}
