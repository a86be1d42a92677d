/// The tables of an HTML page, read from the tree `HTMLDocument` parses, independently
/// of the renderer that wrote them: attributes, what a reader sees and hears in each
/// cell, and anything hidden inside.
package struct HTMLTableReader {
    struct Cell {
        let isHeader: Bool
        let attributes: Attributes
        /// The text a sighted reader sees: visually hidden text is left out.
        let text: String
        /// The visible text, split where the cell has `<br>`.
        let lines: [String]
        /// What a screen reader reads.
        let heard: String
        /// Elements inside the cell that nobody sees or hears.
        let concealed: [(what: String, line: Int)]
        let line: Int
    }

    struct Row {
        let attributes: Attributes
        let cells: [Cell]
        let line: Int
    }

    package struct Table {
        let attributes: Attributes
        let rows: [Row]
        let line: Int
        /// The caption a reader sees, if any.
        let caption: String?

        var cssClasses: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    package static func tables(in html: String) -> [Table] {
        tables(in: HTMLDocument.parse(html))
    }

    static func tables(in page: HTMLElement) -> [Table] {
        page.descendants(named: "table").map(table)
    }

    static func table(_ element: HTMLElement) -> Table {
        var rows: [Row] = []
        var caption: String?
        func walk(_ parent: HTMLElement) {
            for child in parent.elements {
                switch child.name {
                case "table": continue
                case "caption": caption = Perceived(child).seen
                case "tr":
                    rows.append(
                        Row(
                            attributes: child.attributes,
                            cells: child.elements.filter { $0.name == "td" || $0.name == "th" }
                                .map(cell), line: child.line))
                default: walk(child)
                }
            }
        }
        walk(element)
        return Table(attributes: element.attributes, rows: rows, line: element.line, caption: caption)
    }

    private static func cell(_ element: HTMLElement) -> Cell {
        let perceived = Perceived(element)
        return Cell(
            isHeader: element.name == "th", attributes: element.attributes, text: perceived.seen,
            lines: perceived.seenLines, heard: perceived.heard, concealed: perceived.concealed, line: element.line)
    }

    static func collapse(_ text: String) -> String { Perceived.collapse(text) }
}
