import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// What the Markdown twin of each page must hold: the footer naming the site's as-of date and
/// this generator, the matrix and list of a program's page, the decision table of a rule page,
/// the worked examples, the print page's tables, each prose page's embeds (as its source asks
/// for them), the role guides' checks and the home page's counts and links.
struct MarkdownPageVerification {
    let expectations: Expectations
    let content: LoadedContent
    let site: String

    var catalog: Catalog { expectations.catalog }

    func verify(_ file: String, kind: PageKind, text: String, _ report: inout Tally) {
        let path = site + "/" + file
        Self.verifyFooter(of: text, path: path, asOf: expectations.asOf, &report)
        StatementVerification(catalog: catalog, file: path)
            .facts(StatementVerification.facts(markdown: text), of: file, kind: kind, &report)
        if file == SitePaths.offers.file(.md) {
            OfferIndexVerification(catalog: catalog, file: path).verify(markdown: text, &report)
        }
        // Offer pages are read by their own verification.
        guard kind != .offer else { return }
        let tables = MarkdownTableReader.tables(in: text)
        for table in tables where table.header.first == ExampleVerification.header.first {
            ExampleVerification(catalog: catalog, core: expectations.core, file: path)
                .verify(rows: table.rows.map { (nil, $0.cells, $0.line) }, header: table.header, line: table.line, &report)
        }
        if file == SitePaths.interpretations.file(.md) {
            StatementVerification(catalog: catalog, file: path)
                .interpretations(decisions: StatementVerification.decisions(markdown: text), &report)
        }
        switch kind {
        case .matrix:
            // A split program's overview lists its parts, which are verified as work of their own.
            for program in catalog.programs where SitePaths.matrix(program.id).file(.md) == file && shown(program.id) {
                MarkdownVerification(expectations: expectations, program: program.id, file: path).verify(tables, &report)
            }
        case .rules:
            for table in catalog.tables where SitePaths.table(table.id).file(.md) == file {
                DecisionTableVerification(table: table, logic: catalog.logic(of: table), file: path).verify(
                    markdown: tables, &report)
            }
        case .print:
            for table in catalog.tables {
                DecisionTableVerification(table: table, logic: catalog.logic(of: table), file: path).verify(
                    markdown: tables, &report)
            }
            for program in catalog.programs where shown(program.id) {
                MarkdownVerification(expectations: expectations, program: program.id, file: path)
                    .verify(tables, byCaption: true, &report)
            }
        case .page:
            guard let page = content.pages.first(where: { SitePaths.prose($0.slug).file(.md) == file }) else { return }
            for embed in Self.embeds(in: page.body) {
                switch embed.kind {
                case "matrix", "list":
                    MarkdownVerification(expectations: expectations, program: ProgramID(embed.argument), file: path)
                        .verify(tables, grid: embed.kind == "matrix", list: embed.kind == "list", byCaption: true, &report)
                case "decision-table":
                    if let table = catalog.tables.first(where: { $0.id.rawValue == embed.argument }) {
                        DecisionTableVerification(table: table, logic: catalog.logic(of: table), file: path).verify(
                            markdown: tables, &report)
                    }
                default: break
                }
            }
        case .role:
            RoleVerification(rules: catalog.logic.rules, file: path).verify(markdown: text, &report)
            if let role = catalog.roles.first(where: { SitePaths.role($0.id).file(.md) == file }) {
                for part in RoleVerification.programs(of: role, in: catalog, file: path) {
                    part.verify(markdown: text, &report)
                }
                StatementVerification(catalog: catalog, file: path).role(
                    role, cannot: StatementVerification.list(under: "What you cannot do", in: text),
                    saysCannotSubmit: Perceived.collapse(MarkdownInline.plain(text)).contains("You cannot submit the upgrade"),
                    line: 1, &report)
            }
        case .index:
            IndexVerification(catalog: catalog, proseSlugs: content.pages.map(\.slug), site: site, file: path)
                .verify(markdown: text, &report)
            StatementVerification(catalog: catalog, file: path)
                .programCounts(StatementVerification.programLines(markdown: text), format: .md, &report)
        default:
            break
        }
    }

    /// The last line of every Markdown page names this generator and the site's date.
    static func verifyFooter(of text: String, path: String, asOf: CalendarDate, _ report: inout Tally) {
        let footer =
            "*Decisions as of \(asOf). Every answer here is worked out from one set of upgrade rules. "
            + "Made by \(Generator.name).*"
        // Compared as bytes: the footer is the page's last line, blank lines aside.
        var ending = text.utf8[...]
        while ending.last == UInt8(ascii: "\n") { ending = ending.dropLast() }
        let expected = Array(("\n" + footer).utf8)
        if !ending.suffix(expected.count).elementsEqual(expected) {
            report.fail(
                .pageStructure, "the page does not end with the footer naming \(Generator.name) and the site's date \(asOf)",
                file: path, line: 1 + text.utf8.count { $0 == UInt8(ascii: "\n") })
        }
    }

    /// Whether a program's matrix is on the print page: it has offers and fits one grid.
    private func shown(_ program: ProgramID) -> Bool {
        let count = catalog.offers(in: program).count
        return count > 0 && !MatrixSplit.splits(offerCount: count)
    }

    /// The generated tables a prose page asks for, as its ```` ```upgradedocs KIND ARGUMENT ```` fences say.
    static func embeds(in body: String) -> [(kind: String, argument: String)] {
        body.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "```upgradedocs" else { return nil }
            return (String(words[1]), words.count > 2 ? String(words[2]) : "")
        }
    }
}
