import Foundation

/// One imported key per distinct JWK per run (issue 13). `signature-invalid`, `alg-not-allowed`,
/// `key-too-weak` and the key lookups each ask the registered JWK for its key, and every fixture
/// naming the same JWKS asks again: importing an RSA key into OpenSSL cost about 10% of a
/// `check`. The cache is keyed by the JWK's members themselves (names, order and values, compared
/// in full), so two JWKs that differ in any member are imported separately, and a failure is
/// kept with its message like a success. Imported keys are never mutated, so sharing them between
/// threads is safe.
final class JWKKeyCache: @unchecked Sendable {
    static let shared = JWKKeyCache()

    /// Beyond this many distinct keys the cache starts again (a run rarely has more than a few).
    static let capacity = 512

    /// A JWK's members as a dictionary key. Writing them out as compact JSON to make the key cost
    /// 8% of a `check` (1,500 serialisations for 500 fixtures); the hash here reads only member
    /// names, value kinds, lengths and a few bytes of each string, and equality then compares the
    /// members in full (`JSONObject ==`: same names in the same order with equal values), so a hash
    /// collision never shares a key.
    struct Identity: Hashable {
        let members: JSONObject

        static func == (a: Identity, b: Identity) -> Bool { a.members == b.members }

        func hash(into hasher: inout Hasher) {
            hasher.combine(members.members.count)
            for m in members.members {
                hasher.combine(m.key)
                Self.hash(m.value, into: &hasher)
            }
        }

        /// Strings are base64url key material: their length and last bytes tell keys apart.
        private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
            switch value {
            case .null: hasher.combine(0 as UInt8)
            case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
            case .number(let n): hasher.combine(2 as UInt8); hasher.combine(n)
            case .string(let s):
                hasher.combine(3 as UInt8)
                let utf8 = s.utf8
                hasher.combine(utf8.count)
                for b in utf8.suffix(24) { hasher.combine(b) }
            case .array(let a): hasher.combine(4 as UInt8); hasher.combine(a.count)
            case .object(let o): hasher.combine(5 as UInt8); hasher.combine(o.members.count)
            }
        }
    }

    private let lock = NSLock()
    private var entries: [Identity: Result<AsymmetricKey, KeyError>] = [:]

    func key(for members: JSONObject, build: () -> Result<AsymmetricKey, KeyError>) -> Result<AsymmetricKey, KeyError> {
        let identity = Identity(members: members)
        if let hit = lock.withLock({ entries[identity] }) { return hit }
        let built = build()
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[identity] = built
        }
        return built
    }

    /// How many distinct JWKs the cache holds (for tests).
    var count: Int { lock.withLock { entries.count } }
}
