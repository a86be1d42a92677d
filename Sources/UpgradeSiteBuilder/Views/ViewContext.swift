import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// What every view reads: the catalog, the as-of date, the rule core, and the site map.
package final class ViewContext: Sendable {
    let content: LoadedContent
    let asOf: CalendarDate
    let core: RuleCore
    /// Every program's matrix: a gridded program's cells worked out once for every page
    /// that shows them, a split program's rows as its parts are drawn.
    private let matrices: CatalogMatrices
    /// `site.yaml`'s sources, longest title first, so a citation finds the title it names in full.
    private let sourcesByTitle: [SiteSettings.Source]

    package init(content: LoadedContent, asOf: CalendarDate) {
        self.content = content
        self.asOf = asOf
        let core = RuleCore(catalog: content.catalog)
        self.core = core
        matrices = CatalogMatrices(core: core, asOf: asOf, gridLimit: MatrixSplit.gridLimit)
        sourcesByTitle = content.settings.sources.sorted { $0.title.count > $1.title.count }
    }

    var catalog: Catalog { content.catalog }

    /// The decision a matrix cell shows: an active source, no other holdings, as of the build date.
    func cell(from: Offer, to: Offer) -> MatrixCell {
        matrices.cell(from: from, to: to)
    }

    /// The program's withdrawal notice, once its upgrades are withdrawn as of the build date.
    func withdrawalNote(of program: Program) -> Block? {
        guard let withdrawn = program.withdrawnFrom, asOf >= withdrawn, let note = program.withdrawalNote else { return nil }
        return .note(.important, title: nil, [.paragraph([.text(note)])])
    }

    /// The footnote on the path from `source` to `target`, if it has one.
    func footnote(from source: Offer, to target: Offer) -> Footnote? {
        catalog.path(from: source.id, to: target.id)?.footnote.flatMap(catalog.footnote)
    }

    /// Targets in the order `paths.yaml` lists them, as the source table does; others after, in the order given.
    func orderedAsListed(_ targets: [Offer], from source: Offer) -> [Offer] {
        let listed = Dictionary(
            catalog.paths(from: source.id).enumerated().map { ($0.element.to, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        return targets.enumerated()
            .sorted { (listed[$0.element.id] ?? Int.max, $0.offset) < (listed[$1.element.id] ?? Int.max, $1.offset) }
            .map(\.element)
    }

    /// The matrix of a program: its offers, and each source's row against them.
    func matrix(of program: ProgramID) -> MatrixRows {
        matrices.matrix(of: program)
    }

    /// Programs that have at least one offer, so no matrix page is empty.
    var programs: [Program] {
        catalog.programs.filter { !catalog.offers(in: $0.id).isEmpty }
    }

    /// A rule's id, linked to the row of the first decision table that restates it; plain where none does.
    func ruleLink(_ id: RuleID) -> Inline {
        guard let table = catalog.table(citing: id) else { return .text(id.rawValue) }
        return .link([.text(id.rawValue)], to: SitePaths.table(table.id), anchor: SitePaths.anchor(ofRule: id))
    }

    var asOfFact: Fact { Fact("As of", [.text(asOf.description)]) }

    /// A rule's source, its page's title a link to that page when `site.yaml` says where it is:
    /// `Add licenses or more services, "Conditions"`.
    /// Every source title in it is a link, the first and any a citation adds ("…; also Multichannel
    /// support"); a source with no public address is named without one.
    func cite(_ source: String) -> [Inline] {
        var inlines: [Inline] = [], plain = "", rest = Substring(source)
        while !rest.isEmpty {
            if let page = sourcesByTitle.first(where: { rest.hasPrefix($0.title) }) {
                if !plain.isEmpty { inlines.append(.text(plain)) }
                plain = ""
                inlines += title(of: page)
                rest = rest.dropFirst(page.title.count)
            } else {
                plain.append(rest.removeFirst())
            }
        }
        return plain.isEmpty ? inlines : inlines + [.text(plain)]
    }

    /// A source's title, a link where it has an address.
    func title(of source: SiteSettings.Source) -> [Inline] {
        guard let url = source.url else { return [.text(source.title)] }
        return [.webLink([.text(source.title)], url: url)]
    }

    /// A note for each interpretation that affects any of `subjects`, linking to its full text.
    func interpretationNotes(affecting subjects: [Subject]) -> [Block] {
        catalog.interpretations.filter { interpretation in subjects.contains { interpretation.affects.contains($0) } }
            .map { interpretation in
                .note(
                    .note, title: "Interpretation: \(interpretation.title)",
                    [
                        .paragraph([
                            .text(interpretation.decision + " "),
                            .link([.text("Why")], to: SitePaths.interpretations, anchor: SitePaths.anchor(of: interpretation.id)),
                        ])
                    ])
            }
    }
}
