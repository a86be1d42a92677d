import Foundation
import PropertyBased
import Testing
import UpgradeContent
import UpgradeCore
@testable import UpgradeVerify
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract
import UpgradeBase
import TestSupport

@Suite("Random valid models")
struct RandomModelTests {
    @Test("For random valid models, a freshly built site always verifies")
    func freshSitesVerify() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...Int.max)) { seed in
            let (content, asOf) = RandomModel.make(seed: UInt64(seed))
            let folder = SiteFixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf)
            _ = try SiteWriter(output: folder).write(files, asOf: asOf.description)
            let report = VerifyRun(content: content, site: folder)
            #expect(report.problems.isEmpty, "seed \(seed): \(report.problems.prefix(3))")
            // The HTML grid, the Markdown grid, and the print page's grid in both formats.
            let catalog = content.catalog
            let squares = catalog.programs.map { catalog.offers(in: $0.id).count }.map { $0 * $0 }.reduce(0, +)
            #expect(report.coverage.cells == 4 * squares)
        }
    }

    @Test("No false alarms: a program split into part pages, with hostile names, always verifies")
    func hostileNamesInPartsVerify() async {
        await propertyCheck(count: 3, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SeededGenerator(seed: UInt64(seed))
            let names = RandomModel.hostileNames.shuffled(using: &random)
            let (content, asOf) = RandomModel.make(seed: UInt64(seed), size: 110...120, names: names)
            let folder = SiteFixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf)
            _ = try SiteWriter(output: folder).write(files, asOf: asOf.description)
            #expect(files.contains { $0.path.hasPrefix("matrix/legacy/part-") }, "the program is split")
            let report = VerifyRun(content: content, site: folder)
            #expect(report.problems.isEmpty, "seed \(seed): \(report.problems.prefix(5))")
        }
    }

    @Test("No false alarms: sites whose offers have hostile but legal names always verify")
    func hostileNamesVerify() async {
        await propertyCheck(count: 20, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SeededGenerator(seed: UInt64(seed))
            let names = RandomModel.hostileNames.shuffled(using: &random)
            let (content, asOf) = RandomModel.make(seed: UInt64(seed), size: 3...9, names: names)
            let folder = SiteFixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf)
            _ = try SiteWriter(output: folder).write(files, asOf: asOf.description)
            let report = VerifyRun(content: content, site: folder)
            #expect(report.problems.isEmpty, "seed \(seed): \(report.problems.prefix(5))")
        }
    }

    @Test("For random valid models, a matrix row is what decide says of every pair")
    func matrixRowsAreDecisions() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...Int.max)) { seed in
            let (content, asOf) = RandomModel.make(seed: UInt64(seed), size: 2...12)
            let catalog = content.catalog, core = RuleCore(catalog: catalog)
            let matrix = MatrixRows(core: core, offers: catalog.offers, asOf: asOf)
            for (row, source) in catalog.offers.enumerated() {
                for (cell, target) in zip(matrix.row(at: row).cells, catalog.offers) {
                    let decision = core.decide(Request(from: source, to: target, status: .active, holdings: [], asOf: asOf))
                    #expect(cell == MatrixCell(decision), "seed \(seed): \(source.id) → \(target.id)")
                }
            }
        }
    }

    @Test("…and the check is not vacuous: flipping one cell of a random site fails it")
    func flippedRandomSitesFail() async throws {
        let (content, asOf) = RandomModel.make(seed: 42)
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteWriter(output: folder).write(
            try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf),
            asOf: asOf.description)
        let path = folder + "/matrix/legacy.html"
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let flipped =
            html.contains(#"data-verdict="eligible""#)
            ? html.replacingOccurrences(of: #"data-verdict="eligible""#, with: #"data-verdict="blocked""#)
            : html.replacingOccurrences(of: #"data-verdict="blocked""#, with: #"data-verdict="eligible""#)
        try flipped.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(!VerifyRun(content: content, site: folder).problems.isEmpty)
    }
}
