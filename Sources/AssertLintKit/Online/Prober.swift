import Foundation

/// Sends the user's request for real (method, URL, headers, body as parsed; redirects off)
/// and compares the server's answer with assertlint's prediction. The only code that sends
/// a client credential anywhere; the CLI asks for confirmation (or `--yes`) first.
public struct Prober: Sendable {
    public let client: HTTPClient

    public init(client: HTTPClient = HTTPClient()) {
        self.client = client.with { $0.followRedirects = false }
    }

    /// The HTTP request that `probe` sends for a parsed request. Form bodies are re-encoded
    /// from their decoded fields (byte-for-byte equal to the paste only when it was encoded
    /// canonically); `Content-Length` is recomputed by libcurl.
    public static func httpRequest(for request: TokenRequest) -> HTTPRequest {
        var body: [UInt8]?
        switch request.body {
        case .none: body = nil
        case .raw(let text): body = Array(text.utf8)
        case .form(let fields):
            body = Array(fields.map { "\(FormEncoding.encode($0.name))=\(FormEncoding.encode($0.value))" }.joined(separator: "&").utf8)
        }
        return HTTPRequest(method: request.method, url: request.url, headers: request.headers, body: body,
                           secrets: sentCredentials(request), exactHeaders: true)
    }

    /// Every credential the request sends, wherever it sits: credential-named form fields, JSON
    /// members at any depth and query parameters (`client_secret`, `clientSecret`, `client-secret`),
    /// the assertion and its signature, credential headers with and without their scheme, Basic's
    /// password and `user:password`, and URL userinfo. A server that echoes any of them back has
    /// each occurrence replaced before anything is printed.
    public static func sentCredentials(_ request: TokenRequest) -> [String] {
        var out: [String] = []
        func add(_ value: String) {
            let v = value.trimmingCharacters(in: .whitespaces)
            if !v.isEmpty { out.append(v) }
        }
        func addJWT(_ value: String) {
            add(value)
            let parts = value.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3 { add(String(parts[2])) }
        }
        for f in request.formFields where URLDisplay.isCredentialName(f.name) { addJWT(f.value) }
        if case .raw(let text) = request.body {
            if let json = try? JSONParser.parse(text) { collect(json, credentialKey: false, into: &out) }
            for f in FormEncoding.fields(text) where URLDisplay.isCredentialName(f.name) { addJWT(f.value) }
        }
        for h in request.headers where URLDisplay.isCredentialName(h.name) || ["dpop", "x-api-key"].contains(h.name.lowercased()) {
            add(h.value)
            if let space = h.value.firstIndex(of: " ") { addJWT(String(h.value[h.value.index(after: space)...])) }
        }
        if let basic = request.basicCredentials, basic.decodable {
            add(basic.password)
            add("\(basic.user):\(basic.password)")
        }
        if let parts = URLParts(request.url) {
            if let password = parts.password {
                add(password)
                add(FormEncoding.decode(Substring(password)))
                if let user = parts.user { add("\(user):\(password)") }
            }
            for piece in [parts.query, parts.fragment].compactMap({ $0 }) {
                for f in FormEncoding.fields(piece) where URLDisplay.isCredentialName(f.name) { addJWT(f.value) }
            }
        }
        return out
    }

    private static func collect(_ json: JSONValue, credentialKey: Bool, into out: inout [String]) {
        switch json {
        case .string(let s) where credentialKey: out.append(s)
        case .object(let o):
            for m in o.members { collect(m.value, credentialKey: credentialKey || URLDisplay.isCredentialName(m.key), into: &out) }
        case .array(let a):
            for v in a { collect(v, credentialKey: credentialKey, into: &out) }
        default: break
        }
    }

    public func probe(_ request: TokenRequest, prediction: Diagnosis) throws(NetworkError) -> ProbeResult {
        let http = Self.httpRequest(for: request)
        let response = try client.send(http)
        return ProbeResult(response: response, prediction: prediction.serverAnswer?.answer,
                           predictedRuleID: prediction.serverAnswer?.ruleID, sentSecrets: http.allSecrets)
    }
}

/// The server's answer to a probe, next to the prediction.
public struct ProbeResult: Sendable {
    public let status: Int
    /// The response body as received. A successful answer carries tokens: print `redactedBody`.
    public let body: String
    /// What the probe sent that must not be printed back (the server may echo the request).
    let sentSecrets: [String]
    /// The body with token and secret values replaced, and every credential the probe sent
    /// replaced wherever the server echoed it, for printing and issue reports.
    public var redactedBody: String {
        guard case .object(var o)? = try? JSONParser.parse(body) else { return redact(body) }
        for i in o.members.indices where Self.secretMembers.contains(o.members[i].key) {
            o.members[i].value = .string("(redacted)")
        }
        return redact(JSONValue.object(o).compactText)
    }

    /// `text` with every credential the probe sent replaced, also in its percent-encoded and
    /// JSON-escaped forms.
    func redact(_ text: String) -> String {
        SecretScrubber.scrub(text, sentSecrets.flatMap { [$0, FormEncoding.encode($0), $0.replacingOccurrences(of: "/", with: "\\/")] })
    }

