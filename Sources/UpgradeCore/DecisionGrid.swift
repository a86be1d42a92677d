/// The rule core's decision for every pair of a set of offers, for an active
/// subscription with no other holdings as of one date: what a matrix shows.
/// Worked out once, so each page and each check that reads a cell asks the
/// same answer instead of deciding it again.
public struct DecisionGrid: Sendable {
    private let position: [OfferID: Int]
    private let width: Int
    private let decisions: [Decision]

    public init(core: RuleCore, offers: [Offer], asOf: CalendarDate) {
        position = Dictionary(offers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        width = offers.count
        decisions = offers.flatMap { from in
            offers.map { to in core.decide(Request(from: from, to: to, status: .active, holdings: [], asOf: asOf)) }
        }
    }

    /// Nil when either offer is not in the grid.
    public func decision(from: OfferID, to: OfferID) -> Decision? {
        guard let row = position[from], let column = position[to] else { return nil }
        return decisions[row * width + column]
    }

    /// One grid per program of a catalog: the matrices a site shows.
    public static func perProgram(of catalog: Catalog, core: RuleCore, asOf: CalendarDate) -> [ProgramID: DecisionGrid] {
        Dictionary(uniqueKeysWithValues: catalog.programs.map { program in
            (program.id, DecisionGrid(core: core, offers: catalog.offers(in: program.id), asOf: asOf))
        })
    }
}
