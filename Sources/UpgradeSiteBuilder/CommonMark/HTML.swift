/// Escaping for everything that comes from content. Names can hold `<`, `&` and quotes.
enum HTML {
    static func escape(_ text: String) -> String {
        escape(text, special: special, apostrophe: false)
    }

    static func escapeAttribute(_ text: String) -> String {
        escape(text, special: attributeSpecial, apostrophe: true)
    }

    private static let special = ByteSet("&<>\""), attributeSpecial = ByteSet("&<>\"'")

    private static func escape(_ text: String, special: ByteSet, apostrophe: Bool) -> String {
        guard special.any(in: text) else { return text }
        // By scalar, not by character: a browser reads `"` followed by a combining mark as a quote
        // that ends the attribute, though Swift sees one character that is not `"`.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where apostrophe: out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
