import CCurl

/// libcurl, opened with dlopen the first time the network is used (`--online`, `probe`,
/// `version`), never at start: linking it would load it and its dependencies (libssl, nghttp2,
/// libssh2, Kerberos, LDAP ...) for every command, about 5 ms of each cold start.
/// The function table is filled once and lives until the process ends.
struct LibCurl: @unchecked Sendable {
    /// Read-only after `load`; shared by every thread.
    let api: UnsafePointer<assertlint_curl>

    /// The file name opened (libcurl.so.4; libcurl.4.dylib on macOS).
    static let libraryName = ASSERTLINT_CURL_LIBRARY

    /// Opened on first use, once, thread-safely (a static let).
    static let shared: Result<LibCurl, LibCurlUnavailable> = load(libraryName)

    /// curl_global_init must run once before any handle exists.
    static let initialised: Result<LibCurl, LibCurlUnavailable> = shared.flatMap { curl in
        assertlint_curl_global_init(curl.api) == CURLE_OK ? .success(curl) : .failure(LibCurlUnavailable(library: libraryName, reason: .initFailed))
    }

    /// Opens `library` and fills a function table from it.
    static func load(_ library: String) -> Result<LibCurl, LibCurlUnavailable> {
        let table = UnsafeMutablePointer<assertlint_curl>.allocate(capacity: 1)
        table.initialize(to: assertlint_curl())
        switch assertlint_curl_load(table, library) {
        case 0:
            return .success(LibCurl(api: UnsafePointer(table)))
        case let status:
            table.deinitialize(count: 1)
            table.deallocate()
            return .failure(LibCurlUnavailable(library: library, reason: status == 2 ? .tooOld : .notFound))
        }
    }
}

/// libcurl could not be opened: the network features say so in one line, nothing else is affected.
public struct LibCurlUnavailable: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case notFound
        /// It lacks a function assertlint calls (curl_url and friends arrived in 7.62).
        case tooOld
        case initFailed
    }

    public let library: String
    public let reason: Reason

    /// One line for the feature that needed libcurl (`--online`, `probe`).
    public func message(for feature: String) -> String {
        switch reason {
        case .notFound:
            return "\(feature) needs libcurl (\(library)), which could not be loaded: install libcurl4 (Debian/Ubuntu: apt-get install libcurl4), or run without \(feature)"
        case .tooOld:
            return "\(feature) needs libcurl 7.62 or newer, and \(library) lacks a function it needs: install a current libcurl4"
        case .initFailed:
            return "\(feature) needs libcurl (\(library)), which was loaded but could not be initialised"
        }
    }
}
