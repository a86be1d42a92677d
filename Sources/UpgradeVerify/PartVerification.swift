import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A split program's part pages, read back in both formats. Each row is held
/// against the rule core's whole row for its source: the possible upgrades it
/// names, the targets it names as blocked for another reason, and, for every
/// target it leaves out, the page's promise that the pair is blocked for the
/// unshown reasons alone. Across the parts of each format, every offer of the
/// program must have exactly one row.
struct PartVerification {
    let expectations: Expectations
    let program: ProgramID
    /// The path prefix `verify` reports files under.
    let site: String

    /// One row as read, in either format: names or ids, as the format gives them.
    struct ReadRow {
        let source: String
        /// The possible upgrades as a reader sees them.
        let targets: [String]
        /// The blocked targets a reader sees, by name.
        let blocked: [String]
        /// What the HTML's `data-targets` and `data-blocked` say, by offer id.
        var labelledTargets: [String]? = nil
        var labelledBlocked: [String: [ReasonCode]]? = nil
        let line: Int
    }

    /// Judges one format's part pages, each file with its text: every row against the rule core, and
    /// every offer of the program in exactly one row across them.
    func verify(_ format: PageFormat, parts: [(file: String, text: String)], overview: String, _ report: inout Tally) {
        switch format {
        case .html: verifyHTML(parts, overview: overview, &report)
        case .md: verifyMarkdown(parts, overview: overview, &report)
        }
    }

    private func verifyHTML(_ html: [(file: String, text: String)], overview: String, _ report: inout Tally) {
        var seen: [OfferID: (file: String, line: Int)] = [:]
        for (file, text) in html {
            let page = HTMLDocument.parse(text)
            PageVerification(kind: .matrix, file: file, path: site + "/" + file, asOf: expectations.asOf).verify(page, &report)
            let tables = HTMLTableReader.tables(in: page)
                .filter { $0.cssClasses.contains("upgrade-part") && $0.attributes["data-program"] == program.rawValue }
            if tables.isEmpty { fail("no table.upgrade-part for program \(program) on the page", file, 1, &report) }
            for table in tables {
                report.coverage.tables += 1
                let known = Set(expectations.catalog.rules.map(\.code))
                let unshown = (table.attributes["data-unshown"] ?? "").split(separator: " ").map { ReasonCode(String($0)) }
                guard unshown.allSatisfy(known.contains) else {
                    fail("data-unshown names a reason the rule core does not know", file, table.line, &report)
                    continue
                }
                let rows = table.rows.filter { !($0.cells.first?.isHeader == true && $0.cells.allSatisfy(\.isHeader)) }
                    .map(Self.read(html:))
                judge(rows, unshown: unshown, file: file, seen: &seen, &report)
            }
        }
        cover(seen, format: "HTML", overview: overview + ".html", &report)
    }

    private func verifyMarkdown(
        _ markdown: [(file: String, text: String)], overview: String,
        _ report: inout Tally
    ) {
        var seen: [OfferID: (file: String, line: Int)] = [:]
        for (file, text) in markdown {
            MarkdownPageVerification.verifyFooter(of: text, path: site + "/" + file, asOf: expectations.asOf, &report)
            guard let table = MarkdownTableReader.tables(in: text).first(where: { $0.header == Markup.MarkdownHeader.part })
            else {
                fail(
                    "no Markdown part table (headed '| \(Markup.MarkdownHeader.part.joined(separator: " | ")) |')", file, 1,
                    &report)
                continue
            }
            report.coverage.tables += 1
            let rows = zip(table.rows, table.rawRows).map { row, raw in
                let cells = row.cells + Array(repeating: "", count: max(0, 3 - row.cells.count))
                let rawCells = raw.cells + Array(repeating: "", count: max(0, 3 - raw.cells.count))
                return ReadRow(
                    source: cells[0], targets: Self.lines(rawCells[1]),
                    blocked: Self.lines(rawCells[2]).map(Self.targetName(ofBlocked:)), line: row.line)
            }
            judge(rows, unshown: MatrixSplit.unshownReasons, file: file, seen: &seen, &report)
        }
        cover(seen, format: "Markdown", overview: overview + ".md", &report)
    }

