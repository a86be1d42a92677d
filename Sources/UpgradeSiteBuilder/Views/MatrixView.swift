import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The upgrade matrix of one program: a grid of every source against every
/// target, and the source page's list form. Every cell is the rule core's decision.
struct MatrixView {
    let context: ViewContext
    let program: Program

    let layout: MatrixLayout

    init(context: ViewContext, program: Program) {
        self.context = context
        self.program = program
        layout = MatrixLayout(program: program, offers: context.catalog.offers(in: program.id))
    }

    var offers: [Offer] { layout.offers }

    /// The matrix page, and for a split program its parts after it.
    func pages() -> [Page] {
        let decided =
            "the decision for an active subscription whose customer has no other "
            + "subscriptions, as of \(context.asOf)"
        // On a phone the list comes first (the stylesheet orders the two sections), the grid after it.
        guard layout.isSplit else {
            let cautions = self.cautions
            return [
                page(
                    summary: "Each cell is \(decided).",
                    blocks: [assumption] + pathSources + [
                        .section(
                            id: nil, cssClass: "matrix-grid",
                            [
                                .heading(level: 2, [.text("Upgrade matrix")], id: "grid"),
                                .paragraph([
                                    .text(
                                        "Rows are the offer the customer has now; columns are the offer to upgrade to. "
                                            + "Each cell links to the checker with its pair.")
                                ]),
                                Self.legend(cautions: cautions, migratesTo: migratesTo),
                                .table(grid()),
                            ]),
                        .section(
                            id: nil, cssClass: "matrix-list",
                            [
                                .heading(level: 2, [.text("Possible upgrades by offer")], id: "list"),
                                .paragraph([.text("The same decisions, listed the way the Partner Center page lists them.")]),
                            ] + Self.cautionNotes(cautions) + [
                                .table(listForm())
                            ]),
                    ])
            ]
        }
        let parts = MatrixPartsView(context: context, layout: layout)
        return [
            page(
                summary: "The parts of this matrix, and where each offer is. Every pair in them is \(decided).",
                blocks: parts.overview())
        ] + parts.pages()
    }

    /// The footnotes this program's paths carry or state.
    private var footnoteSubjects: [Subject] {
        let ids = Set(
            offers.flatMap { context.catalog.paths(from: $0.id) }.flatMap { [$0.footnote, $0.statedBy] }.compactMap { $0 })
        return context.catalog.footnotes.filter { ids.contains($0.id) }.map { .footnote($0.id) }
    }

