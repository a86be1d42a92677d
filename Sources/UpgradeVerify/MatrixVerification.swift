import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A matrix as read from a page, in either format, before it is judged.
struct ReadGrid {
    /// A row or column header: the name a reader sees, and the `data-offer` the HTML labels it with.
    struct Header {
        let text: String
        let labelled: String?
    }

    struct Cell {
        /// What a sighted reader sees, symbol and footnote mark.
        let seen: String
        /// What a screen reader says (HTML only).
        let heard: String?
        /// `data-*` labels, which only the HTML carries.
        let verdict: String?
        let reasons: String?
        var advisories: String? = nil
        let labelledFrom: String?
        let labelledTo: String?
        var concealed: [(what: String, line: Int)] = []
    }

    struct Row {
        let header: Header
        let cells: [Cell]
        let line: Int
    }

    let columns: [Header]
    let rows: [Row]
}

/// Judges a read matrix against the rule core by what a reader meets: header names,
/// each cell's symbol and words, and, in HTML, the `data-*` labels, which must agree.
/// Rows and columns must each appear once, all of them, in the catalogue's order.
struct GridJudge {
    let expectations: Expectations
    let program: ProgramID
    let file: String

    var catalog: Catalog { expectations.catalog }

    func judgeGrid(_ grid: ReadGrid, line: Int, _ report: inout Tally) {
        let offers = catalog.offers(in: program)
        let columns = grid.columns.map { resolve($0, what: "column", line: line, &report) }
        order(columns, names: grid.columns.map(\.text), expected: offers, what: "column", line: line, &report)
        let sources = grid.rows.map { resolve($0.header, what: "row", line: $0.line, &report) }
        order(sources, names: grid.rows.map(\.header.text), expected: offers, what: "row", line: line, &report)
        for (row, source) in zip(grid.rows, sources) {
            guard let source else { continue }
            if row.cells.count != columns.count {
                fail("row \(source.id) has \(row.cells.count) cells for \(columns.count) columns", line: row.line, &report)
            }
            for (cell, target) in zip(row.cells, columns) {
                guard let target else { continue }
                report.coverage.cells += 1
                judge(cell, from: source, to: target, line: row.line, &report)
            }
        }
    }

    private func judge(_ cell: ReadGrid.Cell, from source: Offer, to target: Offer, line: Int, _ report: inout Tally) {
        let decision = expectations.decision(source, target)
        let place = "row \(source.id), column \(target.id)"
        let core = "the rule core says \(Expectations.describe(decision))"
        for hidden in cell.concealed {
            fail("\(place): the cell holds \(hidden.what), which no reader meets", line: hidden.line, &report)
        }
        if let from = cell.labelledFrom, let to = cell.labelledTo, from != source.id.rawValue || to != target.id.rawValue {
            fail("\(place): the cell is labelled \(from) → \(to)", line: line, &report)
        }
        if let verdict = cell.verdict, let reasons = cell.reasons {
            let says = reasons.isEmpty ? verdict : "\(verdict) (\(reasons.split(separator: " ").joined(separator: ", ")))"
            if says != Expectations.describe(decision) {
                fail("\(place): data-verdict and data-reasons say \(says), \(core)", line: line, &report)
            }
        }
        if let advisories = cell.advisories, advisories != decision.advisories.map(\.rawValue).joined(separator: " ") {
            let codes = decision.advisories.map(\.rawValue).joined(separator: ", ")
            fail(
                "\(place): data-advisories says '\(advisories)', the rule core advises \(codes.isEmpty ? "nothing" : codes)",
                line: line, &report)
        }
        let expected = expectations.shown(decision, from: source, to: target)
        if cell.seen != expected.seen {
            fail("\(place): the page shows '\(cell.seen)', but \(core), which shows as '\(expected.seen)'", line: line, &report)
        }
        if let heard = cell.heard, heard != expected.heard {
            fail("\(place): a screen reader hears '\(heard)', but \(core), which reads '\(expected.heard)'", line: line, &report)
        }
    }

