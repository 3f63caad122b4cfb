import CCurl
import COpenSSL

public enum AssertLintVersion {
    public static let string = "0.1.0"
}

/// The versions of the system libraries in use, for `assertlint version` and bug reports.
public enum SystemLibraries {
    public static var openSSLVersion: String { String(cString: assertlint_openssl_version()) }

    /// libcurl's version, or why it cannot be loaded (it is opened only when asked for).
    public static var curlVersion: String {
        switch LibCurl.shared {
        case .success(let curl): return String(cString: assertlint_curl_version(curl.api))
        case .failure(let problem): return "not available (\(problem.library) could not be loaded)"
        }
    }

    /// Nil when libcurl can be used; otherwise the one-line error for `feature` (`--online`, `probe`).
    /// Loads libcurl the first time it is called.
    public static func libcurlProblem(for feature: String) -> String? {
        switch LibCurl.initialised {
        case .success: return nil
        case .failure(let problem): return problem.message(for: feature)
        }
    }
}
