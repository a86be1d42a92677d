import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// What every HTML page must hold, whatever its kind: this generator's name and the
/// site's as-of date, only the scripts its kind carries (no inline script), only the
/// site's stylesheet, nothing hidden in its main content, and only the tables its
/// kind has, each once.
struct PageVerification {
    let kind: PageKind
    let file: String
    let path: String
    let asOf: CalendarDate

    /// The scripts each kind of page loads, relative to the site's root; every other page has none.
    static func scripts(of kind: PageKind) -> [String] {
        [SitePaths.siteScript] + own(kind)
    }

    private static func own(_ kind: PageKind) -> [String] {
        switch kind {
        case .checker: [SitePaths.checkerData, SitePaths.checkerAsset]
        case .offer: [SitePaths.filterAsset]
        // Search answers a question about two offers with the checker's own core.
        case .search: [SitePaths.checkerData, SitePaths.checkerAsset, SitePaths.searchAsset, SitePaths.searchPages]
        default: []
        }
    }

    func verify(_ page: HTMLElement, _ report: inout Tally) {
        let generator = page.descendants(named: "meta", where: { $0.attributes["name"] == "generator" })
        if generator.map({ $0.attributes["content"] ?? "" }) != [Generator.name] {
            fail("the page does not name \(Generator.name) as its generator", line: generator.first?.line ?? 1, &report)
        }
        for fact in page.descendants(named: "dl", where: { $0.hasClass("facts") }).flatMap(\.elements) {
            let parts = fact.elements
            guard parts.count == 2, Perceived(parts[0]).seen == "As of" else { continue }
            let shown = Perceived(parts[1]).seen
            if shown != asOf.description {
                fail("the page says it is as of \(shown), but the site is as of \(asOf)", line: fact.line, &report)
            }
        }
        let expected = Self.scripts(of: kind).map { Self.relative($0, from: file) }
        let scripts = page.descendants(named: "script")
        for script in scripts where script.attributes["src"] == nil {
            fail("an inline script, which this generator never writes", line: script.line, &report)
        }
        let loaded = scripts.compactMap { $0.attributes["src"] }
        if loaded != expected {
            fail(
                "the page loads the scripts \(Self.list(loaded)), but a \(kind.rawValue) page loads \(Self.list(expected))",
                line: scripts.first?.line ?? 1, &report)
        }
        let sheets = page.descendants(named: "link", where: { ($0.attributes["rel"] ?? "").lowercased() == "stylesheet" })
        let stylesheet = Self.relative(SitePaths.stylesheet, from: file)
        for sheet in sheets where sheet.attributes["href"] != stylesheet {
            fail(
                "the page loads the stylesheet '\(sheet.attributes["href"] ?? "")'; the site has only \(stylesheet)",
                line: sheet.line, &report)
        }
        for style in page.descendants(named: "style") {
            let css = style.ownText
            for finding in StylesheetVerification.findings(in: css) {
                fail(
                    "a style rule hides or draws content in verified tables: \(finding.rule)",
                    line: style.line + finding.line - 1, code: .stylesheet, &report)
            }
        }
        // The checker's page shows and hides its own parts as it answers; prose may hold raw HTML.
        if let main = page.descendants(named: "main").first, kind != .page, kind != .checker, kind != .search {
            for hidden in main.concealedElements {
                fail("the page holds \(hidden.what), which no reader meets", line: hidden.line, &report)
            }
        }
        verifyTables(page, &report)
    }

    /// The tables a page's kind has, each the number of times it should appear.
    private func verifyTables(_ page: HTMLElement, _ report: inout Tally) {
        var seen: [String: Int] = [:]
        for table in page.descendants(named: "table") {
            let classes = table.classes.map(String.init)
            guard let known = classes.first(where: Self.tableClasses.contains) else {
                if kind != .page {
                    fail(
                        "a table this kind of page does not have (class '\(table.attributes["class"] ?? "")')", line: table.line,
                        &report)
                }
                continue
            }
            let key =
                known + " "
                + [Markup.Data.program, Markup.Data.table, Markup.Data.part]
                .compactMap { table.attributes[$0] }.joined(separator: " ")
            seen[key, default: 0] += 1
            if seen[key] == 2 { fail("the \(known) table appears more than once", line: table.line, &report) }
            if !allowed(known) { fail("a \(known) table on a \(kind.rawValue) page, which has none", line: table.line, &report) }
        }
    }

    private func allowed(_ tableClass: String) -> Bool {
        switch kind {
        case .matrix:
            [Markup.TableClass.matrix, Markup.TableClass.list, Markup.TableClass.parts, Markup.TableClass.part].contains(
                tableClass)
        case .rules: [Markup.TableClass.decision, "examples"].contains(tableClass)
        case .print, .page:
            [Markup.TableClass.decision, Markup.TableClass.matrix, Markup.TableClass.list, "examples"].contains(tableClass)
        case .offer: tableClass == "offer-index" && file == SitePaths.offers.file(.html)
        case .index, .role, .checker, .search: false
        }
    }

    static let tableClasses: Set<String> = [
        Markup.TableClass.matrix, Markup.TableClass.list, Markup.TableClass.parts,
        Markup.TableClass.part, Markup.TableClass.decision, "examples", "offer-index",
    ]

    /// `target` (from the site's root) as a link from `page`.
    static func relative(_ target: String, from page: String) -> String {
        String(repeating: "../", count: page.count { $0 == "/" }) + target
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

    private func fail(
        _ message: String, line: Int, code: DiagnosticCode = .pageStructure, _ report: inout Tally
    ) {
        report.fail(code, message, file: path, line: line)
    }
}
