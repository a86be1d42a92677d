import UpgradeCore

/// When a program's matrix is split into part pages, and what a part page
/// leaves unsaid. While every column fits a screen and a landscape sheet, a
/// program is one grid; beyond that a grid is a wall no one can read.
package enum MatrixSplit {
    /// The most offers one grid shows.
    package static let gridLimit = 30
    /// The most source offers one part page lists.
    package static let partSize = 100
    /// What every pair a part page does not name is: not a listed upgrade path.
    package static let unshownReasons: [ReasonCode] = [.pathNotSupported]
    /// What a part row shows where a source has no possible upgrade.
    package static let noTargets = "None"

    /// Whether a program of this many offers is too large for one grid.
    package static func splits(offerCount: Int) -> Bool { offerCount > gridLimit }
}
