import Foundation

/// Reads a HAR file (browser or proxy export): every entry that calls an authorization
/// server's client-authenticating endpoint, or sends a `client_assertion`, is one request.
enum HARArchive {
    struct Entry: Sendable {
        /// The recorded error answer, when the entry's response is one.
        public var answer: ReportedAnswer? = nil
        let request: TokenRequest
        /// "entry 3: POST https://…/oauth2/v1/token"
        let name: String
    }

    static func isHAR(_ json: JSONValue) -> Bool {
        json.objectValue?["log"]?.objectValue?["entries"]?.arrayValue != nil
    }

    static func entries(_ json: JSONValue, source: String) throws(InputError) -> [Entry] {
        guard let entries = json.objectValue?["log"]?.objectValue?["entries"]?.arrayValue else {
            throw InputError(source, "not a HAR file: there is no `log.entries` array")
        }
        var out: [Entry] = []
        for (index, entry) in entries.enumerated() {
            guard let request = entry.objectValue?["request"]?.objectValue,
                  let url = request["url"]?.stringValue else { continue }
            let method = request["method"]?.stringValue?.uppercased() ?? "GET"
            var tokenRequest = TokenRequest(method: method, url: url)
            var notes: [String] = []
            for h in request["headers"]?.arrayValue ?? [] {
                guard let o = h.objectValue, let name = o["name"]?.stringValue, !name.hasPrefix(":") else { continue }
                tokenRequest.headers.append(HTTPHeader(name: name, value: o["value"]?.stringValue ?? ""))
            }
            if let post = request["postData"]?.objectValue {
                let mime = post["mimeType"]?.stringValue ?? ""
                if tokenRequest.header("Content-Type") == nil, !mime.isEmpty {
                    tokenRequest.headers.append(HTTPHeader(name: "Content-Type", value: mime))
                    notes.append("the entry records no Content-Type header; used postData.mimeType `\(mime)`")
                }
                let isForm = tokenRequest.mediaType == "application/x-www-form-urlencoded"
                if let params = post["params"]?.arrayValue, !params.isEmpty, isForm || post["text"] == nil {
                    // Browsers record params as sent (percent-encoded) or decoded, depending on the browser.
                    let fields = params.compactMap { p -> FormField? in
                        guard let o = p.objectValue, let name = o["name"]?.stringValue else { return nil }
                        let value = o["value"]?.stringValue ?? ""
                        let encoded = value.range(of: "%[0-9A-Fa-f]{2}", options: .regularExpression) != nil || value.contains("+")
                        return FormField(name: encoded ? FormEncoding.decode(Substring(name)) : name,
                                         value: encoded ? FormEncoding.decode(Substring(value)) : value)
                    }
                    tokenRequest.body = .form(fields)
                } else if let text = post["text"]?.stringValue {
                    tokenRequest.body = RequestBody.read(text, mediaType: isForm ? "application/x-www-form-urlencoded" : nil)
                }
            }
            let endpoint = tokenRequest.endpoint.map(ServerTarget.classify)?.endpoint
            let sendsAssertion = tokenRequest.form("client_assertion") != nil
                || { if case .raw(let t) = tokenRequest.body { return t.contains("client_assertion") } else { return false } }()
            // A browser's CORS preflight to /token carries no credentials.
            guard method != "OPTIONS", endpoint?.authenticatesClient == true || sendsAssertion else { continue }
            let response = entry.objectValue?["response"]?.objectValue
            if let note = responseNote(response) { notes.append(note) }
            tokenRequest.notes = notes
            var recorded = Entry(request: tokenRequest, name: "entry \(index + 1): \(method) \(url)")
            recorded.answer = reportedAnswer(response)
            out.append(recorded)
        }
        if out.isEmpty {
            throw InputError(source, "the HAR file has \(entries.count) entr\(entries.count == 1 ? "y" : "ies"), and none calls an authorization server's token, introspect, revoke or PAR endpoint or sends a client_assertion")
        }
        return out
    }

    /// "recorded response: 401 {"error":"invalid_client",...}", with tokens redacted.
    static func responseNote(_ response: JSONObject?) -> String? {
        guard let response, let status = response["status"]?.finiteNumber, status > 0, status < 1000 else { return nil }
        var note = "recorded response: \(Int(status))"
        if let content = response["content"]?.objectValue, var text = content["text"]?.stringValue, !text.isEmpty {
            if content["encoding"]?.stringValue == "base64", let data = Data(base64Encoded: text) {
                text = String(decoding: data, as: UTF8.self)
            }
            if let json = try? JSONParser.parse(text) {
                text = redacted(json).compactText
            } else {
                text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
            if text.unicodeScalars.count > 300 { text = String(text.prefix(300)) + "…" }
            note += " " + text
        } else if let statusText = response["statusText"]?.stringValue, !statusText.isEmpty {
            note += " " + statusText
        }
        return note
    }

    /// An error response (4xx with an OAuth or Okta error body), as the answer to set beside the prediction.
    static func reportedAnswer(_ response: JSONObject?) -> ReportedAnswer? {
        guard let response, let status = response["status"]?.finiteNumber, status >= 400, status < 600,
              let content = response["content"]?.objectValue, var text = content["text"]?.stringValue else { return nil }
        if content["encoding"]?.stringValue == "base64", let data = Data(base64Encoded: text) {
            text = String(decoding: data, as: UTF8.self)
        }
        guard var answer = ReportedAnswer.find(in: text) else { return nil }
        answer.status = Int(status)
        answer.line = nil
        return answer
    }

    /// Tokens in a recorded response can still be used: never print them.
    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var o):
            for k in o.members.indices {
                let key = o.members[k].key.lowercased()
                if (key.hasSuffix("token") || key == "client_secret"), case .string = o.members[k].value {
                    o.members[k].value = .string("<redacted>")
                } else {
                    o.members[k].value = redacted(o.members[k].value)
                }
            }
            return .object(o)
        case .array(let a):
            return .array(a.map(redacted))
        default:
            return value
        }
    }
}
