import Foundation

/// The body of a client-authenticating request must be `application/x-www-form-urlencoded`
/// (RFC 6749 §4.4.2, §2.3.1). Servers reject other bodies before any OAuth processing.
struct ContentTypeInvalid: Rule {
    static let id = "content-type-invalid"
    static let formType = "application/x-www-form-urlencoded"

    func check(_ subject: Subject, into findings: inout FindingSink) {
        guard let request = subject.clientAuthEndpointRequest else { return }
        let rawText: String?
        switch request.body {
        case .none:
            // A paste that shows the headers but not the body (a Node ClientRequest's `_header`):
            // a declared JSON or multipart type decides on its own.
            guard !subject.shows.body, let ct = request.contentType, !ct.trimmingCharacters(in: .whitespaces).isEmpty,
                  ["application/json", "multipart/form-data"].contains(subject.requestMediaType) else { return }
            rawText = nil
        case .raw(let text):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            rawText = text
        case .form(let fields):
            guard !fields.isEmpty else { return }
            rawText = nil
        }
        let mediaType = subject.requestMediaType
        // A JSON body is JSON whatever the header says (RequestBody.read keeps it as text).
        let isJSON = rawText.map(RequestBody.isJSON) ?? false
        guard mediaType != Self.formType || isJSON else { return }
        // A form body without a header comes from a parser that knew it was form-encoded
        // (curl -d sends the header itself).
        if rawText == nil, request.contentType == nil { return }
        let declared: String
        if let ct = request.contentType {
            declared = ct.trimmingCharacters(in: .whitespaces).isEmpty ? "an empty Content-Type" : "Content-Type `\(ct)`"
        } else {
            declared = "no Content-Type header"
        }
        var message = "The body is sent with \(declared)"
        var formBody = "name=value pairs joined with `&`, each name and value percent-encoded"
        if let rawText, let fields = Self.jsonFields(rawText) {
            message += " and is JSON; \(subject.profile.speakerCapitalized) reads only form-encoded parameters"
            formBody = fields.map { "\(FormEncoding.encode($0.name))=\(Self.encodedForFix($0.name, $0.value))" }.joined(separator: "&")
        } else if let rawText, Self.looksFormEncoded(rawText) {
            message += "; the body already looks form-encoded, so the header is what is missing"
        } else if mediaType == "multipart/form-data" {
            message += "; multipart bodies (curl -F) are not read, use -d or --data-urlencode instead"
        } else if mediaType == "application/json" {
            message += "; \(subject.profile.speakerCapitalized) reads only form-encoded parameters"
        }
        let pointer = request.contentType == nil ? Location.body : Location.httpHeader("Content-Type")
        findings.add(Self.id, at: pointer, message, fix: ["body": formBody])
    }

    static func looksFormEncoded(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = t.first, first != "{", first != "[", first != "-", t.contains("=") else { return false }
        return !t.contains(where: { $0.isWhitespace })
    }

    /// The members of a JSON object body as form fields, in order.
    static func jsonFields(_ text: String) -> [FormField]? {
        guard let value = try? JSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let object = value.objectValue, !object.members.isEmpty else { return nil }
        return object.members.map { member in
            let text: String
            switch member.value {
            case .string(let s): text = s
            case .array(let items) where member.key == "scope": text = items.compactMap(\.stringValue).joined(separator: " ")
            default: text = Self.placeholdingCredentials(member.value).compactText
            }
            return FormField(name: member.key, value: text)
        }
    }

    /// Credentials in a fix are placeholders: the fix is printed and must not leak them.
    /// Any name that says credential counts (`client_secret`, `clientSecret`, `client-secret`,
    /// `client_assertion`, `password`, `access_token`…), by the redactor's one name test.
    static func encodedForFix(_ name: String, _ value: String) -> String {
        Redactor.namesCredential(name) ? "<\(FormEncoding.encode(name))>" : FormEncoding.encode(value)
    }

    /// A nested JSON value with every credential member at any depth (`auth.client_secret`)
    /// replaced by a `<name>` placeholder.
    static func placeholdingCredentials(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { member in
                guard Redactor.namesCredential(member.key) else {
                    return JSONMember(key: member.key, value: placeholdingCredentials(member.value))
                }
                return JSONMember(key: member.key, value: placeholder(member.value, named: member.key))
            }))
        case .array(let items): return .array(items.map(placeholdingCredentials))
        default: return value
        }
    }

    /// Every scalar under a credential's name (`"client_secret": ["a", "b"]`) as `<name>`.
    static func placeholder(_ value: JSONValue, named name: String) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { JSONMember(key: $0.key, value: placeholder($0.value, named: name)) }))
        case .array(let items): return .array(items.map { placeholder($0, named: name) })
        case .null: return value
        default: return .string("<\(name)>")
        }
    }
}
