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
            if isJSONObject(text) {
                if text.range(of: #""log"\s*:"#, options: .regularExpression) != nil,
                   text.range(of: #""entries"\s*:"#, options: .regularExpression) != nil { return .success(.har) }
                if text.range(of: #""keys"\s*:\s*\["#, options: .regularExpression) != nil
                    || text.range(of: #"^\s*\{\s*"kty"\s*:"#, options: .regularExpression) != nil {
                    if text.range(of: #""(request|curl|http|token)"\s*:"#, options: .regularExpression) == nil { return .success(.jwks) }
                }
                if text.range(of: #""(request|curl|http|token)"\s*:"#, options: .regularExpression) != nil { return .success(.fixture) }
                return .failure(.notAFixture)
            }
            if text.range(of: #"(?m)^(request|curl|http|token)\s*:"#, options: .regularExpression) != nil { return .success(.fixture) }
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
        text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"
    }

    static func mentionsAuthorizationEndpoint(_ text: String) -> Bool {
        text.range(of: #"/(token|introspect|revoke|par)\b"#, options: .regularExpression) != nil
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
