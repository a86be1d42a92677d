import UpgradeBase
import UpgradeCore
import Yams

extension SourceLocation {
    init(file: String, node: Node?) {
        self.init(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }
}

/// " (did you mean 'x'?)" when something close enough exists.
/// Candidates whose length differs by more than the limit cannot be close enough, and are not compared.
func suggestion(for word: String, among candidates: [String]) -> String {
    let length = word.count
    let limit = max(2, length / 3)
    let scored = candidates.filter { abs($0.count - length) <= limit }
        .map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= limit else { return "" }
    return " (did you mean '\(best.0)'?)"
}
