import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// Turns loaded content into every file of the site, in memory. Nothing is
/// written here, so a build that fails leaves the disk untouched.
package enum SiteBuilder {
    /// Every file of the site but the manifest, which the output makes from them,
    /// sorted by path. `emit`, when given, receives the files in batches as they are
    /// made, so a writer can stage one batch while the next renders; the batches hold
    /// every file of the result exactly once.
    package static func build(
        _ content: LoadedContent, templates: TemplateSet, asOf: CalendarDate,
        emit: (([GeneratedFile]) -> Void)? = nil
    ) throws(DiagnosticError) -> [GeneratedFile] {
        try SitePlan(content, templates: templates, asOf: asOf).build(emit: emit).made
    }

    /// Pages rendered between two hand-overs to the writer (twice as many files): enough to
    /// keep both cores busy, few enough that the writer starts early.
    static let batchSize = 250

    /// The problems a build would find in the prose pages (their generated-table
    /// fences), without building anything: for `check`.
    /// Also a link from a prose page to a page of the site that the site does not have.
    /// `only`, when given, names the pages to check (by slug); the others are known to pass.
    package static func checkProse(_ content: LoadedContent, only: Set<String>? = nil, into diagnostics: Diagnostics) {
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        let known = pagePaths(context)
        let anchors = Anchors(context: context)
        let pages = only.map { only in content.pages.filter { only.contains($0.slug) } } ?? content.pages
        // Each page is parsed on both cores; the links are then followed on one, which `Anchors` needs.
        let links = ConcurrentMap.run(pages) { page in
            _ = ProseView(context: context, page: page).render(into: diagnostics)
            return MarkdownDocument(parsing: page.body).links()
        }
        for (page, links) in zip(pages, links) {
            for (url, line) in links {
                let place = SourceLocation(file: page.file, line: page.bodyLine + line - 1)
                let here = SitePaths.prose(page.slug)
                let fragment = url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
                if url.hasPrefix("#"), let fragment, !anchors.ids(of: here.description).contains(fragment) {
                    diagnostics.error(
                        .brokenLink,
                        "the link '\(url)' leads to no place on this page: it has no element with the id "
                            + "'\(fragment)'", at: place)
                    continue
                }
                guard let target = ProseView.pageTarget(of: url, from: here) else { continue }
                guard known.contains(target) else {
                    diagnostics.error(.brokenLink, "the link '\(url)' leads to a page the site does not have", at: place)
                    continue
                }
                if let fragment, !fragment.isEmpty, !anchors.ids(of: target).contains(fragment) {
                    diagnostics.error(
                        .brokenLink, "the link '\(url)' leads to \(target), which has no element with the id '\(fragment)'",
                        at: place)
                }
            }
        }
    }

    /// Where every page of the site lives, without making any: what a link may lead to.
    static func pagePaths(_ context: ViewContext) -> Set<String> {
        let catalog = context.catalog
        var paths = [SitePaths.index, SitePaths.print, SitePaths.checker, SitePaths.offers, SitePaths.search]
        if !context.catalog.interpretations.isEmpty { paths.append(SitePaths.interpretations) }
        paths += catalog.offers.map { SitePaths.offer($0.id) }
        for program in context.programs {
            paths.append(SitePaths.matrix(program.id))
            let parts = MatrixLayout(program: program, offers: catalog.offers(in: program.id)).parts
            paths += parts.indices.map { SitePaths.part($0 + 1, of: program.id) }
        }
        paths += catalog.roles.map { SitePaths.role($0.id) } + catalog.tables.map { SitePaths.table($0.id) }
        paths += context.content.pages.map { SitePaths.prose($0.slug) }
        return Set(paths.map(\.description))
    }

    /// Every page of the site, from the catalog, in a fixed order; what stops a page from being made goes into `problems`.
    static func pages(_ context: ViewContext, into problems: Diagnostics) -> [Page] {
        var pages = ConcurrentMap.run(context.content.pages) { ProseView(context: context, page: $0).render(into: problems) }
        // The prose pages move along in their storage; `+` would copy all 10,000, a retain for each of their parts.
        pages.insert(contentsOf: modelPages(context), at: 0)
        return pages
    }

    /// The pages made from the model alone, prose pages aside.
    static func modelPages(_ context: ViewContext) -> [Page] {
        var pages = [IndexView(context: context).page()]
        pages += context.programs.flatMap { MatrixView(context: context, program: $0).pages() }
        pages += context.catalog.roles.map { RoleView(context: context, role: $0).page() }
        pages += context.catalog.tables.map { DecisionTableView(context: context, table: $0).page() }
        pages.append(PrintView(context: context).page())
        pages.append(CheckerView(context: context).page())
        pages.append(SearchView(context: context).page())
        if !context.catalog.interpretations.isEmpty { pages.append(InterpretationsView(context: context).page()) }
        pages += OfferView.pages(context)
        guard let reviewed = context.content.settings.reviewed else { return pages }
        return pages.map { $0.adding(.reviewed(reviewed)) }
    }
}
