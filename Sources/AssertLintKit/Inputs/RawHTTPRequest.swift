import Foundation

/// Reads a raw HTTP request. (Placeholder: replaced by the full parser.)
public enum RawHTTPRequest {
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> TokenRequest {
        throw InputError("http", "raw HTTP requests are not read yet")
    }
}
