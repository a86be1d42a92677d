import UpgradeBase
import UpgradeSiteContract
/// Every decision table and matrix, each on its own printed sheet with its legend,
/// and with the table's title and the as-of date in the margin of every sheet.
struct PrintView {
    let context: ViewContext

    static let tableLegend = "Rule order down the left · conditions\u{00A0}║\u{00A0}outcomes · -\u{00A0}any value"
    /// The margin's legend of a matrix sheet, with the caution mark's words when its cells carry one.
    static func matrixLegend(cautions: [String]) -> String {
        // A no-break space keeps each symbol with its first word.
        (["✓\u{00A0}eligible"] + cautions.map { "✓\(MatrixView.cautionMark)\u{00A0}eligible, with caution: \($0)" }
            + ["\(MatrixView.blockedMark)\u{00A0}not a listed path", "↪\u{00A0}use the regional variant", "¹\u{00A0}see note"])
            .joined(separator: " · ")
    }

    func page() -> Page {
        var sections: [Block] = []
        var sheets: [PrintSheet] = []
        func add(_ id: String, _ title: String, legend: String, landscape: Bool, _ blocks: [Block]) {
            sections.append(.section(id: id, cssClass: "print-page", [.heading(level: 2, [.text(title)], id: nil)] + blocks))
            sheets.append(PrintSheet(sectionID: id, title: title, legend: legend, landscape: landscape))
        }
        for table in context.catalog.tables {
            let view = DecisionTableView(context: context, table: table)
            add(
                "table-\(table.id)", "Decision table: \(table.title)", legend: Self.tableLegend,
                landscape: table.inputs.count + table.outputs.count > 6,
                [
                    .paragraph([
                        .text(table.summary + " "), .strong([.text("Hit policy \(table.hitPolicy.rawValue)")]),
                        .text(": \(table.hitPolicy.meaning)."),
                    ]),
                    view.legend(),
                    .table(view.markup()),
                ])
        }
        var unprinted: [String] = []
        for program in context.programs {
            let view = MatrixView(context: context, program: program)
            guard !view.layout.isSplit else {
                unprinted.append(
                    "the \(program.name) matrix, whose \(view.offers.count) offers fill "
                        + "\(view.layout.parts.count) parts online")
                continue
            }
            let cautions = view.cautions
            add(
                "matrix-\(program.id)", "Upgrade matrix: \(program.name) offers",
                legend: Self.matrixLegend(cautions: cautions), landscape: true,
                (context.withdrawalNote(of: program).map { [$0] } ?? [])
                    + [view.assumption, MatrixView.legend(cautions: cautions), .table(view.grid())])
            add(
                "list-\(program.id)", "Possible upgrades: \(program.name) offers", legend: "¹ see the note under the table",
                landscape: false, MatrixView.cautionNotes(cautions) + [.table(view.listForm())])
        }
        return Page(
            path: SitePaths.print, kind: .print, title: "Decision tables and upgrade matrices",
            summary: "For training: each table on its own sheet, as of \(context.asOf)."
                + (unprinted.isEmpty ? "" : " Too large to print: \(unprinted.joined(separator: "; "))."),
            facts: [context.asOfFact], blocks: [contents(of: sheets)] + sections, sheets: sheets)
    }

    /// The cover sheet's body, under the title and the as-of date: the sheets that follow, and the
    /// pages their rules and paths come from, each printed with its address.
    private func contents(of sheets: [PrintSheet]) -> Block {
        let catalog = context.catalog
        // Each citation once: thousands of paths share a handful.
        let cited = Set(catalog.rules.map(\.source) + catalog.paths.map(\.source))
        let sources = context.content.settings.sources.filter { source in
            source.url != nil && cited.contains { $0.contains(source.title) }
        }
        var blocks: [Block] = [
            .heading(level: 2, [.text("On these sheets")], id: "contents"),
            .list(
                ordered: true,
                items: sheets.map { [.link([.text($0.title)], to: SitePaths.print, anchor: $0.sectionID)] }),
        ]
        // No matrix cell crosses programs: the way across is said once, here.
        for program in catalog.programs {
            guard let route = program.migration, let target = catalog.program(route.to) else { continue }
            blocks.append(
                .paragraph([
                    .text(
                        "From \(program.name) to \(target.name): migrate to the offer's equivalent (the migration "
                            + "tables), then upgrade there (the \(target.name) tables).")
                ]))
        }
        if !catalog.tables.isEmpty {
            blocks += [
                .heading(level: 2, [.text("In a DMN modeler")], id: "dmn"),
                .paragraph([
                    .text("Each decision table is also a DMN 1.3 file beside its page, for Camunda Modeler, dmn-js or KIE:")
                ]),
                // By file name alone: the sheets above give the titles, and a name fits a column's line.
                .list(
                    ordered: false,
                    items: catalog.tables.map { table in
                        [.fileLink([.text("\(table.id).dmn")], file: SitePaths.dmn(table.id))]
                    }),
            ]
        }
        if !sources.isEmpty {
            blocks += [
                .heading(level: 2, [.text("Sources")], id: "sources"),
                .paragraph([.text("The rules and upgrade paths on these sheets come from:")]),
                .list(ordered: false, items: sources.map { context.title(of: $0) }),
            ]
        }
        return .section(id: "cover", cssClass: "print-contents", blocks)
    }
}
