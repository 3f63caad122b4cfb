import Foundation

/// What a file in a checked tree is, by its name and, where the name is not enough, a glance
/// at its text. Files that are clearly something else are skipped without an error.
public enum InputKind: String, Sendable, Equatable {
    case fixture, har, jwks, httpFile = "http", curl, shellScript = "shell", rawHTTP = "raw-http", token, unknown

    /// Extensions a directory walk picks up.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "har", "http", "rest", "curl", "sh", "bash", "txt", "jwt"]

    public static func byName(_ path: String) -> InputKind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml", "json": return .fixture
        case "har": return .har
        case "http", "rest": return .httpFile
        case "curl": return .curl
        case "sh", "bash": return .shellScript
        case "txt": return .rawHTTP
        case "jwt": return .token
        default: return nil
        }
    }

    /// Decides from the text what a recognised file is, or why it is not checked.
    public static func sniff(_ text: String, path: String, named: InputKind?) -> Result<InputKind, Skip> {
        switch named {
        case .fixture?:
            if isJSONObject(text) {
                if text.range(of: #""log"\s*:"#, options: .regularExpression) != nil,
                   text.range(of: #""entries"\s*:"#, options: .regularExpression) != nil { return .success(.har) }
                if text.range(of: #""keys"\s*:\s*\["#, options: .regularExpression) != nil
                    || text.range(of: #"^\s*\{\s*"kty"\s*:"#, options: .regularExpression) != nil {
                    if text.range(of: #""(request|curl|http|token)"\s*:"#, options: .regularExpression) == nil { return .success(.jwks) }
                }
                if text.range(of: #""(request|curl|http|token)"\s*:"#, options: .regularExpression) != nil { return .success(.fixture) }
                return .failure(.notAFixture)
            }
            if text.range(of: #"(?m)^(request|curl|http|token)\s*:"#, options: .regularExpression) != nil { return .success(.fixture) }
            return .failure(.notAFixture)
        case .shellScript?:
            return mentionsAuthorizationEndpoint(text) && text.contains("curl") ? .success(.shellScript) : .failure(.noTokenRequest)
        case .rawHTTP?:
            return text.range(of: #"(?m)^\s*(POST|GET|PUT|PATCH|DELETE)\s+\S+(\s+HTTP/[0-9.]+)?\s*$"#, options: .regularExpression) != nil
                ? .success(.rawHTTP) : .failure(.noTokenRequest)
        case .some(let kind):
            return .success(kind)
        case nil:
            return .success(.unknown)
        }
    }

    /// Why a recognised file was passed over.
    public enum Skip: String, Error, Sendable {
        case notAFixture = "YAML/JSON without request, curl, http or token"
        case noTokenRequest = "no request to an authorization-server endpoint"
    }

    static func isJSONObject(_ text: String) -> Bool {
        text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"
    }

    static func mentionsAuthorizationEndpoint(_ text: String) -> Bool {
        text.range(of: #"/(token|introspect|revoke|par)\b"#, options: .regularExpression) != nil
    }
}
