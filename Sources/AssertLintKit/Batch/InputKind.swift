import Foundation

/// What a file in a checked tree is, by its name and, where the name is not enough, a glance
/// at its text. Files that are clearly something else are skipped without an error.
public enum InputKind: String, Sendable, Equatable {
    case fixture, har, jwks, httpFile = "http", curl, shellScript = "shell", rawHTTP = "raw-http", token
    /// A key file (`.pem`, `.key`, `.p8`, `.p12`, `.pfx`; a `.jwk` is JSON and read as a JWKS).
    case keyFile = "key"
    case unknown

    /// Extensions a directory walk picks up: requests, and key files (a private key committed
    /// next to the fixtures is what `private-key-committed` is for).
    public static let extensions: Set<String> = ["yaml", "yml", "json", "har", "http", "rest", "curl", "sh", "bash", "txt", "jwt",
                                                 "pem", "key", "jwk", "p8", "p12", "pfx"]

    public static func byName(_ path: String) -> InputKind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml", "json": return .fixture
        case "har": return .har
        case "http", "rest": return .httpFile
        case "curl": return .curl
        case "sh", "bash": return .shellScript
        case "txt": return .rawHTTP
        case "jwt": return .token
        case "jwk": return .fixture
        case "pem", "key", "p8", "p12", "pfx": return .keyFile
        default: return nil
        }
    }

    /// Decides from the text what a recognised file is, or why it is not checked.
    public static func sniff(_ text: String, path: String, named: InputKind?) -> Result<InputKind, Skip> {
        switch named {
        case .fixture?:
            // Byte scans that answer as the patterns in their comments do; where a byte they cannot
            // judge alone (non-ASCII, a vertical tab or form feed) decides, the pattern itself answers.
            let bytes = Array(text.utf8)
            let fixtureKey = { KeyScan.quoted(bytes, KeyScan.fixtureKeys) ?? (text.range(of: #""(request|curl|http|token)"\s*:"#, options: .regularExpression) != nil) }
            if isJSONObject(text) {
                if KeyScan.quoted(bytes, [KeyScan.log]) ?? (text.range(of: #""log"\s*:"#, options: .regularExpression) != nil),
                   KeyScan.quoted(bytes, [KeyScan.entries]) ?? (text.range(of: #""entries"\s*:"#, options: .regularExpression) != nil) { return .success(.har) }
                if KeyScan.quoted(bytes, [KeyScan.keys], thenBracket: true) ?? (text.range(of: #""keys"\s*:\s*\["#, options: .regularExpression) != nil)
                    || KeyScan.opensWithKty(bytes) ?? (text.range(of: #"^\s*\{\s*"kty"\s*:"#, options: .regularExpression) != nil) {
                    if !fixtureKey() { return .success(.jwks) }
                }
                if fixtureKey() { return .success(.fixture) }
                return .failure(.notAFixture)
            }
            if KeyScan.lineStartKey(bytes, KeyScan.fixtureKeys) ?? (text.range(of: #"(?m)^(request|curl|http|token)\s*:"#, options: .regularExpression) != nil) {
                return .success(.fixture)
            }
            return .failure(.notAFixture)
        case .shellScript?:
            return mentionsAuthorizationEndpoint(text) && text.contains("curl") ? .success(.shellScript) : .failure(.noTokenRequest)
        case .rawHTTP?:
            return text.range(of: #"(?m)^\s*(POST|GET|PUT|PATCH|DELETE)\s+\S+(\s+HTTP/[0-9.]+)?\s*$"#, options: .regularExpression) != nil
                ? .success(.rawHTTP) : .failure(.noTokenRequest)
        case .keyFile?:
            // Private keys in key files are found by `privateKey(in:named:)` before this; a JWK
            // (JSON) is read as a JWKS, anything else here holds no private key.
            return isJSONObject(text) ? sniff(text, path: path, named: .fixture) : .failure(.noPrivateKey)
        case .some(let kind):
            return .success(kind)
        case nil:
            return .success(.unknown)
        }
    }

    /// Why a recognised file was passed over.
    public enum Skip: String, Error, Sendable {
        case notAFixture = "YAML/JSON without request, curl, http or token"
        case noTokenRequest = "no request to an authorization-server endpoint"
        case noPrivateKey = "a key file without a private key (a public key or certificate)"
    }

    /// A private key in a file's bytes, by its shape: a PEM private key block, or DER that is
    /// a PKCS#8 (plain or encrypted), PKCS#1 RSA or SEC1 EC private key, or a PKCS#12 archive.
    /// Returns what it is ("DER PKCS#8 private key"), or nil. Only key files and files of no
    /// known kind are looked at; fixtures and requests have their own checks on their text.
    public static func privateKey(in bytes: [UInt8], named: InputKind?) -> String? {
        guard named == .keyFile || named == nil, !bytes.isEmpty else { return nil }
        if let text = String(validating: bytes.prefix(1 << 20), as: UTF8.self) {
            if let label = pemPrivateKeyLabel(text) { return "PEM private key (\(label))" }
            if isJSONObject(text) { return nil }
        }
        return DERShape.privateKeyForm(bytes)
    }

    static func pemPrivateKeyLabel(_ text: String) -> String? {
        guard let begin = text.range(of: "-----BEGIN "), let end = text[begin.upperBound...].range(of: "PRIVATE KEY-----") else { return nil }
        return "BEGIN " + text[begin.upperBound..<end.lowerBound] + "PRIVATE KEY"
    }

    static func isJSONObject(_ text: String) -> Bool {
        // ASCII before the first character that is not white space: decided on the bytes.
        var utf8 = text.utf8.makeIterator()
        while let b = utf8.next() {
            switch b {
            case 0x09...0x0D, 0x20: continue
            case UInt8(ascii: "{"):
                guard let next = utf8.next() else { return true }
                if next < 0x80 { return true }
            case 0x80...: break
            default: return false
            }
            break
        }
        return text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"
    }

    static func mentionsAuthorizationEndpoint(_ text: String) -> Bool {
        text.range(of: #"/(token|introspect|revoke|par)\b"#, options: .regularExpression) != nil
    }
}

/// Byte scans for the keys that tell fixtures, HAR files and key sets apart. Each returns nil
/// when a byte it cannot judge alone (a non-ASCII character, a vertical tab or a form feed, which
/// the patterns' `\s` and `^` may count as space or a line break) decides the answer; the caller
/// then asks the pattern.
enum KeyScan {
    static let fixtureKeys: [[UInt8]] = ["request", "curl", "http", "token"].map { Array($0.utf8) }
    static let log = Array("log".utf8), entries = Array("entries".utf8), keys = Array("keys".utf8), kty = Array("kty".utf8)

    /// Skips ASCII space (tab, line feed, carriage return, space) from `i`; nil at a byte `\s` may or may not match.
    private static func space(_ b: [UInt8], _ i: inout Int) -> Bool {
        while i < b.count {
            switch b[i] {
            case 0x09, 0x0A, 0x0D, 0x20: i += 1
            case 0x0B, 0x0C, 0x80...: return false
            default: return true
            }
        }
        return true
    }

    private static func word(_ b: [UInt8], at i: Int, _ w: [UInt8]) -> Bool {
        guard i + w.count <= b.count else { return false }
        for k in 0..<w.count where b[i + k] != w[k] { return false }
        return true
    }

    /// `"(name|…)"\s*:` (with `thenBracket`, `"name"\s*:\s*\[`) anywhere in the text.
    static func quoted(_ b: [UInt8], _ names: [[UInt8]], thenBracket: Bool = false) -> Bool? {
        var unsure = false
        var i = 0
        while i < b.count {
            guard b[i] == 0x22 else { i += 1; continue }
            for name in names where word(b, at: i + 1, name) && i + 1 + name.count < b.count && b[i + 1 + name.count] == 0x22 {
                var j = i + 2 + name.count
                guard space(b, &j) else { unsure = true; continue }
                guard j < b.count, b[j] == UInt8(ascii: ":") else { continue }
                guard thenBracket else { return true }
                j += 1
                guard space(b, &j) else { unsure = true; continue }
                if j < b.count, b[j] == UInt8(ascii: "[") { return true }
            }
            i += 1
        }
        return unsure ? nil : false
    }

    /// `^\s*\{\s*"kty"\s*:` at the start of the text.
    static func opensWithKty(_ b: [UInt8]) -> Bool? {
        var i = 0
        guard space(b, &i) else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return false }
        i += 1
        guard space(b, &i) else { return nil }
        guard i < b.count, b[i] == 0x22, word(b, at: i + 1, kty), i + 4 < b.count, b[i + 4] == 0x22 else { return false }
        i += 5
        guard space(b, &i) else { return nil }
        return i < b.count && b[i] == UInt8(ascii: ":")
    }

    /// `(?m)^(name|…)\s*:`: a key at the start of a line. nil when the text has a line break other
    /// than a line feed or a carriage return (where the pattern's `^` may also match).
    static func lineStartKey(_ b: [UInt8], _ names: [[UInt8]]) -> Bool? {
        var found = false
        var unsure = false
        var atLineStart = true
        var i = 0
        while i < b.count {
            let c = b[i]
            if atLineStart, !found {
                for name in names where word(b, at: i, name) {
                    var j = i + name.count
                    guard space(b, &j) else { unsure = true; continue }
                    if j < b.count, b[j] == UInt8(ascii: ":") { found = true }
                }
            }
            switch c {
            case 0x0A, 0x0D: atLineStart = true
            case 0x0B, 0x0C: return nil
            case 0xC2: if i + 1 < b.count, b[i + 1] == 0x85 { return nil }; atLineStart = false
            case 0xE2: if i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return nil }; atLineStart = false
            default: atLineStart = false
            }
            i += 1
        }
        return found ? true : (unsure ? nil : false)
    }
}

/// Just enough DER to tell key containers apart by their first elements; no key material is
/// decoded or kept.
enum DERShape {
    struct Element {
        let tag: UInt8
        let content: Range<Int>
        var end: Int { content.upperBound }
    }

    /// The element starting at `offset`, within `limit`. Indefinite lengths (BER, as some
    /// PKCS#12 writers use) run to `limit`.
    static func element(_ b: [UInt8], at offset: Int, limit: Int) -> Element? {
        guard offset + 2 <= limit else { return nil }
        let tag = b[offset]
        let first = Int(b[offset + 1])
        var start = offset + 2
        let length: Int
        if first < 0x80 {
            length = first
        } else if first == 0x80 {
            return Element(tag: tag, content: start..<limit)
        } else {
            let count = first & 0x7F
            guard count <= 4, start + count <= limit else { return nil }
            var n = 0
            for i in 0..<count { n = n << 8 | Int(b[start + i]) }
            start += count
            length = n
        }
        guard length <= limit - start else { return nil }
        return Element(tag: tag, content: start..<(start + length))
    }

    /// The elements inside a constructed element, in order (at most `max`).
    static func children(_ b: [UInt8], of parent: Element, max: Int = 12) -> [Element] {
        var out: [Element] = []
        var at = parent.content.lowerBound
        while at < parent.end, out.count < max, let e = element(b, at: at, limit: parent.end) {
            out.append(e)
            at = e.end
        }
        return out
    }

    static let sequence: UInt8 = 0x30, integer: UInt8 = 0x02, octetString: UInt8 = 0x04, oid: UInt8 = 0x06

    static func smallInteger(_ b: [UInt8], _ e: Element) -> Int? {
        guard e.tag == integer, e.content.count == 1 else { return nil }
        return Int(b[e.content.lowerBound])
    }

    /// The DER OID bytes of 1.2.840.113549.1.7 (PKCS#7 content types: data, signedData, …).
    static let pkcs7Prefix: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07]

    static func privateKeyForm(_ b: [UInt8]) -> String? {
        guard let outer = element(b, at: 0, limit: b.count), outer.tag == sequence, b.count - outer.end <= 2 else { return nil }
        let items = children(b, of: outer)
        guard items.count >= 2 else { return nil }
        let version = smallInteger(b, items[0])
        // PrivateKeyInfo / OneAsymmetricKey (RFC 5208, 5958): version 0|1, AlgorithmIdentifier, OCTET STRING.
        if let version, version <= 1, items.count >= 3, items[1].tag == sequence, items[2].tag == octetString,
           children(b, of: items[1]).first?.tag == oid {
            return "DER PKCS#8 private key"
        }
        // EncryptedPrivateKeyInfo: AlgorithmIdentifier (PBES2 …), OCTET STRING.
        if items.count == 2, items[0].tag == sequence, items[1].tag == octetString, children(b, of: items[0]).first?.tag == oid {
            return "DER encrypted PKCS#8 private key"
        }
        // RSAPrivateKey (RFC 8017): version 0 and eight more INTEGERs.
        if version == 0, items.count >= 9, items.prefix(9).allSatisfy({ $0.tag == integer }) {
            return "DER PKCS#1 RSA private key"
        }
        // ECPrivateKey (RFC 5915): version 1, OCTET STRING, [0] parameters / [1] public key.
        if version == 1, items[1].tag == octetString, items.dropFirst(2).allSatisfy({ $0.tag == 0xA0 || $0.tag == 0xA1 }) {
            return "DER SEC1 EC private key"
        }
        // PFX (RFC 7292): version 3, ContentInfo { OID pkcs7-data|signedData, [0] … }.
        if version == 3, items[1].tag == sequence, let contentType = children(b, of: items[1]).first, contentType.tag == oid,
           Array(b[contentType.content]).starts(with: pkcs7Prefix) {
            return "PKCS#12 archive (it holds private keys)"
        }
        return nil
    }
}
