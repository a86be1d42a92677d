import UpgradeBase
import UpgradeContent
import UpgradeSiteContract

/// What each file of the site is made from, as a digest, worked out without making it.
///
/// - Every file: the generator and the as-of date.
/// - Every page: the frame all pages share (site title, raw-HTML setting) and, for its
///   HTML twin, the templates it goes through (`TemplateSet.digest(of:)`) and the header's
///   sections; the Markdown twin uses neither.
/// - A prose page: its whole file, front matter and text (`ProsePage.digest`); and the
///   model, only when it embeds a generated table.
/// - Every other page: the model (every YAML file); the home page also the prose pages'
///   names and titles, which it lists (`IndexView` is the only view that reads them).
/// - A data file: the model. An asset: its bytes.
/// - The search index: its list, the model and the prose pages' names and titles; each shard,
///   the sources of its own pages.
///
/// Nil for a model made in code, which has no files to digest: then everything is made.
struct SiteInputs: Sendable {
    private let common: String
    private let model: String
    private let proseList: String
    /// What every file of one kind and format shares: `common`, and for HTML the templates.
    private let frames: [Frame: String]
    /// The digest of each prose page's own source, by its name (its path is `pages/NAME`): a name
    /// hashes faster than a path's parts, and 20,000 files look theirs up.
    private let prose: [String: String]
    private static let proseFolder = SitePaths.prose("").components[0]

    init?(context: ViewContext, templates set: TemplateSet, navigation: Navigation) {
        guard let model = context.content.modelDigest else { return nil }
        self.model = model
        var common = Fingerprint()
        common.add(Generator.name)
        common.add(context.asOf.description)
        common.add(context.content.settings.title)
        common.add(context.content.settings.rawHTML ? "raw HTML" : "safe")
        let shared = common.hex
        self.common = shared
        // The header, with its menus, is the layout's: the Markdown twins have none.
        var header = Fingerprint()
        for part in navigation.parts { header.add(part) }
        let headerDigest = header.hex
        var frames: [Frame: String] = [:]
        for kind in PageKind.allCases {
            for format in PageFormat.allCases {
                var frame = Fingerprint()
                frame.add(shared)
                frame.add(format == .html ? set.digest(of: kind) + headerDigest : "no template")
                frames[Frame(kind: kind, format: format)] = frame.hex
            }
        }
        self.frames = frames
        var list = Fingerprint()
        for page in context.content.pages {
            for part in [page.slug, page.title, page.description ?? "", page.description == nil ? "-" : "+"] {
                list.add(part)
            }
        }
        proseList = list.hex
        // A page's own text, by the digest the loader took of it, and the model when it embeds a table.
        // A page read now has its body scanned for a fence here, on both cores.
        prose = Dictionary(
            ConcurrentMap.run(context.content.pages) { page in
                (page.slug, page.digest + (page.text.mayEmbed ? model : ""))
            }, uniquingKeysWith: { first, _ in first })
    }

    /// A kind of page in one format: what a frame is shared by.
    private struct Frame: Hashable {
        let kind: PageKind
        let format: PageFormat
    }

    /// The slug of the prose page at `path`; nil for a page made from the model.
    func proseSlug(_ path: PagePath) -> String? {
        source(of: path) == nil ? nil : path.components[1]
    }

    /// The digest of the prose page at `path`'s own source; nil for a page made from the model.
    private func source(of path: PagePath) -> String? {
        let parts = path.components
        guard parts.count == 2, parts[0] == Self.proseFolder else { return nil }
        return prose[parts[1]]
    }

    /// A page file's inputs: one digest of its frame's and its source's (or the model's). The path
    /// needs no place in it: a build compares each file's inputs with those the record holds for
    /// the same path. Hashed to one fixed size, so the record of 20,000 files stays small to read.
    func page(_ page: Page, _ format: PageFormat) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(frames[Frame(kind: page.kind, format: format)] ?? "")
        if let source = source(of: page.path) {
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

    /// The search index's list of pages: their paths, titles and descriptions, from the model and the
    /// prose pages' names and titles.
    func searchList() -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(common)
        fingerprint.add(SitePaths.searchPages)
        fingerprint.add(model)
        fingerprint.add(proseList)
        return fingerprint.hex
    }

    /// One shard of the search index: its pages, each by its source (a prose page's own, or the model).
    func searchShard(_ number: Int, _ pages: [Page], file: String? = nil) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(common)
        fingerprint.add(file ?? SitePaths.searchShard(number))
        for page in pages {
            fingerprint.add(page.path.description)
            fingerprint.add(source(of: page.path) ?? model)
        }
        return fingerprint.hex
    }

    func asset(_ bytes: some Collection<UInt8>) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes)
        return fingerprint.hex
    }
}
