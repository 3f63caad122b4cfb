import Foundation

/// base64url (RFC 4648 §5) as JOSE uses it: no padding, `-` and `_` instead of `+` and `/`.
public enum Base64URL {
    public enum Problem: Error, Sendable, Equatable {
        case standardAlphabet   // contains + or /
        case padded             // ends with =
        case invalidCharacter(Character)
        case impossibleLength
    }

    public struct Decoded: Sendable {
        public let bytes: [UInt8]
        /// Deviations that a lenient decoder forgives but a strict one (RFC 7515) rejects.
        public let deviations: [Problem]
    }

    /// Decodes leniently (padding and the standard alphabet are accepted) and reports what a
    /// strict JOSE decoder would reject, so a rule can say so instead of just failing.
    public static func decode(_ text: Substring) -> Result<Decoded, Problem> {
        var deviations: [Problem] = []
        var body = text
        if body.hasSuffix("=") {
            deviations.append(.padded)
            while body.hasSuffix("=") { body = body.dropLast() }
        }
        var values: [UInt8] = []
        values.reserveCapacity(body.utf8.count)
        var sawStandard = false
        for b in body.utf8 {
            switch b {
            case 0x41...0x5A: values.append(b - 0x41)
            case 0x61...0x7A: values.append(b - 0x61 + 26)
            case 0x30...0x39: values.append(b - 0x30 + 52)
            case UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "_"): values.append(63)
            case UInt8(ascii: "+"): values.append(62); sawStandard = true
            case UInt8(ascii: "/"): values.append(63); sawStandard = true
            default: return .failure(.invalidCharacter(Character(Unicode.Scalar(b))))
            }
        }
        if sawStandard { deviations.append(.standardAlphabet) }
        if values.count % 4 == 1 { return .failure(.impossibleLength) }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var idx = 0
        while idx + 4 <= values.count {
            let n = UInt32(values[idx]) << 18 | UInt32(values[idx + 1]) << 12 | UInt32(values[idx + 2]) << 6 | UInt32(values[idx + 3])
            out.append(UInt8(truncatingIfNeeded: n >> 16))
            out.append(UInt8(truncatingIfNeeded: n >> 8))
            out.append(UInt8(truncatingIfNeeded: n))
            idx += 4
        }
        let rest = values.count - idx
        if rest == 2 {
            let n = UInt32(values[idx]) << 18 | UInt32(values[idx + 1]) << 12
            out.append(UInt8(truncatingIfNeeded: n >> 16))
        } else if rest == 3 {
            let n = UInt32(values[idx]) << 18 | UInt32(values[idx + 1]) << 12 | UInt32(values[idx + 2]) << 6
            out.append(UInt8(truncatingIfNeeded: n >> 16))
            out.append(UInt8(truncatingIfNeeded: n >> 8))
        }
        return .success(Decoded(bytes: out, deviations: deviations))
    }

    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var it = Array(bytes)[...]
        while it.count >= 3 {
            let n = UInt32(it[it.startIndex]) << 16 | UInt32(it[it.startIndex + 1]) << 8 | UInt32(it[it.startIndex + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            it = it.dropFirst(3)
        }
        if it.count == 2 {
            let n = UInt32(it[it.startIndex]) << 16 | UInt32(it[it.startIndex + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
        } else if it.count == 1 {
            let n = UInt32(it[it.startIndex]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func encode(_ text: String) -> String { encode(Array(text.utf8)) }
}
