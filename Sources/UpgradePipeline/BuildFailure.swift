import UpgradeBase

/// Why a build, a comparison or a plan stopped, with every problem it found. The site's output
/// is as it was: the pipeline fails before the exchange or not at all.
package struct BuildFailure: Error, Sendable {
    /// The step that found the problems; it decides what the command says it did not do.
    package enum Stage: Sendable {
        /// The content folder did not load.
        case content
        /// The content loaded, but `check` rejects it.
        case checks
        /// The templates folder did not load.
        case templates
        /// The site could not be planned or made.
        case site
        /// The output could not be read, locked or written; it is as it was.
        case output
        /// A write failed half-way and could not be undone: the output holds part of this build.
        case partlyWritten
    }

    package let stage: Stage
    /// Every diagnostic, warnings included, in the order found.
    package let diagnostics: [Diagnostic]

    package var errors: Int { diagnostics.filter { $0.severity == .error }.count }

    package init(_ stage: Stage, _ diagnostics: [Diagnostic]) {
        self.stage = stage
        self.diagnostics = diagnostics
    }
}
