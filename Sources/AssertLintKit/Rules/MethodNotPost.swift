import Foundation

/// Endpoints that authenticate clients take POST only (RFC 6749 §3.2): `curl -G` or `-X GET`
/// moves the parameters into the URL, where the server does not read them.
struct MethodNotPost: Rule {
    static let id = "method-not-post"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthEndpointRequest, let target = subject.target else { return }
        let method = request.method.trimmingCharacters(in: .whitespaces)
        guard method != "POST" else { return }
        var message = "The request uses \(method.isEmpty ? "no method" : method); the \(target.endpoint.displayName) accepts only POST"
        if method.uppercased() == "POST" { message += " (methods are case-sensitive: write it in capitals)" }
        if let query = request.endpoint?.query, !query.isEmpty {
            let names = FormEncoding.fields(query).map(\.name)
            message += ". The parameters (\(names.joined(separator: ", "))) are in the URL's query string, which is where curl's -G puts them; they belong in the form body"
        }
        findings.add(Self.id, at: Location.method, message, fix: ["endpoint": target.endpointURL])
    }
}
