import UpgradeCore
import UpgradeSiteContract

/// The offer index (`offers/index`): one row per offer, in the content's order, with its name,
/// id, other names and former names, region and services, as the model gives them.
struct OfferIndexVerification {
    let catalog: Catalog
    let file: String

    static let header = ["Offer", "Id and other names", "Region", "Services"]

    /// Each offer's row as a reader sees it: the name; the id, the aliases and each former name,
    /// one to a line; the region; the services.
    var expected: [[String]] {
        catalog.offers.map { offer in
            let names =
                [offer.id.rawValue] + (offer.aliases.isEmpty ? [] : [offer.aliases.joined(separator: ", ")])
                + offer.formerly.map { "formerly \($0.name)" }
            return [
                offer.name, names.joined(separator: "\n"),
                offer.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "Global",
                catalog.serviceNames(offer.services).joined(separator: ", "),
            ].map { $0.split(separator: "\n").map { Perceived.collapse(String($0)) }.joined(separator: "\n") }
        }
    }

    func verify(html page: HTMLElement, _ report: inout Tally) {
        guard let table = HTMLTableReader.tables(in: page).first(where: { $0.cssClasses.contains("offer-index") }) else {
            report.fail(.offerPage, "no table of offers (table.offer-index)", file: file, line: 1)
            return
        }
        let rows = table.rows.filter { !$0.cells.allSatisfy(\.isHeader) }
        judge(
            rows.map { row in
                row.cells.enumerated().map { $0.offset == 1 ? $0.element.lines.joined(separator: "\n") : $0.element.text }
            },
            lines: rows.map(\.line), &report)
    }

    func verify(markdown text: String, _ report: inout Tally) {
        guard let table = MarkdownTableReader.tables(in: text).first(where: { $0.header == Self.header }) else {
            report.fail(.offerPage, "no table of offers (| Offer | Id and other names | …)", file: file, line: 1)
            return
        }
        judge(
            table.rawRows.map { row in
                row.cells.enumerated().map { index, cell in
                    // The name is a link to the offer's page; the id is code; the rest is escaped text.
                    if index == 0 {
                        return Perceived.collapse(MarkdownTableReader.unescape(OfferVerification.linkText(cell) ?? cell))
                    }
                    return MarkdownTableReader.lines(ofRawCell: cell).map { line in
                        let code = line.count >= 2 && line.hasPrefix("`") && line.hasSuffix("`")
                        return Perceived.collapse(code ? String(line.dropFirst().dropLast()) : MarkdownTableReader.unescape(line))
                    }.joined(separator: "\n")
                }
            }, lines: table.rawRows.map(\.line), &report)
    }

    private func judge(_ shown: [[String]], lines: [Int], _ report: inout Tally) {
        let wanted = expected
        report.coverage.rows += shown.count
        if shown.count != wanted.count {
            report.fail(
                .offerPage, "the offer index has \(shown.count) rows; the model has \(wanted.count) offers", file: file,
                line: lines.first ?? 1)
        }
        for (index, (row, expected)) in zip(shown, wanted).enumerated() where row != expected {
            report.fail(
                .offerPage,
                "the offer index's row for \(catalog.offers[index].id) reads \(row.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "the model says \(expected.map { "'\($0)'" }.joined(separator: ", "))", file: file, line: lines[index])
        }
    }
}
