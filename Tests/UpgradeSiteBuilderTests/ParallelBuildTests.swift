import Testing
import UpgradeBase
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// A build renders pages on both cores and hands them to the writer in batches;
/// none of that may change a byte.
@Suite("Using both cores")
struct ParallelBuildTests {
    @Test("Pages rendered on both cores, in batches, are the bytes a serial run makes")
    func parallelBuildMatchesSerial() throws {
        for (content, asOf) in [(SiteFixture.content, SiteFixture.referenceDate), RandomModel.make(seed: 7, size: 130...160)] {
            let files = try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf)
            let context = ViewContext(content: content, asOf: asOf)
            let navigation = Navigation(context: context)
            for page in SiteBuilder.pages(context, into: Diagnostics()) {
                let base = page.path.description
                #expect(
                    SiteFixture.file(base + ".html", in: files)
                        == PageRenderer.html(page, templates: SiteFixture.templates, context: context, navigation: navigation))
                #expect(SiteFixture.file(base + ".md", in: files) == PageRenderer.markdown(page, context: context))
            }
        }
    }
}

@Suite("The site map")
struct SiteMapTests {
    @Test("The paths check knows, without making a page, are the paths of the pages a build makes")
    func pagePathsAreThePages() {
        for (content, asOf) in [(SiteFixture.content, SiteFixture.referenceDate), RandomModel.make(seed: 7, size: 130...160)] {
            let context = ViewContext(content: content, asOf: asOf)
            #expect(
                SiteBuilder.pagePaths(context) == Set(SiteBuilder.pages(context, into: Diagnostics()).map(\.path.description)))
        }
    }
}
