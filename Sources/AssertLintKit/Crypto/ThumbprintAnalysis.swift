import Foundation

/// What an `x5t` or `x5t#S256` header value is, read the way the mistakes seen in public reports
/// are made: the hex the portal shows, that hex base64url-encoded (ADAL.NET#309), standard base64 or
/// padding (azure-docs#40871), stray whitespace, or the other hash's digest (SHA-256 in `x5t`,
/// open-webui/oikb#120). A correct value is base64url, unpadded, of the raw 20- or 32-byte digest.
public struct ThumbprintAnalysis: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// Not a JSON string (a number, an array...).
        case notAString
        case empty
        /// Leading, trailing or inner whitespace (a copied line break).
        case whitespace
        /// The hex text of the digest (`openssl x509 -fingerprint`, the portal), colons allowed.
        case hexText
        /// base64url of the hex text instead of the raw bytes.
        case base64urlOfHex
        /// `+` or `/`: standard base64, not base64url.
        case standardBase64
        /// Trailing `=`.
        case padding
        /// A digest of the other hash's length: SHA-256 in `x5t`, SHA-1 in `x5t#S256`.
        case otherHash(ThumbprintHash)
        /// Decodes, but to a length that is no digest either header takes.
        case wrongLength(Int)
        /// Neither base64url, base64 nor hex.
        case undecodable
    }

    /// The header read (`x5t` or `x5t#S256`).
    public let header: ThumbprintHash
    /// In the order found; empty for a correct value.
    public let problems: [Problem]
    /// The raw digest recovered despite the problems, when one could be; its length tells the hash.
    public let digest: [UInt8]?

    public var isCorrect: Bool { problems.isEmpty }

    /// The hash the recovered digest belongs to by its length.
    public var digestHash: ThumbprintHash? { digest.flatMap { ThumbprintHash(digestLength: $0.count) } }

    /// The value a server would accept for the same digest under the header it was sent in, when
    /// the digest is of that header's hash.
    public var corrected: String? {
        guard let digest, digestHash == header else { return nil }
        return Base64URL.encode(digest)
    }

    public init(header: ThumbprintHash, value: JSONValue) {
        self.header = header
        guard let text = value.stringValue else {
            (problems, digest) = ([.notAString], nil)
            return
        }
        (problems, digest) = Self.read(text, header: header)
    }

    private static func read(_ text: String, header: ThumbprintHash) -> ([Problem], [UInt8]?) {
        var problems: [Problem] = []
        let compact = String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
        if compact.count != text.count { problems.append(.whitespace) }
        guard !compact.isEmpty else { return (problems + [.empty], nil) }

        if let hex = hexDigest(compact) {
            return (problems + [.hexText] + lengthProblems(hex.count, header: header), hex)
        }
        guard case .success(let decoded) = Base64URL.decode(Substring(compact)) else { return (problems + [.undecodable], nil) }
        if decoded.deviations.contains(.standardAlphabet) { problems.append(.standardBase64) }
        if decoded.deviations.contains(.padded) { problems.append(.padding) }
        var bytes = decoded.bytes
        if let text = String(validating: bytes, as: UTF8.self), let hex = hexDigest(text) {
            problems.append(.base64urlOfHex)
            bytes = hex
        }
        let length = lengthProblems(bytes.count, header: header)
        return (problems + length, ThumbprintHash(digestLength: bytes.count) == nil ? nil : bytes)
    }

    private static func lengthProblems(_ count: Int, header: ThumbprintHash) -> [Problem] {
        guard let hash = ThumbprintHash(digestLength: count) else { return [.wrongLength(count)] }
        return hash == header ? [] : [.otherHash(hash)]
    }

    /// The bytes of a 40- or 64-digit hex text (either case, `:` between bytes allowed).
    static func hexDigest(_ text: String) -> [UInt8]? {
        var digits = text
        if text.contains(":") {
            // Colons only as openssl prints them: between every pair of digits.
            let pairs = text.split(separator: ":", omittingEmptySubsequences: false)
            guard pairs.allSatisfy({ $0.count == 2 }) else { return nil }
            digits = pairs.joined()
        }
        guard digits.count == 40 || digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8?
        for scalar in digits.unicodeScalars {
            guard let nibble = UInt8(String(scalar), radix: 16) else { return nil }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    public enum Match: Sendable, Equatable {
        /// Correct, and the certificate's thumbprint under this header.
        case matches
        /// The certificate's digest, but not written the way the server reads it (the problems say how).
        case sameDigestWrongEncoding
        /// The certificate's digest under the other hash (SHA-256 in `x5t`): the server looks it
        /// up as this header's hash and finds nothing.
        case otherHashOfThisCertificate
        /// Another certificate's thumbprint (a renewed or a different certificate), or nothing recoverable.
        case noMatch
    }

    /// Whether the header names this certificate, and how.
    public func match(_ certificate: Certificate) -> Match {
        guard let digest, let hash = digestHash else { return .noMatch }
        guard digest == certificate.digest(hash) else { return .noMatch }
        if hash != header { return .otherHashOfThisCertificate }
        return isCorrect ? .matches : .sameDigestWrongEncoding
    }
}
