import Foundation

/// Reads key files the way users have them: JWKS/JWK JSON, PEM (public keys, certificates,
/// PKCS#1/PKCS#8/SEC1 private keys) and DER.
public enum KeyFile {
    /// A PEM block: its label ("CERTIFICATE", "PUBLIC KEY") and its full text.
    struct PEMBlock {
        let label: String
        let text: String
        var der: [UInt8]? {
            let body = text.split(whereSeparator: \.isNewline)
                .filter { !$0.hasPrefix("-----") && !$0.contains(":") }
                .joined()
            return Data(base64Encoded: body).map(Array.init)
        }
    }

    static func pemBlocks(_ text: String) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var rest = text[...]
        while let begin = rest.range(of: "-----BEGIN ") {
            guard let labelEnd = rest[begin.upperBound...].range(of: "-----") else { break }
            let label = String(rest[begin.upperBound..<labelEnd.lowerBound])
            guard let end = rest[labelEnd.upperBound...].range(of: "-----END \(label)-----") else { break }
            blocks.append(PEMBlock(label: label, text: String(rest[begin.lowerBound..<end.upperBound]) + "\n"))
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    static func isJSON(_ bytes: [UInt8]) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
    }

    /// The registered public keys in a file, as JWKS JSON: JWKS/JWK JSON is returned as
    /// written; PEM public keys and certificates (and DER certificates) are converted, with
    /// `x5c` for certificates. A private key file yields its public key.
    public static func publicKeySet(_ bytes: [UInt8]) -> Result<JSONValue, KeyError> {
        if isJSON(bytes) {
            do {
                return .success(try JSONParser.parse(bytes))
            } catch {
                return .failure(KeyError("not valid JSON: \(error)"))
            }
        }
        var entries: [(key: AsymmetricKey, extra: [JSONMember])] = []
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            for block in pemBlocks(text) {
                let pem = Array(block.text.utf8)
                let handle = block.label.contains("PRIVATE") ? OpenSSL.privateKey(pem: pem) : OpenSSL.publicKey(pem: pem)
                guard let handle else {
                    OpenSSL.clearErrors()
                    return .failure(KeyError("the PEM block '\(Escape.line(block.label))' is not a key or certificate assertlint can read (damaged base64, a cut-off block or an unsupported key type)"))
                }
                let key: AsymmetricKey
                do { key = try AsymmetricKey(handle) } catch { return .failure(error) }
                var extra: [JSONMember] = []
                if block.label == "CERTIFICATE", let der = block.der {
                    extra.append(JSONMember(key: "x5c", value: .array([.string(Data(der).base64EncodedString())])))
                }
                entries.append((key, extra))
            }
            guard !entries.isEmpty else { return .failure(KeyError("no complete PEM block")) }
            return .success(JWKSet.json(publicKeys: entries))
        }
        guard let handle = OpenSSL.publicKey(der: bytes) else {
            return .failure(KeyError("neither JSON, PEM nor a DER certificate or public key"))
        }
        do {
            let key = try AsymmetricKey(handle)
            let isCertificate = (try? JWK.certificateKey(Data(bytes).base64EncodedString())) != nil
            let extra = isCertificate ? [JSONMember(key: "x5c", value: .array([.string(Data(bytes).base64EncodedString())]))] : []
            return .success(JWKSet.json(publicKeys: [(key, extra)]))
        } catch {
            return .failure(error)
        }
    }

    /// A private key to sign with: a private JWK (or a JWKS holding exactly one), or PEM
    /// PKCS#8/PKCS#1/SEC1, or DER PKCS#8.
    public static func signingKey(_ bytes: [UInt8], origin: String) -> Result<SigningKey, KeyError> {
        if isJSON(bytes) {
            let value: JSONValue
            do { value = try JSONParser.parse(bytes) } catch { return .failure(KeyError("not valid JSON: \(error)")) }
            guard case .success(let set) = JWKSet.parse(value) else { return .failure(KeyError("not a JWK")) }
            guard set.keys.count == 1, let jwk = set.keys.first else {
                return .failure(KeyError("the JWKS holds \(set.keys.count) keys; give the one private key to sign with"))
            }
            guard jwk.members["d"] != nil else {
                return .failure(KeyError("the JWK has no `d`: it is a public key, which cannot sign"))
            }
            switch jwk.key() {
            case .success(let key): return .success(SigningKey(key: key, kid: jwk.kid, origin: origin))
            case .failure(let e): return .failure(e)
            }
        }
        let handle: OpenSSLKey?
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            if text.contains("ENCRYPTED") {
                return .failure(KeyError("the private key is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN)"))
            }
            guard text.contains("PRIVATE KEY-----") else {
                return .failure(KeyError("the PEM holds no private key (a public key or certificate cannot sign)"))
            }
            handle = OpenSSL.privateKey(pem: bytes)
        } else {
            handle = OpenSSL.privateKey(der: bytes)
        }
        guard let handle else {
            OpenSSL.clearErrors()
            return .failure(KeyError("the private key cannot be read (damaged base64 or DER, a cut-off key or an unsupported key type)"))
        }
        do {
            return .success(SigningKey(key: try AsymmetricKey(handle), kid: nil, origin: origin))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a file from disk for `publicKeySet`/`signingKey`.
    public static func read(_ path: String, relativeTo base: String? = nil) -> Result<[UInt8], KeyError> {
        let url = base.map { URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: $0).deletingLastPathComponent()) }
            ?? URL(fileURLWithPath: path)
        switch BoundedFile.read(url.path) {
        case .success(let bytes): return .success(bytes)
        case .failure(let failure): return .failure(KeyError("cannot read '\(path)': \(failure.reason)"))
        }
    }
}
