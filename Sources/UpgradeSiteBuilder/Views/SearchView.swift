import UpgradeCore
import UpgradeSiteContract

/// The search page: the form and the results are the template's and `assets/search.js`'s;
/// this view says what search finds and where to look without it, which the Markdown
/// twin gives on its own.
struct SearchView {
    let context: ViewContext

    func page() -> Page {
        let example = context.catalog.offers.first { !$0.aliases.isEmpty } ?? context.catalog.offers.first
        var tips: [[Inline]] = [
            [.text("An offer by its official name, its id or a name people use: its own page comes first.")],
            [
                .text(
                    "A service, a role or any word on the site. Every word must be on a page for it to be listed; "
                        + "when no page has them all, pages with some of them follow.")
            ],
        ]
        if let example {
            tips.append([
                .text("For example, "), .strong([.text(example.aliases.first ?? example.name)]), .text(" finds "),
                .link([.text(example.name)], to: SitePaths.offer(example.id), anchor: nil), .text("."),
            ])
        }
        let blocks: [Block] = [
            .heading(level: 2, [.text("What search finds")], id: "what-search-finds"),
            .list(ordered: false, items: tips),
            .heading(level: 2, [.text("Without search")], id: "without-search"),
            .paragraph([
                .text("Search runs in the browser, from this folder or any web server. Where scripts are off, "),
                .link([.text("the offers")], to: SitePaths.offers, anchor: nil),
                .text(" list every offer by name, and "),
                .link([.text("the home page")], to: SitePaths.index, anchor: nil),
                .text(" leads to every other page."),
            ]),
        ]
        return Page(
            path: SitePaths.search, kind: .search, title: "Search",
            summary: "Find an offer, a role guide or any page by the words on it.", blocks: blocks)
    }
}
