import UpgradeCore

/// What a decision table's `.dmn` file holds, for the builder that writes it and `verify`, which
/// reads it back with its own reader (DESIGN.md §3, third wave): DMN 1.3, one decision with one
/// decision table, hit policy as the page's, each input named by its condition in camelCase.
package enum DMNContract {
    package static let model = "https://www.omg.org/spec/DMN/20191111/MODEL/"
    package static let diagram = "https://www.omg.org/spec/DMN/20191111/DMNDI/"
    package static let shapes = "http://www.omg.org/spec/DMN/20180521/DC/"
    package static let waypoints = "http://www.omg.org/spec/DMN/20180521/DI/"

    /// The DMN name of a hit policy, as the `hitPolicy` attribute spells it.
    package static func hitPolicy(_ policy: HitPolicy) -> String {
        switch policy {
        case .unique: "UNIQUE"
        case .any: "ANY"
        case .first: "FIRST"
        case .ruleOrder: "RULE ORDER"
        case .collect: "COLLECT"
        }
    }

    /// A condition's name in FEEL: `listed-path` → `listedPath`, the name of its `inputData` and the
    /// text of its input expression.
    package static func inputName(_ condition: Condition) -> String {
        let words = condition.rawValue.split(separator: "-")
        return words.enumerated().map { index, word in index == 0 ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }
        .joined()
    }

    /// A value as a FEEL string literal; nil for one that would need escaping, which the build refuses.
    package static func literal(_ value: String) -> String? {
        guard !value.isEmpty,
            value.unicodeScalars.allSatisfy({ $0.isASCII && !"\"\\".unicodeScalars.contains($0) && $0.value >= 0x20 })
        else { return nil }
        return "\"" + value + "\""
    }

    /// The entry for "any value" and for an empty output.
    package static let any = "-"
    package static let none = "null"
}
