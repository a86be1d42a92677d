import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A model change told by its effect: the answers that change, what the content
/// says differently, and the pages a build would rewrite.
package struct Review: Sendable {
    /// How the two sides were named on the command line.
    package let base: String
    package let head: String
    package let asOf: CalendarDate
    package let cells: [CellChange]
    package let decisions: [DecisionChange]
    package let model: [ModelChange]
    /// The site's files that a build of the head writes differently from a build of the base.
    package let pages: [FileChange]
    /// The head's catalogue, for the names and rules a report shows.
    package let catalog: Catalog

    /// Compares two loaded models, named as the user named them, deciding requests as of `asOf`.
    /// `pages` finds the site files the change rewrites (the site builder's job); it runs on one
    /// core while the decisions are compared on the other.
    package init<Failure: Error>(
        base: (label: String, content: LoadedContent), head: (label: String, content: LoadedContent),
        asOf: CalendarDate,
        pages: @Sendable () throws(Failure) -> [FileChange]
    ) throws(Failure) {
        let (before, after) = (base.content, head.content)
        let (files, answers) = ConcurrentMap.both(
            { Result(catching: pages) },
            {
                DecisionComparison(base: before.catalog, head: after.catalog, asOf: asOf).run()
            })
        self.base = base.label
        self.head = head.label
        self.asOf = asOf
        catalog = after.catalog
        cells = answers.cells
        decisions =
            answers.decisions + MigrationComparison(base: before.catalog, head: after.catalog, asOf: asOf).run()
        model = ModelComparison(base: before, head: after).changes
        self.pages = try files.get()
    }

    /// A review of the model alone, for callers that do not build sites.
    package init(
        base: (label: String, content: LoadedContent), head: (label: String, content: LoadedContent),
        asOf: CalendarDate
    ) {
        self = Review(base: base, head: head, asOf: asOf, pages: { () throws(Never) in [] })
    }

    package var changesDecisions: Bool { !decisions.isEmpty }
    package var isEmpty: Bool { cells.isEmpty && decisions.isEmpty && model.isEmpty && pages.isEmpty }

    /// How many pairs change, in all and by each rule whose firing flips, in rule order.
    package var pairsChanged: (all: Int, byRule: [(rule: Rule, pairs: Int)]) {
        var pairs = Set<[OfferID]>()
        var byCode: [ReasonCode: Set<[OfferID]>] = [:]
        for change in decisions {
            let pair = [change.request.from.id, change.request.to.id]
            pairs.insert(pair)
            for code in change.flipped { byCode[code, default: []].insert(pair) }
        }
        return (pairs.count, catalog.rules.compactMap { rule in byCode[rule.code].map { (rule, $0.count) } })
    }
}
