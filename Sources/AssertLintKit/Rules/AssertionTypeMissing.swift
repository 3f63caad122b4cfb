import Foundation

/// A JWT client assertion travels with `client_assertion_type` (RFC 7521 §4.2). Without it the
/// server does not know the body carries a client assertion.
struct AssertionTypeMissing: Rule {
    static let id = "assertion-type-missing"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest, request.form("client_assertion_type") == nil else { return }
        let credentials = request.presentedCredentials
        let message: String
        if credentials.contains(.clientAssertion) {
            message = "The body has `client_assertion` but no `client_assertion_type`"
        } else if let method = subject.app.authMethod, method.usesAssertion, credentials.isEmpty {
            // A JWT app that sends nothing needs both parameters; saying so spares a second round trip.
            message = request.form("client_assertion") == nil
                ? "The app authenticates with \(method.rawValue), and the body has neither `client_assertion_type` nor `client_assertion`"
                : "The app authenticates with \(method.rawValue), and the body has an empty `client_assertion` and no `client_assertion_type`"
        } else {
            return
        }
        findings.add(Self.id, at: Location.form("client_assertion_type"), message,
                     fix: ["type": ClientAssertionType.jwtBearer],
                     variant: ClientAuthentication.namesClient(request) ? "client-named" : nil)
    }
}
