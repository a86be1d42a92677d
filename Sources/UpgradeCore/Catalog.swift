/// The whole canonical model, validated. Everything the site says is derived
/// from one of these.
public struct Catalog: Sendable {
    public let programs: [Program]
    public let regions: [Region]
    public let services: [Service]
    /// In the order the content lists them, which is the order pages show them.
    public let offers: [Offer]
    public let paths: [UpgradePath]
    public let footnotes: [Footnote]
    /// In rule order: reasons are reported in this order.
    public let rules: [Rule]
    /// In the order advice is given.
    public let advisories: [AdvisoryRule]
    /// The rules and advice as one table from conditions to conclusions.
    public let logic: ConditionLogic
    public let roles: [Role]
    /// The portal steps that submit an upgrade.
    public let portalSteps: [String]
    public let interpretations: [Interpretation]
    public let examples: [Example]
    /// Decision tables, in the order of their file names.
    public let tables: [DecisionTable]

    private let offerIndex: [OfferID: Offer]
    private let targetsBySource: [OfferID: Set<OfferID>]
    private let pathsBySource: [OfferID: [UpgradePath]]
    private let offersByProgram: [ProgramID: [Offer]]
    let offersByFoldedName: [String: Offer]
    private let familyMembers: [OfferID: [Offer]]

    /// Refuses a catalogue in which two rules share a code, or two advice entries do: a decision
    /// names its reasons and advice by code, and the second would be indistinguishable.
    public init(programs: [Program], regions: [Region], services: [Service], offers: [Offer],
                paths: [UpgradePath], footnotes: [Footnote], rules: [Rule], advisories: [AdvisoryRule],
                roles: [Role], portalSteps: [String], interpretations: [Interpretation], examples: [Example],
                tables: [DecisionTable] = []) throws(CatalogError) {
        let reasons = Dictionary(grouping: rules, by: \.code).filter { $0.value.count > 1 }.keys.map(\.rawValue)
        let advice = Dictionary(grouping: advisories, by: \.code).filter { $0.value.count > 1 }.keys.map(\.rawValue)
        guard reasons.isEmpty, advice.isEmpty else { throw CatalogError.sharedCodes((reasons + advice).sorted()) }
        self.advisories = advisories
        logic = ConditionLogic(rules: rules, advisories: advisories)
        self.programs = programs
        self.regions = regions
        self.services = services
        self.offers = offers
        self.paths = paths
        self.footnotes = footnotes
        self.rules = rules
        self.roles = roles
        self.portalSteps = portalSteps
        self.interpretations = interpretations
        self.examples = examples
        self.tables = tables
        offerIndex = Dictionary(offers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        pathsBySource = Dictionary(grouping: paths, by: \.from)
        targetsBySource = pathsBySource.mapValues { Set($0.map(\.to)) }
        offersByProgram = Dictionary(grouping: offers, by: \.program)
        offersByFoldedName = Self.foldedNames(of: offers)
        familyMembers = Dictionary(grouping: offers, by: \.family)
    }

    public func offer(_ id: OfferID) -> Offer? { offerIndex[id] }
    public func program(_ id: ProgramID) -> Program? { programs.first { $0.id == id } }
    public func region(_ id: RegionID) -> Region? { regions.first { $0.id == id } }
    public func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }
    public func footnote(_ id: FootnoteID) -> Footnote? { footnotes.first { $0.id == id } }
    public func role(_ id: RoleID) -> Role? { roles.first { $0.id == id } }
    public func rule(for code: ReasonCode) -> Rule? { rules.first { $0.code == code } }
    public func rule(_ id: RuleID) -> Rule? { rules.first { $0.id == id } }
    /// The first decision table with a row that restates the rule: where pages link its id.
    public func table(citing rule: RuleID) -> DecisionTable? {
        tables.first { $0.rules.contains { $0.cites == rule } }
    }
    public func advisory(_ code: AdvisoryCode) -> AdvisoryRule? { advisories.first { $0.code == code } }

    func hasPath(from: OfferID, to: OfferID) -> Bool {
        targetsBySource[from]?.contains(to) ?? false
    }

    public func offers(in program: ProgramID) -> [Offer] {
        offersByProgram[program] ?? []
    }

    /// The paths from `source`, in the order the content lists them.
    public func paths(from source: OfferID) -> [UpgradePath] {
        pathsBySource[source] ?? []
    }

    public func path(from source: OfferID, to target: OfferID) -> UpgradePath? {
        paths(from: source).first { $0.to == target }
    }

    /// Every variant of `offer`'s product, itself included, in content order.
    public func family(of offer: Offer) -> [Offer] {
        familyMembers[offer.family] ?? [offer]
    }

    /// The same product as `offer`, sold in `region` (nil: the global offer).
    public func variant(of offer: Offer, in region: RegionID?) -> Offer? {
        familyMembers[offer.family]?.first { $0.region == region }
    }

    public func serviceNames(_ ids: [ServiceID]) -> [String] {
        ids.map { service($0)?.name ?? $0.rawValue }
    }

    public func interpretations(affecting subject: Subject) -> [Interpretation] {
        interpretations.filter { $0.affects.contains(subject) }
    }
}

/// Why a catalogue cannot be made.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Codes that more than one rule, or more than one advice entry, declares.
    case sharedCodes([String])

    public var description: String {
        switch self {
        case .sharedCodes(let codes):
            "more than one rule or advice has code " + codes.map { "'\($0)'" }.joined(separator: ", ")
                + "; a decision names its reasons and advice by code"
        }
    }
}
