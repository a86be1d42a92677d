import Foundation
import UpgradeBase
import UpgradeCore

/// Reads `content/` into a validated catalog. Each file is read even when an
/// earlier one has errors, so one run reports every problem it can find.
package enum ContentLoader {
    /// A page whose file has the stamp `cache` holds for it is taken from there, not read. The cache
    /// is asked for only when the pages are read, after the model: it may still be in the making.
    /// `stamps` are the pages' files' stamps by name, where a snapshot has just taken them.
    package static func load(
        from directory: String,
        reusing cache: @escaping @autoclosure @Sendable () -> PageCache = PageCache(),
        stamps: [String: FileStamp] = [:]
    ) throws(DiagnosticError) -> LoadedContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(
                .unreadable,
                "no content folder here; pass --content DIR, the folder that holds site.yaml, "
                    + "offers.yaml and the rest", at: SourceLocation(file: directory))
        }
        let reading = ContentReading(directory: directory, cache: cache, stamps: stamps)
        let result = reading.run()
        try reading.sink.throwIfErrors()
        guard let result else { throw DiagnosticError(reading.sink.sorted) }
        return LoadedContent(
            catalog: result.catalog, settings: result.settings, pages: result.pages,
            sourceMap: reading.sourceMap, warnings: reading.sink.sorted, modelDigest: reading.modelDigest,
            pageCache: result.cache)
    }
}

/// One load: the directory, the problems found, and the source map it fills.
/// Readers take the ids they check against as arguments; the source map is
/// only written while reading, never read, so no reader depends on another's order.
final class ContentReading {
    let directory: String
    let sink = Diagnostics()
    var sourceMap = SourceMap()
    /// Files that could not be read as a whole: references into them are not reported,
    /// since they follow from the one problem that is.
    private(set) var unreadable = Set<String>()
    /// Every `source:` read, where it stands, checked against site.yaml's sources once all are read.
    var citations: [Located<String>] = []

    /// Every YAML file of the folder and of `tables/`, composed on both cores before the readers.
    private let composed: [String: YAMLFile.Composed]
    /// Files there that are not opened, already reported: a pipe would block the read.
    let refused: Set<String>
    /// The names of `tables/*.yaml` and `pages/*.md` that are read, in file-name order.
    let tableFiles: [String], pageFiles: [String]
    /// What the last load learnt of the pages, by their files' stamps.
    let cache: @Sendable () -> PageCache
    /// The pages' files' stamps, by name, where the caller has them.
    let stamps: [String: FileStamp]

    init(
        directory: String, cache: @escaping @Sendable () -> PageCache = { PageCache() },
        stamps: [String: FileStamp] = [:]
    ) {
        self.directory = directory
        self.cache = cache
        self.stamps = stamps
        let listing = ContentListing(directory: directory, sink: sink)
        tableFiles = listing.tables
        pageFiles = listing.pages
        refused = listing.refused
        let names = listing.yaml
        composed = Dictionary(
            uniqueKeysWithValues: zip(
                names,
                ConcurrentMap.run(names) { [directory] name in
                    YAMLFile.compose(path: YAMLFile.path(name, in: directory))
                }))
    }

    /// What the model was read from: every YAML file's name and bytes, in name order.
    var modelDigest: String {
        var fingerprint = Fingerprint()
        for name in composed.keys.sorted() {
            fingerprint.add(name)
            fingerprint.add(composed[name]!.digest)
        }
        return fingerprint.hex
    }

    func file(_ name: String, what: String, keys: [String], optional: Bool = false) -> YAMLObject? {
        guard !refused.contains(name) else {
            unreadable.insert(name)
            return nil
        }
        let object = YAMLFile.read(
            name, in: directory, what: what, keys: keys, sink: sink, optional: optional,
            composed: composed[name])
        if object == nil { unreadable.insert(name) }
        return object
    }

    func run() -> (catalog: Catalog, settings: SiteSettings, pages: [ProsePage], cache: PageCache)? {
        let settings = readSettings()
        let (programs, regions, ruleFiles, migrationFiles) = readPrograms()
        let services = readServices()
        let matrix = readOfferMatrix(programs: programs)
        let (offers, differentProducts) = readOffers(
            programs: programs, regions: regions, services: services, matrix: matrix, mapping: readMapping())
        let (footnotes, paths) = readPaths(offers: offers, matrix: matrix)
        // A program's rules file that no program names would be read by no one.
        let named = Set(ruleFiles.values.map(\.value) + migrationFiles.values.map(\.value))
        for name in composed.keys.sorted() where ContentListing.isRuleFile(name) && !named.contains(name) {
            sink.error(
                .fileName,
                "no program names '\(name)' as its rules, so it is not read; add `rules: \(name)` to the program in "
                    + "programs.yaml", at: SourceLocation(file: directory + "/" + name))
        }
        let rules = readRules()
        var declared = rules.declared, allAdvice = rules.advisories.map(\.code), codes = rules.valid.map(\.code)
        // Each program's own rules, then each program's migration rules: ids unique across them all.
        func readSets(_ files: [ProgramID: Located<String>]) -> [ProgramID: ConditionLogic] {
            var sets: [ProgramID: ConditionLogic] = [:]
            for program in files.keys.sorted() {
                let own = readRules(files[program]!.value, declaredBefore: declared)
                declared.formUnion(own.declared)
                allAdvice += own.advisories.map(\.code)
                codes += own.valid.map(\.code)
                sets[program] = ConditionLogic(rules: own.valid, advisories: own.advisories)
            }
            return sets
        }
        let ruleSets = readSets(ruleFiles), migrationSets = readSets(migrationFiles)
        let roles = readRoles(programs: Set(programs.map(\.id)))
        let interpretations = readInterpretations(
            footnotes: footnotes, rules: declared, advisories: allAdvice, roles: roles.declared,
            offers: offers.map(\.id))
        let examples = readExamples(offers: offers, codes: codes)
        let defaultLogic = ConditionLogic(rules: rules.valid, advisories: rules.advisories)
        let programIDs = Set(programs.map(\.id))
        let tables = readTables(rules: declared) { program, migration in
            guard let program else { return migration ? nil : defaultLogic }
            if migration { return migrationSets[program] }
            return programIDs.contains(program) ? ruleSets[program] ?? defaultLogic : nil
        }
        let (pages, cache) = readPages()
        if let settings { checkCitations(against: settings.sources) }
        guard !sink.hasErrors, let settings else { return nil }
        do {
            let catalog = try Catalog(
                programs: programs, regions: regions, services: services, offers: offers,
                paths: paths, footnotes: footnotes, rules: rules.valid, advisories: rules.advisories, roles: roles.valid,
                portalSteps: roles.portalSteps, interpretations: interpretations, examples: examples, tables: tables,
                differentProducts: differentProducts, portalStepsSource: roles.stepsSource, ruleSets: ruleSets,
                migrationSets: migrationSets)
            return (catalog, settings, pages, cache)
        } catch {
            // The readers reject everything the catalogue does; this is the last line, not the first.
            sink.error(.inconsistent, "the model is inconsistent: \(error)", at: SourceLocation(file: directory))
            return nil
        }
    }

