import UpgradeBase

/// What a test asserts of a diagnostic besides its code and place: the data it is about (ids,
/// keys, values, suggestions), never the words around them, which may be reworded freely.
extension Diagnostic {
    /// Whether the message quotes each of `values` ('x'), in that order.
    package func names(_ values: String...) -> Bool { names(values) }

    package func names(_ values: [String]) -> Bool {
        var rest = message[...]
        for value in values {
            guard let found = rest.range(of: "'\(value)'") else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    /// Whether the message mentions each of `words` (rule ids, codes, verdicts) as a whole word,
    /// in that order, quoted or not.
    package func mentions(_ words: String...) -> Bool { mentions(words) }

    package func mentions(_ words: [String]) -> Bool {
        let tokens = message.split { !($0.isLetter || $0.isNumber || "-_".contains($0)) }.map(String.init)
        var rest = tokens[...]
        for word in words {
            guard let found = rest.firstIndex(of: word) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
    }
}
