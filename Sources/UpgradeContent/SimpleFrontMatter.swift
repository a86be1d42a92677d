/// Front matter that is only `key: value` lines, read without a YAML parser.
///
/// Nearly every page's front matter is a title and a description, and composing it
/// through a general YAML parser costs more than rendering the page. This reader takes
/// only lines whose meaning in YAML is beyond doubt (known keys, once each, ASCII text,
/// a plain scalar with no indicator, or a quoted one with no escapes) and gives up on
/// anything else, which then goes through Yams with its diagnostics. So it reads what
/// Yams reads, or nothing.
enum SimpleFrontMatter {
    /// The value of each key, or nil when the lines need the full parser.
    static func read(_ lines: ArraySlice<Substring>, keys: [String]) -> [String: String]? {
        var values: [String: String] = [:]
        for line in lines {
            let bytes = Array(line.utf8)
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
                let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 1 < bytes.count,
                bytes[colon + 1] == UInt8(ascii: " ")
            else { return nil }
            let key = String(decoding: bytes[..<colon], as: UTF8.self)
            guard keys.contains(key), values[key] == nil,
                let value = scalar(trimmed(bytes[(colon + 1)...]))
            else { return nil }
            values[key] = value
        }
        return values
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return bytes
    }

    /// Characters that may not start a plain scalar, because YAML reads them as syntax.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`.~ ".utf8)

    private static let nulls: Set = ["null", "Null", "NULL"]

    private static func scalar(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        let quote = first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
        if quote {
            let inner = bytes.dropFirst().dropLast()
            // No escape, no quote inside, nothing after the closing quote.
            guard bytes.count >= 2, last == first, !inner.contains(first), !inner.contains(UInt8(ascii: "\\")),
                !inner.allSatisfy({ $0 == UInt8(ascii: " ") })
            else { return nil }
            // Leading and trailing spaces inside quotes are kept by YAML and trimmed by the reader.
            return String(decoding: trimmed(inner), as: UTF8.self)
        }
        // A plain `null` is no value at all, which the full reader reports.
        guard !indicators.contains(first), last != UInt8(ascii: ":"), !nulls.contains(String(decoding: bytes, as: UTF8.self))
        else { return nil }
        // ": " would start a mapping and " #" a comment; a tab is whitespace YAML may fold.
        for (offset, byte) in zip(bytes.indices, bytes) {
            let next = offset + 1 < bytes.endIndex ? bytes[offset + 1] : nil
            if byte == UInt8(ascii: ":") && next == UInt8(ascii: " ") { return nil }
            if byte == UInt8(ascii: " ") && next == UInt8(ascii: "#") { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
