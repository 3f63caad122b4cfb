import Foundation

/// The request curl sends, put together from the options read: the URL and credentials
/// (`CurlReading+URL.swift`), the data and body (`CurlReading+Body.swift`) and the method.
extension CurlCommand.Reading {
    mutating func request() throws(InputError) -> TokenRequest {
        guard var urlWord = url else {
            throw InputError("curl", "the curl command has no URL")
        }
        // `curl -v POST … https://…`: curl takes the bare method for a host (`Rebuilt URL to: POST/`)
        // and requests it first; the request the user meant is the next URL.
        if Self.httpMethods.contains(urlWord.text), !extraURLs.isEmpty {
            let meant = extraURLs.removeFirst()
            notes.append("`\(urlWord.text)` (line \(urlWord.position.line)) is not an option: curl takes it for a host (http://\(urlWord.text)/) and requests it before `\(Self.short(meant.text))`; `-X \(urlWord.text)` was probably meant, and only the request to `\(Self.short(meant.text))` is judged")
            urlWord = meant
        }
        var urlText = targetURL(urlWord)
        let data = assembledData()
        let (method, methodPosition) = requestMethod()
        appendQuery(to: &urlText, method: method, data: data)
        var headers = self.headers
        addCredentials(to: &headers)
        let (requestBody, bodyPosition) = body(data, headers: &headers, url: urlText)
        let guesses = readerGuesses(prompt: prompt, fields: data.fields)
        var request = TokenRequest(method: method, url: urlText, headers: headers, body: requestBody,
                                   methodPosition: methodPosition, urlPosition: urlWord.position,
                                   bodyPosition: bodyPosition, notes: notes)
        request.guesses = guesses
        request.shows.unshownParameters = unshownParameters(data.fields)
        return request
    }

    static let httpMethods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// curl's method: GET, HEAD with -I, PUT with -T, POST once there is data, -X over all.
    func requestMethod() -> (String, SourcePosition?) {
        var method = "GET"
        var position: SourcePosition?
        if head { method = "HEAD" }
        if upload { method = "PUT" }
        if !data.isEmpty || !formParts.isEmpty {
            method = get ? "GET" : "POST"
            position = data.first?.word.position ?? formWord?.position
        }
        if let (m, w) = self.method {
            method = m
            position = w.position
        }
        return (method, position)
    }

    /// Whether the request sends header `name`, or -H `Name:` told curl not to add it.
    func has(_ name: String, in headers: [HTTPHeader]) -> Bool {
        headers.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame } || removedHeaders.contains(name.lowercased())
    }
}
