import Foundation
@testable import AssertLintKit

/// Shared pieces for the crypto tests: key paths, running the `openssl` and `python3`
/// command-line tools as independent peers, and a DER codec for ECDSA signatures written
/// here (not OpenSSL's) so the conversion is checked against a second implementation.
enum CryptoSupport {
    static let keysDir = GeneratedSourcesTests.root.appendingPathComponent("Fixtures/keys")
    static func keyPath(_ name: String) -> String { keysDir.appendingPathComponent(name).path }
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: keysDir.appendingPathComponent(name))) }

    static let clientID = "0oa8f3example"
    static let tokenURL = "https://dev-123.okta.com/oauth2/v1/token"
    static let now = Date(timeIntervalSince1970: 1_748_872_800)
    static let secret = "a-test-secret-that-is-long-enough-for-hs256"
    static let longSecret = "a-test-secret-that-is-long-enough-for-hs512-it-has-sixty-four-bytes"

    struct ToolError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool, feeding nothing on stdin; returns stdout, throws on a non-zero exit.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolError(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errData + data, as: UTF8.self))")
        }
        return data
    }

    static func toolAvailable(_ tool: String, _ probe: [String]) -> Bool { (try? run(tool, probe)) != nil }
    static let hasPythonCryptography = toolAvailable("python3", ["-c", "import cryptography"])

    /// A fresh temporary directory for one test.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-crypto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func signingInput(alg: String, kid: String?, aud: String = tokenURL, claims extra: [String: String] = [:]) -> String {
        var header = #"{"alg":"\#(alg)","typ":"JWT""#
        if let kid { header += #","kid":"\#(kid)""# }
        header += "}"
        let iat = Int(now.timeIntervalSince1970)
        let claims = #"{"iss":"\#(clientID)","sub":"\#(clientID)","aud":"\#(aud)","iat":\#(iat),"exp":\#(iat + 300),"jti":"interop-\#(UUID().uuidString)"}"#
        return Base64URL.encode(header) + "." + Base64URL.encode(claims)
    }

    static func decode(_ compact: String) throws -> ClientAssertion {
        try AssertionDecoding.decode(compact).get()
    }

    /// A subject for the token request carrying `compact`, with the app's registration.
    /// A custom authorization server's token URL: client_secret_jwt is refused for
    /// client_credentials at the Org server, so HMAC cases that must be clean run here.
    static let customTokenURL = "https://dev-123.okta.com/oauth2/default/v1/token"

    static func subject(_ compact: String, method: AuthMethod, jwks: String? = nil, secret: String? = nil,
                        url: String = tokenURL) throws -> Subject {
        var request = TokenRequest(method: "POST", url: url)
        request.headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
        request.body = .form([FormField(name: "grant_type", value: "client_credentials"),
                              FormField(name: "scope", value: url == tokenURL ? "okta.users.read" : "api.read"),
                              FormField(name: "client_assertion_type", value: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                              FormField(name: "client_assertion", value: compact)])
        var app = AppRegistration(clientID: clientID, authMethod: method)
        if let jwks { app.jwks = try KeyFile.publicKeySet(try bytes(jwks)).get() }
        if let secret { app.clientSecret = ClientSecret(secret) }
        return Subject(source: "test", request: request, assertion: .decoded(try decode(compact)), app: app, now: now, clockIsReal: false)
    }

    // MARK: DER for ECDSA signatures (independent of the code under test)

    /// SEQUENCE { INTEGER r, INTEGER s } → r||s, each left-padded to `size`.
    static func derToRaw(_ der: [UInt8], size: Int) -> [UInt8]? {
        var i = 0
        func length() -> Int? {
            guard i < der.count else { return nil }
            let first = Int(der[i]); i += 1
            if first < 0x80 { return first }
            let count = first & 0x7F
            var value = 0
            for _ in 0..<count { guard i < der.count else { return nil }; value = value << 8 | Int(der[i]); i += 1 }
            return value
        }
        func integer() -> [UInt8]? {
            guard i < der.count, der[i] == 0x02 else { return nil }
            i += 1
            guard let len = length(), i + len <= der.count else { return nil }
            var bytes = Array(der[i..<i + len]); i += len
            while bytes.count > size, bytes.first == 0 { bytes.removeFirst() }
            guard bytes.count <= size else { return nil }
            return [UInt8](repeating: 0, count: size - bytes.count) + bytes
        }
        guard der.first == 0x30 else { return nil }
        i = 1
        guard length() != nil, let r = integer(), let s = integer() else { return nil }
        return r + s
    }

    /// r||s → DER SEQUENCE { INTEGER r, INTEGER s }.
    static func rawToDER(_ raw: [UInt8]) -> [UInt8] {
        func encodeLength(_ n: Int) -> [UInt8] { n < 0x80 ? [UInt8(n)] : [0x81, UInt8(n)] }
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var b = Array(bytes.drop { $0 == 0 })
            if b.isEmpty { b = [0] }
            if b[0] & 0x80 != 0 { b.insert(0, at: 0) }
            return [0x02] + encodeLength(b.count) + b
        }
        let half = raw.count / 2
        let body = integer(raw[..<half]) + integer(raw[half...])
        return [0x30] + encodeLength(body.count) + body
    }
}