    static let secretMembers: Set<String> = ["access_token", "id_token", "refresh_token", "client_secret", "device_code", "issued_token"]
    /// `error` / `error_description`, or Okta's API error shape (`errorCode` / `errorSummary`).
    public let error: String?
    public let errorDescription: String?
    public let dpopNonce: String?
    public let wwwAuthenticate: String?
    /// What assertlint predicted (nil: no client-authentication error predicted).
    public let prediction: ServerAnswer?
    public let predictedRuleID: String?
    public let verdict: ProbeVerdict

    public init(response: HTTPResponse, prediction: ServerAnswer?, predictedRuleID: String?, sentSecrets: [String] = []) {
        self.sentSecrets = sentSecrets
        status = response.status
        body = response.text
        let object = (try? JSONParser.parse(response.body))?.objectValue
        error = object?["error"]?.stringValue ?? object?["errorCode"]?.stringValue
        errorDescription = object?["error_description"]?.stringValue ?? object?["errorSummary"]?.stringValue
        dpopNonce = response.header("DPoP-Nonce")
        wwwAuthenticate = response.header("WWW-Authenticate")
        self.prediction = prediction
        self.predictedRuleID = predictedRuleID
        verdict = Self.compare(prediction: prediction, status: status, error: error, description: errorDescription)
    }

    static func compare(prediction: ServerAnswer?, status: Int, error: String?, description: String?) -> ProbeVerdict {
        guard let p = prediction else {
            if (200..<300).contains(status) { return .agree }
            return .disagree([.unpredictedFailure(status: status, error: error, description: description)])
        }
        var differences: [ProbeDifference] = []
        if (200..<300).contains(status) {
            return .disagree([.unexpectedSuccess(status: status)])
        }
        if let s = p.status, s != status { differences.append(.status(predicted: s, actual: status)) }
        if let e = p.error, e != error { differences.append(.error(predicted: e, actual: error)) }
        if let d = p.errorDescription, d != description {
            differences.append(.description(predicted: d, actual: description, predictionVerbatim: p.verbatim))
        }
        return differences.isEmpty ? .agree : .disagree(differences)
    }

    /// Lines for the report: the answer, the prediction, the verdict and, on disagreement,
    /// what it means and how to report it. What the server sent has the probe's credentials
    /// replaced.
    public var summaryLines: [String] { lines.map(redact) }

    private var lines: [String] {
        var lines = ["server answered: HTTP \(status)" + (error.map { " \($0)" } ?? "") + (errorDescription.map { ": \($0)" } ?? "")]
        if let p = prediction {
            lines.append("assertlint predicted: HTTP \(p.status.map(String.init) ?? "?") \(p.error ?? "?")" + (p.errorDescription.map { ": \($0)" } ?? "")
                         + (predictedRuleID.map { " (rule \($0))" } ?? ""))
        } else {
            lines.append("assertlint predicted: no client-authentication error")
        }
        if let dpopNonce { lines.append("DPoP-Nonce: \(dpopNonce) (the server wants a DPoP proof with this nonce; sign a new client assertion for the retry)") }
        if let wwwAuthenticate { lines.append("WWW-Authenticate: \(wwwAuthenticate)") }
        switch verdict {
        case .agree:
            lines.append("verdict: the server agrees with the prediction")
        case .disagree(let differences):
            lines.append("verdict: DISAGREEMENT")
            lines += differences.map { "  \($0)" }
            lines.append(Self.disagreementAdvice)
        }
        return lines
    }

    public static let disagreementAdvice = "A disagreement means assertlint's catalog is wrong or Okta has changed its behaviour. "
        + "Please open an issue in assertlint's issue tracker with the request and the server's response, redacted: "
        + "remove the assertion's signature, client secrets, Authorization header values and tokens (keep the header and claims)."
}

public enum ProbeVerdict: Sendable, Equatable {
    case agree
    case disagree([ProbeDifference])
}

public enum ProbeDifference: Sendable, Equatable, CustomStringConvertible {
    case status(predicted: Int, actual: Int)
    case error(predicted: String, actual: String?)
    case description(predicted: String, actual: String?, predictionVerbatim: Bool)
    case unexpectedSuccess(status: Int)
    case unpredictedFailure(status: Int, error: String?, description: String?)

    public var description: String {
        switch self {
        case .status(let p, let a): return "status differs: predicted \(p), server sent \(a)"
        case .error(let p, let a): return "error differs: predicted \(p), server sent \(a ?? "no error member")"
        case .description(let p, let a, let verbatim):
            let got = a.map { "\"\($0)\"" } ?? "no error_description"
            return "error_description differs: predicted \"\(p)\", server sent \(got)"
                + (verbatim ? "" : " (the catalog marks its text as assertlint's wording, not Okta's: the server's text is worth recording)")
        case .unexpectedSuccess(let s): return "the server accepted the request (HTTP \(s)) although assertlint predicted an error"
        case .unpredictedFailure(let s, let e, let d):
            return "the server refused the request (HTTP \(s)\(e.map { " \($0)" } ?? "")\(d.map { ": \($0)" } ?? "")) although assertlint predicted no client-authentication error"
        }
    }
}
