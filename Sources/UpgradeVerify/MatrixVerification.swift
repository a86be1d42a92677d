import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A matrix or list as read from a page, in either format, before it is judged.
struct ReadGrid {
    struct Cell {
        let visible: String
        /// `data-verdict` and `data-reasons`, which only the HTML carries.
        let verdict: String?
        let reasons: String?
        let labelledFrom: String?
        let labelledTo: String?
    }

    struct Row {
        let name: String
        let cells: [Cell]
        let line: Int
    }

    let columns: [String]
    let rows: [Row]
}

/// Judges a read grid against the rule core: rows and columns complete and in
/// place, and every cell showing the core's decision.
struct GridJudge {
    let expectations: Expectations
    let program: ProgramID
    let file: String

    func judgeGrid(_ grid: ReadGrid, line: Int, _ report: inout Tally) {
        let offers = expectations.catalog.offers(in: program)
        let columns = grid.columns.map { expectations.offer(named: $0) }
        compare(named: grid.columns, resolved: columns, expected: offers, what: "column", line: line, &report)
        let sources = grid.rows.map { expectations.offer(named: $0.name) }
        compare(named: grid.rows.map(\.name), resolved: sources, expected: offers, what: "row", line: line, &report)
        for (row, source) in zip(grid.rows, sources) {
            guard let source else { continue }
            for (cell, target) in zip(row.cells, columns) {
                guard let target else { continue }
                report.coverage.cells += 1
                let decision = expectations.decision(source, target)
                let place = "row \(source.id), column \(target.id)"
                if let from = cell.labelledFrom, let to = cell.labelledTo, from != source.id.rawValue || to != target.id.rawValue {
                    fail("\(place): the cell is labelled \(from) → \(to)", line: row.line, &report)
                }
                if let verdict = cell.verdict, let reasons = cell.reasons {
                    let says = reasons.isEmpty ? verdict : "\(verdict) (\(reasons.split(separator: " ").joined(separator: ", ")))"
                    if says != Expectations.describe(decision) {
                        fail("\(place): the page says \(says), the rule core says \(Expectations.describe(decision))",
                             line: row.line, &report)
                    }
                }
                if cell.visible.hasPrefix("✓") != (decision.verdict == .eligible) {
                    let shown = cell.visible.isEmpty ? "nothing" : "'\(cell.visible)'"
                    fail("\(place): the page shows \(shown), but the rule core says \(Expectations.describe(decision))",
                         line: row.line, &report)
                }
            }
            if row.cells.count != columns.count {
                fail("row \(source.id) has \(row.cells.count) cells for \(columns.count) columns", line: row.line, &report)
            }
        }
    }

    /// The list form: each listed source with exactly its eligible targets.
    func judgeList(_ rows: [(source: String, targets: [String], line: Int)], line: Int, _ report: inout Tally) {
        let offers = expectations.catalog.offers(in: program)
        let expectedSources = offers.filter { expectations.listsSource($0, in: program) }
        let sources = rows.map { expectations.offer(named: $0.source) }
        compare(named: rows.map(\.source), resolved: sources, expected: expectedSources, what: "list row", line: line, &report)
        for (row, source) in zip(rows, sources) {
            guard let source else { continue }
            report.coverage.rows += 1
            let listed = row.targets.map { ($0, expectations.offer(named: $0)) }
            for (name, target) in listed where target == nil {
                fail("list row \(source.id): '\(name)' is not an offer", line: row.line, &report)
            }
            let shown = Set(listed.compactMap { $0.1?.id })
            let eligible = expectations.eligibleTargets(of: source, in: program)
            for target in eligible where !shown.contains(target.id) {
                fail("list row \(source.id): \(target.id) is missing; the rule core says it is eligible",
                     line: row.line, &report)
            }
            for target in listed.compactMap(\.1) where !eligible.contains(target) {
                fail("list row \(source.id): \(target.id) is listed, but the rule core says "
                     + Expectations.describe(expectations.decision(source, target)), line: row.line, &report)
            }
        }
    }

