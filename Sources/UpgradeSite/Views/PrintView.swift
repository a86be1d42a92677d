/// Every decision table and matrix, each on its own printed page with its legend.
struct PrintView {
    let context: ViewContext

    func page() -> Page {
        var sections: [Block] = []
        for table in context.catalog.tables {
            let view = DecisionTableView(context: context, table: table)
            sections.append(.section(id: "table-\(table.id)", cssClass: "print-page", [
                .heading(level: 2, [.text("Decision table: \(table.title)")], id: nil),
                .paragraph([.text(table.summary + " "),
                            .strong([.text("Hit policy \(table.hitPolicy.rawValue)")]),
                            .text(": \(table.hitPolicy.meaning).")]),
                view.legend(),
                .table(view.markup()),
            ]))
        }
        for program in context.programs {
            let view = MatrixView(context: context, program: program)
            sections.append(.section(id: "matrix-\(program.id)", cssClass: "print-page print-landscape", [
                .heading(level: 2, [.text("Upgrade matrix: \(program.name) offers")], id: nil),
                MatrixView.legend,
                .table(view.grid()),
            ]))
            sections.append(.section(id: "list-\(program.id)", cssClass: "print-page", [
                .heading(level: 2, [.text("Possible upgrades: \(program.name) offers")], id: nil),
                .table(view.listForm()),
            ]))
        }
        return Page(path: ViewContext.print, kind: .print, title: "Decision tables and upgrade matrices",
                    summary: "For training: each table on its own page, as of \(context.asOf).",
                    facts: [context.asOfFact], blocks: sections)
    }
}
