import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// How a program's matrix is laid out: one grid, or, past `MatrixSplit.gridLimit`,
/// parts that each take a run of source offers in name order and name, for
/// each, every possible upgrade and every target blocked for a reason other
/// than the closed world.
struct MatrixLayout {

    let program: Program
    let offers: [Offer]
    /// Source offers in name order, `partSize` a part; none when the program is one grid.
    let parts: [[Offer]]

    init(program: Program, offers: [Offer]) {
        self.program = program
        self.offers = offers
        guard MatrixSplit.splits(offerCount: offers.count) else {
            parts = []
            return
        }
        let sorted = offers.map { (key: NameKey($0.name), offer: $0) }
            .sorted { ($0.key, $0.offer.id.rawValue) < ($1.key, $1.offer.id.rawValue) }.map(\.offer)
        parts = stride(from: 0, to: sorted.count, by: MatrixSplit.partSize).map {
            Array(sorted[$0..<min($0 + MatrixSplit.partSize, sorted.count)])
        }
    }

    var isSplit: Bool { !parts.isEmpty }
}

/// A name as a reader sorts it: without regard to case, and with runs of
/// digits compared as numbers, so "Offer 2" comes before "Offer 10" and
/// "E3" before "E5". Lowercasing and scalar order depend on no locale.
struct NameKey: Comparable {
    private enum Piece: Comparable {
        case number(Int, digits: Int)
        case text(String)
    }

    private let pieces: [Piece]

    init(_ name: String) {
        var pieces: [Piece] = []
        var run = "", inDigits = false
        func flush() {
            guard !run.isEmpty else { return }
            pieces.append(inDigits ? .number(Int(run.prefix(18)) ?? 0, digits: run.count) : .text(run))
            run = ""
        }
        for character in name.lowercased() {
            let digit = character.isASCII && character.isNumber
            if digit != inDigits { flush(); inDigits = digit }
            run.append(character)
        }
        flush()
        self.pieces = pieces
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.pieces.lexicographicallyPrecedes(rhs.pieces) }
}
