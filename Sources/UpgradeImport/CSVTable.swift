import UpgradeBase

/// A CSV file (RFC 4180, as Partner Center and spreadsheets write it) read into rows of cells,
/// each cell with the line and column it starts at, so a problem in it is reported where an
/// editor can jump to it. A quoted cell may hold commas, doubled quotes and line breaks; a byte
/// order mark is skipped; empty lines are not rows.
struct CSVTable {
    /// A header name as the imports compare it: without case, spaces, underscores or hyphens, so
    /// `Sku Title`, `sku_title` and `SkuTitle` are one column.
    static func headerKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "\t" && $0 != "-" })
    }

    struct Cell {
        let text: String
        let location: SourceLocation
    }

    struct Row {
        let cells: [Cell]
        /// Where the row ends, for a cell it lacks.
        let end: SourceLocation
    }

    let rows: [Row]

    /// Every syntax problem is reported to `sink`; a row that has one is left out.
    init(bytes: [UInt8], file: String, sink: Diagnostics) {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            sink.error(
                .csv, "the file is not UTF-8 text; save the offer matrix as \"CSV UTF-8\"",
                at: Self.firstInvalidByte(bytes, file: file))
            rows = []
            return
        }
        // The delimiters are ASCII, so the bytes are read as they are; a cell's text is decoded once.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var parser = Parser(bytes: bytes, index: start, file: file, sink: sink)
        rows = parser.rows()
    }

    /// Where the first byte that is not UTF-8 stands, by line and character.
    private static func firstInvalidByte(_ bytes: [UInt8], file: String) -> SourceLocation {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var (line, column) = (1, 1)
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private struct Parser {
        static let (quote, comma, newline, ret, space, tab): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0x22, 0x2C, 0x0A, 0x0D, 0x20, 0x09
        )
        let bytes: [UInt8]
        let file: String
        let sink: Diagnostics
        var index: Int, line = 1, column = 1

        init(bytes: [UInt8], index: Int, file: String, sink: Diagnostics) {
            (self.bytes, self.index, self.file, self.sink) = (bytes, index, file, sink)
        }

        var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }
        var atEnd: Bool { index == bytes.count }
        var current: UInt8 { bytes[index] }
        var atLineEnd: Bool { current == Self.newline || current == Self.ret }

        /// Columns count characters: a UTF-8 continuation byte starts none.
        mutating func advance() {
            let byte = bytes[index]
            if byte == Self.newline || (byte == Self.ret && (index + 1 == bytes.count || bytes[index + 1] != Self.newline)) {
                (line, column) = (line + 1, 1)
            } else if byte != Self.ret && byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }

        mutating func rows() -> [Row] {
            var rows: [Row] = []
            while !atEnd {
                var cells: [Cell] = [], broken = false
                while true {
                    guard let cell = self.cell() else {
                        broken = true
                        skipLine()
                        break
                    }
                    cells.append(cell)
                    if !atEnd && current == Self.comma {
                        advance()
                        continue
                    }
                    break
                }
                let end = here
                if !atEnd { skipLineBreak() }
                let blank = cells.count == 1 && cells[0].text.isEmpty
                if !broken && !blank { rows.append(Row(cells: cells, end: end)) }
            }
            return rows
        }

        /// One cell, ending before a comma, a line break or the end; nil after reporting a problem.
        mutating func cell() -> Cell? {
            let start = here
            guard !atEnd, current == Self.quote else {
                let first = index
                while !atEnd, current != Self.comma, !atLineEnd { advance() }
                return Cell(text: String(decoding: bytes[first..<index], as: UTF8.self), location: start)
            }
            advance()
            var text: [UInt8] = []
            while true {
                guard !atEnd else {
                    sink.error(.csv, "this quote is never closed, so the rest of the file would be one cell", at: start)
                    return nil
                }
                if current == Self.quote {
                    advance()
                    guard !atEnd, current == Self.quote else { break }
                }
                text.append(current)
                advance()
            }
            // Spreadsheets may pad after the closing quote; anything else there is a broken cell.
            while !atEnd, current == Self.space || current == Self.tab { advance() }
            if !atEnd, current != Self.comma, !atLineEnd {
                sink.error(
                    .csv, "text after the closing quote of a cell; a quote inside a quoted cell is written twice (\"\")",
                    at: here)
                return nil
            }
            return Cell(text: String(decoding: text, as: UTF8.self), location: start)
        }

        mutating func skipLine() {
            var quoted = false
            while !atEnd, quoted || !atLineEnd {
                if current == Self.quote { quoted.toggle() }
                advance()
            }
            if !atEnd { skipLineBreak() }
        }

        mutating func skipLineBreak() {
            let wasReturn = current == Self.ret
            advance()
            if wasReturn, !atEnd, current == Self.newline { advance() }
        }
    }
}
