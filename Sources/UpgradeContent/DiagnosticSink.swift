import UpgradeCore
import Yams

/// Collects problems across a whole load, so one run reports all of them.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    func append(_ more: [Diagnostic]) {
        diagnostics += more
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    /// Sorted by place, so output reads top to bottom through each file.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}

extension SourceLocation {
    init(file: String, node: Node?) {
        self.init(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }
}

/// " (did you mean 'x'?)" when something close enough exists.
func suggestion(for word: String, among candidates: [String]) -> String {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, word.count / 3)
    else { return "" }
    return " (did you mean '\(best.0)'?)"
}
