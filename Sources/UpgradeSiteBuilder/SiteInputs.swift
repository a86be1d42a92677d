import UpgradeBase
import UpgradeContent
import UpgradeSiteContract

/// What each file of the site is made from, as a digest, worked out without making it.
///
/// - Every file: the generator and the as-of date.
/// - Every page: the frame all pages share (site title, raw-HTML setting, navigation)
///   and, for its HTML twin, the templates it goes through (`TemplateSet.digest(of:)`);
///   the Markdown twin uses no template.
/// - A prose page: its own title, description and text; and the model, only when it
///   embeds a generated table.
/// - Every other page: the model (every YAML file); the home page also the prose pages'
///   names and titles, which it lists (`IndexView` is the only view that reads them).
/// - A data file: the model. An asset: its bytes.
///
/// Nil for a model made in code, which has no files to digest: then everything is made.
struct SiteInputs: Sendable {
    private let common: String
    private let model: String
    private let proseList: String
    private let templates: [PageKind: String]
    /// The digest of each prose page's own source, by page path.
    private let prose: [PagePath: String]
    private let slugs: [PagePath: String]

    init?(context: ViewContext, templates set: TemplateSet, navigation: Navigation) {
        guard let model = context.content.modelDigest else { return nil }
        self.model = model
        var common = Fingerprint()
        common.add(Generator.name)
        common.add(context.asOf.description)
        common.add(context.content.settings.title)
        common.add(context.content.settings.rawHTML ? "raw HTML" : "safe")
        for item in navigation.items {
            common.add(item.label)
            common.add(item.path.description)
        }
        self.common = common.hex
        templates = Dictionary(uniqueKeysWithValues: PageKind.allCases.map { ($0, set.digest(of: $0)) })
        var list = Fingerprint()
        for page in context.content.pages {
            for part in Self.names(of: page) { list.add(part) }
        }
        let sources = ConcurrentMap.run(context.content.pages) { page in
            var source = Fingerprint()
            for part in Self.names(of: page) { source.add(part) }
            source.add(page.body)
            source.add(ProseView.mayEmbed(page.body) ? model : "")
            return (SitePaths.prose(page.slug), source.hex)
        }
        let prose = Dictionary(sources, uniquingKeysWith: { first, _ in first })
        slugs = Dictionary(context.content.pages.map { (SitePaths.prose($0.slug), $0.slug) }, uniquingKeysWith: { first, _ in first })
        proseList = list.hex
        self.prose = prose
    }

    /// What of a prose page the home page shows, and its file name.
    private static func names(of page: ProsePage) -> [String] {
        [page.slug, page.title, page.description ?? "", page.description == nil ? "-" : "+"]
    }

    /// The slug of the prose page at `path`; nil for a page made from the model.
    func proseSlug(_ path: PagePath) -> String? {
        slugs[path]
    }

    func page(_ page: Page, _ format: PageFormat) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(common)
        fingerprint.add(page.path.file(format))
        fingerprint.add(format == .html ? templates[page.kind] ?? "" : "no template")
        if let source = prose[page.path] {
            fingerprint.add(source)
        } else {
            fingerprint.add(model)
            // Of the prose pages, only the home page shows anything: their names and titles.
            fingerprint.add(page.kind == .index ? proseList : "")
        }
        return fingerprint.hex
    }

    func data(_ path: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(common)
        fingerprint.add(path)
        fingerprint.add(model)
        return fingerprint.hex
    }

    func asset(_ bytes: some Collection<UInt8>) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes)
        return fingerprint.hex
    }
}
