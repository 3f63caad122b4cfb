import Foundation

/// Wording shared by the request rules: how each method authenticates, and how form values
/// are shown without leaking credentials.
enum ClientAuthentication {
    /// What a client of this method sends, for fixes ("send ..."). `endpoint` is the URL the
    /// assertion's `aud` must name.
    static func howTo(_ method: AuthMethod, endpoint: String) -> String {
        switch method {
        case .clientSecretBasic:
            return "send the client id and secret as `Authorization: Basic <base64(client_id:client_secret)>`"
        case .clientSecretPost:
            return "send `client_id` and `client_secret` in the form body"
        case .privateKeyJWT:
            return "sign an assertion with the app's private key (RS256 or ES256; iss and sub = the client id, aud = \"\(endpoint)\", a short exp, a new jti) and send it as `client_assertion` with `client_assertion_type=\(ClientAssertionType.jwtBearer)`"
        case .clientSecretJWT:
            return "sign an assertion with HS256 and the client secret (iss and sub = the client id, aud = \"\(endpoint)\", a short exp, a new jti) and send it as `client_assertion` with `client_assertion_type=\(ClientAssertionType.jwtBearer)`"
        case .none:
            return "send only `client_id` (a public client has no credentials)"
        }
    }

    /// Form parameters whose values are credentials and are never shown.
    static let secretParameters: Set<String> = ["client_secret", "client_assertion", "password", "code", "code_verifier",
                                                "refresh_token", "token", "assertion", "subject_token", "actor_token"]

    /// A value for messages: credentials are replaced by a placeholder that keeps their size.
    static func shown(_ name: String, _ value: String) -> String {
        guard secretParameters.contains(name) else { return "'\(value)'" }
        return "<\(name), \(value.utf8.count) bytes, not shown>"
    }

    /// True when the request names the client Okta is to look up without authenticating it: a
    /// non-empty `client_id` parameter (a placeholder such as `{clientId}` names one too).
    static func namesClient(_ request: TokenRequest) -> Bool {
        guard let id = request.form("client_id") else { return false }
        return !id.value.trimmedWhitespace.isEmpty
    }

    /// The URL of an Okta server's token endpoint for a target, if its shape is Okta's.
    static func tokenURL(for target: ServerTarget) -> String? { target.sibling(.token) }
}
