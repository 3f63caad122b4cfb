import Foundation

/// Several JSON values pasted one after another (a Postman collection and its environment, a
/// jwt.io header and payload): split at the top level, strings and escapes respected. nil when
/// the text is not JSON values separated by whitespace.
enum JSONDocuments {
    /// More documents than this is no paste (a collection and its environment, a header and its
    /// claims, a few hundred log lines).
    static let maxDocuments = 1000

    /// The text inside one Markdown code fence, when the whole text is that fence and it holds
    /// JSON (an object or array); nil otherwise.
    static func unfenced(_ text: String) -> String? {
        guard text.hasPrefix("```"), text.hasSuffix("```"), text.utf8.count <= 1_048_576,
              let firstBreak = text.firstIndex(of: "\n") else { return nil }
        let inner = text[text.index(after: firstBreak)...].dropLast(3).trimmedWhitespace
        guard let f = inner.first, f == "{" || f == "[", !inner.contains("```") else { return nil }
        return inner
    }

    static func split(_ text: String) -> [JSONValue]? {
        let bytes = Array(text.utf8)
        var documents: [JSONValue] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1; continue }
            guard b == UInt8(ascii: "{") || b == UInt8(ascii: "["), documents.count < maxDocuments,
                  let end = end(of: bytes, from: i),
                  let value = try? JSONParser.parse(Array(bytes[i..<end])) else { return nil }
            documents.append(value)
            i = end
        }
        return documents.count >= 2 ? documents : nil
    }

    /// The index just past the object or array that opens at `start`.
    static func end(of b: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var i = start
        while i < b.count {
            let c = b[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
                guard depth <= JSONParser.maxDepth else { return nil }
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }
}
