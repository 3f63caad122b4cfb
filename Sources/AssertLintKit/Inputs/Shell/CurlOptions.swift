import Foundation

extension CurlCommand {
    // MARK: - curl's options

    /// Long options that take a value (curl 8). Anything else is a flag.
    static let longWithValue: Set<String> = [
        "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers", "config",
        "connect-timeout", "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode", "crlfile", "curves",
        "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation", "dns-interface",
        "dns-ipv4-addr", "dns-ipv6-addr", "dns-servers", "doh-url", "dump-header", "ech", "egd-file", "engine",
        "etag-compare", "etag-save", "expand-data", "expand-data-ascii", "expand-data-binary", "expand-data-raw",
        "expand-data-urlencode", "expand-header", "expand-url", "expand-json", "expect100-timeout", "form", "form-string",
        "ftp-account", "ftp-alternative-to-user", "ftp-method", "ftp-port", "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms",
        "haproxy-clientip", "header", "hostpubmd5", "hostpubsha256", "hsts", "interface", "ip-tos", "ipfs-gateway", "json",
        "keepalive-time", "keepalive-cnt", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port", "login-options",
        "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs", "max-time", "netrc-file", "noproxy",
        "oauth2-bearer", "output", "output-dir", "pass", "pinnedpubkey", "preproxy", "proto", "proto-default",
        "proto-redir", "proxy", "proxy-cacert", "proxy-capath", "proxy-cert", "proxy-cert-type", "proxy-ciphers",
        "proxy-crlfile", "proxy-header", "proxy-key", "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey",
        "proxy-service-name", "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser",
        "proxy-user", "proxy1.0", "pubkey", "quote", "random-file", "range", "rate", "referer", "request",
        "request-target", "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid", "service-name", "socks4",
        "socks4a", "socks5", "socks5-gssapi-service", "socks5-hostname", "speed-limit", "speed-time", "stderr",
        "telnet-option", "tftp-blksize", "time-cond", "tls-max", "tls13-ciphers", "tlsauthtype", "tlspassword",
        "tlsuser", "trace", "trace-ascii", "trace-config", "unix-socket", "upload-file", "url", "url-query", "user",
        "user-agent", "variable", "vlan-priority", "write-out", "proxy-ca-native", "sigalgs",
    ]

    /// Known flags, so that an unknown option can be reported rather than silently skipped.
    static let longFlags: Set<String> = [
        "anyauth", "append", "basic", "ca-native", "cert-status", "compressed", "compressed-ssh", "create-dirs",
        "crlf", "digest", "disable", "disable-eprt", "disable-epsv", "disallow-username-in-url", "fail",
        "fail-early", "fail-with-body", "false-start", "form-escape", "ftp-create-dirs", "ftp-pasv", "ftp-pret",
        "ftp-skip-pasv-ip", "ftp-ssl-ccc", "ftp-ssl-control", "get", "globoff", "haproxy-protocol", "head", "help",
        "http0.9", "http1.0", "http1.1", "http2", "http2-prior-knowledge", "http3", "http3-only", "ignore-content-length",
        "include", "insecure", "ipv4", "ipv6", "junk-session-cookies", "list-only", "location", "location-trusted",
        "manual", "mptcp", "negotiate", "netrc", "netrc-optional", "next", "no-alpn", "no-buffer", "no-clobber",
        "no-keepalive", "no-npn", "no-progress-meter", "no-sessionid", "ntlm", "ntlm-wb", "parallel",
        "parallel-immediate", "parallel-max", "path-as-is", "post301", "post302", "post303", "progress-bar",
        "proxy-anyauth", "proxy-basic", "proxy-digest", "proxy-http2", "proxy-insecure", "proxy-negotiate",
        "proxy-ntlm", "proxy-ssl-allow-beast", "proxy-ssl-auto-client-cert", "proxytunnel", "raw", "remote-header-name",
        "remote-name", "remote-name-all", "remote-time", "remove-on-error", "retry-all-errors", "retry-connrefused",
        "sasl-ir", "show-error", "show-headers", "silent", "skip-existing", "socks5-basic", "socks5-gssapi",
        "socks5-gssapi-nec", "ssl", "ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke", "ssl-reqd",
        "ssl-revoke-best-effort", "sslv2", "sslv3", "styled-output", "suppress-connect-headers", "tcp-fastopen",
        "tcp-nodelay", "tftp-no-options", "tlsv1", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3", "tr-encoding",
        "trace-ids", "trace-time", "verbose", "version", "xattr", "ip-tos", "doh-insecure", "doh-cert-status",
    ]

    static let shortToLong: [Unicode.Scalar: String] = [
        "A": "user-agent", "b": "cookie", "c": "cookie-jar", "C": "continue-at", "d": "data", "D": "dump-header",
        "e": "referer", "E": "cert", "F": "form", "H": "header", "K": "config", "m": "max-time", "o": "output",
        "P": "ftp-port", "Q": "quote", "r": "range", "t": "telnet-option", "T": "upload-file", "u": "user",
        "U": "proxy-user", "w": "write-out", "x": "proxy", "X": "request", "y": "speed-time", "Y": "speed-limit",
        "z": "time-cond",
        "G": "get", "I": "head", "i": "include", "k": "insecure", "L": "location", "s": "silent", "S": "show-error",
        "v": "verbose", "f": "fail", "g": "globoff", "j": "junk-session-cookies", "J": "remote-header-name",
        "l": "list-only", "n": "netrc", "N": "no-buffer", "O": "remote-name", "p": "proxytunnel", "q": "disable",
        "R": "remote-time", "Z": "parallel", "#": "progress-bar", "0": "http1.0", "1": "tlsv1", "2": "sslv2",
        "3": "sslv3", "4": "ipv4", "6": "ipv6", "a": "append", "B": "use-ascii", "M": "manual", "V": "version",
        "h": "help", ":": "next",
    ]

    static let dataOptions: [String: DataPiece.Kind] = [
        "data": .plain, "data-ascii": .plain, "data-binary": .binary, "data-raw": .raw, "data-urlencode": .urlencode,
        "json": .json, "expand-data": .plain, "expand-data-ascii": .plain, "expand-data-binary": .binary,
        "expand-data-raw": .raw, "expand-data-urlencode": .urlencode, "expand-json": .json,
    ]

    struct DataPiece {
        enum Kind { case plain, binary, raw, urlencode, json }
        let kind: Kind
        /// The option as written (`-d`, `--data-urlencode`), for notes.
        let option: String
        let value: String
        let word: ShellWord
        /// Where the value starts inside the word (`-dname=value` glues them).
        let valueOffset: Int
    }

    struct FormPart {
        let name: String
        let value: String
        let fromFile: Bool
    }
}
