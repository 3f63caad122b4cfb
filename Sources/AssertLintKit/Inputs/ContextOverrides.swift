import Foundation

/// What `diagnose` flags say about the app, the server and the clock. Flags give the same
/// context as a fixture's `now:` and `app:` and win over them; each value they set is
/// recorded as coming from a flag, so the output can say what was given and what assumed.
public struct ContextOverrides: Sendable {
    public var now: Date?
    public var clientID: String?
    public var authMethod: AuthMethod?
    public var appType: AppType?
    public var jwks: JSONValue?
    public var clientSecret: ClientSecret?
    public var seenJTIs: [String]
    public var endpoint: EndpointURL?
    /// The private key the client signs with (`--private-key`), to compare with the registered keys.
    public var privateKey: SigningKey?

    public init(now: Date? = nil, clientID: String? = nil, authMethod: AuthMethod? = nil, appType: AppType? = nil,
                jwks: JSONValue? = nil, clientSecret: ClientSecret? = nil, seenJTIs: [String] = [],
                endpoint: EndpointURL? = nil) {
        self.now = now
        self.clientID = clientID
        self.authMethod = authMethod
        self.appType = appType
        self.jwks = jwks
        self.clientSecret = clientSecret
        self.seenJTIs = seenJTIs
        self.endpoint = endpoint
    }

