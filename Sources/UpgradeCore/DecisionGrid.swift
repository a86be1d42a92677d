/// Every cell of a matrix, worked out once, for a program small enough to
/// show as one grid: the grid, its list form and the print page all read the
/// same answers instead of deciding them again.
public struct DecisionGrid: Sendable {
    private let matrix: MatrixRows
    private let rows: [[MatrixCell]]

    public init(_ matrix: MatrixRows) {
        self.matrix = matrix
        rows = matrix.offers.indices.map { matrix.row(at: $0).cells }
    }

    /// Nil when either offer is not in the grid.
    public func cell(from: OfferID, to: OfferID) -> MatrixCell? {
        guard let row = matrix.index(of: from), let column = matrix.index(of: to) else { return nil }
        return rows[row][column]
    }
}

extension MatrixRows {
    /// One matrix per program of a catalog.
    public static func perProgram(of catalog: Catalog, core: RuleCore, asOf: CalendarDate) -> [ProgramID: MatrixRows] {
        Dictionary(uniqueKeysWithValues: catalog.programs.map { program in
            (program.id, MatrixRows(core: core, offers: catalog.offers(in: program.id), asOf: asOf))
        })
    }
}
