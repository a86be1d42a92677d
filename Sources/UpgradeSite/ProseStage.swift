import UpgradeContent

/// The Markdown stage on its own, for the benchmark: every prose page through
/// the same view and HTML renderer a build uses, without templates or the disk.
public enum ProseStage {
    /// Returns the bytes of HTML produced. Pages render on both cores, as in a build.
    public static func renderAll(_ content: LoadedContent) -> Int {
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        return ConcurrentMap.run(content.pages) { page in
            var problems: [Diagnostic] = []
            let view = ProseView(context: context, page: page).render(problems: &problems)
            return HTMLRenderer(page: view.path, unsafeHTML: content.settings.rawHTML).render(view.blocks).utf8.count
        }.reduce(0, +)
    }
}
