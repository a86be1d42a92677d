import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// A program too large for one grid: an overview on the matrix page, and part
/// pages that each list a run of source offers. A row names every possible
/// upgrade and every target blocked for another reason than the closed world;
/// the page says what every pair it leaves out is, and `verify` holds it to that.
struct MatrixPartsView {
    let context: ViewContext
    let layout: MatrixLayout

    var program: Program { layout.program }

    /// The matrix page's body: how the matrix is split, the parts, and every offer with its part.
    func overview() -> [Block] {
        let parts = layout.parts
        let partRows = parts.enumerated().map { index, sources in
            Row([
                Cell(
                    [.link([.text("Part \(index + 1)")], to: SitePaths.part(index + 1, of: program.id), anchor: nil)],
                    header: .row),
                Cell.text(range(of: sources)),
                Cell.text(String(sources.count)),
            ])
        }
        let finder: [[Inline]] = parts.enumerated().flatMap { index, sources in
            sources.map { source in
                [
                    .link(
                        [.text(source.name)], to: SitePaths.part(index + 1, of: program.id),
                        anchor: SitePaths.anchor(ofRow: source.id)),
                    .text(" (part \(index + 1))"),
                ]
            }
        }
        return [
            .heading(level: 2, [.text("How this matrix is split")], id: "parts"),
            .paragraph([
                .text(
                    "The \(program.name) program has \(layout.offers.count) offers, too many for one grid "
                        + "anyone could read, so its matrix is split into \(parts.count) parts by the name of the "
                        + "offer the customer has now. Each row of a part names the offer's possible upgrades, "
                        + "and the targets blocked for any reason other than the one in this note:")
            ]),
            unshownStatement,
            .table(
                Table(
                    caption: [.text("Parts of the \(program.name) matrix, as of \(context.asOf)")],
                    cssClass: Markup.TableClass.parts, attributes: [Attribute(Markup.Data.program, program.id.rawValue)],
                    head: [
                        Row([
                            Cell.text("Part", header: .col), Cell.text("Offers the customer has now", header: .col),
                            Cell.text("Offers", header: .col),
                        ])
                    ],
                    body: partRows)),
            .heading(level: 2, [.text("Find an offer")], id: "offers"),
            .paragraph([.text("Every offer of the program in name order, with the part that lists its upgrades.")]),
            .list(ordered: false, items: finder),
        ]
    }

    func pages() -> [Page] {
        let parts = layout.parts
        return parts.enumerated().map { index, sources in
            page(number: index + 1, of: parts.count, sources: sources)
        }
    }

    /// The note that says what every pair a part leaves out is, in the words of the rules it stands for.
    var unshownStatement: Block {
        let rules = MatrixSplit.unshownReasons.compactMap { context.catalog.rule(for: $0, in: program.id) }
        let words = rules.map { "rule \($0.id) requires that \($0.title.lowercasedFirst.droppingFinalPeriod)" }
        return .note(
            .note, title: nil,
            [
                .paragraph([
                    .strong([.text("Every pair a part does not name is blocked")]),
                    .text(
                        " for one reason only: \(words.joined(separator: "; ")), "
                            + "and for that pair it is not."),
                ])
            ])
    }

    private func page(number: Int, of count: Int, sources: [Offer]) -> Page {
        var links: [Inline] = []
        if number > 1 {
            links += [
                .link([.text("← Part \(number - 1)")], to: SitePaths.part(number - 1, of: program.id), anchor: nil),
                .text(" · "),
            ]
        }
        links.append(.link([.text("All parts")], to: SitePaths.matrix(program.id), anchor: "parts"))
        if number < count {
            links += [
                .text(" · "),
                .link([.text("Part \(number + 1) →")], to: SitePaths.part(number + 1, of: program.id), anchor: nil),
            ]
        }
        var blocks: [Block] = [.paragraph(links)]
        if let note = context.withdrawalNote(of: program) { blocks.append(note) }
        blocks += [unshownStatement, .table(table(number: number, sources: sources))]
        return Page(
            path: SitePaths.part(number, of: program.id), kind: .matrix,
            title: "Upgrade matrix: \(program.name) offers, part \(number) of \(count)",
            summary: "Offers from \(range(of: sources)): each one's possible upgrades, and the targets blocked for "
                + "another reason, for an active subscription whose customer has no other subscriptions, as of \(context.asOf).",
            facts: [
                Fact("Program", [.link([.text(program.name)], to: SitePaths.matrix(program.id), anchor: nil)]),
                Fact("Part", [.text("\(number) of \(count)")]), Fact("Offers", [.text(String(sources.count))]),
                context.asOfFact,
            ],
            blocks: blocks)
    }