    /// The list form: each listed source once, with exactly its eligible targets, in the order listed.
    func judgeList(
        _ rows: [(source: ReadGrid.Header, targets: [String], labelled: [String]?, line: Int)],
        line: Int, _ report: inout Tally
    ) {
        let offers = catalog.offers(in: program)
        let expectedSources = offers.filter { expectations.listsSource($0, in: program) }
        let sources = rows.map { resolve($0.source, what: "list row", line: $0.line, &report) }
        order(sources, names: rows.map(\.source.text), expected: expectedSources, what: "list row", line: line, &report)
        for (row, source) in zip(rows, sources) {
            guard let source else { continue }
            report.coverage.rows += 1
            let eligible = expectations.listed(from: source, in: program)
            let expected = eligible.map { expectations.listEntry(from: source, to: $0) }
            if row.targets != expected {
                let missing = expected.filter { !row.targets.contains($0) }, extra = row.targets.filter { !expected.contains($0) }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("missing " + missing.map { "'\($0)'" }.joined(separator: ", ")) }
                if !extra.isEmpty {
                    parts.append("not eligible or not an offer: " + extra.map { "'\($0)'" }.joined(separator: ", "))
                }
                if parts.isEmpty { parts.append(row.targets.count == expected.count ? "out of order" : "a target listed twice") }
                fail(
                    "list row \(source.id) shows \(count(row.targets.count, "target")), the rule core allows \(expected.count): "
                        + parts.joined(separator: "; "), line: row.line, &report)
            }
            if let labelled = row.labelled, labelled != eligible.map(\.id.rawValue) {
                fail(
                    "list row \(source.id): data-targets says \(labelled.joined(separator: " ")), the rule core allows "
                        + eligible.map(\.id.rawValue).joined(separator: " "), line: row.line, &report)
            }
        }
    }

    /// The offer a header stands for, and any disagreement between its label and its visible name.
    private func resolve(_ header: ReadGrid.Header, what: String, line: Int, _ report: inout Tally) -> Offer? {
        if let labelled = header.labelled {
            guard let offer = catalog.offer(OfferID(labelled)) else {
                fail("the \(what) labelled '\(labelled)' is not an offer of the catalog", line: line, &report)
                return nil
            }
            if header.text != Perceived.collapse(offer.name) {
                fail(
                    "the \(what) labelled \(offer.id) shows '\(header.text)', but the offer is named '\(offer.name)'",
                    line: line, &report)
            }
            return offer
        }
        guard let offer = expectations.offer(named: header.text, in: program) else {
            fail("the \(what) '\(header.text)' is not an offer of the catalog", line: line, &report)
            return nil
        }
        return offer
    }

    /// Missing, extra, repeated and out-of-place rows or columns.
    private func order(
        _ resolved: [Offer?], names: [String], expected: [Offer], what: String, line: Int,
        _ report: inout Tally
    ) {
        let found = resolved.compactMap { $0 }
        var counts: [OfferID: Int] = [:]
        for offer in found { counts[offer.id, default: 0] += 1 }
        for offer in expected where counts[offer.id] == nil {
            fail("the \(what) for \(offer.id) is missing", line: line, &report)
        }
        for offer in found where !expected.contains(offer) {
            fail("the \(what) for \(offer.id) should not be there", line: line, &report)
        }
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) where count > 1 {
            fail("the \(what) for \(id) appears \(count) times", line: line, &report)
        }
        let once = found.filter { counts[$0.id] == 1 && expected.contains($0) }
        if once != expected.filter(once.contains) { fail("the \(what)s are out of order", line: line, &report) }
    }

    func fail(_ message: String, line: Int, _ report: inout Tally) {
        report.fail(.cellMismatch, message, file: file, line: line)
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

/// The HTML matrix and list, read through what a reader meets and their `data-*` labels.
struct HTMLMatrixVerification {
    let expectations: Expectations
    let program: ProgramID
    let file: String

    var judge: GridJudge { GridJudge(expectations: expectations, program: program, file: file) }

    func verifyGrid(_ table: HTMLTableReader.Table, _ report: inout Tally) {
        report.coverage.tables += 1
        guard let header = table.rows.first else {
            judge.fail("the matrix has no rows", line: table.line, &report)
            return
        }
        let columns = header.cells.dropFirst().map(Self.header)
        let rows = table.rows.dropFirst().map { row in
            ReadGrid.Row(
                header: row.cells.first.map(Self.header) ?? .init(text: "", labelled: nil),
                cells: row.cells.dropFirst().map { cell in
                    ReadGrid.Cell(
                        seen: cell.text, heard: cell.heard, verdict: cell.attributes[Markup.Data.verdict],
                        reasons: cell.attributes[Markup.Data.reasons], advisories: cell.attributes[Markup.Data.advisories] ?? "-",
                        labelledFrom: cell.attributes[Markup.Data.from], labelledTo: cell.attributes[Markup.Data.to],
                        concealed: cell.concealed)
                }, line: row.line)
        }
        for row in table.rows {
            for cell in row.cells where cell.isHeader {
                for hidden in cell.concealed {
                    judge.fail("a header holds \(hidden.what), which no reader meets", line: hidden.line, &report)
                }
            }
            for cell in row.cells.dropFirst()
            where row.line != header.line
                && (cell.attributes[Markup.Data.verdict] == nil || cell.attributes[Markup.Data.reasons] == nil)
            {
                judge.fail("a matrix cell without data-verdict or data-reasons", line: row.line, &report)
            }
        }
        judge.judgeGrid(ReadGrid(columns: columns, rows: rows), line: table.line, &report)
    }

    func verifyList(_ table: HTMLTableReader.Table, _ report: inout Tally) {
        report.coverage.tables += 1
        let rows = table.rows.dropFirst().map {
            row -> (source: ReadGrid.Header, targets: [String], labelled: [String]?, line: Int) in
            let source = row.cells.first.map(Self.header) ?? .init(text: "", labelled: nil)
            let targets = row.cells.count > 1 ? row.cells[1].lines.filter { !$0.isEmpty } : []
            let labelled =
                row.cells.count > 1
                ? row.cells[1].attributes[Markup.Data.targets].map { $0.split(separator: " ").map(String.init) } : nil
            for cell in row.cells {
                for hidden in cell.concealed {
                    judge.fail("a list cell holds \(hidden.what), which no reader meets", line: hidden.line, &report)
                }
            }
            return (source, targets, labelled, row.line)
        }
        judge.judgeList(rows, line: table.line, &report)
    }

    private static func header(_ cell: HTMLTableReader.Cell) -> ReadGrid.Header {
        ReadGrid.Header(text: cell.text, labelled: cell.attributes[Markup.Data.offer])
    }
}

/// The Markdown grid (`| From ╲ To | …`) and list form (`| From | Possible upgrades |`), each exactly once.
struct MarkdownVerification {
    let expectations: Expectations
    let program: ProgramID
    let file: String

    /// The program's grid and list among `tables`, each exactly once where expected. On a page that shows
    /// several programs (print, prose) each table is known by its caption, which names the program.
    func verify(
        _ tables: [MarkdownTableReader.Table], grid expectGrid: Bool = true, list expectList: Bool = true,
        byCaption: Bool = false, _ report: inout Tally
    ) {
        let judge = GridJudge(expectations: expectations, program: program, file: file)
        let name = expectations.catalog.program(program)?.name ?? program.rawValue
        let ours = byCaption ? tables.filter { ($0.caption ?? "").contains(", \(name) offers, as of") } : tables
        let grids = ours.filter { $0.header.first == Markup.MarkdownHeader.gridCorner }
        let lists = ours.filter { $0.header == Markup.MarkdownHeader.list }
        for extra in grids.dropFirst(expectGrid ? 1 : 0) { judge.fail("a second Markdown grid", line: extra.line, &report) }
        for extra in lists.dropFirst(expectList ? 1 : 0) { judge.fail("a second Markdown list form", line: extra.line, &report) }
        if !expectGrid {
        } else if let grid = grids.first {
            report.coverage.tables += 1
            let rows = grid.rows.map { row in
                ReadGrid.Row(
                    header: .init(text: row.cells.first ?? "", labelled: nil),
                    cells: row.cells.dropFirst().map {
                        ReadGrid.Cell(seen: $0, heard: nil, verdict: nil, reasons: nil, labelledFrom: nil, labelledTo: nil)
                    }, line: row.line)
            }
            judge.judgeGrid(
                ReadGrid(columns: grid.header.dropFirst().map { .init(text: $0, labelled: nil) }, rows: rows),
                line: grid.line, &report)
        } else {
            judge.fail("no Markdown grid (a table headed '| From ╲ To |')", line: 1, &report)
        }
        if !expectList {
        } else if let list = lists.first {
            report.coverage.tables += 1
            let rows = zip(list.rows, list.rawRows).map {
                row, raw -> (source: ReadGrid.Header, targets: [String], labelled: [String]?, line: Int) in
                let targets = raw.cells.count > 1 ? MarkdownTableReader.lines(ofRawCell: raw.cells[1]).filter { !$0.isEmpty } : []
                return (.init(text: row.cells.first ?? "", labelled: nil), targets, nil, row.line)
            }
            judge.judgeList(rows, line: list.line, &report)
        } else {
            judge.fail("no Markdown list form (a table headed '| From | Possible upgrades |')", line: 1, &report)
        }
    }
}
