/// Markdown inline text as a reader sees it once rendered: links become their text, emphasis
/// markers and code-span backticks go, and backslash escapes are undone. It reads the inline
/// Markdown this generator writes (links, `**strong**`, code spans, escapes), not all of CommonMark.
enum MarkdownInline {
    static func plain(_ text: String) -> String {
        // Every mark this reads is ASCII, so it works on the UTF-8 bytes and copies the rest as they are.
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < bytes.count && MarkdownTableReader.escapable(bytes[index + 1]):
                out.append(bytes[index + 1])
                index += 2
            case UInt8(ascii: "*") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
            case UInt8(ascii: "`"), UInt8(ascii: "["):
                index += 1
            case UInt8(ascii: "]") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "("):
                // The end of a link's text: skip its destination.
                var depth = 0
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "(") { depth += 1 } else if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                    index += 1
                    if depth == 0 { break }
                }
            default:
                out.append(byte)
                index += 1
            }
        }
        return Perceived.collapse(String(decoding: out, as: UTF8.self))
    }
}
