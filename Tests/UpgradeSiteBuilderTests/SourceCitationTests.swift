import Foundation
import Testing
import TestSupport
import UpgradeCore
@testable import UpgradeSiteBuilder

/// Every fact on a page names its source: an offer's possible upgrades and a matrix cite the pages
/// their paths come from, linked where site.yaml says where the page is; the home page lists them all.
@Suite("Facts name their sources")
struct SourceCitationTests {
    @Test("An offer's possible upgrades and the matrix cite their paths' sources, linked")
    func pathsCiteTheirSources() throws {
        let files = try SiteFixture.build()
        let catalog = SiteFixture.content.catalog
        let source = try #require(SiteFixture.content.settings.sources.first)
        for offer in catalog.offers where !catalog.paths(from: offer.id).isEmpty {
            let page = SiteFixture.file("offers/\(offer.id).md", in: files)
            let line = try #require(page.split(separator: "\n").first { $0.hasPrefix("Listed by: ") }, "\(offer.id)")
            #expect(line.contains("[\(source.title)](<\(source.url)>)"), "\(offer.id): \(line)")
        }
        #expect(SiteFixture.file("matrix/legacy.md", in: files).contains("The paths are as listed by [\(source.title)]"))
    }

    @Test("The home page lists every source page with its address")
    func homePageListsSources() throws {
        let index = SiteFixture.file("index.md", in: try SiteFixture.build())
        for source in SiteFixture.content.settings.sources {
            #expect(index.contains("- [\(source.title)](<\(source.url)>)"), "\(source.title)")
        }
    }
}
