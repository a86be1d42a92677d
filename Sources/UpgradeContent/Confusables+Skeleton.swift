import UpgradeCore

extension Confusables {
    private static let prototypes: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for group in groups {
            for scalar in group.characters.unicodeScalars { table[scalar] = group.prototype }
        }
        return table
    }()

    /// A name as it reads (UTS #39's skeleton, for letters and digits), folded as names are
    /// compared: each look-alike of ASCII text becomes that text, so "Вusiness" with a Cyrillic В
    /// and "Business" meet, while a Cyrillic в, which does not look like b, stays itself.
    static func reading(of name: String) -> String {
        var text = ""
        for scalar in Catalog.composed(name).unicodeScalars {
            if let prototype = prototypes[scalar] { text += prototype } else { text.unicodeScalars.append(scalar) }
        }
        return Catalog.fold(text)
    }

    /// The first character of `text` that only looks like ASCII, named for a message:
    /// "'В' (U+0412) is a letter of another script that reads as 'b'".
    static func firstLookAlike(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            guard let prototype = prototypes[scalar] else { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "'\(scalar)' (U+\(padded)) is a letter of another script that reads as '\(prototype)'"
        }
        return nil
    }
}
