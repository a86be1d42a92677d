/// Reads the items of a `<ul class="…">` back from a page: each `<li>`'s
/// attributes and visible text, with its line. Like `HTMLTableReader`, it reads
/// what this generator writes; it is not a general HTML parser. It walks the
/// page's UTF-8 once, so two thousand offer pages read in a blink.
struct HTMLListReader {
    struct Item {
        let attributes: [String: String]
        let text: String
        let line: Int
    }

    /// The items of the first list with the class `cssClass`; nil when the page has no such list.
    static func items(in html: String, listClass cssClass: String) -> [Item]? {
        let bytes = Array(html.utf8)
        guard let start = find(Array("<ul class=\"\(cssClass)\">".utf8), in: bytes, from: 0) else { return nil }
        let end = find(Array("</ul>".utf8), in: bytes, from: start) ?? bytes.count
        var line = 1 + bytes[..<start].count { $0 == UInt8(ascii: "\n") }
        var items: [Item] = []
        var position = start
        let open = Array("<li".utf8), close = Array("</li>".utf8)
        while let item = find(open, in: bytes, from: position), item < end {
            line += bytes[position..<item].count { $0 == UInt8(ascii: "\n") }
            guard let tagEnd = bytes[item...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let contentEnd = find(close, in: bytes, from: tagEnd) ?? end
            items.append(Item(attributes: attributes(in: bytes[(item + open.count)..<tagEnd]),
                              text: visibleText(bytes[(tagEnd + 1)..<contentEnd]), line: line))
            position = item + open.count
        }
        return items
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// `name="value"` pairs of a tag, values with their entities decoded.
    private static func attributes(in tag: ArraySlice<UInt8>) -> [String: String] {
        var found: [String: String] = [:]
        var index = tag.startIndex
        while let equals = tag[index...].firstIndex(of: UInt8(ascii: "=")), equals + 1 < tag.endIndex,
              tag[equals + 1] == UInt8(ascii: "\"") {
            var nameStart = equals
            while nameStart > tag.startIndex, tag[nameStart - 1] != UInt8(ascii: " ") { nameStart -= 1 }
            guard let closing = tag[(equals + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let name = String(decoding: tag[nameStart..<equals], as: UTF8.self).lowercased()
            found[name] = HTMLTableReader.decodeEntities(String(decoding: tag[(equals + 2)..<closing], as: UTF8.self))
            index = closing + 1
        }
        return found
    }

    /// The text between tags, entities decoded and white space collapsed.
    private static func visibleText(_ html: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        var inTag = false
        for byte in html {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag {
                text.append(byte)
            }
        }
        return HTMLTableReader.collapse(HTMLTableReader.decodeEntities(String(decoding: text, as: UTF8.self)))
    }
}

extension String {
    /// Whether the text holds `needle`, compared byte by byte: the generic searches cost more
    /// than the rest of reading a page.
    func containsBytes(_ needle: String) -> Bool {
        HTMLListReader.find(Array(needle.utf8), in: Array(utf8), from: 0) != nil
    }
}
