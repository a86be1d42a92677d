/// Reads the tables of an HTML page back from its text, independently of the
/// renderer that wrote it: tags, attributes, entities and visible text.
/// It reads the HTML this generator writes; it is not a general HTML5 parser.
package struct HTMLTableReader {
    struct Cell {
        let isHeader: Bool
        let attributes: [String: String]
        /// The text a sighted reader sees: visually hidden text is left out.
        let text: String
        /// The visible text, split where the cell has `<br>`.
        let lines: [String]
    }

    struct Row {
        let attributes: [String: String]
        let cells: [Cell]
        let line: Int
    }

    package struct Table {
        let attributes: [String: String]
        let rows: [Row]
        let line: Int

        var cssClasses: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    package static func tables(in html: String) -> [Table] {
        var reader = HTMLTableReader(html)
        return reader.read()
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1

    private init(_ html: String) {
        scalars = Array(html.unicodeScalars)
    }

    private mutating func read() -> [Table] {
        var tables: [Table] = []
        var table: (attributes: [String: String], rows: [Row], line: Int)?
        var row: (attributes: [String: String], cells: [Cell], line: Int)?
        var cell: (isHeader: Bool, attributes: [String: String], lines: [String])?
        var hiddenDepth = 0
        var openElements: [(name: String, hidden: Bool)] = []
        while position < scalars.count {
            if scalars[position] == "<", let tag = readTag() {
                switch (tag.name, tag.closing) {
                case ("table", false): table = (tag.attributes, [], line)
                case ("table", true):
                    if let open = table { tables.append(Table(attributes: open.attributes, rows: open.rows, line: open.line)) }
                    table = nil
                case ("tr", false): row = (tag.attributes, [], line)
                case ("tr", true):
                    if let open = row { table?.rows.append(Row(attributes: open.attributes, cells: open.cells, line: open.line)) }
                    row = nil
                case ("td", false), ("th", false): cell = (tag.name == "th", tag.attributes, [""])
                case ("td", true), ("th", true):
                    if let open = cell {
                        let lines = open.lines.map(Self.collapse)
                        row?.cells.append(Cell(isHeader: open.isHeader, attributes: open.attributes,
                                               text: Self.collapse(lines.joined(separator: " ")), lines: lines))
                    }
                    cell = nil
                case ("br", false): cell?.lines.append("")
                case (_, false) where !Self.voidElements.contains(tag.name) && !tag.selfClosing:
                    let hidden = (tag.attributes["class"] ?? "").split(separator: " ").contains("visually-hidden")
                    openElements.append((tag.name, hidden))
                    if hidden { hiddenDepth += 1 }
                case (_, true):
                    if let index = openElements.lastIndex(where: { $0.name == tag.name }) {
                        hiddenDepth -= openElements[index...].filter(\.hidden).count
                        openElements.removeSubrange(index...)
                    }
                default: break
                }
                continue
            }
            let text = readText()
            if hiddenDepth == 0, cell != nil { cell!.lines[cell!.lines.count - 1] += Self.decodeEntities(text) }
        }
        return tables
    }

    private static let voidElements: Set<String> = ["br", "meta", "link", "img", "hr", "input", "col", "wbr"]

    private mutating func readText() -> String {
        var text = ""
        while position < scalars.count, scalars[position] != "<" {
            if scalars[position] == "\n" { line += 1 }
            text.unicodeScalars.append(scalars[position])
            position += 1
        }
        return text
    }

    /// A tag at `position`, or nil (and one character consumed) when `<` starts no tag.
    private mutating func readTag() -> (name: String, closing: Bool, selfClosing: Bool, attributes: [String: String])? {
        let start = position
        position += 1
        if position < scalars.count, scalars[position] == "!" {
            // A comment or doctype: skip to its end.
            while position < scalars.count, scalars[position] != ">" { advance() }
            position += 1
            return ("!", false, true, [:])
        }
        let closing = position < scalars.count && scalars[position] == "/"
        if closing { position += 1 }
        var name = ""
        while position < scalars.count, scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position]) {
            name.unicodeScalars.append(scalars[position])
            position += 1
        }
        guard !name.isEmpty else {
            position = start + 1
            return nil
        }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while position < scalars.count, scalars[position] != ">" {
            if scalars[position] == "/" { selfClosing = true; position += 1; continue }
            if scalars[position].properties.isWhitespace { advance(); continue }
            var attribute = ""
            while position < scalars.count, !"=> \n\t/".unicodeScalars.contains(scalars[position]) {
                attribute.unicodeScalars.append(scalars[position])
                position += 1
            }
            var value = ""
            if position < scalars.count, scalars[position] == "=" {
                position += 1
                // A page that ends right after `=` has no value to read.
                let quote = position < scalars.count ? scalars[position] : " "
                if quote == "\"" || quote == "'" {
                    position += 1
                    while position < scalars.count, scalars[position] != quote {
                        value.unicodeScalars.append(scalars[position])
                        advance()
                    }
                    position += 1
                } else {
                    while position < scalars.count, !"> \n\t".unicodeScalars.contains(scalars[position]) {
                        value.unicodeScalars.append(scalars[position])
                        position += 1
                    }
                }
            }
            if !attribute.isEmpty { attributes[attribute.lowercased()] = Self.decodeEntities(value) }
        }
        position += 1
        return (name.lowercased(), closing, selfClosing, attributes)
    }

    private mutating func advance() {
        if scalars[position] == "\n" { line += 1 }
        position += 1
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(10).firstIndex(of: ";") else { out += "&"; rest = rest.dropFirst(); continue }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}"]
            if let value = named[String(entity)] {
                out += value
            } else if entity.hasPrefix("#"), let code = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                        ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()),
                      let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
