import Testing
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// A rule cites the page it comes from; where `site.yaml` says where that page is, the
/// citation links there, in both formats, and every page says when it was last reviewed.
@Suite("Sources are links, and every page says when it was reviewed")
struct CitationTests {
    static func content(sources: [SiteSettings.Source], reviewed: CalendarDate?) -> LoadedContent {
        let fixture = SiteFixture.content
        let settings = SiteSettings(
            title: fixture.settings.title, asOf: fixture.settings.asOf,
            rawHTML: fixture.settings.rawHTML, reviewed: reviewed, sources: sources)
        return LoadedContent(catalog: fixture.catalog, settings: settings, pages: fixture.pages)
    }

    @Test("A rule's source links to the page site.yaml names, in HTML and in Markdown")
    func sourceLinks() throws {
        let url = "https://learn.microsoft.com/partner-center/customers/add-licenses-or-services-to-an-existing-subscription"
        let content = Self.content(sources: [.init(title: "Add licenses or more services", url: url)], reviewed: nil)
        let files = try SiteFixture.build(content)
        // The table that restates the first rule lists its source.
        let table = try #require(content.catalog.table(citing: content.catalog.rules[0].id))
        let html = SiteFixture.file(SitePaths.table(table.id).file(.html), in: files)
        let markdown = SiteFixture.file(SitePaths.table(table.id).file(.md), in: files)
        #expect(html.contains("Source: <a href=\"\(url)\">Add licenses or more services</a>, "))
        #expect(markdown.contains("Source: [Add licenses or more services](<\(url)>), "))
        // Without a known page the source stays text.
        let plain = try SiteFixture.build(Self.content(sources: [], reviewed: nil))
        #expect(
            SiteFixture.file(SitePaths.table(table.id).file(.html), in: plain).contains("Source: Add licenses or more services, ")
        )
    }

    @Test("Every page says when it was last reviewed, from the model, never from the clock")
    func reviewedOnEveryPage() throws {
        let day = CalendarDate(year: 2026, month: 10, day: 31)!
        let files = try SiteFixture.build(Self.content(sources: [], reviewed: day))
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 20)
        for page in pages {
            #expect(page.text.contains("<dt>Last reviewed</dt>"), "\(page.path)")
            #expect(page.text.contains("2026-10-31"), "\(page.path)")
        }
        let none = try SiteFixture.build(Self.content(sources: [], reviewed: nil))
        #expect(!none.contains { $0.text.contains("Last reviewed") })
    }
}
