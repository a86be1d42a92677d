import UpgradeBase
import UpgradeSiteContract
/// Small changes that fit content text into a sentence.
extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
    var droppingFinalPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
