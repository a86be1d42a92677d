import UpgradeCore

/// How a program's matrix is laid out. While every column fits a screen and a
/// landscape sheet, it is one grid. Beyond that a grid is a wall no one can
/// read, so the program is split into parts: pages that each take a run of
/// source offers in name order and name, for each, every possible upgrade and
/// every target blocked for a reason other than the closed world.
public struct MatrixLayout {
    /// The most offers one grid shows.
    public static let gridLimit = 30
    /// The most source offers one part page lists.
    public static let partSize = 100
    /// What every pair a part page does not name is: not a listed upgrade path.
    static let unshownReasons: [ReasonCode] = [.pathNotSupported]
    /// What a part row shows where a source has no possible upgrade.
    static let noTargets = "None"

    let program: Program
    let offers: [Offer]
    /// Source offers in name order, `partSize` a part; none when the program is one grid.
    let parts: [[Offer]]

    init(program: Program, offers: [Offer]) {
        self.program = program
        self.offers = offers
        guard Self.splits(offers) else {
            parts = []
            return
        }
        let sorted = offers.map { (key: NameKey($0.name), offer: $0) }
            .sorted { ($0.key, $0.offer.id.rawValue) < ($1.key, $1.offer.id.rawValue) }.map(\.offer)
        parts = stride(from: 0, to: sorted.count, by: Self.partSize).map {
            Array(sorted[$0..<min($0 + Self.partSize, sorted.count)])
        }
    }

    var isSplit: Bool { Self.splits(offers) }

    /// Whether a program of these offers is too large for one grid.
    static func splits(_ offers: [Offer]) -> Bool { offers.count > gridLimit }

    static func part(_ number: Int, of program: ProgramID) -> PagePath {
        PagePath("matrix", program.rawValue, "part-\(number)")
    }

    /// The anchor of a source's row on its part page.
    static func anchor(of source: OfferID) -> String { "from-\(source)" }
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