    /// Reports each id declared more than once, at its second declaration.
    func rejectDuplicates<Kind>(_ ids: [Located<Identifier<Kind>>], what: String) -> Set<Identifier<Kind>> {
        var seen: [Identifier<Kind>: SourceLocation] = [:]
        for id in ids {
            if let first = seen[id.value] {
                sink.error(
                    .duplicate, "duplicate \(what) id '\(id.value)'", at: id.location,
                    notes: [Diagnostic.Note("'\(id.value)' is first declared here", at: first)])
            } else {
                seen[id.value] = id.location
            }
        }
        return Set(seen.keys)
    }

    /// The file that declares each kind of id.
    static let declaringFile = [
        "offer": "offers.yaml", "program": "programs.yaml", "region": "programs.yaml",
        "service": "services.yaml", "footnote": "paths.yaml", "role": "roles.yaml",
        "rule": "rules.yaml",
    ]

    /// Reports an id that names nothing, unless the file that declares such ids could not be read.
    func unknown<Kind>(_ id: Located<Identifier<Kind>>, what: String, known: some Sequence<Identifier<Kind>>) {
        if let file = Self.declaringFile[what], unreadable.contains(file) { return }
        let hint = suggestion(for: id.value.rawValue, among: known.map(\.rawValue).sorted())
        sink.error(.unknownID, "unknown \(what) '\(id.value)'\(hint)", at: id.location)
    }

    /// The `source` of `object`, noted for `checkCitations`.
    func citation(_ object: YAMLObject, _ key: String = "source") -> Located<String>? {
        let source = object.string(key)
        if let source { citations.append(source) }
        return source
    }

    /// Reports each citation that names none of site.yaml's sources: a page cites it by its title,
    /// so a citation that starts with no title links nowhere and proves nothing.
    func checkCitations(against sources: [SiteSettings.Source]) {
        for citation in citations where !sources.contains(where: { citation.value.hasPrefix($0.title) }) {
            // Compare each title with as much of the citation, so a typo in the title is caught.
            let near = sources.map(\.title).filter {
                !suggestion(for: String(citation.value.prefix($0.count)), among: [$0]).isEmpty
            }
            let hint = near.first.map { " (did you mean '\($0)'?)" } ?? " (site.yaml lists \(sources.count))"
            sink.error(
                .unknownID, "'\(citation.value)' names no source of site.yaml; start it with a source's title\(hint)",
                at: citation.location)
        }
    }

    func readSettings() -> SiteSettings? {
        guard
            let site = file(
                "site.yaml", what: "the site settings",
                keys: ["title", "asOf", "rawHTML", "reviewed", "sources", "searchSynonyms"])
        else { return nil }
        let title = site.string("title")
        let asOf = site.date("asOf")
        let rawHTML = site.bool("rawHTML", default: false)
        let reviewed = site.date("reviewed", required: false)
        var sources: [SiteSettings.Source] = []
        for source in site.objects("sources", what: "source", keys: ["title", "url", "own"], required: false) {
            let own = source.bool("own", default: false), url = source.string("url", required: false)
            guard let name = source.string("title") else { continue }
            // A refused address still leaves the title, so the citations of it are not reported too.
            var address = url?.value
            if let url, own {
                sink.error(.inconsistent, "the site's own guidance has no web address; remove 'url'", at: url.location)
                address = nil
            } else if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
                sink.error(
                    .invalidValue, "'\(url.value)' is not a web address: a source's url starts with https://", at: url.location)
                address = nil
            }
            sources.append(SiteSettings.Source(title: name.value, url: address, own: own))
        }
        var synonyms: [(words: String, means: String)] = []
        for item in site.objects("searchSynonyms", what: "search synonym", keys: ["words", "means"], required: false) {
            guard let words = item.string("words"), let means = item.string("means") else { continue }
            synonyms.append((words.value, means.value))
        }
        guard let title, let asOf else { return nil }
        return SiteSettings(
            title: title.value, asOf: asOf.value, rawHTML: rawHTML, reviewed: reviewed?.value,
            sources: sources, searchSynonyms: synonyms)
    }
}
