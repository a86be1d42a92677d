import UpgradeBase
import UpgradeContent
import UpgradeSiteBuilder

/// The Markdown stage on its own: every prose page through the same view and
/// HTML renderer a build uses, without templates or the disk.
enum ProseStage {
    /// Returns the bytes of HTML produced. Pages render on both cores, as in a build.
    static func renderAll(_ content: LoadedContent) -> Int {
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        return ConcurrentMap.run(content.pages) { page in
            let view = ProseView(context: context, page: page).render(into: Diagnostics())
            return HTMLRenderer(page: view.path, unsafeHTML: content.settings.rawHTML).render(view).utf8.count
        }.reduce(0, +)
    }
}
