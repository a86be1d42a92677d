import Foundation

/// Reads the items of a `<ul class="…">` back from a page: each `<li>`'s
/// attributes and visible text, with its line. Like `HTMLTableReader`, it reads
/// what this generator writes; it is not a general HTML parser.
struct HTMLListReader {
    struct Item {
        let attributes: [String: String]
        let text: String
        let line: Int
    }

    /// The items of every list with the class `cssClass`; nil when the page has no such list.
    static func items(in html: String, listClass cssClass: String) -> [Item]? {
        guard let start = html.range(of: "<ul class=\"\(cssClass)\">") else { return nil }
        let rest = html[start.upperBound...]
        let body = rest[..<(rest.range(of: "</ul>")?.lowerBound ?? rest.endIndex)]
        var items: [Item] = []
        let firstLine = html[..<start.lowerBound].filter { $0 == "\n" }.count + 1
        var line = firstLine
        for chunk in body.components(separatedBy: "<li").dropFirst() {
            guard let close = chunk.firstIndex(of: ">") else { continue }
            let tag = String(chunk[..<close])
            let content = chunk[chunk.index(after: close)...]
            let inner = content.range(of: "</li>").map { String(content[..<$0.lowerBound]) } ?? String(content)
            items.append(Item(attributes: attributes(in: tag), text: visibleText(inner), line: line))
            line += chunk.filter { $0 == "\n" }.count
        }
        return items
    }

    private static func attributes(in tag: String) -> [String: String] {
        var found: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z-]+)="([^"]*)""#)
        for match in pattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
            let name = String(tag[Range(match.range(at: 1), in: tag)!]).lowercased()
            found[name] = HTMLTableReader.decodeEntities(String(tag[Range(match.range(at: 2), in: tag)!]))
        }
        return found
    }

    private static func visibleText(_ html: String) -> String {
        let withoutTags = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return HTMLTableReader.collapse(HTMLTableReader.decodeEntities(withoutTags))
    }
}
