import Testing
@testable import AssertLintKit

/// libcurl is opened with dlopen when the network is first used; when it cannot be, the network
/// features fail with one line, and nothing else needs it.
@Suite struct LibCurlLoadingTests {
    @Test func aMissingLibraryIsOneLineNamingItAndTheFix() throws {
        let result = LibCurl.load("libassertlint-no-such-curl.so.4")
        guard case .failure(let problem) = result else {
            Issue.record("a library that does not exist was loaded")
            return
        }
        #expect(problem == LibCurlUnavailable(library: "libassertlint-no-such-curl.so.4", reason: .notFound))
        #expect(problem.message(for: "--online") ==
            "--online needs libcurl (libassertlint-no-such-curl.so.4), which could not be loaded: install libcurl4 (Debian/Ubuntu: apt-get install libcurl4), or run without --online")
    }

    @Test func aLibraryWithoutCurlsFunctionsIsRefused() {
        // libc opens, but has no curl_version: the table is not half filled.
        guard case .failure(let problem) = LibCurl.load("libc.so.6") else {
            Issue.record("libc was taken for libcurl")
            return
        }
        #expect(problem.reason == .tooOld)
        #expect(problem.message(for: "probe").hasPrefix("probe needs libcurl 7.62 or newer"))
    }

    @Test func theInstalledLibcurlLoadsAndAnswers() {
        #expect(LibCurl.libraryName == "libcurl.so.4")
        #expect(SystemLibraries.libcurlProblem(for: "--online") == nil)
        #expect(SystemLibraries.curlVersion.hasPrefix("libcurl/"))
        #expect(URLParts("https://a.example:8443/x?y#z")?.port == 8443)
    }
}
