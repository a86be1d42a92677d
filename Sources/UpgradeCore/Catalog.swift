/// The whole canonical model, validated. Everything the site says is derived
/// from one of these.
package struct Catalog: Sendable {
    package let programs: [Program]
    package let regions: [Region]
    package let services: [Service]
    /// In the order the content lists them, which is the order pages show them.
    package let offers: [Offer]
    /// Products people confuse with an offer, which the model is not about.
    package let differentProducts: [DifferentProduct]
    package let paths: [UpgradePath]
    package let footnotes: [Footnote]
    /// Every program's rules: the default rule set's in rule order, then each other program's.
    /// Rule ids are unique across them; codes only within a rule set.
    package let rules: [Rule]
    /// Every program's advice; codes are unique across them.
    package let advisories: [AdvisoryRule]
    /// The default rule set, as one table from conditions to conclusions: the rules of every
    /// program that has none of its own.
    package let logic: ConditionLogic
    /// The rule sets of programs with rules of their own (new commerce decides on terms).
    package let ruleSets: [ProgramID: ConditionLogic]
    /// The rules a migration out of a program is decided by, for each program whose subscriptions
    /// migrate (`Program.migration`).
    package let migrationSets: [ProgramID: ConditionLogic]
    package let roles: [Role]
    /// The portal steps that submit an upgrade.
    package let portalSteps: [String]
    /// Where the portal steps come from; the site's own guidance says so.
    package let portalStepsSource: String
    package let interpretations: [Interpretation]
    package let examples: [Example]
    /// Decision tables, in the order of their file names.
    package let tables: [DecisionTable]

    private let offerIndex: [OfferID: Offer]
    private let targetsBySource: [OfferID: Set<OfferID>]
    private let pathsBySource: [OfferID: [UpgradePath]]
    private let offersByProgram: [ProgramID: [Offer]]
    /// What each folded name stands for (`resolve`).
    package let names: [String: NamedThing]
    private let familyMembers: [OfferID: [Offer]]

    /// Refuses a catalogue in which two rules share a code, or two advice entries do: a decision
    /// names its reasons and advice by code, and the second would be indistinguishable.
    package init(
        programs: [Program], regions: [Region], services: [Service], offers: [Offer],
        paths: [UpgradePath], footnotes: [Footnote], rules: [Rule], advisories: [AdvisoryRule],
        roles: [Role], portalSteps: [String], interpretations: [Interpretation], examples: [Example],
        tables: [DecisionTable] = [], differentProducts: [DifferentProduct] = [], portalStepsSource: String = "",
        ruleSets: [ProgramID: ConditionLogic] = [:], migrationSets: [ProgramID: ConditionLogic] = [:]
    ) throws(CatalogError) {
        let sets =
            [ConditionLogic(rules: rules, advisories: advisories)] + ruleSets.keys.sorted().map { ruleSets[$0]! }
            + migrationSets.keys.sorted().map { migrationSets[$0]! }
        var shared = sets.flatMap { set in
            Dictionary(grouping: set.rules, by: \.code).filter { $0.value.count > 1 }.keys.map(\.rawValue)
        }
        let allAdvice = sets.flatMap(\.advisories)
        shared += Dictionary(grouping: allAdvice, by: \.code).filter { $0.value.count > 1 }.keys.map(\.rawValue)
        guard shared.isEmpty else { throw CatalogError.sharedCodes(Array(Set(shared)).sorted()) }
        self.advisories = allAdvice
        logic = sets[0]
        self.ruleSets = ruleSets
        self.migrationSets = migrationSets
        self.programs = programs
        self.regions = regions
        self.services = services
        self.offers = offers
        self.paths = paths
        self.footnotes = footnotes
        self.rules = sets.flatMap(\.rules)
        self.roles = roles
        self.portalSteps = portalSteps
        self.portalStepsSource = portalStepsSource
        self.interpretations = interpretations
        self.examples = examples
        self.tables = tables
        offerIndex = Dictionary(offers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        pathsBySource = Dictionary(grouping: paths, by: \.from)
        targetsBySource = pathsBySource.mapValues { Set($0.map(\.to)) }
        offersByProgram = Dictionary(grouping: offers, by: \.program)
        self.differentProducts = differentProducts
        names = Self.nameTable(of: offers, differentProducts: differentProducts)
        familyMembers = Dictionary(grouping: offers, by: \.family)
    }

    package func offer(_ id: OfferID) -> Offer? { offerIndex[id] }
    package func program(_ id: ProgramID) -> Program? { programs.first { $0.id == id } }
    package func region(_ id: RegionID) -> Region? { regions.first { $0.id == id } }
    package func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }
    package func footnote(_ id: FootnoteID) -> Footnote? { footnotes.first { $0.id == id } }
    package func role(_ id: RoleID) -> Role? { roles.first { $0.id == id } }
    /// The rules and advice that decide for a program.
    package func logic(for program: ProgramID) -> ConditionLogic { ruleSets[program] ?? logic }
    /// The rules that decide a request: its source program's, or that program's migration rules.
    package func logic(for request: Request) -> ConditionLogic {
        guard request.migration != nil, let migration = migrationSets[request.from.program] else {
            return logic(for: request.from.program)
        }
        return migration
    }
    /// Where a program's subscriptions migrate, with the rules that decide it.
    package func migration(from program: ProgramID) -> (route: MigrationRoute, logic: ConditionLogic)? {
        guard let route = self.program(program)?.migration, let logic = migrationSets[program] else { return nil }
        return (route, logic)
    }
    /// The rules and advice a decision table restates.
    package func logic(of table: DecisionTable) -> ConditionLogic {
        guard let program = table.program else { return logic }
        return table.decidesMigration ? migrationSets[program] ?? logic : logic(for: program)
    }
    package func rule(for code: ReasonCode, in program: ProgramID) -> Rule? {
        logic(for: program).rules.first { $0.code == code }
    }
    /// The rule of a decision's reason, in the rule set that decided it.
    package func rule(for code: ReasonCode, deciding request: Request) -> Rule? {
        logic(for: request).rules.first { $0.code == code }
    }
    package func rule(_ id: RuleID) -> Rule? { rules.first { $0.id == id } }
    /// The first decision table with a row that restates the rule: where pages link its id.
    package func table(citing rule: RuleID) -> DecisionTable? {
        tables.first { $0.rules.contains { $0.cites == rule } }
    }
    package func advisory(_ code: AdvisoryCode) -> AdvisoryRule? { advisories.first { $0.code == code } }

    /// The caution an eligible decision with these advisories is shown with, if any: the words of
    /// the first advice that carries one. A blocked decision carries none; its ✗ says enough.
    package func caution(_ verdict: Verdict, _ advisories: [AdvisoryCode]) -> String? {
        guard verdict == .eligible else { return nil }
        return advisories.lazy.compactMap { self.advisory($0)?.caution }.first
    }

    /// The cautions a set of cells carries (`caution(_:_:)`), each once, in the order met.
    package func cautions(_ cells: some Sequence<MatrixCell>) -> [String] {
        var found: [String] = []
        for cell in cells {
            if let caution = caution(cell.verdict, cell.advisories), !found.contains(caution) { found.append(caution) }
        }
        return found
    }

    func hasPath(from: OfferID, to: OfferID) -> Bool {
        targetsBySource[from]?.contains(to) ?? false
    }

    package func offers(in program: ProgramID) -> [Offer] {
        offersByProgram[program] ?? []
    }

    /// The paths from `source`, in the order the content lists them.
    package func paths(from source: OfferID) -> [UpgradePath] {
        pathsBySource[source] ?? []
    }

    package func path(from source: OfferID, to target: OfferID) -> UpgradePath? {
        paths(from: source).first { $0.to == target }
    }

    /// Every variant of `offer`'s product, itself included, in content order.
    package func family(of offer: Offer) -> [Offer] {
        familyMembers[offer.family] ?? [offer]
    }

    /// The same product as `offer`, sold in `region` (nil: the global offer).
    package func variant(of offer: Offer, in region: RegionID?) -> Offer? {
        familyMembers[offer.family]?.first { $0.region == region }
    }

    package func serviceNames(_ ids: [ServiceID]) -> [String] {
        ids.map { service($0)?.name ?? $0.rawValue }
    }

    package func interpretations(affecting subject: Subject) -> [Interpretation] {
        interpretations.filter { $0.affects.contains(subject) }
    }
}

/// Why a catalogue cannot be made.
package enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Codes that more than one rule, or more than one advice entry, declares.
    case sharedCodes([String])

    package var description: String {
        switch self {
        case .sharedCodes(let codes):
            "more than one rule or advice has code " + codes.map { "'\($0)'" }.joined(separator: ", ")
                + "; a decision names its reasons and advice by code"
        }
    }
}