    private func table(number: Int, sources: [Offer]) -> Table {
        let matrix = context.matrix(of: program.id)
        let targets = matrix.offers
        var usedFootnotes: [Footnote] = []
        let body = sources.map { source in
            let named = matrix.row(of: source.id)?.cells(except: MatrixSplit.unshownReasons) ?? []
            let eligible = context.orderedAsListed(
                named.filter { $0.cell.verdict == .eligible }.map { targets[$0.column] },
                from: source)
            var possible: [Inline] = []
            for target in eligible {
                if !possible.isEmpty { possible.append(.lineBreak) }
                possible.append(.text(target.name))
                if let note = context.footnote(from: source, to: target) {
                    possible.append(.footnoteMark(note.mark, anchor: "part-note-\(note.id)"))
                    if !usedFootnotes.contains(note) { usedFootnotes.append(note) }
                }
            }
            let others = named.filter { $0.cell.verdict == .blocked }.map { (targets[$0.column], $0.cell) }
            var blocked: [Inline] = []
            for (target, cell) in others {
                if !blocked.isEmpty { blocked.append(.lineBreak) }
                blocked.append(.text("\(target.name) — \(explanation(of: cell))"))
            }
            return Row(
                [
                    Cell.text(source.name, header: .row, attributes: [Attribute(Markup.Data.offer, source.id.rawValue)]),
                    Cell(
                        possible.isEmpty ? [.text(MatrixSplit.noTargets)] : possible,
                        attributes: [
                            Attribute(Markup.Data.from, source.id.rawValue),
                            Attribute(Markup.Data.targets, eligible.map(\.id.rawValue).joined(separator: " ")),
                        ]),
                    Cell(
                        blocked.isEmpty ? [.text(MatrixSplit.noTargets)] : blocked,
                        attributes: [
                            Attribute(
                                Markup.Data.blocked,
                                others.map { target, cell in
                                    "\(target.id)=\(cell.reasons.map(\.rawValue).joined(separator: "+"))"
                                }.joined(separator: " "))
                        ]),
                ], attributes: [Attribute("id", SitePaths.anchor(ofRow: source.id))])
        }
        return Table(
            caption: [.text("Upgrades from \(range(of: sources)), \(program.name) offers, as of \(context.asOf)")],
            cssClass: Markup.TableClass.part,
            attributes: [
                Attribute(Markup.Data.program, program.id.rawValue), Attribute(Markup.Data.part, String(number)),
                Attribute(Markup.Data.unshown, MatrixSplit.unshownReasons.map(\.rawValue).joined(separator: " ")),
            ],
            head: [Row(Markup.MarkdownHeader.part.map { Cell.text($0, header: .col) })],
            body: body,
            notes: usedFootnotes.map { TableNote(mark: $0.mark, anchor: "part-note-\($0.id)", text: [.text($0.text)]) })
    }

    /// Why a target is blocked, in a few words: where to go instead, or the rules.
    private func explanation(of cell: MatrixCell) -> String {
        if let variant = cell.regionalVariant.flatMap(context.catalog.offer) { return "use \(variant.name)" }
        return cell.reasons.compactMap { context.catalog.rule(for: $0, in: program.id)?.id.rawValue }.joined(separator: ", ")
    }

    private func range(of sources: [Offer]) -> String {
        guard let first = sources.first, let last = sources.last else { return "" }
        return first == last ? first.name : "\(first.name) to \(last.name)"
    }
}
