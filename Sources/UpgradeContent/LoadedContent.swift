import UpgradeBase
import UpgradeCore

/// A validated catalog, the site settings, and where each thing was declared,
/// so later stages can point their findings back into `content/`.
package struct LoadedContent: Sendable {
    package let catalog: Catalog
    package let settings: SiteSettings
    /// The prose pages of `content/pages`, in file-name order.
    package let pages: [ProsePage]
    package let sourceMap: SourceMap
    /// Warnings found while loading; errors stop the load instead.
    package let warnings: [Diagnostic]
    /// A digest of every file the model (all but the prose pages) was read from; nil for a
    /// model made in code. Equal digests mean an equal model, so what was made from one
    /// need not be made again.
    package let modelDigest: String?
    /// What the load learnt of the prose pages, for the next load to take unchanged ones from.
    package let pageCache: PageCache

    /// For tools and tests that make a model in code rather than read one.
    package init(
        catalog: Catalog, settings: SiteSettings, pages: [ProsePage] = [], sourceMap: SourceMap = SourceMap(),
        warnings: [Diagnostic] = [], modelDigest: String? = nil, pageCache: PageCache = PageCache()
    ) {
        self.catalog = catalog
        self.settings = settings
        self.pages = pages
        self.sourceMap = sourceMap
        self.warnings = warnings
        self.modelDigest = modelDigest
        self.pageCache = pageCache
    }
}
