import Foundation

/// "How your input was read" for placeholders: each one a request holds in its URL, headers or
/// form fields, named with where it is and what is still read around it. A placeholder in a
/// credential is named only when it cannot be a real secret (`{token}`, `$CLIENT_SECRET`).
enum PlaceholderNotes {
    static func notes(for request: TokenRequest) -> [String] {
        var out: [String] = []
        // A reader that already named a placeholder (the shell reader's `$VAR` notes) has said it.
        let named = { (token: String) in request.notes.contains { $0.contains("`\(token)`") } }
        if let url = request.endpoint, !url.placeholders.isEmpty {
            let target = ServerTarget.classify(url)
            let shape = target.template != nil || target.endpoint != .other
                ? "\(target.profile.name), \(target.endpoint.displayName)" : "the endpoint it names"
            for token in url.placeholders {
                let part = url.host.contains(token) ? "host" : url.path.contains(token) ? "path" : "query"
                let what = part == "host"
                    ? "the path is read (\(shape)); nothing is compared with the host"
                    : "the rest of the URL is read (\(shape)); this part is not compared"
                out.append("`\(Escape.line(token))` in the URL's \(part) is a placeholder: \(what)")
            }
        }
        for header in request.headers {
            let tokens = Placeholders.find(header.value)
            guard !tokens.isEmpty, !tokens.allSatisfy(named) else { continue }
            let credential = header.name.lowercased() == "authorization"
            let shown = tokens.filter { !credential || Placeholders.isShowable($0) }
            if shown.isEmpty {
                out.append("the \(Escape.line(header.name)) header's value looks like a placeholder (not shown): it is read as present, and its value is not judged")
            } else {
                out.append("\(list(shown)) in the \(Escape.line(header.name)) header \(shown.count == 1 ? "is a placeholder" : "are placeholders"): the header is read as present, its value is not judged")
            }
        }
        // `--data-urlencode ''`: often where a value was cut out of the paste before posting it.
        for field in request.formFields where field.name.isEmpty && field.value.isEmpty {
            let at = field.position.map { " on line \($0.line)" } ?? ""
            out.append("an empty form field\(at) is sent as nothing; if a parameter was taken out of the paste there, paste it to have it checked")
        }
        for field in request.formFields {
            let tokens = Placeholders.find(field.value)
            guard !tokens.isEmpty, !tokens.allSatisfy(named) else { continue }
            if field.name == "client_assertion" {
                // Only a whole-value placeholder: anything else is judged as a token.
                if Placeholders.isWhole(field.value), Placeholders.isShowable(tokens[0]) {
                    out.append("`\(Escape.line(tokens[0]))` in `client_assertion` is a placeholder: the assertion is not in the paste, so its claims and signature are not checked")
                }
                continue
            }
            let credential = ClientAuthentication.secretParameters.contains(field.name)
            let shown = tokens.filter { !credential || Placeholders.isShowable($0) }
            let name = "`\(Escape.line(field.name))`"
            if shown.isEmpty {
                out.append("the value of \(name) looks like a placeholder (not shown): the parameter is read as present, and its value is not judged")
            } else {
                out.append("\(list(shown)) in \(name) \(shown.count == 1 ? "is a placeholder" : "are placeholders"): the parameter is read as present, its value is not judged")
            }
        }
        return out
    }

    static func list(_ tokens: [String]) -> String {
        tokens.map { "`\(Escape.line($0))`" }.joined(separator: ", ")
    }
}
