import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A site before rendering: every page as its view, with what every page shares
/// (site title, as-of date, navigation, templates). A page's bytes follow from its
/// view and that frame alone, so two plans compare page by page without rendering
/// the pages whose views are equal: a review of a small change renders a handful of
/// pages, not thousands.
public struct SitePlan: Sendable {
    let context: ViewContext
    let templates: TemplateSet
    let navigation: Navigation
    /// In the order `SiteBuilder.pages` makes them.
    let pages: [Page]
    /// Assets and data files, made in full; they are few.
    let files: [GeneratedFile]

    public init(_ content: LoadedContent, templates: TemplateSet, asOf: CalendarDate) throws(DiagnosticError) {
        context = ViewContext(content: content, asOf: asOf)
        self.templates = templates
        let problems = Diagnostics()
        pages = SiteBuilder.pages(context, into: problems)
        try problems.throwIfErrors()
        navigation = Navigation(context: context)
        files = templates.assets.map { GeneratedFile(path: $0.path, kind: .asset, bytes: Array($0.data)) }
            + [TestVectors.file(catalog: context.catalog, asOf: asOf), CheckerData.file(catalog: context.catalog, asOf: asOf)]
    }

    /// Both files of a page: its HTML and its Markdown.
    func render(_ page: Page) -> [GeneratedFile] {
        let base = page.path.description
        return [
            GeneratedFile(path: base + ".html", kind: FileKind(page.kind),
                          text: PageRenderer.html(page, templates: templates, context: context, navigation: navigation)),
            GeneratedFile(path: base + ".md", kind: FileKind(page.kind), text: PageRenderer.markdown(page, context: context)),
        ]
    }

    /// The files this site writes differently from `base`, sorted by path. Pages whose
    /// views and frame are equal are equal; the others are rendered on both sides and
    /// compared as bytes, so the answer is exactly what two full builds would give.
    public func changes(since base: SitePlan) -> [FileChange] {
        let sameFrame = context.content.settings.title == base.context.content.settings.title
            && context.content.settings.rawHTML == base.context.content.settings.rawHTML
            && context.asOf == base.context.asOf && navigation == base.navigation && templates.isSame(as: base.templates)
        let before = Dictionary(base.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let present = Set(pages.map(\.path))
        // A page only one side has is added or removed whatever it holds: no need to render it.
        func twins(_ path: PagePath, _ change: Change) -> [FileChange] {
            PageFormat.allCases.map { FileChange(path: path.file($0), change: change) }
        }
        var changes = pages.filter { before[$0.path] == nil }.flatMap { twins($0.path, .added) }
            + base.pages.filter { !present.contains($0.path) }.flatMap { twins($0.path, .removed) }
        let candidates = pages.compactMap { page in
            before[page.path].flatMap { old in sameFrame && old == page ? nil : (old, page) }
        }
        let rendered = ConcurrentMap.run(candidates) { old, new in (base: base.render(old), head: render(new)) }
        changes += FileChange.between(rendered.flatMap(\.base), rendered.flatMap(\.head))
        changes += FileChange.between(base.files, files)
        return changes.sorted { $0.path < $1.path }
    }
}
