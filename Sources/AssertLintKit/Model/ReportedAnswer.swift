import Foundation

/// What the server answered, when the user pasted it along with the request (the response
/// after a curl command, `print(r.json())` output, a HAR entry's response). It is the best
/// evidence there is: reports set it beside assertlint's prediction.
public struct ReportedAnswer: Sendable, Equatable {
    public var status: Int?
    public var error: String?
    public var errorDescription: String?
    public var line: Int?

    public init(status: Int? = nil, error: String? = nil, errorDescription: String? = nil, line: Int? = nil) {
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
        self.line = line
    }

    /// The text that names the answer, for matching it against the catalog.
    public var text: String { errorDescription ?? error ?? "" }

    /// Finds an OAuth error body (`{"error": …, "error_description": …}`) or Okta's API error
    /// shape (`errorCode`/`errorSummary`) in pasted text, also as a Python dict repr with single
    /// quotes, and an HTTP status line near it.
    public static func find(in text: String) -> ReportedAnswer? {
        // The bytes first: Foundation's search (canonical, not literal) finds no more than they do.
        guard ASCIIText.contains(text, "error"), text.contains("error"),
              let re = try? NSRegularExpression(pattern: #"\{[^{}]*["'](error|errorCode|errorSummary|error_description)["']\s*:\s*["'][^{}]*\}"#) else { return nil }
        let lines = text.components(separatedBy: "\n")
        for (n, line) in lines.enumerated() {
            guard let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                  let r = Range(m.range, in: line) else { continue }
            let raw = String(line[r])
            let candidates = [raw, raw.replacingOccurrences(of: "'", with: "\"")]
            guard let object = candidates.lazy.compactMap({ (try? JSONParser.parse($0))?.objectValue }).first else { continue }
            let answer = ReportedAnswer(status: status(near: n, in: lines) ?? object["status"]?.finiteNumber.map { Int($0) },
                                        error: object["error"]?.stringValue ?? object["errorCode"]?.stringValue,
                                        errorDescription: object["error_description"]?.stringValue ?? object["errorSummary"]?.stringValue,
                                        line: n + 1)
            if answer.error != nil || answer.errorDescription != nil { return answer }
        }
        return nil
    }

    /// `HTTP/1.1 401 Unauthorized`, `HTTP/2 400`, `< HTTP/2 401` (curl -v), `401 Unauthorized`.
    static func status(near index: Int, in lines: [String]) -> Int? {
        guard let re = try? NSRegularExpression(pattern: #"(?:HTTP/[0-9.]+\s+|\b)([45]\d\d)\s+(?:Unauthorized|Bad Request|Forbidden|Method Not Allowed|Not Found)|HTTP/[0-9.]+\s+([45]\d\d)\b"#) else { return nil }
        for line in lines[max(0, index - 15)...index].reversed() {
            guard let m = re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            for g in 1...2 {
                if let r = Range(m.range(at: g), in: line), let code = Int(line[r]) { return code }
            }
        }
        return nil
    }
}
