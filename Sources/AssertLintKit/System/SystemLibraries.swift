import CCurl
import COpenSSL

public enum AssertLintVersion {
    public static let string = "0.1.0"
}

/// The versions of the system libraries linked in, for `assertlint version` and bug reports.
public enum SystemLibraries {
    public static var openSSLVersion: String { String(cString: assertlint_openssl_version()) }
    public static var curlVersion: String { String(cString: assertlint_curl_version()) }
}
