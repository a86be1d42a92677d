import UpgradeBase
import UpgradeCore
import Yams

extension SourceLocation {
    init(file: String, node: Node?) {
        self.init(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }
}

/// " (did you mean 'x'?)" when something close enough exists.
func suggestion(for word: String, among candidates: [String]) -> String {
    closest(to: word.lowercased(), among: candidates.map { ($0.lowercased(), $0) }, limit: max(2, word.count / 3))
        .map { " (did you mean '\($0)'?)" } ?? ""
}
