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
public struct SiteVerifier {
    let content: LoadedContent
    let site: String
    var catalog: Catalog { content.catalog }

    public init(content: LoadedContent, site: String) {
        self.content = content
        self.site = site.hasSuffix("/") && site.count > 1 ? String(site.dropLast()) : site
    }

    /// How much was held against the rule core.
    public struct Coverage: Sendable, Equatable {
        public var tables = 0
        public var cells = 0
        public var rows = 0

        mutating func add(_ other: Coverage) {
            tables += other.tables
            cells += other.cells
            rows += other.rows
        }
    }

    /// Adds every mismatch to `diagnostics`, and says how much was checked.
    public func verify(into diagnostics: Diagnostics) -> Coverage {
        var report = Tally(diagnostics: diagnostics)
        guard let (asOf, files) = manifest(&report) else { return report.coverage }
        let core = RuleCore(catalog: catalog)
        let expectations = Expectations(catalog: catalog, core: core, asOf: asOf)
        var judged = Set<String>()
        for program in catalog.programs where !catalog.offers(in: program.id).isEmpty {
            let base = SitePaths.matrix(program.id).description
            if MatrixSplit.splits(offerCount: catalog.offers(in: program.id).count) {
                verifyParts(of: program.id, base: base, files: files, expectations: expectations, &report)
                judged.formUnion(files.filter { $0.hasPrefix(base + "/") })
                continue
            }
            if let html = read(base + ".html", &report) {
                let tables = HTMLTableReader.tables(in: html)
                expect(tables, has: "upgrade-matrix", program: program.id, file: base + ".html", &report)
                expect(tables, has: "upgrade-list", program: program.id, file: base + ".html", &report)
            }
            if let markdown = read(base + ".md", &report) {
                MarkdownVerification(expectations: expectations, program: program.id, file: path(base + ".md"))
                    .verify(MarkdownTableReader.tables(in: markdown), &report)
            }
        }
        for table in catalog.tables {
            let base = SitePaths.table(table.id).description
            if let html = read(base + ".html", &report),
               !HTMLTableReader.tables(in: html).contains(where: { $0.attributes[Markup.Data.table] == table.id.rawValue }) {
                report.diagnostics.append(problem("no decision table '\(table.id)' on the page", file: base + ".html"))
            }
            if let markdown = read(base + ".md", &report) {
                DecisionTableVerification(table: table, rules: catalog.rules, file: path(base + ".md"))
                    .verify(markdown: MarkdownTableReader.tables(in: markdown), &report)
            }
        }
        let offers = OfferVerification(expectations: expectations, site: site)
        for offer in catalog.offers {
            for format in PageFormat.allCases {
                let file = SitePaths.offer(offer.id).file(format)
                if let text = read(file, &report) { offers.verify(offer, text: text, file: file, &report) }
            }
        }
        if let data = read(SitePaths.checkerData, &report) {
            offers.verifyCheckerData(data, asOf: asOf, &report)
        }
        // Every table in every HTML page: the canonical pages, the print page, and prose embeds.
        for file in files where file.hasSuffix(".html") && !judged.contains(file) {
            guard let html = read(file, &report) else { continue }
            // Most pages of a large site (the offers') have no table: a byte search spares parsing them.
            guard html.containsBytes("<table") else { continue }
            for table in HTMLTableReader.tables(in: html) {
                verify(table, expectations: expectations, file: file, &report)
            }
        }
        return report.coverage
    }

    private func verify(_ table: HTMLTableReader.Table, expectations: Expectations, file: String, _ report: inout Tally) {
        let classes = table.cssClasses
        if classes.contains("upgrade-matrix") || classes.contains("upgrade-list") {
            guard let program = table.attributes["data-program"].map({ ProgramID($0) }) else {
                report.diagnostics.append(problem("a matrix without data-program", file: file, line: table.line))
                return
            }
            let verification = HTMLMatrixVerification(expectations: expectations, program: program, file: path(file))
            classes.contains("upgrade-matrix") ? verification.verifyGrid(table, &report)
                                               : verification.verifyList(table, &report)
        } else if classes.contains("decision-table") {
            guard let id = table.attributes[Markup.Data.table], let expected = catalog.tables.first(where: { $0.id.rawValue == id }) else {
                report.diagnostics.append(problem("a decision table with no known data-table id", file: file, line: table.line))
                return
            }
            DecisionTableVerification(table: expected, rules: catalog.rules, file: path(file)).verify(html: table, &report)
        }
    }

    /// A split program: an overview of its parts, and the parts that the manifest lists under it.
    private func verifyParts(of program: ProgramID, base: String, files: [String], expectations: Expectations,
                             _ report: inout Tally) {
        if let html = read(base + ".html", &report) {
            expect(HTMLTableReader.tables(in: html), has: "upgrade-parts", program: program, file: base + ".html", &report)
        }
        _ = read(base + ".md", &report)
        let parts = files.filter { $0.hasPrefix(base + "/") }
        func texts(_ suffix: String) -> [(file: String, text: String)] {
            parts.filter { $0.hasSuffix(suffix) }.compactMap { file in read(file, &report).map { (file, $0) } }
        }
        PartVerification(expectations: expectations, program: program, site: site)
            .verify(html: texts(".html"), markdown: texts(".md"), overview: base, &report)
    }

