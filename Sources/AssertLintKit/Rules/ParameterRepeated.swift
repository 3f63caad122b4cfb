import Foundation

/// Request parameters must not be included more than once (RFC 6749 §3.2, §2.3).
struct ParameterRepeated: Rule {
    static let id = "parameter-repeated"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthRequest else { return }
        var seen: [String: [String]] = [:]
        var order: [String] = []
        for field in request.formFields {
            if seen[field.name] == nil { order.append(field.name) }
            seen[field.name, default: []].append(field.value)
        }
        for name in order {
            guard let values = seen[name], values.count > 1 else { continue }
            let same = Set(values).count == 1
            // Values of credentials are never quoted: `access_token`, `clientSecret`, `password`
            // name theirs by size only (the redactor's one name test decides what is one).
            let shown = values.map { Self.shown(name, $0) }.joined(separator: ", ")
            let message = "`\(name)` is sent \(values.count) times (\(shown))" +
                (same ? "; even identical repeats are not allowed" : "; the server may read a different one than you intend, or reject the request")
            let advice: String
            if name == "scope" {
                let joined = values.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
                var unique: [String] = []
                for s in joined where !unique.contains(s) { unique.append(s) }
                advice = "put all scopes in one `scope` parameter, separated by spaces: `scope=\(unique.joined(separator: " "))`"
            } else {
                advice = "keep one `\(name)` parameter with the value you mean and remove the others"
            }
            findings.add(Self.id, at: Location.form(name), message, fix: ["parameter": name, "advice": advice])
        }
    }

    static func shown(_ name: String, _ value: String) -> String {
        guard ClientAuthentication.secretParameters.contains(name) || Redactor.namesCredential(name) else { return "'\(value)'" }
        return "<\(name), \(value.utf8.count) bytes, not shown>"
    }
}
