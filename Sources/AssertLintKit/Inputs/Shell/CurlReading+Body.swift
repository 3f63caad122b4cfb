import Foundation

/// What curl's data options (-d, --data-raw, --data-urlencode, --json) and -F put in the body.
extension CurlCommand.Reading {
    /// The data options joined as curl joins them, and the form fields they hold.
    struct AssembledData {
        var body: String
        var fields: [FormField]
        var json: Bool
    }

    mutating func assembledData() -> AssembledData {
        // What each piece contributes to the body, as curl builds it.
        var texts: [String] = []
        var fields: [FormField] = []
        var json = false
        for piece in data {
            switch piece.kind {
            case .plain, .binary, .json:
                if piece.value.hasPrefix("@") {
                    notes.append("`\(piece.option) \(Self.short(piece.value))` (line \(piece.word.position.line)) reads the body from a file, which assertlint does not read: paste the content instead")
                    continue
                }
                if piece.kind == .json { json = true }
                texts.append(piece.value)
                fields += split(piece)
            case .raw:
                texts.append(piece.value)
                fields += split(piece)
            case .urlencode:
                guard let (text, field) = urlencoded(piece) else { continue }
                texts.append(text)
                if let field { fields.append(field) }
            }
            if piece.value.contains("\n") {
                notes.append("the value of `\(piece.option)` on line \(piece.word.position.line) has a line break inside the quotes: curl sends it as part of the data")
            }
        }
        return AssembledData(body: json ? texts.joined() : texts.joined(separator: "&"), fields: fields, json: json)
    }

    /// The body curl sends, with the Content-Type (and, for --json, Accept) it adds.
    mutating func body(_ assembled: AssembledData, headers: inout [HTTPHeader], url urlText: String) -> (RequestBody, SourcePosition?) {
        let dataPosition = data.first.map { $0.word.position }
        if !formParts.isEmpty {
            let boundary = "------------------------assertlint"
            if !has("Content-Type", in: headers) {
                headers.append(HTTPHeader(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)", position: formWord?.position))
            }
            var text = ""
            for part in formParts {
                text += "--\(boundary)\nContent-Disposition: form-data; name=\"\(part.name)\"\n\n\(part.value)\n"
            }
            text += "--\(boundary)--\n"
            notes.append("-F sends the fields as multipart/form-data")
            return (.raw(text), formWord?.position)
        }
        guard !data.isEmpty && !get else { return (.none, nil) }
        if assembled.json {
            if !has("Content-Type", in: headers) {
                headers.append(HTTPHeader(name: "Content-Type", value: "application/json", position: dataPosition))
            }
            if !has("Accept", in: headers) {
                headers.append(HTTPHeader(name: "Accept", value: "application/json", position: dataPosition))
            }
        } else if !has("Content-Type", in: headers) {
            headers.append(HTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded", position: dataPosition))
            if assembled.body.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
                notes.append("the data is JSON, but curl sends -d data as application/x-www-form-urlencoded unless a Content-Type header says otherwise")
            }
        }
        let probe = TokenRequest(url: urlText, headers: headers)
        if probe.mediaType == "application/x-www-form-urlencoded", !RequestBody.isJSON(assembled.body) {
            return (.form(assembled.fields), dataPosition)
        }
        return (.raw(assembled.body), dataPosition)
    }

    /// `a=1&b=2` from one data option, with the position of each field.
    func split(_ piece: CurlCommand.DataPiece) -> [FormField] {
        var out: [FormField] = []
        var offset = 0
        if ASCIIText.isASCII(piece.value) {
            // One byte per Character and scalar: split and count over the bytes.
            for segment in ASCIIText.pieces(piece.value[...], separator: UInt8(ascii: "&"), omittingEmpty: false) {
                defer { offset += segment.utf8.count + 1 }
                guard !segment.isEmpty else { continue }
                let position = piece.word.position(at: piece.valueOffset + offset, in: map)
                if let eq = segment.utf8.firstIndex(of: UInt8(ascii: "=")) {
                    out.append(FormField(name: FormEncoding.decode(segment[..<eq]), value: FormEncoding.decode(segment[segment.utf8.index(after: eq)...]),
                                         position: position))
                } else {
                    out.append(FormField(name: FormEncoding.decode(segment), value: "", position: position))
                }
            }
            return out
        }
        for segment in piece.value.split(separator: "&", omittingEmptySubsequences: false) {
            defer { offset += segment.unicodeScalars.count + 1 }
            guard !segment.isEmpty else { continue }
            let position = piece.word.position(at: piece.valueOffset + offset, in: map)
            if let eq = segment.firstIndex(of: "=") {
                out.append(FormField(name: FormEncoding.decode(segment[..<eq]), value: FormEncoding.decode(segment[segment.index(after: eq)...]),
                                     position: position))
            } else {
                out.append(FormField(name: FormEncoding.decode(segment), value: "", position: position))
            }
        }
        return out
    }

    /// curl's --data-urlencode forms: `name=content`, `=content`, `content`, `name@file`, `@file`.
    mutating func urlencoded(_ piece: CurlCommand.DataPiece) -> (String, FormField?)? {
        let v = piece.value
        let position = piece.word.position(at: piece.valueOffset, in: map)
        if let eq = v.firstIndex(of: "=") {
            let name = String(v[..<eq])
            let content = String(v[v.index(after: eq)...])
            if name.isEmpty {
                let encoded = FormEncoding.encode(content)
                return (encoded, FormField(name: content, value: "", position: position))
            }
            return (name + "=" + FormEncoding.encode(content), FormField(name: name, value: content, position: position))
        }
        if let at = v.firstIndex(of: "@") {
            let name = String(v[..<at])
            let file = String(v[v.index(after: at)...])
            let example = name.isEmpty ? "" : " (e.g. \(piece.option) '\(name)=…')"
            notes.append("`\(piece.option) \(Self.short(v))` (line \(piece.word.position.line)) reads the value from the file \(Self.short(file)), which assertlint does not read: paste its content instead\(example)")
            return nil
        }
        return (FormEncoding.encode(v), FormField(name: v, value: "", position: position))
    }
}
