import Foundation

/// Registered-key files read once per run: a fixture tree usually points every fixture at the
/// same JWKS, and re-reading and re-importing it for each fixture dominated `check` on large
/// trees. Keyed by path, size and modification time, so a file changed during a run is read again.
/// Sharing the parsed value also keeps one copy in memory instead of one per fixture.
final class KeyFileCache: @unchecked Sendable {
    static let shared = KeyFileCache()

    private let lock = NSLock()
    private var entries: [String: Result<JSONValue, KeyError>] = [:]

    /// The registered public keys in `path` (relative to `base`), as `KeyFile.publicKeySet` reads them.
    func publicKeySet(_ path: String, relativeTo base: String?) -> Result<JSONValue, KeyError> {
        let url = base.map { URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: $0).deletingLastPathComponent()) }
            ?? URL(fileURLWithPath: path)
        let absolute = url.standardizedFileURL.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute) else {
            return KeyFile.read(path, relativeTo: base).flatMap(KeyFile.publicKeySet)
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "\(absolute)\u{0}\(size)\u{0}\(modified)"
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let result = KeyFile.read(path, relativeTo: base).flatMap(KeyFile.publicKeySet)
        lock.lock()
        entries[key] = result
        lock.unlock()
        return result
    }
}
