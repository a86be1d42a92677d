import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A site before rendering: every page as its view, with what every page shares
/// (site title, as-of date, navigation, templates). A page's bytes follow from its
/// view and that frame alone, so two plans compare page by page without rendering
/// the pages whose views are equal: a review of a small change renders a handful of
/// pages, not thousands.
///
/// Each file also has its *inputs*: a digest of what its view and frame are made from,
/// known without making the view's bytes (`SiteInputs`). A build that is told the
/// inputs of the files the output already holds makes only the files whose inputs
/// differ, and keeps the rest.
package struct SitePlan: Sendable {
    let context: ViewContext
    let templates: TemplateSet
    let navigation: Navigation
    /// In the order `SiteBuilder.pages` makes them.
    let pages: [Page]
    let inputs: SiteInputs?
    /// Each page's files, in `pages`' order, a path a format (`PageFormat.allCases`): worked out
    /// once, for a rebuild looks each up among the last build's twice.
    let pageFiles: [[String]]
    /// The inputs of those files, in the same order; empty when the content has no digest.
    let pageInputs: [[String]]
    /// The site's files but its pages, each with its inputs, worked out once.
    private let otherFiles: [OtherFile]

    /// The day every page decides as of.
    package var asOf: CalendarDate { context.asOf }

    package init(_ content: LoadedContent, templates: TemplateSet, asOf: CalendarDate) throws(DiagnosticError) {
        context = ViewContext(content: content, asOf: asOf)
        self.templates = templates
        let problems = Diagnostics()
        pages = SiteBuilder.pages(context, into: problems)
        try problems.throwIfErrors()
        navigation = Navigation(context: context)
        let inputs = SiteInputs(context: context, templates: templates, navigation: navigation)
        self.inputs = inputs
        let pages = pages
        pageFiles = ConcurrentMap.run(pages) { page in PageFormat.allCases.map { page.path.file($0) } }
        pageInputs =
            inputs.map { inputs in
                ConcurrentMap.run(pages) { page in PageFormat.allCases.map { inputs.page(page, $0) } }
            } ?? []
        otherFiles = Self.otherFiles(context: context, templates: templates, pages: pages, inputs: inputs)
    }

    /// The prose pages (by slug) whose embeds and links a build must check again, when the output
    /// holds files with the inputs `previous` gives; nil for every page. Only when the site has the
    /// same files and every page but some prose pages is unchanged (the model, the templates and so
    /// every other page's anchors are as they were) are some checks known to pass: those of the
    /// unchanged prose pages that cannot link to a changed one. A link names its page's file
    /// (`guide.html`, `../pages/guide.md`), or hides it in a character reference, which needs `&`.
    package func proseToCheck(since previous: [String: String]) -> Set<String>? {
        guard let inputs, pageInputs.count * PageFormat.allCases.count + otherFiles.count == previous.count,
            otherFiles.allSatisfy({ $0.followsProse || ($0.inputs != nil && previous[$0.path] == $0.inputs) })
        else { return nil }
        var changed: Set<String> = []
        for (page, same) in zip(pages, unchanged(since: previous)) where !same.allSatisfy({ $0 }) {
            guard let slug = inputs.proseSlug(page.path) else { return nil }
            changed.insert(slug)
        }
        guard !changed.isEmpty else { return [] }
        let names = changed.flatMap { [$0 + ".html", $0 + ".md"] }
        // Asked of each page's facts, which a page taken from the last build's cache knows unread.
        return changed.union(
            context.content.pages.filter { page in
                page.text.hasAmpersand || names.contains { page.text.mentions($0) }
            }.map(\.slug))
    }

    /// For each page, whether each of its files (in `PageFormat.allCases` order) has the inputs
    /// `previous` gives; all false without inputs. Looked up on both cores: 20,000 files.
    private func unchanged(since previous: [String: String]) -> [[Bool]] {
        guard !pageInputs.isEmpty else { return pages.map { _ in PageFormat.allCases.map { _ in false } } }
        return ConcurrentMap.run(Array(zip(pageFiles, pageInputs))) { files, keys in
            zip(files, keys).map { previous[$0] == $1 }
        }
    }

    /// One of the site's files that is not a page. `followsProse`: its inputs change with any prose page.
    private typealias OtherFile = (
        path: String, kind: FileKind, inputs: String?, followsProse: Bool,
        make: @Sendable () -> GeneratedFile
    )

    /// The site's files but its pages: the assets, copied, the data files, made from the model, and
    /// the search index, made from every page.
    private static func otherFiles(
        context: ViewContext, templates: TemplateSet, pages: [Page],
        inputs: SiteInputs?
    ) -> [OtherFile] {
        let catalog = context.catalog, asOf = context.asOf, model = context.content.modelDigest
        var files: [OtherFile] =
            templates.assets.map { asset in
                (
                    asset.path, .asset, inputs?.asset(asset.data), false,
                    { GeneratedFile(path: asset.path, kind: .asset, bytes: Array(asset.data)) }
                )
            } + [
                (
                    SitePaths.testVectors, .data, inputs?.data(SitePaths.testVectors), false,
                    { TestVectors.file(catalog: catalog, model: model, asOf: asOf) }
                ),
                (
                    SitePaths.checkerData, .data, inputs?.data(SitePaths.checkerData), false,
                    { CheckerData.file(catalog: catalog, asOf: asOf) }
                ),
            ]
        // Each decision table as a DMN file, from the model alone.
        for table in catalog.tables {
            let path = SitePaths.dmn(table.id)
            files.append(
                (
                    path, .rules, inputs?.data(path), false,
                    { DMNFile.file(table, logic: catalog.logic(of: table), rules: catalog.rule) }
                ))
        }
        // The search index: its list of pages, and each shard from its own pages alone.
        let searchable = SearchIndex.searchable(pages), names = SearchIndex.names(catalog), why = SearchIndex.why(catalog)
        let synonyms = context.content.settings.searchSynonyms
        files.append(
            (
                SitePaths.searchPages, .data, inputs?.searchList(), true,
                { SearchIndex.listFile(searchable, names: names, why: why, synonyms: synonyms) }
            ))
        for number in 0..<SearchIndex.shardCount(of: searchable) {
            let shard = SearchIndex.pages(ofShard: number, in: searchable)
            files.append(
                (
                    SitePaths.searchShard(number), .data, inputs?.searchShard(number, Array(shard)), true,
                    { SearchIndex.shardFile(number, of: searchable, names: names) }
                ))
            let text = SitePaths.searchText(number)
            files.append(
                (
                    text, .data, inputs?.searchShard(number, Array(shard), file: text), true,
                    { SearchSections.file(number, of: searchable) }
                ))
        }
        return files
    }

    /// Assets and data files, made in full; they are few.
    var files: [GeneratedFile] { otherFiles.map { $0.make() } }

    /// Files of a page, in `formats`' order. The twins share one parse of the page's prose: the
    /// Markdown twin is rendered first, and the HTML twin from the same trees.
    func render(_ page: Page, _ formats: [PageFormat]) -> [GeneratedFile] {
        let parses = formats.count > 1 ? ProseParses() : nil
        let markdown = formats.contains(.md) ? PageRenderer.markdown(page, context: context, parses: parses) : ""
        let html =
            formats.contains(.html)
            ? PageRenderer.html(page, templates: templates, context: context, navigation: navigation, parses: parses) : ""
        return formats.map {
            GeneratedFile(path: page.path.file($0), kind: FileKind(page.kind), text: $0 == .html ? html : markdown)
        }
    }

    /// Both files of a page: its HTML and its Markdown.
    func render(_ page: Page) -> [GeneratedFile] {
        render(page, PageFormat.allCases)
    }

    /// Makes every file whose inputs are not those `previous` gives for its path, and keeps
    /// the others. Pages render on both cores, in batches handed to `emit` as they are done;
    /// with `releasing`, the build keeps only each emitted file's digest, not its bytes.
    package func build(
        keeping previous: [String: String] = [:], emit: (([GeneratedFile]) -> Void)? = nil,
        releasing: Bool = false
    ) -> SiteBuild {
        var build = SiteBuild(made: [])
        var work: [(page: Page, formats: [PageFormat])] = []
        build.inputs.reserveCapacity(pageInputs.count * PageFormat.allCases.count + otherFiles.count)
        for (index, (page, same)) in zip(pages, unchanged(since: previous)).enumerated() {
            var formats: [PageFormat] = []
            for (number, format) in PageFormat.allCases.enumerated() {
                guard !same[number] else {
                    let path = pageFiles[index][number], key = pageInputs[index][number]
                    build.inputs[path] = key
                    build.kept.append(KeptFile(path: path, kind: FileKind(page.kind), inputs: key))
                    continue
                }
                if index < pageInputs.count { build.inputs[pageFiles[index][number]] = pageInputs[index][number] }
                formats.append(format)
            }
            if !formats.isEmpty { work.append((page, formats)) }
        }
        // Each file's bytes depend on that file alone, so the output is the same as a serial run's.
        for start in stride(from: 0, to: work.count, by: SiteBuilder.batchSize) {
            let batch = ConcurrentMap.run(Array(work[start..<min(start + SiteBuilder.batchSize, work.count)])) {
                render($0.page, $0.formats)
            }.flatMap { $0 }
            emit?(batch)
            build.made += emit != nil && releasing ? ConcurrentMap.run(batch) { $0.released() } : batch
        }
        var toMake: [OtherFile] = []
        for file in otherFiles {
            if let key = file.inputs {
                build.inputs[file.path] = key
                if previous[file.path] == key {
                    build.kept.append(KeptFile(path: file.path, kind: file.kind, inputs: key))
                    continue
                }
            }
            toMake.append(file)
        }
        // The search index's shards are the long ones; both cores make them.
        let others = ConcurrentMap.run(toMake) { $0.make() }
        emit?(others)
        build.made += emit != nil && releasing ? others.map { $0.released() } : others
        build.made.sort { $0.path < $1.path }
        build.kept.sort { $0.path < $1.path }
        return build
    }

    /// The files this site writes differently from `base`, sorted by path. Pages whose
    /// views and frame are equal are equal; the others are rendered on both sides and
    /// compared as bytes, so the answer is exactly what two full builds would give.
    package func changes(since base: SitePlan) -> [FileChange] {
        let sameFrame =
            context.content.settings.title == base.context.content.settings.title
            && context.content.settings.rawHTML == base.context.content.settings.rawHTML
            && context.asOf == base.context.asOf && navigation == base.navigation && templates.isSame(as: base.templates)
        let before = Dictionary(base.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let present = Set(pages.map(\.path))
        // A page only one side has is added or removed whatever it holds: no need to render it.
        func twins(_ path: PagePath, _ change: Change) -> [FileChange] {
            PageFormat.allCases.map { FileChange(path: path.file($0), change: change) }
        }
        var changes =
            pages.filter { before[$0.path] == nil }.flatMap { twins($0.path, .added) }
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
