/// The secrets the redactor replaces wherever they appear, kept as 64-bit digests rather than as
/// bytes: a `check` of 100,000 files learns 100,000 signatures, and keeping each one's bytes (with
/// a bucket per secret) was most of the memory that grew with the number of files.
///
/// Lookup: a rolling key of the 8 bytes at each position of the output, a bit filter that rules
/// out almost every position, then the lengths of the secrets that start with those 8 bytes
/// (longest first) and one digest per length. A digest collision can only mask innocent text
/// (about one chance in 2^64 per candidate); a secret is never missed.
struct SecretIndex {
    /// The one length of the secrets that start with these 8 bytes (most keys).
    private var firstLength: [UInt64: Int] = [:]
    /// Keys with more than one length: all of them, longest first.
    private var moreLengths: [UInt64: [Int]] = [:]
    private var members: Set<UInt64> = []
    /// Digests of secrets from the environment (`--show-secrets` never prints them).
    private var environment: Set<UInt64> = []
    private var filter = BitFilter()

    var isEmpty: Bool { members.isEmpty }

    /// At least 8 bytes.
    mutating func insert(_ bytes: [UInt8], origin: Redactor.Origin) {
        guard bytes.count >= 8 else { return }
        let d = bytes.withUnsafeBufferPointer { Self.digest($0[...]) }
        if origin == .environment { environment.insert(d) }
        guard members.insert(d).inserted else { return }
        let k = Self.key(bytes, 0)
        filter.insert(k)
        let n = bytes.count
        if let one = firstLength[k] {
            guard one != n else { return }
            var all = moreLengths[k] ?? [one]
            guard !all.contains(n) else { return }
            all.append(n)
            all.sort(by: >)
            moreLengths[k] = all
        } else {
            firstLength[k] = n
        }
    }

    /// `bytes` with every secret replaced by `mask`, or nil when none occurs. With `onlyEnvironment`
    /// (`--show-secrets`) only the environment's secrets are replaced.
    func redact(_ bytes: [UInt8], mask: [UInt8], onlyEnvironment: Bool) -> [UInt8]? {
        guard !members.isEmpty, bytes.count >= 8 else { return nil }
        return bytes.withUnsafeBufferPointer { b -> [UInt8]? in
            var out: [UInt8] = []
            var copied = 0
            var changed = false
            var k: UInt64 = 0
            for n in 0..<7 { k = k << 8 | UInt64(b[n]) }
            var i = 0
            while i + 8 <= b.count {
                k = k << 8 | UInt64(b[i + 7])
                if filter.contains(k), let first = firstLength[k] {
                    // Longest first: a secret that contains another is replaced whole.
                    var matched = 0
                    func tryLength(_ length: Int) -> Bool {
                        guard length <= b.count - i else { return false }
                        let d = Self.digest(b[i..<(i + length)])
                        guard members.contains(d), !onlyEnvironment || environment.contains(d) else { return false }
                        matched = length
                        return true
                    }
                    if let all = moreLengths[k] {
                        for length in all where tryLength(length) { break }
                    } else {
                        _ = tryLength(first)
                    }
                    if matched > 0 {
                        if !changed { out.reserveCapacity(b.count) }
                        out.append(contentsOf: b[copied..<i])
                        out.append(contentsOf: mask)
                        i += matched
                        copied = i
                        changed = true
                        guard i + 8 <= b.count else { break }
                        k = 0
                        for n in 0..<7 { k = k << 8 | UInt64(b[i + n]) }
                        continue
                    }
                }
                i += 1
            }
            guard changed else { return nil }
            out.append(contentsOf: b[copied...])
            return out
        }
    }

    /// The first 8 bytes from `i`, packed big-endian.
    static func key(_ bytes: [UInt8], _ i: Int) -> UInt64 {
        var k: UInt64 = 0
        for n in 0..<8 { k = k << 8 | UInt64(bytes[i + n]) }
        return k
    }

    /// FNV-1a over the bytes, then a 64-bit finaliser (MurmurHash3's fmix64) to spread it.
    static func digest(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return finish(h ^ UInt64(bytes.count))
    }

    /// MurmurHash3's 64-bit finaliser.
    static func finish(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    static func digest(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { digest($0[...]) }
    }
}

/// A set of 2^20 bits over a mixed 64-bit key: "certainly not" for almost every position of
/// the output, so the dictionary is asked only where a secret may start.
struct BitFilter {
    private var words = [UInt64](repeating: 0, count: 1 << 14)

    private static func slot(_ k: UInt64) -> (Int, UInt64) {
        let h = (k &* 0x9E37_79B9_7F4A_7C15) >> 44
        return (Int(h >> 6), 1 << (h & 63))
    }

    mutating func insert(_ k: UInt64) {
        let (w, bit) = Self.slot(k)
        words[w] |= bit
    }

    func contains(_ k: UInt64) -> Bool {
        let (w, bit) = Self.slot(k)
        return words[w] & bit != 0
    }
}
