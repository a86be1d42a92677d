/// Reads pipe tables back from Markdown text: a header row, a `---` row, and body rows.
package struct MarkdownTableReader {
    package struct Table {
        /// The line of the header row, counted from 1.
        let line: Int
        /// The emphasised line just above the table, which this generator uses as its caption.
        let caption: String?
        let header: [String]
        let rows: [(cells: [String], line: Int)]
        /// The same rows with Markdown escapes kept, for cells whose raw `<br/>` separates entries.
        let rawRows: [(cells: [String], line: Int)]
    }

    package static func tables(in markdown: String) -> [Table] {
        let lines = lines(markdown).map(String.init)
        var tables: [Table] = []
        var index = 0
        while index + 1 < lines.count {
            guard lines[index].hasPrefix("|"), isDelimiter(lines[index + 1]) else { index += 1; continue }
            let caption = (1...2).lazy.compactMap { back -> String? in
                guard index - back >= 0 else { return nil }
                let text = lines[index - back]
                return text.hasPrefix("*") && text.hasSuffix("*") && text.count > 2 ? String(text.dropFirst().dropLast()) : nil
            }.first
            let header = cells(lines[index])
            var rows: [(cells: [String], line: Int)] = [], rawRows: [(cells: [String], line: Int)] = []
            var next = index + 2
            while next < lines.count, lines[next].hasPrefix("|") {
                rows.append((cells(lines[next]), next + 1))
                rawRows.append((rawCells(lines[next]), next + 1))
                next += 1
            }
            tables.append(Table(line: index + 1, caption: caption.map(unescape), header: header, rows: rows, rawRows: rawRows))
            index = next
        }
        return tables
    }

    /// Whether a backslash before this byte escapes it: ASCII punctuation, as CommonMark says.
    static func escapable(_ byte: UInt8) -> Bool {
        byte < 0x80 && (Character(Unicode.Scalar(byte)).isPunctuation || Character(Unicode.Scalar(byte)).isSymbol)
    }

    /// The lines of a text, split on its newline bytes: the text is not walked character by character.
    /// The `- item` lines of the section `## heading`, markers and indent dropped, escapes kept;
    /// nil when there is no such section. A section ends at the next heading or anchor.
    static func items(under heading: String, in lines: [Substring]) -> [String]? {
        // Compared as bytes: the headings and markers are ASCII.
        let title = Array(("## " + heading).utf8)
        guard let start = lines.firstIndex(where: { $0.utf8.elementsEqual(title) }) else { return nil }
        var items: [String] = []
        for line in lines[(start + 1)...] {
            if line.utf8.starts(with: "## ".utf8) || line.utf8.starts(with: "<a id=".utf8) { break }
            let item = line.drop { $0 == " " }
            if item.utf8.starts(with: "- ".utf8) { items.append(String(item.dropFirst(2))) }
        }
        return items
    }

    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(Substring(bytes[start..<index]))
            start = bytes.index(after: index)
        }
        lines.append(Substring(bytes[start...]))
        return lines
    }

    private static func isDelimiter(_ line: String) -> Bool {
        let parts = cells(line)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { "-:".contains($0) } && part.contains("-")
            }
    }

    /// The cells of a row, split on pipes that are not escaped, with Markdown escapes undone.
    static func cells(_ line: String) -> [String] {
        rawCells(line).map { Perceived.collapse(unescape($0)) }
    }

    /// The entries of a cell separated by raw `<br/>`: an escaped `\<br/\>` is text of a name.
    static func lines(ofRawCell cell: String) -> [String] {
        // `<br/>` and the backslash are ASCII, so the cell splits on its UTF-8 bytes.
        let bytes = Array(cell.utf8), br = Array("<br/>".utf8)
        var parts: [String] = [], start = 0, index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == br[0], index + br.count <= bytes.count, bytes[index..<index + br.count].elementsEqual(br) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += br.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self))
        return parts.map { Perceived.collapse(unescape($0)) }
    }

    /// The cells of a row as written: split on unescaped pipes, escapes kept.
    static func rawCells(_ line: String) -> [String] {
        // Pipes and backslashes are ASCII, so the row splits on its UTF-8 bytes.
        let bytes = Array(line.utf8)
        var cells: [String] = [], start = 0, index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "|"):
                cells.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += 1
                start = index
            default: index += 1
            }
        }
        cells.append(String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self))
        // The leading and trailing pipes leave an empty first and last piece.
        if cells.first?.trimmingSpacesAndTabs == "" { cells.removeFirst() }
        if cells.last?.trimmingSpacesAndTabs == "" { cells.removeLast() }
        return cells.map { withoutAnchors($0.trimmingSpacesAndTabs) }
    }

    /// Drops the `<a id="…"></a>` anchors this generator puts at the start of a cell.
    static func withoutAnchors(_ cell: String) -> String {
        var text = Substring(cell)
        while text.hasPrefix("<a id=\""), let end = text.range(of: "></a>") {
            text = text[end.upperBound...]
        }
        return String(text)
    }

    /// Removes a backslash before ASCII punctuation, as CommonMark reads it.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        // A backslash escapes only ASCII punctuation, so the text is undone on its UTF-8 bytes.
        var out: [UInt8] = [], bytes = Array(text.utf8), index = 0
        out.reserveCapacity(bytes.count)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, escapable(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Without the spaces and tabs at either end: what pads a Markdown table cell.
    var trimmingSpacesAndTabs: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
