import Foundation

/// Reads a curl command as people paste it. (Placeholder: replaced by the full parser.)
public enum CurlCommand {
    public static func parse(_ text: String, firstLine: Int = 1) throws(InputError) -> TokenRequest {
        throw InputError("curl", "curl commands are not read yet")
    }
}
