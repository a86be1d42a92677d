import UpgradeBase
import UpgradeContent
import UpgradeSiteBuilder

/// The Markdown stage on its own: every prose page through the same view and
/// renderers a build uses, without templates or the disk.
enum ProseStage {
    /// Each page's HTML body; returns the bytes of HTML produced. Pages render on both cores, as in a build.
    static func renderAll(_ content: LoadedContent) -> Int {
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        return ConcurrentMap.run(content.pages) { page in
            let view = ProseView(context: context, page: page).render(into: Diagnostics())
            return HTMLRenderer(page: view.path, unsafeHTML: content.settings.rawHTML).render(view).utf8.count
        }.reduce(0, +)
    }

    /// Each page's HTML body and its Markdown twin, from one parse, as a build makes them: the part of
    /// a build that is cmark's work. Returns the bytes produced.
    static func renderTwins(_ content: LoadedContent) -> Int {
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        return ConcurrentMap.run(content.pages) { page in
            let view = ProseView(context: context, page: page).render(into: Diagnostics())
            let parses = ProseParses()
            let markdown = PageRenderer.markdown(view, context: context, parses: parses)
            let html = HTMLRenderer(page: view.path, unsafeHTML: content.settings.rawHTML, parses: parses).render(view)
            return html.utf8.count + markdown.utf8.count
        }.reduce(0, +)
    }
}
