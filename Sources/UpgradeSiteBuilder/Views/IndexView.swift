import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The home page: the tasks first (check an upgrade, find an offer, your role), then links to everything.
struct IndexView {
    let context: ViewContext
    /// Where the home page lists the prose pages, which the header links to once there are many.
    static let readingAnchor = "reading"
    static let rolesAnchor = "roles"
    static let tablesAnchor = "tables"

    func page() -> Page {
        let catalog = context.catalog
        var blocks: [Block] = [
            .paragraph([
                .strong([.htmlLink([.text("Check an upgrade")], to: SitePaths.checker)]),
                .text(
                    ": any offer to any other, any status, any other subscriptions, any day; the verdict, "
                        + "every reason with what to do, and a link to share."),
            ]),
            .paragraph([
                .strong([.htmlLink([.text("Find an offer")], to: SitePaths.search)]),
                .text(": by its official name, its id or a name people use (\"E3\"), or in "),
                .link([.text("the list of every offer")], to: SitePaths.offers, anchor: nil), .text("."),
            ]),
            .paragraph([.strong([.text("Your role")]), .text(": ")] + roleLinks()),
            .heading(level: 2, [.text("Upgrade matrices")], id: "matrices"),
            .list(
                ordered: false,
                items: context.programs.map { program in
                    [
                        .link([.text("\(program.name.capitalizedFirst) offers")], to: SitePaths.matrix(program.id), anchor: nil),
                        .text(": \(catalog.offers(in: program.id).count) offers, every pair decided by the upgrade rules"),
                    ]
                }),
            .paragraph([
                .link([.text("Every offer")], to: SitePaths.offers, anchor: nil),
                .text(": the names people use, the services each includes, and where each can go."),
            ]),
            .heading(level: 2, [.text("Guides by role")], id: Self.rolesAnchor),
            .list(
                ordered: false,
                items: catalog.roles.map { role in
                    [
                        .link([.text(role.name)], to: SitePaths.role(role.id), anchor: nil),
                        .text(role.canUpgrade ? ": checks and submits upgrades" : ": checks upgrades, then hands over"),
                    ]
                }),
            .heading(level: 2, [.text("Decision tables")], id: Self.tablesAnchor),
            .list(
                ordered: false,
                items: catalog.tables.map { table in
                    [
                        .link([.text(table.title)], to: SitePaths.table(table.id), anchor: nil),
                        .text(": \(table.rules.count) rules; \(table.hitPolicy.meaning)"),
                    ]
                }),
            .paragraph([
                .text("For training: "),
                .link(
                    [.text("every decision table and matrix, ready to print")], to: SitePaths.print,
                    anchor: nil), .text("."),
            ]),
        ]
        if !context.content.pages.isEmpty {
            blocks.append(.heading(level: 2, [.text("More reading")], id: Self.readingAnchor))
            blocks.append(
                .list(
                    ordered: false,
                    items: context.content.pages.map { page in
                        [.link([.text(page.title)], to: SitePaths.prose(page.slug), anchor: nil)]
                            + (page.description.map { [.text(": " + $0)] } ?? [])
                    }))
        }
        if !catalog.interpretations.isEmpty {
            blocks.append(.heading(level: 2, [.text("Interpretations")], id: "interpretations"))
            blocks.append(
                .paragraph([
                    .text(
                        "Where the source page is ambiguous, these pages follow an explicit decision, "
                            + "noted on every page it affects: "),
                    .link(
                        [.text("the \(catalog.interpretations.count) interpretations")],
                        to: SitePaths.interpretations, anchor: nil), .text("."),
                ]))
        }
        let sources = context.content.settings.sources
        if !sources.isEmpty {
            blocks.append(.heading(level: 2, [.text("Sources")], id: "sources"))
            blocks.append(
                .paragraph([
                    .text(
                        "Every rule, upgrade path, former name, role, portal step and interpretation on this site "
                            + "names where it comes from; these are those pages, and those the source page sends a "
                            + "reader to. What no page states is marked as this site's own guidance.")
                ]))
            blocks.append(
                .list(
                    ordered: false,
                    items: sources.map { source in
                        context.title(of: source)
                            + (source.own
                                ? [.text(": what this site advises on its own, where no source gives a step")]
                                : source.url == nil ? [.text(" (no public address recorded)")] : [])
                    }))
        }
        return Page(
            path: SitePaths.index, kind: .index, title: context.content.settings.title,
            summary: "Can this subscription be upgraded, and if not, why not? Every answer here comes "
                + "from one set of upgrade rules, so every page agrees.",
            facts: [
                context.asOfFact, Fact("Offers", [.text(String(catalog.offers.count))]),
                Fact("Upgrade paths", [.text(String(catalog.paths.count))]),
            ],
            blocks: blocks)
    }

    private func roleLinks() -> [Inline] {
        context.catalog.roles.enumerated().flatMap { index, role -> [Inline] in
            (index > 0 ? [.text(" | ")] : []) + [.link([.text(role.name)], to: SitePaths.role(role.id), anchor: nil)]
        }
    }
}
