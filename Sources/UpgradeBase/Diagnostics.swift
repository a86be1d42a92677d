/// The one way problems are collected. Each stage adds to one of these and
/// goes on after an error, so one run reports every problem it can find.
/// Work on both cores may add to the same one: its list sits behind a lock.
package final class Diagnostics: Sendable {
    private let list = Locked<[Diagnostic]>([])

    package init() {}

    /// In the order they were added.
    package var all: [Diagnostic] { list.withLock { $0 } }

    package var hasErrors: Bool { list.withLock { $0.contains { $0.severity == .error } } }
    package var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    package func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [Diagnostic.Note] = []
    ) {
        append(Diagnostic(.error, code, message, at: location, notes: notes))
    }

    package func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [Diagnostic.Note] = []
    ) {
        append(Diagnostic(.warning, code, message, at: location, notes: notes))
    }

    package func append(_ diagnostic: Diagnostic) {
        list.withLock { $0.append(diagnostic) }
    }

    package func append(contentsOf more: some Sequence<Diagnostic>) {
        let more = Array(more)
        list.withLock { $0 += more }
    }

    /// Sorted by place, so output reads top to bottom through each file; problems at one
    /// place keep the order they were found in. Work on both cores writes to different files.
    package var sorted: [Diagnostic] {
        all.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    /// Throws every problem, sorted, when there is an error among them; warnings alone pass.
    package func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw DiagnosticError(sorted) }
    }
}
