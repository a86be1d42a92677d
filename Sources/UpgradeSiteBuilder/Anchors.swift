import UpgradeBase
import UpgradeSiteContract

/// The ids each page's content gives its elements, for checking the `#fragment` of a link
/// between pages without building the site: a page's view is made and rendered (without its
/// layout, whose few ids are the templates') only when a link asks for one of its places.
/// Used by one thread, the check of the prose pages.
final class Anchors {
    private let context: ViewContext
    private var known: [String: Set<String>] = [:]
    /// The model's pages, made once when a link first asks for one.
    private lazy var modelPages: [String: Page] = Dictionary(
        SiteBuilder.modelPages(context).map { ($0.path.description, $0) }, uniquingKeysWith: { first, _ in first })

    init(context: ViewContext) {
        self.context = context
    }

    /// The view of the page at `path`: a prose page made alone, or one of the model's.
    private func page(at path: String) -> Page? {
        if let prose = context.content.pages.first(where: { SitePaths.prose($0.slug).description == path }) {
            return ProseView(context: context, page: prose).render(into: Diagnostics())
        }
        return modelPages[path]
    }

    /// The ids in the content of the page at `path` (`rules/eligibility`); none for an unknown page.
    func ids(of path: String) -> Set<String> {
        if let found = known[path] { return found }
        guard let page = page(at: path) else { return [] }
        let html = HTMLRenderer(page: page.path, unsafeHTML: context.content.settings.rawHTML).render(page.blocks)
        var found = Set<String>()
        var rest = Substring(html)
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        known[path] = found
        return found
    }
}
