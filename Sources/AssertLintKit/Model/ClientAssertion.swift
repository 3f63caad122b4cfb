import Foundation

/// A client assertion decoded from its compact serialization. Nothing here is verified:
/// the rules judge it.
public struct ClientAssertion: Sendable {
    public let compact: String
    public let header: JSONObject
    public let claims: JSONObject
    public let signature: [UInt8]
    /// What a strict base64url decoder would object to, per segment ("header", "payload", "signature").
    public let encodingDeviations: [(segment: String, problem: Base64URL.Problem)]

    public var signingInput: Substring {
        if ASCIIText.isASCII(compact) {
            // header.payload: up to the second dot, found over the bytes.
            let u = compact.utf8
            guard let first = u.firstIndex(of: UInt8(ascii: ".")),
                  let second = u[u.index(after: first)...].firstIndex(of: UInt8(ascii: ".")) else { return compact[...] }
            return compact[..<second]
        }
        guard let second = compact.indices.filter({ compact[$0] == "." }).dropFirst().first else { return compact[...] }
        return compact[..<second]
    }

    public var alg: String? { header["alg"]?.stringValue }
    public var kid: String? { header["kid"]?.stringValue }
    public var issuer: String? { claims["iss"]?.stringValue }
    public var subject: String? { claims["sub"]?.stringValue }
    public var jti: String? { claims["jti"]?.stringValue }

    /// `aud` as a list: a string is one audience, an array of strings its members.
    /// nil when `aud` is absent or of another type (a separate rule reports the type).
    public var audiences: [String]? {
        switch claims["aud"] {
        case .string(let s): return [s]
        case .array(let items):
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? strings : nil
        default: return nil
        }
    }

    public func date(_ claim: String) -> NumericDate {
        NumericDate(claims[claim])
    }
}

/// A NumericDate claim (RFC 7519 §2): seconds since the epoch as a JSON number.
public enum NumericDate: Sendable, Equatable {
    case absent
    case valid(Double)
    /// Present but not a finite JSON number: a string such as "1614664267", a boolean, 1e309.
    case invalid(JSONValue)

    init(_ value: JSONValue?) {
        guard let value else { self = .absent; return }
        if let d = value.finiteNumber { self = .valid(d) } else { self = .invalid(value) }
    }

    public var seconds: Double? {
        if case .valid(let d) = self { return d }
        return nil
    }
}

/// Why a piece of text that should be a compact JWS is not one.
public struct MalformedAssertion: Error, Sendable, Equatable {
    public let text: String
    public let reason: String
}

public enum AssertionDecoding {
    public static let maxLength = 64 * 1024

    public static func decode(_ compact: String) -> Result<ClientAssertion, MalformedAssertion> {
        func bad(_ reason: String) -> Result<ClientAssertion, MalformedAssertion> {
            .failure(MalformedAssertion(text: compact, reason: reason))
        }
        guard !compact.isEmpty else { return bad("the value is empty") }
        guard compact.utf8.count <= maxLength else {
            return bad("the value is \(compact.utf8.count) bytes long; a client assertion is a few hundred bytes to a few kilobytes")
        }
        // A token is ASCII: split it over the bytes (a Character split walks grapheme breaks).
        let parts = ASCIIText.isASCII(compact)
            ? ASCIIText.pieces(compact[...], separator: UInt8(ascii: "."), omittingEmpty: false)
            : compact.split(separator: ".", omittingEmptySubsequences: false)
        switch parts.count {
        case 3: break
        case 5: return bad("it has 5 segments: this is a JWE (an encrypted token); Okta expects a signed JWS with 3 segments")
        default:
            return bad("it has \(parts.count) segment\(parts.count == 1 ? "" : "s") separated by '.'; a compact JWS has exactly 3 (header.payload.signature)")
        }
        var deviations: [(String, Base64URL.Problem)] = []
        func segment(_ s: Substring, _ name: String) -> Result<[UInt8], MalformedAssertion> {
            switch Base64URL.decode(s) {
            case .success(let d):
                deviations.append(contentsOf: d.deviations.map { (name, $0) })
                return .success(d.bytes)
            case .failure(let p):
                let what: String
                switch p {
                case .invalidCharacter(let c): what = "contains \(describe(c)), which base64url does not use"
                case .impossibleLength: what = "has a length no base64url text can have (it was probably cut short)"
                default: what = "is not base64url"
                }
                return .failure(MalformedAssertion(text: compact, reason: "the \(name) segment \(what)"))
            }
        }
        func object(_ bytes: [UInt8], _ name: String) -> Result<JSONObject, MalformedAssertion> {
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(MalformedAssertion(text: compact, reason: "the \(name) is not UTF-8 text"))
            }
            do {
                let v = try JSONParser.parse(bytes)
                guard case .object(let o) = v else {
                    return .failure(MalformedAssertion(text: compact, reason: "the \(name) is JSON \(v.typeDescription), not a JSON object"))
                }
                return .success(o)
            } catch {
                return .failure(MalformedAssertion(text: compact, reason: "the \(name) is not valid JSON (\(error))"))
            }
        }
        if parts[0].isEmpty { return bad("the header segment is empty") }
        if parts[1].isEmpty { return bad("the payload segment is empty") }
        let header: JSONObject
        let claims: JSONObject
        let signature: [UInt8]
        switch segment(parts[0], "header").flatMap({ object($0, "header") }) {
        case .success(let h): header = h
        case .failure(let e): return .failure(e)
        }
        switch segment(parts[1], "payload").flatMap({ object($0, "payload") }) {
        case .success(let c): claims = c
        case .failure(let e): return .failure(e)
        }
        switch segment(parts[2], "signature") {
        case .success(let s): signature = s
        case .failure(let e): return .failure(e)
        }
        if header["enc"] != nil { return bad("the header has `enc`: this is an encrypted JWT (JWE); Okta expects a signed JWS") }
        guard let algValue = header["alg"] else { return bad("the header has no `alg`") }
        guard algValue.stringValue != nil else { return bad("the header's `alg` is \(algValue.typeDescription), not a string") }
        return .success(ClientAssertion(compact: compact, header: header, claims: claims, signature: signature,
                                        encodingDeviations: deviations.map { (segment: $0.0, problem: $0.1) }))
    }

    private static func describe(_ c: Character) -> String {
        if c == " " { return "a space" }
        if let a = c.asciiValue, a < 0x20 || a == 0x7F { return "a control character (0x\(String(a, radix: 16)))" }
        return "'\(c)'"
    }
}
