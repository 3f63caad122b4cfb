import Foundation

/// A client authenticates one way per request (RFC 6749 §2.3: the client MUST NOT use more
/// than one authentication method in each request).
struct MultipleCredentials: Rule {
    static let id = "multiple-credentials"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, let target = subject.target else { return }
        let credentials = request.presentedCredentials
        guard credentials.count > 1 else { return }
        let list = credentials.map(\.displayName)
        let listed = list.dropLast().joined(separator: ", ") + " and " + (list.last ?? "")
        var message = "The request carries \(credentials.count) client credentials: \(listed)"
        if let basic = request.basicCredentials, basic.decodable, let secret = request.form("client_secret"),
           basic.password == secret.value {
            message += " (the Basic header and the body carry the same secret; sending it twice is still two credentials)"
        }
        let keep: String
        if let method = subject.app.authMethod {
            keep = "the app is registered for \(method.rawValue), so \(Self.keepAdvice(method, credentials))"
        } else if credentials.contains(.clientAssertion) {
            keep = "if the app uses a JWT method, keep `client_assertion` and `client_assertion_type` and remove " +
                credentials.filter { $0 != .clientAssertion }.map(Self.name).joined(separator: " and ")
        } else {
            keep = "keep either the Authorization header or `client_secret` in the body, whichever the app's client authentication expects"
        }
        let pointer = credentials.contains(.authorizationHeader) ? Location.httpHeader("Authorization") : Location.form("client_secret")
        findings.add(Self.id, at: pointer, message, fix: ["keep": keep, "endpoint": target.endpointURL])
    }

    static func name(_ c: PresentedCredential) -> String {
        switch c {
        case .authorizationHeader: return "the Authorization header"
        case .clientSecret: return "`client_secret` from the body"
        case .clientAssertion: return "`client_assertion`"
        }
    }

    static func keepAdvice(_ method: AuthMethod, _ present: [PresentedCredential]) -> String {
        let kept: PresentedCredential?
        switch method {
        case .clientSecretBasic: kept = .authorizationHeader
        case .clientSecretPost: kept = .clientSecret
        case .privateKeyJWT, .clientSecretJWT: kept = .clientAssertion
        case .none: kept = nil
        }
        guard let kept else { return "remove all of them and send only `client_id`" }
        let removed = present.filter { $0 != kept }.map(name).joined(separator: " and ")
        let keptText: String
        switch kept {
        case .authorizationHeader: keptText = "the Authorization header"
        case .clientSecret: keptText = "`client_secret` in the body"
        case .clientAssertion: keptText = "`client_assertion` (with `client_assertion_type`)"
        }
        return present.contains(kept) ? "keep \(keptText) and remove \(removed)" : "remove \(removed) and send \(keptText) instead"
    }
}
