import Foundation
import Testing
import TestSupport
import UpgradeSiteContract
@testable import UpgradeSiteBuilder

/// A printed sheet must be read without a screen: a cover says what the sheets are, as of when
/// and from which pages; the signs cannot be mistaken for one another; a legend's symbol stays
/// with its words. (scripts/check-site prints the page in Chromium and reads the PDF back.)
@Suite("Printed sheets read alone")
struct PrintTests {
    static let files = Result { try SiteFixture.build() }

    static func printPage() throws -> String {
        SiteFixture.file(SitePaths.print.file(.html), in: try files.get())
    }

    @Test("The cover names every sheet, the as-of date and each cited source with its address")
    func coverSheet() throws {
        let page = try Self.printPage()
        let start = try #require(page.range(of: #"id="cover""#), "the print page has a cover section")
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        let cover = String(page[start.lowerBound..<end.lowerBound])
        let titles = page.components(separatedBy: #"<section class="print-page""#).dropFirst().compactMap { section in
            section.range(of: "<h2").flatMap { heading in
                section[heading.upperBound...].split(separator: ">", maxSplits: 1).last?
                    .split(separator: "<", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        let catalog = SiteFixture.content.catalog
        #expect(
            titles.count == catalog.tables.count + 2 * catalog.programs.count,
            "each decision table, and each program's matrix and its list form: \(titles)")
        for title in titles {
            #expect(cover.contains(HTML.escape(title)), "\(title)")
        }
        #expect(page.contains("as of \(SiteFixture.referenceDate)"))
        let cited = SiteFixture.content.settings.sources.filter { source in
            SiteFixture.content.catalog.rules.contains { $0.source.contains(source.title) }
        }
        #expect(!cited.isEmpty)
        for source in cited {
            #expect(cover.contains(#"href="\#(source.url ?? "")""#), "\(source.title)")
        }
    }

    @Test("On paper a blocked cell's ✗ cannot be taken for the dash a decision table writes for any value")
    func signsDiffer() throws {
        let page = try Self.printPage()
        #expect(Markup.blockedMark != "-" && Markup.blockedMark != "—")
        let blocked = page.components(separatedBy: #"<td class="blocked""#).dropFirst()
        #expect(!blocked.isEmpty)
        for cell in blocked {
            let symbol = cell.components(separatedBy: #"<span class="symbol" aria-hidden="true">"#).dropFirst().first?
                .prefix { $0 != "<" }
            #expect(symbol == Substring(Markup.blockedMark) || symbol == "↪", "\(cell.prefix(120))")
        }
        #expect(page.contains(#"data-input="#) && page.contains(">-</td>"), "the decision tables keep - for any")
    }

    @Test("Every legend keeps its symbol with its first word, on the sheet and in the margin")
    func legendSymbolsStayWithTheirWords() throws {
        let margins = [PrintView.matrixLegend(cautions: ["listed, but confirm"]), PrintView.tableLegend]
        for legend in margins {
            for item in legend.components(separatedBy: " · ")
            where item.unicodeScalars.first.map({ !$0.properties.isAlphabetic }) ?? false {
                #expect(item.first { $0 == " " || $0 == "\u{00A0}" } == "\u{00A0}", "\(item)")
            }
        }
        let matrix = SiteFixture.file("matrix/legacy.html", in: try Self.files.get())
        let legend = try #require(matrix.components(separatedBy: #"class="matrix-legend""#).dropFirst().first)
        let items = legend.components(separatedBy: "</ul>")[0].components(separatedBy: "<li").dropFirst()
        #expect(items.count >= 4)
        for item in items where item.contains(#"class="symbol""#) {
            let after = item.components(separatedBy: "</span>").dropFirst(2).first ?? ""
            #expect(after.hasPrefix("\u{00A0}"), "\(item.prefix(160))")
        }
    }
}
