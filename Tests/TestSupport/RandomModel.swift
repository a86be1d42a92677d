import UpgradeContent
import UpgradeCore

/// Random valid models: offers with random services, some regional variants,
/// random paths, names that need escaping, and any as-of date.
package enum RandomModel {
    /// `size` is how many global offers; about a third get an India variant too.
    /// Legal names a reader must still see exactly: markup, table syntax, a trailing footnote-like
    /// mark, emoji, right-to-left text and a very long name.
    package static let hostileNames = [
        "Plan <br/> Pro", "Pipe | Plan", "Tick `code` plan", "Plan¹", "Rocket 🚀 plan", "خطة الأعمال",
        "R&D \"Pro\" <b>x</b>", "Star *bold* _under_ [link](x)", String(repeating: "Very long plan name ", count: 12),
    ]

    /// Every name `Object.prototype` answers to in JavaScript: as ids, names and queries they must
    /// find nothing in a script's lookups that the model did not put there.
    package static let prototypeMembers = [
        "constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    ]

    /// `ids`, when given, name the offers, services, region and program in turn.
    package static func make(
        seed: UInt64, size: ClosedRange<Int> = 2...6, names: [String]? = nil, ids: [String]? = nil
    ) -> (LoadedContent, CalendarDate) {
        var random = SeededGenerator(seed: seed)
        let seedCatalog = SiteFixture.content.catalog
        func id(_ index: Int, _ otherwise: String) -> String {
            guard let ids else { return otherwise }
            return ids[index % ids.count] + (index >= ids.count ? "-\(index)" : "")
        }
        let services = (0..<6).map { Service(id: ServiceID(id($0 + 3, "s\($0)")), name: "Service \($0)") }
        let region = Region(id: RegionID(id(1, "india")), name: "India")
        let programID = ProgramID(id(2, "legacy"))
        let awkward = ["Plain", "A <b>bold</b> | plan", "R&D \"Pro\"", "Back\\slash *star*", "Ünïcødé ✓"]
        var offers: [Offer] = []
        for index in 0..<Int.random(in: size, using: &random) {
            // A hostile name stands alone, so a trailing mark stays trailing; an index keeps names apart.
            let name =
                names.map { $0[index % $0.count] + (index >= $0.count ? " \(index)" : "") }
                ?? "\(awkward.randomElement(using: &random)!) \(index)"
            let included = services.filter { _ in Bool.random(using: &random) }.map(\.id)
            offers.append(Offer(id: OfferID(id(index, "o\(index)")), name: name, program: programID, services: included))
        }
        for base in offers where Int.random(in: 0..<3, using: &random) == 0 {
            offers.append(
                Offer(
                    id: OfferID("\(base.id)-\(region.id)"), name: "\(base.name) India", program: programID,
                    region: region.id, variantOf: base.id, services: base.services))
        }
        var paths: [UpgradePath] = []
        for from in offers {
            // A third of the pairs in a small model; a few paths a source in a large one, as real catalogues have.
            for to in offers where from.id != to.id && Int.random(in: 0..<max(3, offers.count / 4), using: &random) == 0 {
                paths.append(UpgradePath(from: from.id, to: to.id))
            }
        }
        // A second program that sells by terms, with the seed's rule set for it: drawn from its own
        // generator, so the first program's offers stay what each seed gave before.
        var termsRandom = SeededGenerator(seed: seed &+ 0x5EED)
        let termsProgram = Program(id: "new-commerce", name: "new commerce")
        var termOffers: [Offer] = []
        for index in 0..<Int.random(in: 2...4, using: &termsRandom) {
            // Some share a name with an offer of the first program, as the same product sold both ways does.
            let shared = index < offers.count && Bool.random(using: &termsRandom)
            let plans = Term.allCases.flatMap { term in Billing.allCases.map { Plan(term: term, billing: $0) } }
                .filter { $0.billing.months <= $0.term.months && Int.random(in: 0..<3, using: &termsRandom) > 0 }
            let endOfSale =
                Int.random(in: 0..<3, using: &termsRandom) == 0
                ? CalendarDate(year: Int.random(in: 2020...2028, using: &termsRandom), month: 6, day: 1) : nil
            let sale = Sale(
                sku: "CFQ7TTC0\(index)/0001", plans: Bool.random(using: &termsRandom) ? plans : [], endOfSale: endOfSale,
                convertibleAfterEndOfSale: Bool.random(using: &termsRandom),
                maxSeats: Bool.random(using: &termsRandom) ? Int.random(in: 1...400, using: &termsRandom) : nil,
                source: "Pricing and offers")
            termOffers.append(
                Offer(
                    id: OfferID(id(index + 9, "nc\(index)")), name: shared ? offers[index].name : "Terms plan <\(index)>",
                    program: termsProgram.id, services: services.filter { _ in Bool.random(using: &termsRandom) }.map(\.id),
                    sale: sale))
        }
        for from in termOffers {
            for to in termOffers where from.id != to.id && Bool.random(using: &termsRandom) {
                paths.append(UpgradePath(from: from.id, to: to.id))
            }
        }
        let withdrawn = CalendarDate(year: 2022, month: 3, day: 1)!
        let program = Program(
            id: programID, name: "legacy", withdrawnFrom: Bool.random(using: &random) ? withdrawn : nil,
            withdrawalNote: "Withdrawn | mostly <soon>.")
        let catalog = try! Catalog(
            programs: [program, termsProgram], regions: [region], services: services, offers: offers + termOffers,
            paths: paths, footnotes: [], rules: seedCatalog.logic.rules, advisories: seedCatalog.logic.advisories,
            roles: seedCatalog.roles, portalSteps: seedCatalog.portalSteps, interpretations: [], examples: [],
            tables: seedCatalog.tables, ruleSets: [termsProgram.id: seedCatalog.logic(for: termsProgram.id)])
        let asOf = CalendarDate(
            year: Int.random(in: 2019...2027, using: &random), month: Int.random(in: 1...12, using: &random),
            day: Int.random(in: 1...28, using: &random))!
        let settings = SiteSettings(title: "Random <site> | \(seed)", asOf: asOf, rawHTML: false)
        return (LoadedContent(catalog: catalog, settings: settings), asOf)
    }
}
