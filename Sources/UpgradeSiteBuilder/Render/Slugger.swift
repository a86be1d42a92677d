import UpgradeBase
import UpgradeSiteContract
/// Makes heading ids that are unique on one page: "Checks, in order" → "checks-in-order".
final class Slugger {
    private var used: Set<String> = []

    func reserve(_ id: String) { used.insert(id) }

    func slug(for text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if (scalar == " " || scalar == "-" || scalar == "_"), !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var unique = slug, counter = 1
        while used.contains(unique) {
            unique = "\(slug)-\(counter)"
            counter += 1
        }
        used.insert(unique)
        return unique
    }
}
