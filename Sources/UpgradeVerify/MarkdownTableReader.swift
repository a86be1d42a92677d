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
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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

    private static func isDelimiter(_ line: String) -> Bool {
        let parts = cells(line)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { "-:".contains($0) } && part.contains("-")
        }
    }

    /// The cells of a row, split on pipes that are not escaped, with Markdown escapes undone.
    static func cells(_ line: String) -> [String] {
        rawCells(line).map(unescape)
    }

    /// The entries of a cell separated by raw `<br/>`: an escaped `\<br/\>` is text of a name.
    static func lines(ofRawCell cell: String) -> [String] {
        var parts: [String] = [], current = "", rest = Substring(cell)
        while let first = rest.first {
            if first == "\\", rest.count > 1 {
                current += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("<br/>") {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(5)
            } else {
                current.append(first)
                rest = rest.dropFirst()
            }
        }
        parts.append(current)
        return parts.map { unescape($0.trimmingSpacesAndTabs) }
    }

    /// The cells of a row as written: split on unescaped pipes, escapes kept.
    static func rawCells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
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
        var out = "", escaped = false
        for character in text {
            if escaped {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { out.append("\\") }
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        if escaped { out.append("\\") }
        return out
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