    private func page(summary: String, blocks body: [Block]) -> Page {
        var blocks: [Block] = []
        if let note = context.withdrawalNote(of: program) { blocks.append(note) }
        blocks += body
        let notes = context.interpretationNotes(
            affecting: context.catalog.logic(for: program.id).matrixSubjects + footnoteSubjects)
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, [.text("Interpretations")], id: "interpretations"))
            blocks += notes
        }
        return Page(
            path: SitePaths.matrix(program.id), kind: .matrix, title: "Upgrade matrix: \(program.name) offers",
            summary: summary,
            facts: [
                Fact("Program", [.text(program.name)]), Fact("Offers", [.text(String(offers.count))]),
                context.asOfFact,
            ],
            blocks: blocks)
    }

    /// For a program that decides on the commitment, what each cell takes of it: the question with
    /// nothing said of it (`Commitment`'s defaults), in words.
    var commitmentAssumed: String {
        guard context.catalog.logic(for: program.id).readsCommitment else { return "" }
        let plain = Commitment(asOf: context.asOf)
        return "It is paid, not a trial, with auto-renew on, on a \(plain.term.rawValue) term billed "
            + "\(plain.billing.rawValue), ending on \(plain.ends); all its seats move now, on the same term and billing, "
            + "into a new subscription of the target. "
    }

    /// What every ✓ takes for granted, said where the grid is read and where it is printed.
    var assumption: Block {
        .note(
            .note, title: "What every cell assumes",
            [
                .paragraph([
                    .text(
                        "The subscription is active, the customer has no other subscriptions, and the day is \(context.asOf). "
                            + commitmentAssumed + "A ✓ can turn into a block when any of these differ: "),
                    .htmlLink([.text("check an upgrade")], to: SitePaths.checker),
                    .text(" with the customer's own status and subscriptions."),
                ])
            ])
    }

    /// The pages the grid's paths come from, each cited once.
    var pathSources: [Block] {
        let documented = context.catalog.paths.filter { path in offers.contains { $0.id == path.from } }.map(\.source)
            .filter { !$0.isEmpty }.uniqued()
        guard !documented.isEmpty else { return [] }
        var cited: [Inline] = [.text("The paths are as listed by ")]
        for (index, source) in documented.enumerated() {
            if index > 0 { cited.append(.text("; ")) }
            cited += context.cite(source)
        }
        return [.paragraph(cited + [.text(".")])]
    }

    /// The caution words the grid's eligible cells carry, each once, in the order met.
    /// Worked out once per page or sheet: it reads every cell of the grid.
    var cautions: [String] {
        context.catalog.cautions(offers.lazy.flatMap { source in offers.lazy.map { context.cell(from: source, to: $0) } })
    }

    /// "Every upgrade below: ⚠ listed, but confirm …", once per caution: above any list of upgrades,
    /// which has no ✓ to mark.
    static func cautionNotes(_ cautions: [String]) -> [Block] {
        cautions.map { caution in
            .note(
                .important, title: "Every upgrade below",
                [.paragraph([.symbol(cautionMark, alternative: "Caution:"), .text(" \(caution)")])])
        }
    }

    /// The name of the program this one's subscriptions migrate to, if they do.
    var migratesTo: String? {
        program.migration.map { context.catalog.program($0.to)?.name ?? $0.to.rawValue }
    }

    static var cautionMark: String { Markup.cautionMark }
    static var blockedMark: String { Markup.blockedMark }

    /// The grid's legend: ✓, and ✓ with the caution mark for each caution its cells carry, with its
    /// words. A list of its own class, which a printed sheet sets on one or two lines.
    /// `migratesTo`, for a program whose subscriptions migrate, names where: its legend says how a
    /// subscription gets there, which no cell shows.
    static func legend(cautions: [String], migratesTo: String? = nil) -> Block {
        let items: [[Inline]] =
            [[.symbol("✓", alternative: "Eligible"), .text("\u{00A0}eligible: the upgrade can be submitted")]]
            + cautions.map { caution in
                [
                    .symbol("✓" + cautionMark, alternative: "Eligible, with caution"),
                    .text("\u{00A0}eligible, with caution: \(caution)"),
                ]
            } + otherItems
            + (migratesTo.map { program in
                [
                    [
                        .symbol("→", alternative: "To \(program)"),
                        .text(
                            "\u{00A0}to \(program): migrate to the offer's equivalent, then upgrade there (each offer's page)"),
                    ]
                ]
            } ?? [])
        return .labelledList(cssClass: "matrix-legend", items: items.map { LabelledItem(content: $0, attributes: []) })
    }

    private static let otherItems: [[Inline]] = [

        [
            .symbol(blockedMark, alternative: "Not supported"),
            .text("\u{00A0}not a listed upgrade: only the pairs the Partner Center page lists can be upgraded"),
        ],
        [
            .symbol("↪", alternative: "Region mismatch"),
            .text("\u{00A0}listed for another region: choose the variant the cell names, in the source's region"),
        ],
        [.text("¹ a footnote under the table applies")],
    ]

    func grid() -> Table {
        let head = Row(
            [Cell.text(Markup.MarkdownHeader.gridCorner, header: .col)]
                + offers.map { target in
                    Cell.text(target.name, header: .col, attributes: [Attribute(Markup.Data.offer, target.id.rawValue)])
                })
        var usedFootnotes: [Footnote] = []
        let body = offers.map { source in
            Row(
                [Cell.text(source.name, header: .row, attributes: [Attribute(Markup.Data.offer, source.id.rawValue)])]
                    + offers.map { target in
                        let decision = context.cell(from: source, to: target)
                        // Each cell asks the checker about its pair, where any status and holding can be added.
                        var content: [Inline] = [
                            .checkerLink(
                                symbol(for: decision),
                                query: [
                                    Attribute("from", source.id.rawValue), Attribute("to", target.id.rawValue),
                                ])
                        ]
                        if decision.verdict == .eligible, let note = footnote(from: source, to: target) {
                            content.append(.footnoteMark(note.mark, anchor: "grid-note-\(note.id)"))
                            if !usedFootnotes.contains(note) { usedFootnotes.append(note) }
                        }
                        return Cell(
                            content,
                            attributes: [
                                Attribute("id", SitePaths.anchor(ofCell: source.id, to: target.id)),
                                Attribute(Markup.Data.from, source.id.rawValue), Attribute(Markup.Data.to, target.id.rawValue),
                                Attribute(Markup.Data.verdict, decision.verdict.rawValue),
                                Attribute(Markup.Data.reasons, decision.reasons.map(\.rawValue).joined(separator: " ")),
                                Attribute(Markup.Data.advisories, decision.advisories.map(\.rawValue).joined(separator: " ")),
                            ], cssClass: decision.verdict.rawValue)
                    })
        }
        return Table(
            caption: [.text("Upgrade matrix, \(program.name) offers, as of \(context.asOf)")],
            cssClass: Markup.TableClass.matrix, attributes: [Attribute(Markup.Data.program, program.id.rawValue)],
            head: [head], body: body,
            notes: usedFootnotes.map { TableNote(mark: $0.mark, anchor: "grid-note-\($0.id)", text: [.text($0.text)]) })
    }

    /// `| From | Possible upgrades |`. A source whose paths are stated only by a
    /// footnote is left to that footnote, as on the source page.
    func listForm() -> Table {
        var usedFootnotes: [Footnote] = []
        let body = offers.compactMap { source -> Row? in
            let targets = offers.filter { context.cell(from: source, to: $0).verdict == .eligible }
            let paths = targets.compactMap { context.catalog.path(from: source.id, to: $0.id) }
            guard !targets.isEmpty, !paths.allSatisfy({ $0.statedBy != nil }) else { return nil }
            let ordered = orderedAsListed(targets, from: source)
            var content: [Inline] = []
            for (index, target) in ordered.enumerated() {
                if index > 0 { content.append(.lineBreak) }
                content.append(.text(target.name))
                if let note = footnote(from: source, to: target) {
                    content.append(.footnoteMark(note.mark, anchor: "list-note-\(note.id)"))
                    if !usedFootnotes.contains(note) { usedFootnotes.append(note) }
                }
            }
            return Row([
                Cell.text(source.name, header: .row, attributes: [Attribute(Markup.Data.offer, source.id.rawValue)]),
                Cell(
                    content,
                    attributes: [
                        Attribute(Markup.Data.from, source.id.rawValue),
                        Attribute(Markup.Data.targets, ordered.map(\.id.rawValue).joined(separator: " ")),
                    ]),
            ])
        }
        return Table(
            caption: [.text("Possible upgrades, \(program.name) offers, as of \(context.asOf)")],
            cssClass: Markup.TableClass.list, attributes: [Attribute(Markup.Data.program, program.id.rawValue)],
            head: [Row(Markup.MarkdownHeader.list.map { Cell.text($0, header: .col) })], body: body,
            notes: usedFootnotes.map { TableNote(mark: $0.mark, anchor: "list-note-\($0.id)", text: [.text($0.text)]) })
    }

    private func orderedAsListed(_ targets: [Offer], from source: Offer) -> [Offer] {
        context.orderedAsListed(targets, from: source)
    }

    private func footnote(from source: Offer, to target: Offer) -> Footnote? {
        context.footnote(from: source, to: target)
    }

    private func symbol(for decision: MatrixCell) -> [Inline] {
        if let caution = context.catalog.caution(decision.verdict, decision.advisories) {
            return [.symbol("✓" + Self.cautionMark, alternative: "Eligible, with caution: \(caution)")]
        }
        if decision.verdict == .eligible { return [.symbol("✓", alternative: "Eligible")] }
        if let variant = decision.regionalVariant.flatMap(context.catalog.offer) {
            // The variant is named on the cell, for every reader: the symbol's words lead into it.
            return [.symbol("↪", alternative: "Region mismatch: use"), .text(" \(variant.name)")]
        }
        let reasons = decision.reasons.map { context.catalog.rule(for: $0, in: program.id)?.blocked ?? $0.rawValue }
        return [.symbol(Self.blockedMark, alternative: "Blocked: " + reasons.joined(separator: "; "))]
    }
}
