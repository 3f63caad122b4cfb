import Foundation
import Testing
@testable import AssertLintKit

/// The byte-level fast paths of the token and curl hot path (issue 13) give the answers of the
/// Character-level code they stand in for. The oracle is either that code written out here or
/// the same function forced onto its Character-level path by a trailing non-ASCII line that
/// cannot change the answer.
@Suite struct ASCIIFastPathTests {
    static let texts: [String] = [
        "", ";", ";;", "a", "a;b", ";a;b", ";;a", " a ;b", "\tA/B ; charset=utf-8", "application/x-www-form-urlencoded",
        "Application/JSON;", "  ;  ", " ", "a b", "a&b", "&", "&&", "a&", "&a", "a&&b", "=", "a=", "=b", "a=b&c=d",
        "x.y.z", "..", "a..b", ".a.", "line\nnext", "\u{0B}v\u{0C}", "a\r\nb;c", "\r\n",
    ]

    @Test func mediaTypeMatchesTheCharacterSplit() {
        for t in Self.texts {
            let old = t.split(separator: ";", maxSplits: 1).first.map { $0.trimmedWhitespace.lowercased() }
            let fast = ASCIIText.mediaType(t)
            #expect(fast != nil, "\(t.debugDescription) is ASCII")
            #expect(fast.flatMap { $0 } == old, "\(t.debugDescription)")
        }
        #expect(ASCIIText.mediaType("tëxt/plain") == nil)
    }

    @Test func piecesMatchTheCharacterSplit() {
        for t in Self.texts {
            for (sep, byte) in [("&", UInt8(ascii: "&")), (".", UInt8(ascii: ".")), (";", UInt8(ascii: ";"))] {
                for omitting in [false, true] {
                    let old = t.split(separator: Character(sep), omittingEmptySubsequences: omitting).map(String.init)
                    let fast = ASCIIText.pieces(t[...], separator: byte, omittingEmpty: omitting).map(String.init)
                    #expect(fast == old, "\(t.debugDescription) on \(sep), omitting \(omitting)")
                }
            }
        }
    }

    @Test func headerLookupIgnoresCaseAsLowercasedDoes() {
        let headers = [HTTPHeader(name: "content-type", value: "a", position: nil), HTTPHeader(name: "Accept", value: "b", position: nil),
                       HTTPHeader(name: "CONTENT-TYPE", value: "c", position: nil), HTTPHeader(name: "\u{212A}ey", value: "d", position: nil)]
        let request = TokenRequest(url: "https://x/token", headers: headers)
        #expect(request.header("Content-Type")?.value == "c")
        #expect(request.header("accept")?.value == "b")
        // KELVIN SIGN lowercases to an ASCII k: the lookup still goes through `lowercased()`.
        #expect(request.header("key")?.value == "d")
        #expect(request.header("Authorization") == nil)
        #expect(request.header("Contént-Type") == nil)
        #expect(ASCIIText.equalIgnoringCase("Content-Type", "content-TYPE") == true)
        #expect(ASCIIText.equalIgnoringCase("Content-Type", "Content-Typ") == false)
        #expect(ASCIIText.equalIgnoringCase("Content-Type", "Contént-Type") == nil)
    }

    @Test func percentDecodingOverBytes() {
        func decoded(_ s: String) -> [UInt8]? { ASCIIText.percentDecoded(Array(s.utf8)).map { Array($0.utf8) } }
        #expect(decoded("urn%3Aietf%3Aparams") == Array("urn:ietf:params".utf8))
        #expect(decoded("%c3%A9") == [0xC3, 0xA9])
        #expect(decoded("a%00b") == [0x61, 0x00, 0x62])
        #expect(decoded("%2525") == Array("%25".utf8))
        for bad in ["%", "100%", "%4", "%4g", "%g4", "%zz", "%41%", "%%41", "%C3", "%FF", "%C0%80", "%ED%A0%80", "%F4%90%80%80"] {
            #expect(decoded(bad) == nil, "\(bad.debugDescription)")
        }
        #expect(ASCIIText.formDecoded("a+%zz+b") == "a %zz b")
        #expect(ASCIIText.formDecoded("a+%20+b") == "a   b")
    }

