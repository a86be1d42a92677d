import UpgradeBase

/// A CSV file (RFC 4180, as Partner Center and spreadsheets write it) read into rows of cells,
/// each cell with the line and column it starts at, so a problem in it is reported where an
/// editor can jump to it. A quoted cell may hold commas, doubled quotes and line breaks; a byte
/// order mark is skipped; empty lines are not rows.
struct CSVTable {
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
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var (line, column) = (1, 1)
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                sink.error(
                    .csv, "the file is not UTF-8 text; save the offer matrix as \"CSV UTF-8\"",
                    at: SourceLocation(file: file, line: line, column: column))
                rows = []
                return
            }
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var parser = Parser(scalars: scalars, file: file, sink: sink)
        rows = parser.rows()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let file: String
        let sink: Diagnostics
        var index = 0, line = 1, column = 1

        init(scalars: [Unicode.Scalar], file: String, sink: Diagnostics) {
            (self.scalars, self.file, self.sink) = (scalars, file, sink)
        }

        var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }
        var atEnd: Bool { index == scalars.count }
        var current: Unicode.Scalar { scalars[index] }

        mutating func advance() {
            if current == "\n" || (current == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")) {
                (line, column) = (line + 1, 1)
            } else if current != "\r" {
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
                    if !atEnd && current == "," {
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
            guard !atEnd, current == "\"" else {
                var text = String.UnicodeScalarView()
                while !atEnd, current != ",", current != "\n", current != "\r" {
                    text.append(current)
                    advance()
                }
                return Cell(text: String(text), location: start)
            }
            advance()
            var text = String.UnicodeScalarView()
            while true {
                guard !atEnd else {
                    sink.error(.csv, "this quote is never closed, so the rest of the file would be one cell", at: start)
                    return nil
                }
                if current == "\"" {
                    advance()
                    guard !atEnd, current == "\"" else { break }
                }
                text.append(current)
                advance()
            }
            // Spreadsheets may pad after the closing quote; anything else there is a broken cell.
            while !atEnd, current == " " || current == "\t" { advance() }
            if !atEnd, current != ",", current != "\n", current != "\r" {
                sink.error(
                    .csv, "text after the closing quote of a cell; a quote inside a quoted cell is written twice (\"\")",
                    at: here)
                return nil
            }
            return Cell(text: String(text), location: start)
        }

        mutating func skipLine() {
            var quoted = false
            while !atEnd, quoted || (current != "\n" && current != "\r") {
                if current == "\"" { quoted.toggle() }
                advance()
            }
            if !atEnd { skipLineBreak() }
        }

        mutating func skipLineBreak() {
            let wasReturn = current == "\r"
            advance()
            if wasReturn, !atEnd, current == "\n" { advance() }
        }
    }
}
