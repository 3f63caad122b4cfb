import Foundation

/// One imported key per distinct JWK per run (issue 13). `signature-invalid`, `alg-not-allowed`,
/// `key-too-weak` and the key lookups each ask the registered JWK for its key, and every fixture
/// naming the same JWKS asks again: importing an RSA key into OpenSSL cost about 10% of a
/// `check`. The cache is keyed by the JWK's members as written (compact JSON, source order), so
/// two JWKs that differ in any byte are imported separately, and a failure is kept with its
/// message like a success. Imported keys are never mutated, so sharing them between threads is safe.
final class JWKKeyCache: @unchecked Sendable {
    static let shared = JWKKeyCache()

    /// Beyond this many distinct keys the cache starts again (a run rarely has more than a few).
    static let capacity = 512

    private let lock = NSLock()
    private var entries: [String: Result<AsymmetricKey, KeyError>] = [:]

    func key(for members: JSONObject, build: () -> Result<AsymmetricKey, KeyError>) -> Result<AsymmetricKey, KeyError> {
        let canonical = members.compact
        if let hit = lock.withLock({ entries[canonical] }) { return hit }
        let built = build()
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[canonical] = built
        }
        return built
    }
}
