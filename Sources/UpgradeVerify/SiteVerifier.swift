import UpgradeBase
import Foundation
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// `upgradedocs verify`: reads the written site back from disk, HTML and
/// Markdown, and holds every matrix cell, list entry and decision-table row
/// against the rule core. Expected values come from the rule core and the
/// catalog, never from the views that wrote the pages.
package struct SiteVerifier: Sendable {
    let content: LoadedContent
    let site: String
    var catalog: Catalog { content.catalog }

    /// The files already read (to hash them), by path; others are read from disk.
    private var cache: [String: Data] = [:]
    /// Pages parsed while the model loaded.
    private var parsed: [String: HTMLElement] = [:]

    package init(content: LoadedContent, site: String) {
        self.content = content
        self.site = Self.folder(site)
    }

    /// The site's folder as findings name it: without a trailing slash.
    private static func folder(_ site: String) -> String {
        site.hasSuffix("/") && site.count > 1 ? String(site.dropLast()) : site
    }

    /// How much was held against the rule core.
    package struct Coverage: Sendable, Equatable {
        package var tables = 0
        package var cells = 0
        package var rows = 0

        mutating func add(_ other: Coverage) {
            tables += other.tables
            cells += other.cells
            rows += other.rows
        }
    }

    /// Verifies `site` while the model loads: reading and hashing the site's files needs no model.
    /// Returns the load's result; when it failed, nothing was verified.
    package static func verify(
        site: String, loading load: @Sendable () -> Result<LoadedContent, DiagnosticError>,
        into diagnostics: Diagnostics
    ) -> (content: Result<LoadedContent, DiagnosticError>, coverage: Coverage) {
        let folder = Self.folder(site)
        let found = Diagnostics(), loading = Locked(true)
        // One core loads the model; the other reads and hashes the site, then parses pages until the model is in.
        let (loaded, prepared) = ConcurrentMap.both(
            {
                let result = load()
                loading.withLock { $0 = false }
                return result
            },
            { () -> (SiteFiles, [String: HTMLElement])? in
                var report = Tally(diagnostics: found)
                guard let files = SiteFiles.read(site: folder, &report) else { return nil }
                var parsed: [String: HTMLElement] = [:]
                for file in files.pages where file.hasSuffix(".html") && !SitePaths.isPart(file) {
                    guard loading.withLock({ $0 }) else { break }
                    if let data = files.contents[file] {
                        parsed[file] = HTMLDocument.parse(String(decoding: data, as: UTF8.self))
                    }
                }
                return (files, parsed)
            })
        guard case .success(let content) = loaded else { return (loaded, Coverage()) }
        for diagnostic in found.all { diagnostics.append(diagnostic) }
        guard let (files, parsed) = prepared else { return (loaded, Coverage()) }
        var verifier = SiteVerifier(content: content, site: folder)
        verifier.cache = files.contents
        verifier.parsed = parsed
        var report = Tally(diagnostics: diagnostics)
        return (loaded, verifier.verify(files, &report))
    }

    /// Adds every mismatch to `diagnostics`, and says how much was checked.
    package func verify(into diagnostics: Diagnostics) -> Coverage {
        var report = Tally(diagnostics: diagnostics)
        guard let siteFiles = SiteFiles.read(site: site, &report) else { return report.coverage }
        var verifier = self
        verifier.cache = siteFiles.contents
        return verifier.verify(siteFiles, &report)
    }

    private func verify(_ siteFiles: SiteFiles, _ report: inout Tally) -> Coverage {
        let expectations = Expectations(catalog: catalog, core: RuleCore(catalog: catalog), asOf: siteFiles.asOf)
        verifyPages(siteFiles, expectations: expectations, &report)
        return report.coverage
    }

    /// The test vectors, replayed.
    private func verifyVectors(expectations: Expectations, _ report: inout Tally) {
        if let data = contents(of: SitePaths.testVectors) {
            TestVectorVerification(
                catalog: catalog, asOf: expectations.asOf, file: path(SitePaths.testVectors), model: content.modelDigest
            ).verify(
                data, &report)
        } else {
            report.fail(
                .pageStructure, "missing: the site has no \(SitePaths.testVectors); run 'upgradedocs build'",
                file: path(SitePaths.testVectors), line: 1)
        }
    }

    /// Every page, each read and parsed once, on both cores: what every page must hold, what its
    /// kind must hold (offers, role guides, the home page, Markdown twins), and every table in it.
    /// Also: every page the model makes is present, no page it does not make, and no stylesheet
    /// rule hides or draws verified content.
    private func verifyPages(_ files: SiteFiles, expectations: Expectations, _ report: inout Tally) {
        let pages = SitePages(catalog: catalog, proseSlugs: content.pages.map(\.slug))
        for file in pages.expectedFiles where !files.onDisk.contains(file) {
            report.fail(.pageStructure, "missing: the site has no \(file); run 'upgradedocs build'", file: path(file), line: 1)
        }
        let diagnostics = report.diagnostics, verifier = self
        let offers = OfferVerification(expectations: expectations, site: site, offers: catalog.offers)
        let offerPages = Dictionary(
            catalog.offers.flatMap { offer in
                PageFormat.allCases.map { (SitePaths.offer(offer.id).file($0), offer) }
            }, uniquingKeysWith: { first, _ in first })
        // One pool of work for both cores: each format of a split program's parts, the data files, and
        // every other page. The long jobs go first, so no core is left waiting for one at the end.
        enum Work: Sendable {
            case parts(ProgramID, PageFormat), vectors, checker, dmn(DecisionTable), searchList, searchShard(Int), page(String)
        }
        // The search index's list is read first, so that each of its shards can be a piece of work of its own.
        let search = SearchVerification(catalog: catalog, site: site, pages: files.pages.filter { $0.hasSuffix(".html") })
        let searchIndex = search.index(read: { contents(of: $0) }, &report)
        let split = catalog.programs.filter { MatrixSplit.splits(offerCount: catalog.offers(in: $0.id).count) }
        let work =
            split.flatMap { program in PageFormat.allCases.map { Work.parts(program.id, $0) } }
            + [Work.vectors, .checker] + catalog.tables.map(Work.dmn)
            + (searchIndex.map { [Work.searchList] + (0..<$0.shards).map(Work.searchShard) } ?? [])
            + files.pages.filter { file in
                // A split program's parts are verified a format at a time; a part page anywhere else is a stray.
                !(SitePaths.isPart(file) && split.contains { file.hasPrefix(SitePaths.matrix($0.id).description + "/") })
            }.map(Work.page)
        let allFiles = files.files
        let coverages = ConcurrentMap.run(work) { job -> Coverage in
            var report = Tally(diagnostics: diagnostics)
            switch job {
            case .parts(let program, let format):
                verifier.verifyParts(of: program, format: format, files: allFiles, expectations: expectations, &report)
            case .vectors: verifier.verifyVectors(expectations: expectations, &report)
            case .checker:
                if let data = verifier.read(SitePaths.checkerData, &report) {
                    offers.verifyCheckerData(data, asOf: expectations.asOf, &report)
                }
            case .dmn(let table):
                let file = SitePaths.dmn(table.id)
                if let text = verifier.read(file, &report) {
                    DMNVerification(table: table, file: verifier.path(file)).verify(text, &report)
                }
            case .searchList:
                if let searchIndex { search.verifyList(searchIndex, &report) }
            case .searchShard(let number):
                if let searchIndex { search.verifyShard(number, of: searchIndex, read: { verifier.contents(of: $0) }, &report) }
            case .page(let file):
                verifier.verifyPage(
                    file, kind: pages.kind(of: file), offer: offerPages[file], expectations: expectations,
                    offers: offers, &report)
            }
            return report.coverage
        }
        for coverage in coverages { report.coverage.add(coverage) }
        for file in files.files where file.hasSuffix(".css") {
            guard let css = read(file, &report) else { continue }
            for finding in StylesheetVerification.findings(in: css) {
                report.fail(
                    .stylesheet, "a style rule hides or draws content in verified tables: \(finding.rule)", file: path(file),
                    line: finding.line)
            }
        }
    }

    private func verifyPage(
        _ file: String, kind: PageKind?, offer: Offer?, expectations: Expectations,
        offers: OfferVerification, _ report: inout Tally
    ) {
        guard let kind else {
            report.fail(.pageStructure, "a page the model does not make", file: path(file), line: 1)
            return
        }
        guard let data = contents(of: file) else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard file.hasSuffix(".html") else {
            MarkdownPageVerification(expectations: expectations, content: content, site: site)
                .verify(file, kind: kind, text: text, &report)
            if let offer { offers.verify(offer, markdown: text, file: file, &report) }
            return
        }
        let page = parsed[file] ?? HTMLDocument.parse(text)
        for finding in AttributeVerification.findings(html: text, page: page) {
            report.fail(.attribute, finding.message, file: path(file), line: finding.line)
        }
        for finding in ElementVerification.findings(page: page) {
            report.fail(.element, finding.message, file: path(file), line: finding.line)
        }
        PageVerification(kind: kind, file: file, path: path(file), asOf: expectations.asOf).verify(page, &report)
        StatementVerification.footer(html: page, asOf: expectations.asOf, file: path(file), &report)
        let statements = StatementVerification(catalog: catalog, file: path(file))
        statements.facts(StatementVerification.facts(html: page), of: file, kind: kind, &report)
        switch kind {
        case .role:
            RoleVerification(rules: catalog.logic.rules, file: path(file)).verify(html: page, &report)
            if let role = catalog.roles.first(where: { SitePaths.role($0.id).file(.html) == file }) {
                for part in RoleVerification.programs(of: role, in: catalog, file: path(file)) {
                    part.verify(html: page, &report)
                }
                statements.role(
                    role, cannot: StatementVerification.list(after: "cannot", in: page),
                    saysCannotSubmit: Perceived(page).seen.contains("You cannot submit the upgrade"), line: 1, &report)
            }
        case .index:
            IndexVerification(catalog: catalog, proseSlugs: content.pages.map(\.slug), site: site, file: path(file))
                .verify(html: page, &report)
            statements.programCounts(StatementVerification.programLines(html: page), format: .html, &report)
        default:
            break
        }
        if file == SitePaths.offers.file(.html) {
            OfferIndexVerification(catalog: catalog, file: path(file)).verify(html: page, &report)
        }
        if file == SitePaths.interpretations.file(.html) {
            statements.interpretations(decisions: StatementVerification.decisions(html: page), &report)
        }
        if let offer { offers.verify(offer, html: page, file: file, &report) }
        let tables = HTMLTableReader.tables(in: page)
        for program in catalog.programs where kind == .matrix && file == SitePaths.matrix(program.id).file(.html) {
            let split = MatrixSplit.splits(offerCount: catalog.offers(in: program.id).count)
            for wanted in split ? [Markup.TableClass.parts] : [Markup.TableClass.matrix, Markup.TableClass.list] {
                expect(tables, has: wanted, program: program.id, file: file, &report)
            }
        }
        for table in catalog.tables
        where kind == .rules && file == SitePaths.table(table.id).file(.html)
            && !tables.contains(where: { $0.attributes[Markup.Data.table] == table.id.rawValue })
        {
            report.diagnostics.append(problem(.tableMismatch, "no decision table '\(table.id)' on the page", file: file))
        }
        for table in tables { verify(table, expectations: expectations, file: file, &report) }
    }

    private func verify(_ table: HTMLTableReader.Table, expectations: Expectations, file: String, _ report: inout Tally) {
        let classes = table.cssClasses
        if classes.contains("upgrade-matrix") || classes.contains("upgrade-list") {
            guard let program = table.attributes["data-program"].map({ ProgramID($0) }) else {
                report.diagnostics.append(problem(.cellMismatch, "a matrix without data-program", file: file, line: table.line))
                return
            }
            let verification = HTMLMatrixVerification(expectations: expectations, program: program, file: path(file))
            classes.contains("upgrade-matrix")
                ? verification.verifyGrid(table, &report)
                : verification.verifyList(table, &report)
        } else if classes.contains("examples") {
            ExampleVerification(catalog: catalog, core: expectations.core, file: path(file)).verify(
                rows: table.rows.dropFirst().map { ($0.attributes["id"], $0.cells.map(\.text), $0.line) },
                header: table.rows.first?.cells.map(\.text) ?? [], line: table.line, &report)
        } else if classes.contains("decision-table") {
            guard let id = table.attributes[Markup.Data.table],
                let expected = catalog.tables.first(where: { $0.id.rawValue == id })
            else {
                report.diagnostics.append(
                    problem(.tableMismatch, "a decision table with no known data-table id", file: file, line: table.line))
                return
            }
            DecisionTableVerification(table: expected, logic: catalog.logic(of: expected), file: path(file)).verify(
                html: table, &report)
        }
    }

    /// A split program: an overview of its parts, and the parts that the manifest lists under it.
    /// One format of a split program's part pages.
    private func verifyParts(
        of program: ProgramID, format: PageFormat, files: [String], expectations: Expectations,
        _ report: inout Tally
    ) {
        let base = SitePaths.matrix(program).description
        let parts = files.filter { $0.hasPrefix(base + "/") && $0.hasSuffix("." + format.rawValue) }
            .compactMap { file in read(file, &report).map { (file, $0) } }
        PartVerification(expectations: expectations, program: program, site: site)
            .verify(format, parts: parts, overview: base, &report)
    }

    private func expect(
        _ tables: [HTMLTableReader.Table], has cssClass: String, program: ProgramID, file: String,
        _ report: inout Tally
    ) {
        guard !tables.contains(where: { $0.cssClasses.contains(cssClass) && $0.attributes["data-program"] == program.rawValue })
        else { return }
        report.diagnostics.append(problem(.pageStructure, "no table.\(cssClass) for program \(program) on the page", file: file))
    }

    private func contents(of file: String) -> Data? {
        cache[file] ?? FileManager.default.contents(atPath: path(file))
    }

    private func read(_ file: String, _ report: inout Tally) -> String? {
        guard let data = contents(of: file) else {
            report.diagnostics.append(
                problem(.pageStructure, "missing: the site has no \(file); run 'upgradedocs build'", file: file))
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func path(_ file: String) -> String { site + "/" + file }

    private func problem(_ code: DiagnosticCode, _ message: String, file: String, line: Int = 1) -> Diagnostic {
        Diagnostic(.error, code, message, at: SourceLocation(file: path(file), line: line))
    }
}

/// One verification under way: where its problems go, and what it has covered so far.
struct Tally {
    let diagnostics: Diagnostics
    var coverage = SiteVerifier.Coverage()

    func fail(_ code: DiagnosticCode, _ message: String, file: String, line: Int) {
        diagnostics.error(code, message, at: SourceLocation(file: file, line: line))
    }
}

/// What the rule core says each published table should show, as of the site's date.
struct Expectations: Sendable {
    let catalog: Catalog
    let core: RuleCore
    let asOf: CalendarDate
    /// Each program's decisions, worked out once: a grid, its list form and the print page all read them.
    private let matrices: CatalogMatrices

    private let rows: [OfferID: MatrixRow?]
    /// The offers by their name as a reader sees it (white space collapsed), in catalogue order:
    /// offers of two programs may share one.
    private let byShownName: [String: [Offer]]

    init(catalog: Catalog, core: RuleCore, asOf: CalendarDate) {
        self.catalog = catalog
        self.core = core
        self.asOf = asOf
        byShownName = Dictionary(grouping: catalog.offers) { Perceived.collapse($0.name) }
        let matrices = CatalogMatrices(core: core, asOf: asOf, gridLimit: MatrixSplit.gridLimit)
        self.matrices = matrices
        // Each source's row is read by its part page, its list and its offer page in both formats:
        // worked out once, on both cores.
        rows = Dictionary(
            zip(
                catalog.offers.map(\.id),
                ConcurrentMap.run(catalog.offers) { offer in
                    matrices.matrix(of: offer.program).row(of: offer.id)
                }), uniquingKeysWith: { first, _ in first })
    }

    func decision(_ from: Offer, _ to: Offer) -> MatrixCell {
        matrices.cell(from: from, to: to)
    }

    /// The matrix of `source`'s program, with its row: the rule core's cell against each offer of the program.
    func row(of source: Offer) -> (matrix: MatrixRows, row: MatrixRow)? {
        let matrix = matrices.matrix(of: source.program)
        return (rows[source.id] ?? matrix.row(of: source.id)).map { (matrix, $0) }
    }

    /// From the source's matrix row: every cell but those blocked for the closed world alone, which
    /// no eligible cell is, so a catalogue of thousands costs each row's paths, not every pair.
    func eligibleTargets(of source: Offer, in program: ProgramID) -> [Offer] {
        guard source.program == program, let (matrix, row) = row(of: source) else {
            return catalog.offers(in: program).filter { decision(source, $0).verdict == .eligible }
        }
        return row.cells(except: [.pathNotSupported]).filter { $0.cell.verdict == .eligible }.map { matrix.offers[$0.column] }
    }

    /// A source the list form must show: it has eligible targets, and not all of its
    /// paths are left to a footnote.
    func listsSource(_ source: Offer, in program: ProgramID) -> Bool {
        let targets = eligibleTargets(of: source, in: program)
        let paths = catalog.paths.filter { $0.from == source.id && targets.map(\.id).contains($0.to) }
        return !targets.isEmpty && !paths.allSatisfy { $0.statedBy != nil }
    }

    /// An offer named on a page: its exact name first (a name may end in a mark), then by id,
    /// name or alias without footnote marks. A name two programs share is read in `program`, the
    /// program of the page or table it stands in.
    func offer(named text: String, in program: ProgramID? = nil) -> Offer? {
        if let exact = byShownName[text] {
            return exact.first { $0.program == program } ?? exact.first
        }
        return catalog.lookUpOffer(
            String(text.unicodeScalars.filter { !Self.marks.contains($0) }).trimmingSpacesAndTabs, in: program)
    }

    /// What a matrix cell must show a sighted reader and say to a screen reader, worked out here
    /// from the rule core and the contract's symbols, not taken from the builder.
    func shown(_ cell: MatrixCell, from source: Offer, to target: Offer) -> (seen: String, heard: String) {
        if cell.verdict == .eligible {
            // An eligible decision with a caution is never a plain ✓: the mark and its words come with it.
            let caution = catalog.caution(cell.verdict, cell.advisories)
            let seen = caution == nil ? "✓" : "✓" + Markup.cautionMark
            let heard = caution.map { "Eligible, with caution: \($0)" } ?? "Eligible"
            guard let mark = mark(from: source, to: target) else { return (seen, heard) }
            return (seen + mark, heard + " (see note \(mark))")
        }
        if let variant = cell.regionalVariant.flatMap(catalog.offer) {
            return (Perceived.collapse("↪ \(variant.name)"), Perceived.collapse("Region mismatch: use \(variant.name)"))
        }
        let reasons = cell.reasons.map { catalog.rule(for: $0, in: source.program)?.blocked ?? $0.rawValue }
        return (Markup.blockedMark, Perceived.collapse("Blocked: " + reasons.joined(separator: "; ")))
    }

    /// The footnote mark the source table puts on a path.
    func mark(from source: Offer, to target: Offer) -> String? {
        catalog.path(from: source.id, to: target.id)?.footnote.flatMap(catalog.footnote)?.mark
    }

    /// The eligible targets of a list-form row, in the order `paths.yaml` lists them, then the rest.
    func listed(from source: Offer, in program: ProgramID) -> [Offer] {
        let order = Dictionary(
            catalog.paths(from: source.id).enumerated().map { ($0.element.to, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        return eligibleTargets(of: source, in: program).enumerated()
            .sorted { (order[$0.element.id] ?? .max, $0.offset) < (order[$1.element.id] ?? .max, $1.offset) }.map(\.element)
    }

    /// One target as a list-form row shows it: its name, and the path's footnote mark.
    func listEntry(from source: Offer, to target: Offer) -> String {
        Perceived.collapse(target.name) + (mark(from: source, to: target) ?? "")
    }

    static let marks = Set("¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars)

    static func describe(_ cell: MatrixCell) -> String {
        cell.reasons.isEmpty
            ? cell.verdict.rawValue
            : "\(cell.verdict.rawValue) (\(cell.reasons.map(\.rawValue).joined(separator: ", ")))"
    }
}
