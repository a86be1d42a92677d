/// Every cell of a matrix, worked out once, for a program small enough to
/// show as one grid: the grid, its list form and the print page all read the
/// same answers instead of deciding them again.
struct DecisionGrid: Sendable {
    private let matrix: MatrixRows
    private let rows: [[MatrixCell]]

    init(_ matrix: MatrixRows) {
        self.matrix = matrix
        rows = matrix.offers.indices.map { matrix.row(at: $0).cells }
    }

    /// Nil when either offer is not in the grid.
    func cell(from: OfferID, to: OfferID) -> MatrixCell? {
        guard let row = matrix.index(of: from), let column = matrix.index(of: to) else { return nil }
        return rows[row][column]
    }
}

/// Every program's matrix as of one date, for the pages that show them and the
/// check that reads them back: rows on demand, and a program of at most
/// `gridLimit` offers kept whole as a `DecisionGrid`.
package struct CatalogMatrices: Sendable {
    private let core: RuleCore
    private let asOf: CalendarDate
    private let matrices: [ProgramID: MatrixRows]
    private let grids: [ProgramID: DecisionGrid]

    package init(core: RuleCore, asOf: CalendarDate, gridLimit: Int) {
        self.core = core
        self.asOf = asOf
        matrices = Dictionary(
            uniqueKeysWithValues: core.catalog.programs.map { program in
                (program.id, MatrixRows(core: core, offers: core.catalog.offers(in: program.id), asOf: asOf))
            })
        grids = matrices.filter { $0.value.offers.count <= gridLimit }.mapValues(DecisionGrid.init)
    }

    /// The matrix of a program: its offers, and each source's row against them.
    package func matrix(of program: ProgramID) -> MatrixRows {
        matrices[program] ?? MatrixRows(core: core, offers: [], asOf: asOf)
    }

    /// One cell: from the grid where there is one, else decided on the spot.
    package func cell(from: Offer, to: Offer) -> MatrixCell {
        grids[from.program]?.cell(from: from.id, to: to.id)
            ?? MatrixCell(core.decide(Request(from: from, to: to, status: .active, holdings: [], asOf: asOf)))
    }
}
