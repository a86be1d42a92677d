import Foundation
import Testing
import TestSupport
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder

/// No green tick that misleads: a decision that is eligible but carries an advice with caution
/// words (legacy-withdrawn, after the withdrawal date) shows the ✓ with the caution mark and
/// those words, in the grid of both formats, the legend, the list form, the offer pages and the
/// print page; before the date the plain ✓ returns.
@Suite("A caution comes with every ✓ it applies to, and no other")
struct CautionTests {
    static let catalog = SiteFixture.content.catalog

    /// The eligible cells of the legacy grid whose decisions carry a caution, and those that do not.
    static func expected(asOf: CalendarDate) -> (caution: Int, plain: Int) {
        let core = RuleCore(catalog: catalog)
        var counts = (caution: 0, plain: 0)
        for from in catalog.offers(in: "legacy") {
            for to in catalog.offers(in: "legacy") {
                let decision = core.decide(Request(from: from, to: to, status: .active, holdings: [], asOf: asOf))
                guard decision.verdict == .eligible else { continue }
                if catalog.caution(.eligible, decision.advisories.map(\.code)) != nil {
                    counts.caution += 1
                } else {
                    counts.plain += 1
                }
            }
        }
        return counts
    }

    static func grid(_ text: String, html: Bool) -> (caution: Int, plain: Int) {
        if html {
            let cells = text.components(separatedBy: #"<td class="eligible""#).dropFirst()
            let caution = cells.filter { $0.contains(#"aria-hidden="true">✓⚠</span>"#) }.count
            return (caution, cells.count - caution)
        }
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(" | ✓") }
        let cells = rows.flatMap { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        return (cells.filter { $0.hasPrefix("✓⚠") }.count, cells.filter { $0.hasPrefix("✓") && !$0.hasPrefix("✓⚠") }.count)
    }

    @Test("After the withdrawal date every eligible cell carries the caution mark, and its words are there")
    func afterTheWithdrawal() throws {
        let asOf = SiteFixture.referenceDate
        let files = try SiteFixture.build(asOf: asOf)
        let expected = Self.expected(asOf: asOf)
        #expect(expected.caution > 0)
        for (path, html) in [("matrix/legacy.html", true), ("matrix/legacy.md", false)] {
            let text = SiteFixture.file(path, in: files)
            let shown = Self.grid(text, html: html)
            #expect(shown.caution == expected.caution && shown.plain == expected.plain, "\(path): \(shown)")
            #expect(text.contains("eligible, with caution: listed, but confirm it is still offered"), "\(path): the legend")
        }
        #expect(SiteFixture.file("offers/m365-business-basic.md", in: files).contains("⚠ listed, but confirm"))
        #expect(SiteFixture.file("print/decision-tables.html", in: files).contains("✓⚠"))
    }

    @Test("Before the withdrawal date the plain ✓ returns, and no page shows the caution mark")
    func beforeTheWithdrawal() throws {
        let asOf = try #require(CalendarDate(iso: "2021-06-01"))
        let files = try SiteFixture.build(asOf: asOf)
        let expected = Self.expected(asOf: asOf)
        #expect(expected.caution == 0 && expected.plain > 0)
        for (path, html) in [("matrix/legacy.html", true), ("matrix/legacy.md", false)] {
            let shown = Self.grid(SiteFixture.file(path, in: files), html: html)
            #expect(shown.caution == 0 && shown.plain == expected.plain, "\(path): \(shown)")
        }
        for file in files where file.path.hasPrefix("matrix/") || file.path.hasPrefix("offers/") || file.path.hasPrefix("print/")
        {
            #expect(!file.text.contains("⚠"), "\(file.path)")
        }
    }
}