    private func expect(_ tables: [HTMLTableReader.Table], has cssClass: String, program: ProgramID, file: String,
                        _ report: inout Tally) {
        guard !tables.contains(where: { $0.cssClasses.contains(cssClass) && $0.attributes["data-program"] == program.rawValue })
        else { return }
        report.diagnostics.append(problem("no table.\(cssClass) for program \(program) on the page", file: file))
    }

    private func manifest(_ report: inout Tally) -> (CalendarDate, [String])? {
        guard let text = read(Manifest.fileName, &report) else { return nil }
        guard let manifest = Manifest(reading: Array(text.utf8)), let asOf = CalendarDate(iso: manifest.asOf) else {
            report.diagnostics.append(problem("cannot read the manifest: it needs asOf and files", file: Manifest.fileName))
            return nil
        }
        return (asOf, manifest.entries.map(\.path).sorted())
    }

    private func read(_ file: String, _ report: inout Tally) -> String? {
        guard let data = FileManager.default.contents(atPath: path(file)) else {
            report.diagnostics.append(problem("missing: the site has no \(file); run 'upgradedocs build'", file: file))
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func path(_ file: String) -> String { site + "/" + file }

    private func problem(_ message: String, file: String, line: Int = 1) -> Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(file: path(file), line: line))
    }
}

/// One verification under way: where its problems go, and what it has covered so far.
struct Tally {
    let diagnostics: Diagnostics
    var coverage = SiteVerifier.Coverage()

    func fail(_ message: String, file: String, line: Int) {
        diagnostics.error(message, at: SourceLocation(file: file, line: line))
    }
}

/// What the rule core says each published table should show, as of the site's date.
struct Expectations {
    let catalog: Catalog
    let core: RuleCore
    let asOf: CalendarDate
    /// Each program's decisions, worked out once: a grid, its list form and the print page all read them.
    private let matrices: CatalogMatrices

    init(catalog: Catalog, core: RuleCore, asOf: CalendarDate) {
        self.catalog = catalog
        self.core = core
        self.asOf = asOf
        matrices = CatalogMatrices(core: core, asOf: asOf, gridLimit: MatrixSplit.gridLimit)
    }

    func decision(_ from: Offer, _ to: Offer) -> MatrixCell {
        matrices.cell(from: from, to: to)
    }

    /// The matrix of `source`'s program, with its row: the rule core's cell against each offer of the program.
    func row(of source: Offer) -> (matrix: MatrixRows, row: MatrixRow)? {
        let matrix = matrices.matrix(of: source.program)
        return matrix.row(of: source.id).map { (matrix, $0) }
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
    /// name or alias without footnote marks.
    func offer(named text: String) -> Offer? {
        if let exact = catalog.offers.first(where: { $0.name == text }) { return exact }
        return catalog.lookUpOffer(String(text.unicodeScalars.filter { !Self.marks.contains($0) }).trimmingSpacesAndTabs)
    }

    /// What a matrix cell must show a sighted reader and say to a screen reader, worked out here
    /// from the rule core and the contract's symbols, not taken from the builder.
    func shown(_ cell: MatrixCell, from source: Offer, to target: Offer) -> (seen: String, heard: String) {
        if cell.verdict == .eligible {
            guard let mark = mark(from: source, to: target) else { return ("✓", "Eligible") }
            return ("✓" + mark, "Eligible (see note \(mark))")
        }
        if let variant = cell.regionalVariant.flatMap(catalog.offer) { return ("↪", "Region mismatch: use \(variant.name)") }
        return ("—", "Blocked: " + cell.reasons.map(\.rawValue).joined(separator: ", "))
    }

    /// The footnote mark the source table puts on a path.
    func mark(from source: Offer, to target: Offer) -> String? {
        catalog.path(from: source.id, to: target.id)?.footnote.flatMap(catalog.footnote)?.mark
    }

    /// The eligible targets of a list-form row, in the order `paths.yaml` lists them, then the rest.
    func listed(from source: Offer, in program: ProgramID) -> [Offer] {
        let order = Dictionary(catalog.paths(from: source.id).enumerated().map { ($0.element.to, $0.offset) },
                               uniquingKeysWith: { first, _ in first })
        return eligibleTargets(of: source, in: program).enumerated()
            .sorted { (order[$0.element.id] ?? .max, $0.offset) < (order[$1.element.id] ?? .max, $1.offset) }.map(\.element)
    }

    /// One target as a list-form row shows it: its name, and the path's footnote mark.
    func listEntry(from source: Offer, to target: Offer) -> String {
        target.name + (mark(from: source, to: target) ?? "")
    }

    static let marks = Set("¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars)

    static func describe(_ cell: MatrixCell) -> String {
        cell.reasons.isEmpty ? cell.verdict.rawValue
            : "\(cell.verdict.rawValue) (\(cell.reasons.map(\.rawValue).joined(separator: ", ")))"
    }
}
