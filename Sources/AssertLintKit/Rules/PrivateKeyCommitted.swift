import Foundation

/// A private key in a committed file: private members (`d`, `p`, `q`, ...) in a JWKS, a PEM
/// private key block anywhere in the input text, or a key file whose binary shape is a private
/// key (DER PKCS#8, PKCS#1, SEC1, PKCS#12). Messages name where, never the key.
struct PrivateKeyCommitted: Rule {
    static let id = "private-key-committed"
    static let scope = RuleScope.committedFiles

    func check(_ subject: Subject, into findings: inout FindingSink) {
        if let jwks = subject.app.jwks {
            for found in PrivateKeyScan.privateJWKs(in: jwks) {
                findings.add(Self.id, at: found.pointer,
                             "the app's JWKS holds a private key (\(found.kty) key\(found.kid.map { " kid \"\($0)\"" } ?? ""), members \(found.members.joined(separator: ", "))); a JWKS for the server holds public keys only")
            }
        }
        if let text = subject.rawText, let block = PrivateKeyScan.pemBlocks(in: text).first {
            findings.add(Self.id, at: PrivateKeyScan.textPointer,
                         "line \(block.line) starts a PEM private key block (\(block.label)); the key itself is not shown")
        } else if let form = subject.privateKeyFileForm {
            findings.add(Self.id, at: PrivateKeyScan.textPointer, "the file is a \(form); the key itself is not shown")
        }
    }
}

/// Finds private keys without ever copying them out.
enum PrivateKeyScan {
    /// The pointer for something found in the file's text rather than in the request.
    static let textPointer = "/text"

    /// JWK members that only a private key has (RFC 7518 §6.2.2, §6.3.2, §6.4).
    static let privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    struct PrivateJWK {
        let pointer: String
        let kty: String
        let kid: String?
        let members: [String]
    }

    /// Private keys in a JWKS (`{"keys": [...]}`) or a single JWK.
    static func privateJWKs(in jwks: JSONValue) -> [PrivateJWK] {
        guard let object = jwks.objectValue else { return [] }
        var keys: [(String, JSONObject)] = []
        if let list = object["keys"]?.arrayValue {
            for (i, k) in list.enumerated() {
                if let o = k.objectValue { keys.append(("/app/jwks/keys/\(i)", o)) }
            }
        } else if object["kty"] != nil {
            keys.append(("/app/jwks", object))
        }
        return keys.compactMap { pointer, key in
            let kty = key["kty"]?.stringValue ?? "?"
            // `k` is the whole key of a symmetric JWK; elsewhere it means nothing.
            let present = privateMembers.filter { key[$0] != nil && ($0 != "k" || kty == "oct") }
            guard !present.isEmpty else { return nil }
            return PrivateJWK(pointer: pointer + "/" + present[0], kty: kty, kid: key["kid"]?.stringValue, members: present)
        }
    }

    struct PEMBlock: Equatable {
        let label: String
        let line: Int
    }

    /// `-----BEGIN ... PRIVATE KEY-----` lines (PKCS#1, PKCS#8, SEC1, OpenSSH, encrypted).
    static func pemBlocks(in text: String) -> [PEMBlock] {
        // A byte scan first: most files have no `-----BEGIN` at all, and Foundation's `contains`
        // over the whole file cost 3% of a check. `-----BEGIN ` is ASCII without canonical
        // equivalents, so a file without those bytes has no line the search below would match.
        guard hasBytes(text, pemBegin), text.contains("PRIVATE KEY-----") else { return [] }
        var out: [PEMBlock] = []
        var line = 0
        text.enumerateLines { l, _ in
            line += 1
            guard let begin = l.range(of: "-----BEGIN ") else { return }
            let rest = l[begin.upperBound...]
            guard let end = rest.range(of: "PRIVATE KEY-----") else { return }
            let label = "BEGIN " + rest[..<end.lowerBound] + "PRIVATE KEY"
            out.append(PEMBlock(label: label, line: line))
        }
        return out
    }

    static let pemBegin = Array("-----BEGIN ".utf8)

    /// Whether the UTF-8 of `text` holds the bytes of `needle` (non-empty).
    static func hasBytes(_ text: String, _ needle: [UInt8]) -> Bool {
        func scan(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = needle.first, hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// The line of the first private member of a JWKS written in the text, for positions.
    static func firstPrivateMemberLine(in text: String) -> Int? {
        var line = 0
        var found: Int?
        text.enumerateLines { l, stop in
            line += 1
            let t = l.trimmingCharacters(in: .whitespaces)
            for m in ["d", "p", "q"] where t.contains("\"\(m)\":") || t.contains("\"\(m)\" :") || t.hasPrefix("\(m):") || t.contains(" \(m): ") || t.contains("{\(m): ") || t.contains(", \(m): ") {
                found = line
                stop = true
                return
            }
        }
        return found
    }
}