    @Test func formDecodingMatchesFoundation() {
        let values = ["", "a", "a+b", "+", "urn%3Aietf%3Aparams", "100%", "%zz", "a%20b+c", "caf%C3%A9", "%FF", "eyJhbGci.eyJ-_x.sig", "ä+ö",
                      // Escapes Foundation refuses (nil, so the spaced text is kept) and some it takes.
                      "%00", "a%00b", "%4", "%4g", "%C3", "%2525", "%c3%a9", "e%CC%81", "%E2%80%8B", "%ED%A0%80",
                      "%F4%90%80%80", "%C0%80", "%%41", "%41%", "%0D%0A", "a+%2B+b", "%+1", "+%zz+", "%e9", "ä%20"]
        for v in values {
            let spaced = v.replacingOccurrences(of: "+", with: " ")
            let old = spaced.removingPercentEncoding ?? spaced
            #expect(FormEncoding.decode(v[...]) == old, "\(v.debugDescription)")
        }
        let body = "grant_type=client_credentials&&scope=a+b&client_assertion_type=urn%3Aietf&flag&=x&"
        let old = body.split(separator: "&").map { pair -> [String] in
            guard let eq = pair.firstIndex(of: "=") else { return [String(pair), ""] }
            return [String(pair[..<eq]), String(pair[pair.index(after: eq)...])].map { s in
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
        }
        #expect(FormEncoding.fields(body).map { [$0.name, $0.value] } == old)
    }

    static let pastes: [String] = [
        "curl https://x/token",
        "  curl -X POST https://x/token \\\n  -d a=b",
        "$ curl https://x \\\n -H 'a: b'\n\ncurl.exe -v https://y",
        "cd /tmp && curl https://x; echo curl https://no\nTOKEN=$(curl -s https://z)",
        "xcurl https://no\ncurlx\n  # curl comment\nPS C:\\> curl.exe https://p `\n  -d x=y",
        "curl ^\n  -d \"a=b\" ^\n  https://x ^\"q^\"",
        "```bash\ncurl https://x \\\n  -d a=b\n```",
        "curl `\n -H a `\n -d b \\",
        "user@host:~$ curl https://x\n> curl https://y\nccurl curl https://z",
        "\n\n\t\n curl\t-d x",
    ]

    @Test func commandStartsMatchTheCharacterPath() {
        for p in Self.pastes {
            // The trailing line holds no `curl`: only the ASCII path is skipped.
            let slow = CurlCommand.commandStarts(in: p + "\n# é")
            #expect(CurlCommand.commandStarts(in: p) == slow, "\(p.debugDescription)")
        }
        #expect(CurlCommand.commandStarts(in: Self.pastes[2]) == [2, 31])
    }

    @Test func dialectMatchesTheCharacterPath() {
        for p in Self.pastes {
            #expect(ShellDialect.detectASCII(p) != nil)
            #expect(ShellDialect.detect(p) == ShellDialect.detect(p + "\né"), "\(p.debugDescription)")
        }
        #expect(ShellDialect.detect(Self.pastes[5]) == .cmd)
        #expect(ShellDialect.detect(Self.pastes[7]) == .powershell)
        #expect(ShellDialect.detectASCII("a\r\nb") == nil)
    }

    @Test func topLevelKeysMatchTheCharacterPath() {
        let texts = [
            "request:\n  curl: x\ntoken: y\n_k9: z\n9no: a\nkey:value\nkey :v\n",
            "a:\n\nb:\tc\n" + String(repeating: "k", count: 199) + ":\n" + String(repeating: "k", count: 200) + ":\n",
            "curl -v https://x\ncurl: (6) no\nhttp:",
        ]
        for t in texts {
            let fast = InputReader.topLevelKeysASCII(t)
            #expect(fast != nil)
            #expect(fast == InputReader.topLevelKeys(t + "\n# é"), "\(t.debugDescription)")
        }
        #expect(InputReader.topLevelKeys(texts[0]) == ["request", "token", "_k9"])
    }

    @Test func trimmingEdgesMatchesFoundation() {
        let extra = ["\u{00A0}x\u{3000}", "x\u{2003}", "\u{2003}", "é ", " é", "\u{200B}a", "a\n", "\ta\t", "https://x/ "]
        for t in Self.texts + extra {
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                #expect(t.trimmingEdges(set) == t.trimmingCharacters(in: set), "\(t.debugDescription)")
            }
        }
    }
}
