import Foundation

/// The URL curl requests and the credentials it adds from -u and --oauth2-bearer.
extension CurlCommand.Reading {
    /// The first URL, with the scheme curl assumes; notes on the other URLs curl would request.
    mutating func targetURL(_ urlWord: ShellWord) -> String {
        var urlText = urlWord.text.trimmingCharacters(in: .whitespaces)
        if !urlText.contains("://") && !urlText.hasPrefix("$") && !urlText.hasPrefix("%") && !urlText.isEmpty {
            notes.append("the URL `\(Self.short(urlText))` has no scheme: curl sends it over http://, not https://")
            urlText = "http://" + urlText
        }
        readUserInfo(urlText, word: urlWord)
        for extra in extraURLs {
            notes.append("curl would also request `\(Self.short(extra.text))` (line \(extra.position.line)), a second URL; only the first, `\(Self.short(urlText))`, is checked")
        }
        if !bareFields.isEmpty {
            let names = bareFields.map { "`\($0.word.text.prefix(while: { $0 != "=" }))=…`" }
            let lines = Array(Set(bareFields.map(\.word.position.line))).sorted().map(String.init).joined(separator: ", ")
            let option = bareFields[0].option
            notes.append("curl treats the bare word\(names.count == 1 ? "" : "s") \(Self.list(names)) (line\(lines.contains(",") ? "s" : "") \(lines)) as \(names.count == 1 ? "another URL" : "extra URLs"), not as form data: \(names.count == 1 ? "it needs" : "each needs") its own \(option); \(names.count == 1 ? "it was read as the form field it was" : "they were read as the form fields they were") meant to be")
        }
        return urlText
    }

    /// `user:password@` in the URL, which curl sends as Basic credentials unless -u gives others.
    /// The URL keeps it as written (reports show it redacted); the host and path judged are the same.
    mutating func readUserInfo(_ urlText: String, word: ShellWord) {
        guard let scheme = urlText.range(of: "://") else { return }
        let authority = urlText[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return }
        let info = String(authority[..<at])
        urlUser = (info.removingPercentEncoding ?? info, word)
    }

    /// -G moves the data into the query; --url-query adds to it.
    mutating func appendQuery(to urlText: inout String, method: String, data assembled: AssembledData) {
        if get && !data.isEmpty {
            if !assembled.body.isEmpty {
                urlText += (urlText.contains("?") ? "&" : "?") + assembled.body
            }
            notes.append("-G sends the data in the URL query of a \(method) request, not in the body")
        }
        if !urlQueries.isEmpty {
            urlText += (urlText.contains("?") ? "&" : "?") + urlQueries.joined(separator: "&")
        }
    }

    /// The Authorization header curl builds from -u or --oauth2-bearer, unless -H gave one.
    mutating func addCredentials(to headers: inout [HTTPHeader]) {
        let fromURL = user == nil && urlUser != nil
        if let (u, w) = user ?? urlUser {
            let option = fromURL ? "the user and password in the URL" : "-u"
            if has("Authorization", in: headers) {
                notes.append("\(option) \(fromURL ? "are" : "is") overridden by the Authorization header given with -H")
            } else {
                let credentials: String
                if u.contains(":") {
                    credentials = u
                    let name = String(u.prefix(while: { $0 != ":" }))
                    notes.append("the Authorization: Basic header comes from \(option) (user `\(Self.short(name))`)")
                } else {
                    credentials = u + ":"
                    notes.append("-u `\(Self.short(u))` has no password (no `:`): curl would ask for it; read with an empty password")
                }
                headers.append(HTTPHeader(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString(),
                                          position: w.position))
            }
        }
        if let (token, w) = bearer, !has("Authorization", in: headers) {
            headers.append(HTTPHeader(name: "Authorization", value: "Bearer " + token, position: w.position))
        }
    }
}
