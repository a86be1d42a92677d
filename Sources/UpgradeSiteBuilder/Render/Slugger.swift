import UpgradeBase
import UpgradeSiteContract
/// Makes heading ids that are unique on one page: "Checks, in order" → "checks-in-order".
final class Slugger {
    private var used: Set<String>

    /// `reserved`: ids no heading may take. Taken as a set, shared until a heading is added, rather
    /// than inserted one by one: every page starts from the layout's ids.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    func reserve(_ id: String) { used.insert(id) }

    func slug(for text: String) -> String {
        unique(text.utf8.allSatisfy { $0 < 0x80 } ? Self.asciiBase(text) : Self.base(text))
    }

    /// The words of `text`, lowercased and joined by `-`; letters of any script count as words.
    static func base(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if (scalar == " " || scalar == "-" || scalar == "_"), !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// `base` for ASCII text, byte by byte: most headings are ASCII, and this is the same slug.
    static func asciiBase(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): slug.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"):
                if let last = slug.last, last != UInt8(ascii: "-") { slug.append(UInt8(ascii: "-")) }
            default: break
            }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        return String(decoding: slug, as: UTF8.self)
    }

    private func unique(_ slug: String) -> String {
        let slug = slug.isEmpty ? "section" : slug
        var unique = slug, counter = 1
        while used.contains(unique) {
            unique = "\(slug)-\(counter)"
            counter += 1
        }
        used.insert(unique)
        return unique
    }
}
