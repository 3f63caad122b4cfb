import Foundation

/// Writes a value as the Swift expression that builds it: structs as memberwise initialiser
/// calls (their stored properties in declaration order), arrays and dictionaries as literals
/// (keys sorted), payload-free enums as `.case`. The generator uses it for the bundled profiles,
/// so a field added to `ServerProfile` needs no change here.
enum SwiftLiteral {
    static func expression(_ value: Any, indent: Int) -> String {
        switch value {
        case let s as String: return string(s)
        case let b as Bool: return String(b)
        case let i as Int: return String(i)
        case let d as Double: return d.rounded() == d && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)"
        default: break
        }
        let mirror = Mirror(reflecting: value)
        let pad = String(repeating: "    ", count: indent + 1)
        let close = String(repeating: "    ", count: indent)
        switch mirror.displayStyle {
        case .optional:
            guard let child = mirror.children.first else { return "nil" }
            return expression(child.value, indent: indent)
        case .collection:
            let items = mirror.children.map { $0.value }
            if items.isEmpty { return "[]" }
            if items.contains(where: isStruct) {
                return "[\n" + items.map { pad + expression($0, indent: indent + 1) + ",\n" }.joined() + close + "]"
            }
            return "[" + items.map { expression($0, indent: indent) }.joined(separator: ", ") + "]"
        case .dictionary:
            let pairs: [(key: String, value: Any)] = mirror.children.compactMap { child in
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2 else { return nil }
                return (expression(pair[0].value, indent: indent), pair[1].value)
            }.sorted { $0.key < $1.key }
            if pairs.isEmpty { return "[:]" }
            if pairs.contains(where: { isStruct($0.value) }) {
                return "[\n" + pairs.map { pad + $0.key + ": " + expression($0.value, indent: indent + 1) + ",\n" }.joined() + close + "]"
            }
            return "[" + pairs.map { $0.key + ": " + expression($0.value, indent: indent) }.joined(separator: ", ") + "]"
        case .struct:
            let name = String(reflecting: type(of: value)).replacingOccurrences(of: "AssertLintKit.", with: "")
            let args = mirror.children.map { child in "\(child.label ?? "_"): \(expression(child.value, indent: indent + 1))" }
            if args.isEmpty { return name + "()" }
            return name + "(\n" + args.map { pad + $0 }.joined(separator: ",\n") + "\n" + close + ")"
        case .enum:
            // A case with a payload: `.label(payload)`.
            if let child = mirror.children.first, let label = child.label {
                return ".\(label)(\(expression(child.value, indent: indent)))"
            }
            return "." + String(describing: value)
        default:
            return "/* unsupported \(type(of: value)) */"
        }
    }

    static func isStruct(_ value: Any) -> Bool {
        let m = Mirror(reflecting: value)
        if m.displayStyle == .optional, let child = m.children.first { return isStruct(child.value) }
        return m.displayStyle == .struct && !(value is String)
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F: out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