    /// Reads the flags as the user typed them. Every error names the option it is about.
    /// The client secret is only ever read from an environment variable, so that it does not
    /// end up in shell history or in `ps` output.
    public static func parse(now: String? = nil, clientID: String? = nil, authMethod: String? = nil,
                             appType: String? = nil, jwksFile: String? = nil, secretEnv: String? = nil,
                             seenJTIs: [String] = [], endpoint: String? = nil, privateKeyFile: String? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             readFile: (String) throws(InputError) -> [UInt8] = InputText.readBytes)
        throws(InputError) -> ContextOverrides {
        var o = ContextOverrides(seenJTIs: seenJTIs)
        if let now {
            guard let date = Self.date(now) else {
                throw InputError("--now", "'\(now)' is not an ISO 8601 time (2025-06-02T14:00:00Z) or epoch seconds")
            }
            o.now = date
        }
        if let clientID {
            let id = clientID.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw InputError("--client-id", "the value is empty") }
            o.clientID = id
        }
        if let authMethod {
            guard let m = AuthMethod(rawValue: authMethod.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw InputError("--auth-method", "'\(authMethod)' is not one of \(AuthMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            o.authMethod = m
        }
        if let appType {
            guard let t = AppType(rawValue: appType.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw InputError("--app-type", "'\(appType)' is not one of \(AppType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            o.appType = t
        }
        /// A key file's bytes; a read error is reported against the option that named it.
        func keyFile(_ path: String, _ option: String) throws(InputError) -> [UInt8] {
            do {
                return try readFile(path)
            } catch {
                throw InputError(option, error.description)
            }
        }
        if let jwksFile {
            // A JWKS or JWK, a PEM public key or certificate, or a DER certificate.
            switch KeyFile.publicKeySet(try keyFile(jwksFile, "--jwks")) {
            case .success(let value): o.jwks = try Self.jwks(value, file: jwksFile)
            case .failure(let e): throw InputError("--jwks", "\(jwksFile): \(e.reason)")
            }
        }
        if let privateKeyFile {
            switch KeyFile.signingKey(try keyFile(privateKeyFile, "--private-key"), origin: privateKeyFile) {
            case .success(let key): o.privateKey = key
            case .failure(let e): throw InputError("--private-key", "\(privateKeyFile): \(e.reason)")
            }
        }
        if let secretEnv {
            guard let value = environment[secretEnv] else {
                throw InputError("--secret-env", "the environment variable \(secretEnv) is not set")
            }
            guard !value.isEmpty else { throw InputError("--secret-env", "the environment variable \(secretEnv) is empty") }
            o.clientSecret = ClientSecret(value)
        }
        if let endpoint {
            guard let url = EndpointURL(endpoint), url.scheme == "https" || url.scheme == "http" else {
                throw InputError("--endpoint", "'\(endpoint)' is not an absolute http(s) URL")
            }
            o.endpoint = url
        }
        return o
    }

    public var isEmpty: Bool {
        now == nil && clientID == nil && authMethod == nil && appType == nil && jwks == nil && clientSecret == nil
            && seenJTIs.isEmpty && endpoint == nil && privateKey == nil
    }

    /// The subject with the flags applied over what the input said.
    public func apply(to subject: Subject) -> Subject {
        var s = subject
        if let now {
            s.now = now
            s.clockIsReal = false
        }
        if let clientID {
            s.app.clientID = clientID
            s.app.provenance["client_id"] = .flag
        }
        if let authMethod {
            s.app.authMethod = authMethod
            s.app.provenance["auth_method"] = .flag
        }
        if let appType {
            s.app.type = appType
            s.app.provenance["type"] = .flag
        }
        if let jwks {
            s.app.jwks = jwks
            s.app.provenance["jwks"] = .flag
        }
        if let privateKey {
            s.app.privateKey = privateKey
            s.app.provenance["private_key"] = .flag
        }
        if let clientSecret {
            s.app.clientSecret = clientSecret
            s.app.provenance["client_secret"] = .flag
        }
        if !seenJTIs.isEmpty {
            // Added to the fixture's list: both name jti values the server has already accepted.
            for jti in seenJTIs where !s.app.seenJTIs.contains(jti) { s.app.seenJTIs.append(jti) }
            s.app.provenance["seen_jtis"] = .flag
        }
        if let endpoint {
            if s.request == nil {
                s.target = ServerTarget.classify(endpoint)
            } else if let reason = Self.endpointReplaces(s) {
                // The paste does not show where the request went, or shows only part of it: the
                // user's --endpoint is better evidence than a URL a log line happens to name.
                s.target = ServerTarget.classify(endpoint)
                s.request?.url = endpoint.withoutQuery + (endpoint.query.map { "?" + $0 } ?? "")
                s.request?.shows.url = true
                s.notes.append("the request was judged as sent to --endpoint \(endpoint.withoutQuery) (\(reason))")
            } else {
                // A request names its own URL; judging it against another would invent a mismatch.
                s.notes.append("--endpoint was ignored: the request is sent to \(s.request?.url ?? "its own URL")")
            }
        }
        return s
    }

    /// Why --endpoint stands for the request's URL, or nil when the paste shows the whole request
    /// and its URL (judging it against another would invent a mismatch).
    static func endpointReplaces(_ s: Subject) -> String? {
        guard let request = s.request else { return nil }
        guard let url = request.endpoint else { return "the paste does not show an absolute URL" }
        if !request.shows.url { return "the paste does not show the URL" }
        if url.hostIsPlaceholder { return "the paste has a placeholder for the host" }
        if !request.shows.body || !request.shows.headers { return "the paste shows only part of the request" }
        return nil
    }

    static func date(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let epoch = Double(s), epoch.isFinite, abs(epoch) < 253_402_300_800 { return Date(timeIntervalSince1970: epoch) }
        return Timestamps.parse(s)
    }

    /// A JWKS (`{"keys": [...]}`); a single JWK is accepted as a set of one.
    static func jwks(_ value: JSONValue, file: String) throws(InputError) -> JSONValue {
        guard let object = value.objectValue else {
            throw InputError("--jwks", "\(file) is JSON \(value.typeDescription); --jwks takes a JWKS: {\"keys\": [...]}")
        }
        if object["keys"]?.arrayValue != nil { return value }
        if object["kty"] != nil { return .object(JSONObject([JSONMember(key: "keys", value: .array([value]))])) }
        throw InputError("--jwks", "\(file) has no \"keys\" array; --jwks takes a JWKS: {\"keys\": [...]}")
    }
}

/// Turns `diagnose`'s argument into text to read and a name for reports: an existing file,
/// `-` for stdin, or the literal text of a token or command.
public enum InputText {
    /// More than any real paste; keeps a runaway pipe from exhausting memory.
    public static let maxBytes = 16 * 1024 * 1024

    public struct Resolved: Sendable, Equatable {
        public let text: String
        public let source: String
    }

    /// `readStdin` is only called when the input is stdin.
    public static func resolve(_ argument: String?, readStdin: () throws(InputError) -> String) throws(InputError) -> Resolved {
        guard let argument, argument != "-" else { return Resolved(text: try readStdin(), source: "-") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            return Resolved(text: try readFile(argument), source: argument)
        }
        if looksLikePath(argument) { throw InputError(argument, "no such file") }
        return Resolved(text: argument, source: "<argument>")
    }

    /// A single word that names a file (has a directory part or a fixture's extension) rather
    /// than a token or a command. Tokens start with `eyJ` and contain no `/` in base64url.
    static func looksLikePath(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.contains(where: \.isWhitespace), !t.hasPrefix("eyJ") else { return false }
        let lower = t.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return false }
        if t.hasPrefix("/") || t.hasPrefix("./") || t.hasPrefix("../") || t.hasPrefix("~/") { return true }
        let extensions = [".yaml", ".yml", ".json", ".txt", ".http", ".har", ".curl", ".sh", ".jwt"]
        return extensions.contains { lower.hasSuffix($0) } || (t.contains("/") && !t.contains("."))
    }

    public static func readFile(_ path: String) throws(InputError) -> String {
        try text(try readBytes(path), source: path)
    }

    /// A file's bytes, with one-line reasons for what goes wrong (and the same size cap). Reads
    /// through `BoundedFile`: regular files only, so a FIFO or a device never blocks or floods.
    public static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        switch BoundedFile.read(path, cap: maxBytes) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw InputError(path, failure.reason)
        }
    }

    /// Bytes as text, refusing what is too big or not UTF-8 with a one-line reason.
    public static func text(_ bytes: [UInt8], source: String) throws(InputError) -> String {
        if bytes.count > maxBytes {
            throw InputError(source, "the input is larger than \(maxBytes / 1024 / 1024) MiB; a token or a request is a few kilobytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(source, "the input is not UTF-8 text (binary data?)")
        }
        return text
    }
}
