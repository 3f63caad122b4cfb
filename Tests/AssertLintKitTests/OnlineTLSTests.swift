import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import AssertLintKit

/// A self-signed TLS server on loopback (`openssl s_server -WWW`, serving files from a temp
/// directory): verification fails without `cacert`, succeeds with it.
final class SelfSignedTLSServer: @unchecked Sendable {
    let directory: URL
    let port: Int
    let certificate: String
    private let process: Process

    init(files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("assertlint-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try Self.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                      "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], in: directory)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // s_server's "ACCEPT host:port" line stays in its stdout buffer when piped, so the port is
        // chosen here (the kernel's free port, released just before s_server binds it).
        let chosen = try Self.freeLoopbackPort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `-naccept 3` (the readiness probe and two fetches) makes s_server exit by itself even if
        // the test dies before `stop()`; `stop()` kills it by pid with SIGKILL, because processes
        // started by the test runner inherit a signal mask with SIGTERM blocked.
        p.arguments = ["openssl", "s_server", "-accept", "127.0.0.1:\(chosen)", "-naccept", "3", "-cert", certificate, "-key", key, "-WWW"]
        p.currentDirectoryURL = directory
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port: chosen) {
            guard Date() < deadline, p.isRunning else {
                kill(p.processIdentifier, SIGKILL)
                throw LoopbackHTTPServer.ServerError("openssl s_server did not start on port \(chosen)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = chosen
    }

    static func freeLoopbackPort() throws -> Int {
        let probe = try LoopbackHTTPServer { _ in .json(200, "{}") }
        let port = probe.port
        probe.stop()
        Thread.sleep(forTimeInterval: 0.2) // the accept loop closes its socket within 100 ms
        return port
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        addr.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    func stop() {
        // SIGKILL: SIGTERM is blocked in processes the test runner starts (see init).
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    static func run(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw LoopbackHTTPServer.ServerError("\(args.joined(separator: " ")) failed") }
    }
}

@Suite(.serialized) struct OnlineTLSTests {
    @Test func selfSignedServerFailsVerificationWithoutCACertAndWorksWithIt() throws {
        let doc = OktaStandIn.discovery(issuer: "https://127.0.0.1/oauth2/default", base: "https://127.0.0.1/oauth2/default")
        let server = try SelfSignedTLSServer(files: ["openid-configuration.json": doc])
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/openid-configuration.json"

        do {
            _ = try Discovery(client: HTTPClient()).fetch(url)
            Issue.record("a self-signed certificate was accepted without --cacert")
        } catch {
            guard case .tls = error.cause else {
                Issue.record("expected a TLS verification error, got \(error)")
                return
            }
            #expect(error.description.hasPrefix("GET \(url): TLS certificate verification failed ("))
            #expect(error.description.hasSuffix("pass its CA certificate with --cacert FILE"))
            #expect(!error.description.contains("\n"))
        }

        let metadata = try Discovery(client: HTTPClient(options: .init(cacert: server.certificate))).fetch(url)
        #expect(metadata.issuer == "https://127.0.0.1/oauth2/default")
        #expect(metadata.tokenEndpointAuthMethods?.contains("private_key_jwt") == true)
        #expect(metadata.signingAlgorithms["dpop_signing_alg_values_supported"]?.first == "RS256")
    }
}
