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
        _ = try #require(source.url, "the first source has an address")
        let sources = SiteFixture.content.settings.sources
        for offer in catalog.offers where !catalog.paths(from: offer.id).isEmpty {
            let page = SiteFixture.file("offers/\(offer.id).md", in: files)
            let line = try #require(page.split(separator: "\n").first { $0.hasPrefix("Listed by: ") }, "\(offer.id)")
            for path in catalog.paths(from: offer.id) {
                let cited = try #require(sources.first { path.source.hasPrefix($0.title) }, "\(path.source)")
                #expect(line.contains("[\(cited.title)](<\(cited.url ?? "")>)"), "\(offer.id): \(line)")
            }
        }
        #expect(SiteFixture.file("matrix/legacy.md", in: files).contains("The paths are as listed by [\(source.title)]"))
    }

    @Test("The home page lists every source with its address, and marks the site's own guidance")
    func homePageListsSources() throws {
        let index = SiteFixture.file("index.md", in: try SiteFixture.build())
        let sources = SiteFixture.content.settings.sources
        #expect(sources.contains(where: \.own) && sources.contains { $0.url == nil && !$0.own })
        for source in sources {
            switch (source.url, source.own) {
            case (let url?, _): #expect(index.contains("- [\(source.title)](<\(url)>)"), "\(source.title)")
            case (nil, true): #expect(index.contains("- \(source.title): what this site advises on its own"))
            case (nil, false): #expect(index.contains("- \(source.title) (no public address recorded)"))
            }
        }
    }

    @Test("Role guides cite the permissions page; the portal steps and role guidance say they are the site's own")
    func roleGuidesCiteSources() throws {
        let files = try SiteFixture.build()
        let catalog = SiteFixture.content.catalog
        let own = try #require(SiteFixture.content.settings.sources.first { $0.own })
        #expect(catalog.portalStepsSource.hasPrefix(own.title))
        for role in catalog.roles {
            let page = SiteFixture.file("roles/\(role.id).md", in: files)
            let permissions = try #require(page.split(separator: "\n").first { $0.hasPrefix("**Permissions**") })
            let cited = try #require(SiteFixture.content.settings.sources.first { role.source.hasPrefix($0.title) })
            #expect(permissions.contains("Source: [\(cited.title)](<\(cited.url ?? "")>)"), "\(role.id)")
            if role.canUpgrade {
                #expect(page.contains("in Partner Center (source: \(catalog.portalStepsSource)):"), "\(role.id)")
            }
            if !role.guidance.isEmpty {
                #expect(page.contains("This site's own advice for the role, not a statement of the source page."))
            }
        }
    }

    @Test("Each interpretation names the page whose text leaves its question open")
    func interpretationsCiteSources() throws {
        let page = SiteFixture.file("interpretations.md", in: try SiteFixture.build())
        let sourceLines = page.split(separator: "\n").filter { $0.hasPrefix("**Source**: ") }
        #expect(sourceLines.count == SiteFixture.content.catalog.interpretations.count)
        for line in sourceLines {
            #expect(SiteFixture.content.settings.sources.contains { line.contains("[\($0.title)](<") }, "\(line)")
        }
    }
}
