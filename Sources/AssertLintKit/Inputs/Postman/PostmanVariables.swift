import Foundation

/// A Postman environment file (`{"name": …, "values": [{"key", "value", "enabled"}]}`), given with
/// `--postman-environment FILE` or pasted after the collection.
public struct PostmanEnvironment: Sendable, Equatable {
    public var name: String?
    /// Enabled values, in file order.
    public var values: [(key: String, value: String)]

    public static func == (a: PostmanEnvironment, b: PostmanEnvironment) -> Bool {
        a.name == b.name && a.values.map(\.key) == b.values.map(\.key) && a.values.map(\.value) == b.values.map(\.value)
    }

    /// An environment export: a `values` array of key/value members, and no `item` (a collection).
    public static func isEnvironment(_ json: JSONValue) -> Bool {
        guard let o = json.objectValue, o["item"] == nil, let values = o["values"]?.arrayValue else { return false }
        if o["_postman_variable_scope"] != nil { return true }
        return values.allSatisfy { $0.objectValue?["key"]?.stringValue != nil }
    }

    public static func read(_ json: JSONValue) -> PostmanEnvironment? {
        guard isEnvironment(json), let o = json.objectValue else { return nil }
        var values: [(key: String, value: String)] = []
        for v in o["values"]?.arrayValue ?? [] {
            guard let m = v.objectValue, let key = m["key"]?.stringValue, m["enabled"] != .bool(false) else { continue }
            values.append((key, PostmanVariables.text(m["value"] ?? m["currentValue"])))
        }
        return PostmanEnvironment(name: o["name"]?.stringValue, values: values)
    }

    /// Reads `--postman-environment FILE`: bounded, and refused with one line when it is no environment.
    public static func load(_ path: String) throws(InputError) -> PostmanEnvironment {
        let text = try InputText.readFile(path)
        guard let json = try? JSONParser.parse(text.trimmedWhitespace), let env = read(json) else {
            throw InputError(path, "not a Postman environment: expected a JSON object with a `values` array of {key, value, enabled}")
        }
        return env
    }
}

/// `{{name}}` in a Postman collection: filled in from the collection's `variable` list and a
/// given environment (the environment wins, as in Postman, where the narrower scope wins), else
/// kept as written, a placeholder the rules never compare.
struct PostmanVariables {
    private var values: [String: String] = [:]
    private var origin: [String: String] = [:]
    /// Names used but defined nowhere, in order of first use.
    private(set) var unresolved: [String] = []
    /// Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`) used, which Postman fills in per request.
    private(set) var dynamic: [String] = []
    /// Names filled in, with where each came from.
    private(set) var used: [(name: String, origin: String)] = []

    init(collection: JSONObject?, environment: PostmanEnvironment?) {
        for v in collection?["variable"]?.arrayValue ?? [] {
            guard let m = v.objectValue, let key = m["key"]?.stringValue ?? m["id"]?.stringValue,
                  m["disabled"] != .bool(true) else { continue }
            values[key] = Self.text(m["value"])
            origin[key] = "the collection's variables"
        }
        if let environment {
            let label = environment.name.map { "the environment `\($0)`" } ?? "the environment"
            for (key, value) in environment.values {
                values[key] = value
                origin[key] = label
            }
        }
    }

    /// A variable's value as text: strings as they are, numbers and booleans as written.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s)?: return s
        case nil, .null?: return ""
        case let other?: return other.compactText
        }
    }

    /// `text` with every defined `{{name}}` replaced (values may name other variables: three rounds
    /// at most, so a variable that names itself stops).
    mutating func resolve(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var out = text
        for _ in 0..<3 {
            guard out.contains("{{"), out.utf8.count <= 65_536 else { break }
            var changed = false
            var result = ""
            var rest = out[...]
            while let open = rest.range(of: "{{") {
                result += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: "}}") else {
                    rest = rest[open.lowerBound...]
                    break
                }
                let name = String(rest[open.upperBound..<close.lowerBound])
                // A value that would make the text larger than any real URL or body stays a placeholder:
                // a hostile collection cannot multiply one large variable across thousands of uses.
                if let value = values[name], !name.isEmpty, result.utf8.count + value.utf8.count <= 65_536 {
                    result += value
                    changed = true
                    if let o = origin[name], !used.contains(where: { $0.name == name }) { used.append((name, o)) }
                } else {
                    result += rest[open.lowerBound..<close.upperBound]
                    let token = "{{\(name)}}"
                    if values[name] != nil {
                        // Defined, but too large to fill in (see above).
                    } else if name.hasPrefix("$") {
                        if !dynamic.contains(token) { dynamic.append(token) }
                    } else if !unresolved.contains(token), name.utf8.count <= 64 {
                        unresolved.append(token)
                    }
                }
                rest = rest[close.upperBound...]
            }
            out = result + rest
            if !changed { break }
        }
        return out
    }

    /// What the reader tells the user about variables.
    var notes: [String] {
        var out: [String] = []
        if !used.isEmpty {
            let list = used.prefix(12).map { "`{{\($0.name)}}` from \($0.origin)" }
            out.append("Postman variables filled in: \(list.joined(separator: ", "))\(used.count > 12 ? ", …" : "")")
        }
        if !unresolved.isEmpty {
            let list = unresolved.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
            out.append("\(list) \(unresolved.count == 1 ? "is" : "are") defined neither in the collection nor in an environment: kept as placeholder\(unresolved.count == 1 ? "" : "s"), not judged (give the environment with --postman-environment FILE, or paste it after the collection)")
        }
        if !dynamic.isEmpty {
            out.append("Postman fills \(dynamic.prefix(6).map { "`\($0)`" }.joined(separator: ", ")) with a new value for each request: not judged")
        }
        return out
    }
}
