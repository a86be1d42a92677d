/// A JSON value whose objects keep their key order, so output matches the
/// documented shape byte for byte and never depends on hashing.
package indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact by default; `pretty` indents by two spaces.
    package func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: 0)
        return out
    }

    /// A line break and the indent of each depth, made once: a manifest writes twenty thousand.
    private static let breaks = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    private static func lineBreak(_ depth: Int) -> String {
        depth < breaks.count ? breaks[depth] : "\n" + String(repeating: "  ", count: depth)
    }

    private func write(to out: inout String, pretty: Bool, depth: Int) {
        let newline = pretty ? Self.lineBreak(depth + 1) : ""
        let closing = pretty ? Self.lineBreak(depth) : ""
        switch self {
        case .string(let text): out += Self.quote(text)
        case .number(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "" : ",") + newline
                item.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            out += closing + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                out += (index == 0 ? "" : ",") + newline + Self.quote(key) + (pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            out += closing + "}"
        }
    }

    /// `text` as a JSON string, quotes included.
    package static func quote(_ text: String) -> String {
        // Printable ASCII without a quote or a backslash stands as it is.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Control characters, and C1 and bidirectional controls too, travel escaped, so a terminal never acts on them.
            case _ where scalar.value < 0x20 || scalar.isDisplayControl:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