    private func judge(
        _ rows: [ReadRow], unshown: [ReasonCode], file: String,
        seen: inout [OfferID: (file: String, line: Int)], _ report: inout Tally
    ) {
        for row in rows {
            guard let source = expectations.offer(named: row.source, in: program), source.program == program else {
                fail("the row '\(row.source)' is not an offer of the \(program) program", file, row.line, &report)
                continue
            }
            if let earlier = seen[source.id] {
                fail(
                    "\(source.id) has a second row; its first is at \(path(earlier.file)):\(earlier.line)", file, row.line,
                    &report)
                continue
            }
            seen[source.id] = (file, row.line)
            report.coverage.rows += 1
            guard let (matrix, cells) = expectations.row(of: source) else { continue }
            // Every pair of the row is judged: those the page must name one by one, and the rest
            // by the one cell the rule core gives them all, which must be the page's promise.
            report.coverage.cells += cells.count
            let place = "row \(source.id)"
            var eligible = Set<OfferID>(), others: [OfferID: MatrixCell] = [:]
            for (column, cell) in cells.cells(except: unshown) {
                if cell.verdict == .eligible {
                    eligible.insert(matrix.offers[column].id)
                } else {
                    others[matrix.offers[column].id] = cell
                }
            }
            func says(_ target: OfferID) -> String {
                matrix.index(of: target).map { Expectations.describe(cells.cell(at: $0)) } ?? "it is not in the program"
            }
            let named = resolve(row.targets, place: place, file: file, line: row.line, &report)
            for target in eligible.subtracting(named).sorted() {
                fail(
                    "\(place): \(target) is missing from the possible upgrades; the rule core says it is eligible",
                    file, row.line, &report)
            }
            for target in named.subtracting(eligible).sorted() {
                fail("\(place): \(target) is named as possible, but the rule core says \(says(target))", file, row.line, &report)
            }
            let blocked = resolve(row.blocked, place: place, file: file, line: row.line, &report)
            for target in Set(others.keys).subtracting(blocked).sorted() {
                fail(
                    "\(place): \(target) is left out, which says it is blocked for \(describe(unshown)) alone, "
                        + "but the rule core says \(says(target))", file, row.line, &report)
            }
            for target in blocked.subtracting(others.keys).sorted() {
                fail(
                    "\(place): \(target) is named as blocked for another reason, but the rule core says \(says(target))",
                    file, row.line, &report)
            }
            if let labelled = row.labelledTargets, Set(labelled) != Set(named.map(\.rawValue)) {
                fail(
                    "\(place): data-targets says \(labelled.joined(separator: " ")), the cell shows "
                        + named.map(\.rawValue).sorted().joined(separator: " "), file, row.line, &report)
            }
            if let labelled = row.labelledBlocked {
                if Set(labelled.keys) != Set(blocked.map(\.rawValue)) {
                    fail(
                        "\(place): data-blocked names \(labelled.keys.sorted().joined(separator: " ")), the cell shows "
                            + blocked.map(\.rawValue).sorted().joined(separator: " "), file, row.line, &report)
                }
                for (target, reasons) in labelled.sorted(by: { $0.key < $1.key }) {
                    guard let cell = others[OfferID(target)], reasons != cell.reasons else { continue }
                    fail(
                        "\(place): \(target) is blocked for \(describe(reasons)) in data-blocked, the rule core says "
                            + Expectations.describe(cell), file, row.line, &report)
                }
            }
        }
    }

    /// Ids of the offers named; each name that is no offer is reported.
    private func resolve(
        _ names: [String], place: String, file: String, line: Int,
        _ report: inout Tally
    ) -> Set<OfferID> {
        var ids = Set<OfferID>()
        for name in names {
            guard let offer = expectations.offer(named: name, in: program) else {
                fail("\(place): '\(name)' is not an offer", file, line, &report)
                continue
            }
            ids.insert(offer.id)
        }
        return ids
    }

    private func cover(
        _ seen: [OfferID: (file: String, line: Int)], format: String, overview: String,
        _ report: inout Tally
    ) {
        for offer in expectations.catalog.offers(in: program) where seen[offer.id] == nil {
            fail("\(offer.id) has no row in any \(format) part of the \(program) matrix", overview, 1, &report)
        }
    }

    private func describe(_ reasons: [ReasonCode]) -> String { reasons.map(\.rawValue).joined(separator: ", ") }

    private static func read(html row: HTMLTableReader.Row) -> ReadRow {
        let cells = row.cells
        let source = cells.first.map { $0.attributes["data-offer"] ?? $0.text } ?? ""
        let targets = cells.count > 1 ? entries(cells[1].lines) : []
        let blocked = cells.count > 2 ? entries(cells[2].lines).map(targetName(ofBlocked:)) : []
        var labelled: [String: [ReasonCode]] = [:]
        for entry in cells.count > 2 ? words(cells[2].attributes["data-blocked"]) : [] {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            labelled[parts[0]] =
                parts.count > 1 ? parts[1].split(separator: "+").compactMap { ReasonCode(rawValue: String($0)) } : []
        }
        return ReadRow(
            source: source, targets: targets, blocked: blocked,
            labelledTargets: cells.count > 1 ? words(cells[1].attributes["data-targets"]) : [],
            labelledBlocked: labelled, line: row.line)
    }

    private static func words(_ text: String?) -> [String] { (text ?? "").split(separator: " ").map(String.init) }

    /// A Markdown cell's entries, split at `<br/>`.
    /// A raw Markdown cell's entries, split on raw `<br/>` only: an escaped one is part of a name.
    private static func lines(_ cell: String) -> [String] {
        entries(MarkdownTableReader.lines(ofRawCell: cell))
    }

    /// A cell's non-empty lines; "None" is no entry.
    private static func entries(_ lines: [String]) -> [String] {
        let entries = lines.map(\.trimmingSpacesAndTabs).filter { !$0.isEmpty }
        return entries == [MatrixSplit.noTargets] ? [] : entries
    }

    /// "Offer 5 India — use Offer 5" names Offer 5 India.
    private static func targetName(ofBlocked entry: String) -> String {
        entry.range(of: " — ").map { String(entry[..<$0.lowerBound]) } ?? entry
    }

    private func path(_ file: String) -> String { site + "/" + file }

    private func fail(_ message: String, _ file: String, _ line: Int, _ report: inout Tally) {
        report.fail(.cellMismatch, message, file: path(file), line: line)
    }
}