    /// Missing, extra, unknown and out-of-place rows or columns.
    private func compare(named names: [String], resolved: [Offer?], expected: [Offer], what: String, line: Int,
                         _ report: inout Tally) {
        for (name, offer) in zip(names, resolved) where offer == nil {
            fail("the \(what) '\(name)' is not an offer of the catalog", line: line, &report)
        }
        let found = resolved.compactMap { $0 }
        for offer in expected where !found.contains(offer) {
            fail("the \(what) for \(offer.id) is missing", line: line, &report)
        }
        for offer in found where !expected.contains(offer) {
            fail("the \(what) for \(offer.id) should not be there", line: line, &report)
        }
        if Set(found) == Set(expected), found.count == expected.count, found != expected.filter(found.contains) {
            fail("the \(what)s are out of order", line: line, &report)
        }
    }

    func fail(_ message: String, line: Int, _ report: inout Tally) {
        report.fail(message, file: file, line: line)
    }
}

/// The HTML matrix and list, read through their `data-*` attributes and visible text.
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
        let columns = header.cells.dropFirst().map { $0.attributes["data-offer"] ?? $0.text }
        let rows = table.rows.dropFirst().map { row in
            let name = row.cells.first.map { $0.attributes["data-offer"] ?? $0.text } ?? ""
            return ReadGrid.Row(name: name, cells: row.cells.dropFirst().map { cell in
                ReadGrid.Cell(visible: cell.text, verdict: cell.attributes["data-verdict"],
                              reasons: cell.attributes["data-reasons"], labelledFrom: cell.attributes["data-from"],
                              labelledTo: cell.attributes["data-to"])
            }, line: row.line)
        }
        for row in table.rows.dropFirst() {
            for cell in row.cells.dropFirst() where cell.attributes["data-verdict"] == nil || cell.attributes["data-reasons"] == nil {
                judge.fail("a matrix cell without data-verdict or data-reasons", line: row.line, &report)
            }
        }
        judge.judgeGrid(ReadGrid(columns: columns, rows: rows), line: table.line, &report)
    }

    func verifyList(_ table: HTMLTableReader.Table, _ report: inout Tally) {
        report.coverage.tables += 1
        let rows = table.rows.dropFirst().map { row -> (source: String, targets: [String], line: Int) in
            let source = row.cells.first.map { $0.attributes["data-offer"] ?? $0.text } ?? ""
            let targets = row.cells.count > 1 ? row.cells[1].lines.filter { !$0.isEmpty } : []
            return (source, targets, row.line)
        }
        judge.judgeList(rows, line: table.line, &report)
    }
}

/// The Markdown grid (`| From ╲ To | …`) and list form (`| From | Possible upgrades |`).
struct MarkdownVerification {
    let expectations: Expectations
    let program: ProgramID
    let file: String

    func verify(_ tables: [MarkdownTableReader.Table], _ report: inout Tally) {
        let judge = GridJudge(expectations: expectations, program: program, file: file)
        if let grid = tables.first(where: { $0.header.first == Markup.MarkdownHeader.gridCorner }) {
            report.coverage.tables += 1
            let rows = grid.rows.map { row in
                ReadGrid.Row(name: row.cells.first ?? "", cells: row.cells.dropFirst().map {
                    ReadGrid.Cell(visible: $0, verdict: nil, reasons: nil, labelledFrom: nil, labelledTo: nil)
                }, line: row.line)
            }
            judge.judgeGrid(ReadGrid(columns: Array(grid.header.dropFirst()), rows: rows), line: grid.line, &report)
        } else {
            judge.fail("no Markdown grid (a table headed '| From ╲ To |')", line: 1, &report)
        }
        if let list = tables.first(where: { $0.header == Markup.MarkdownHeader.list }) {
            report.coverage.tables += 1
            let rows = list.rows.map { row -> (source: String, targets: [String], line: Int) in
                let targets = row.cells.count > 1
                    ? row.cells[1].components(separatedBy: "<br/>").map(\.trimmingSpacesAndTabs).filter { !$0.isEmpty } : []
                return (row.cells.first ?? "", targets, row.line)
            }
            judge.judgeList(rows, line: list.line, &report)
        } else {
            judge.fail("no Markdown list form (a table headed '| From | Possible upgrades |')", line: 1, &report)
        }
    }
}
