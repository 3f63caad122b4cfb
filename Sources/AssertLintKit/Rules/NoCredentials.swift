import Foundation

/// A confidential client must authenticate at every endpoint that authenticates clients.
/// JWT apps are assertion-missing's to report; this rule covers secrets and unknown methods.
struct NoCredentials: Rule {
    static let id = "no-credentials"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target else { return }
        guard request.presentedCredentials.isEmpty, case .absent = subject.assertion else { return }
        // A client assertion sent as a JWT bearer grant has its own, more precise finding.
        guard JWTBearerGrantForClientAuth.selfIssuedGrantAssertion(request) == nil else { return }
        let how: String
        let why: String
        switch subject.app.authMethod {
        case .some(.none):
            return
        case .some(let method) where method.usesAssertion:
            return
        case .some(let method):
            why = "the app is registered for \(method.rawValue)"
            how = ClientAuthentication.howTo(method, endpoint: target.endpointURL)
        case nil:
            // An empty client_assertion or a client_assertion_type says the client meant a JWT.
            guard request.form("client_assertion") == nil, request.form("client_assertion_type") == nil else { return }
            if let type = subject.app.type {
                guard type.isConfidential else { return }
                why = "a \(type.rawValue) app is a confidential client"
            } else if request.grantType == "client_credentials" {
                why = "client_credentials is a grant for confidential clients only (public clients cannot use it)"
            } else if request.form("code_verifier") != nil {
                // PKCE without credentials is how a public client (SPA, native) redeems a code.
                findings.cannotJudge(Self.id, needs: "the app's client authentication (--auth-method or app.auth_method) or type (--app-type or app.type)")
                return
            } else {
                let usual = subject.profile.message("no-credentials.default-method").map { $0 + "; " } ?? ""
                why = "the app is assumed to be a confidential client (\(usual)pass --auth-method none if it is a public SPA or native app)"
            }
            how = "send the credential its Client authentication setting names: a client secret (`Authorization: Basic` or `client_secret` in the body) or a signed `client_assertion` with aud \"\(target.endpointURL)\""
        }
        var message = "The request to the \(target.endpoint.displayName) carries no client credentials, but \(why)"
        let named = ClientAuthentication.namesClient(request)
        if named { message += "; `client_id` alone identifies the client but does not authenticate it" }
        // The server answers a client it can look up, but which presents no credential, as one that
        // authenticates with the wrong method; with nothing naming the client, as one without credentials.
        findings.add(Self.id, at: Location.body, message, fix: ["how": how], variant: named ? "client-named" : nil)
    }
}
