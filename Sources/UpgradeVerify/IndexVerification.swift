import Foundation
import UpgradeCore
import UpgradeSiteContract

/// The home page's counts, and its links: each leads to a page the site has, and every
/// matrix, role guide, decision table and prose page is linked from it.
struct IndexVerification {
    let catalog: Catalog
    let proseSlugs: [String]
    let site: String
    let file: String

    var counts: [(label: String, value: String)] {
        [("Offers", String(catalog.offers.count)), ("Upgrade paths", String(catalog.paths.count))]
    }

    var linked: [PagePath] {
        [SitePaths.checker, SitePaths.offers, SitePaths.print]
            + catalog.programs.filter { !catalog.offers(in: $0.id).isEmpty }.map { SitePaths.matrix($0.id) }
            + catalog.roles.map { SitePaths.role($0.id) } + catalog.tables.map { SitePaths.table($0.id) }
            + proseSlugs.map(SitePaths.prose)
    }

    func verify(html page: HTMLElement, _ report: inout Tally) {
        judge(StatementVerification.facts(html: page), &report)
        judge(
            links: page.descendants(named: "a").compactMap { link in link.attributes["href"].map { ($0, link.line) } },
            format: .html, &report)
    }

    func verify(markdown text: String, _ report: inout Tally) {
        var links: [(String, Int)] = []
        for (index, line) in MarkdownTableReader.lines(text).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
                links.append((String(rest[open.upperBound..<close]), index + 1))
                rest = rest[close...]
            }
        }
        judge(StatementVerification.facts(markdown: text), &report)
        judge(links: links, format: .md, &report)
    }

    private func judge(_ facts: [StatementVerification.Fact], _ report: inout Tally) {
        for (label, value) in counts {
            guard let shown = facts.first(where: { $0.label == label }) else {
                report.fail(.indexPage, "the home page does not give the number of \(label.lowercased())", file: file, line: 1)
                continue
            }
            if shown.text != value {
                report.fail(
                    .indexPage, "the home page says \(label): \(shown.text), the model has \(value)", file: file, line: shown.line
                )
            }
        }
    }

    private func judge(links: [(href: String, line: Int)], format: PageFormat, _ report: inout Tally) {
        var targets = Set<String>()
        for (href, line) in links where !href.contains("://") && !href.hasPrefix("#") && !href.hasPrefix("mailto:") {
            let target = String(href.prefix { $0 != "#" && $0 != "?" })
            targets.insert(target)
            if !FileManager.default.fileExists(atPath: site + "/" + target) {
                report.fail(.indexPage, "the link '\(href)' leads to a page the site does not have", file: file, line: line)
            }
        }
        for page in linked {
            // The checker works only in HTML, so both twins link its HTML page.
            let target = page == SitePaths.checker ? page.file(.html) : page.file(format)
            if !targets.contains(target) {
                report.fail(.indexPage, "the home page does not link to \(target)", file: file, line: 1)
            }
        }
    }
}
