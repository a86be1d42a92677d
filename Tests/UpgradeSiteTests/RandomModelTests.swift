import Foundation
import PropertyBased
import Testing
import UpgradeContent
import UpgradeCore
@testable import UpgradeSite

/// SplitMix64: the same seed makes the same model on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid models: offers with random services, some regional variants,
/// random paths, names that need escaping, and any as-of date.
enum RandomModel {
    /// `size` is how many global offers; about a third get an India variant too.
    static func make(seed: UInt64, size: ClosedRange<Int> = 2...6) -> (LoadedContent, CalendarDate) {
        var random = SeededGenerator(state: seed)
        let seedCatalog = SiteFixture.content.catalog
        let services = (0..<6).map { Service(id: ServiceID("s\($0)"), name: "Service \($0)") }
        let region = Region(id: "india", name: "India")
        let awkward = ["Plain", "A <b>bold</b> | plan", "R&D \"Pro\"", "Back\\slash *star*", "Ünïcødé ✓"]
        var offers: [Offer] = []
        for index in 0..<Int.random(in: size, using: &random) {
            let name = "\(awkward.randomElement(using: &random)!) \(index)"
            let included = services.filter { _ in Bool.random(using: &random) }.map(\.id)
            offers.append(Offer(id: OfferID("o\(index)"), name: name, program: "legacy", services: included))
        }
        for base in offers where Int.random(in: 0..<3, using: &random) == 0 {
            offers.append(Offer(id: OfferID("\(base.id)-india"), name: "\(base.name) India", program: "legacy",
                                region: region.id, variantOf: base.id, services: base.services))
        }
        var paths: [UpgradePath] = []
        for from in offers {
            // A third of the pairs in a small model; a few paths a source in a large one, as real catalogues have.
            for to in offers where from.id != to.id && Int.random(in: 0..<max(3, offers.count / 4), using: &random) == 0 {
                paths.append(UpgradePath(from: from.id, to: to.id))
            }
        }
        let withdrawn = CalendarDate(year: 2022, month: 3, day: 1)!
        let program = Program(id: "legacy", name: "legacy", withdrawnFrom: Bool.random(using: &random) ? withdrawn : nil,
                              withdrawalNote: "Withdrawn | mostly <soon>.")
        let catalog = Catalog(programs: [program], regions: [region], services: services, offers: offers, paths: paths,
                              footnotes: [], rules: seedCatalog.rules, roles: seedCatalog.roles,
                              portalSteps: seedCatalog.portalSteps, interpretations: [], examples: [],
                              tables: seedCatalog.tables)
        let asOf = CalendarDate(year: Int.random(in: 2019...2027, using: &random), month: Int.random(in: 1...12, using: &random),
                                day: Int.random(in: 1...28, using: &random))!
        let settings = SiteSettings(title: "Random <site> | \(seed)", asOf: asOf, rawHTML: false)
        return (LoadedContent(catalog: catalog, settings: settings), asOf)
    }
}

@Suite("Random valid models")
struct RandomModelTests {
    @Test("For random valid models, a freshly built site always verifies")
    func freshSitesVerify() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...Int.max)) { seed in
            let (content, asOf) = RandomModel.make(seed: UInt64(seed))
            let folder = SiteFixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf)
            _ = try SiteWriter(output: folder).write(files)
            let report = SiteVerifier(content: content, site: folder).verify()
            #expect(report.problems.isEmpty, "seed \(seed): \(report.problems.prefix(3))")
            #expect(report.cellsChecked == 3 * content.catalog.offers.count * content.catalog.offers.count)
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
        _ = try SiteWriter(output: folder).write(try SiteBuilder.build(content, templates: SiteFixture.templates, asOf: asOf))
        let path = folder + "/matrix/legacy.html"
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let flipped = html.contains(#"data-verdict="eligible""#)
            ? html.replacingOccurrences(of: #"data-verdict="eligible""#, with: #"data-verdict="blocked""#)
            : html.replacingOccurrences(of: #"data-verdict="blocked""#, with: #"data-verdict="eligible""#)
        try flipped.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(!SiteVerifier(content: content, site: folder).verify().problems.isEmpty)
    }
}
