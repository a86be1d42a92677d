import Foundation
import UpgradeBase
import UpgradeSiteContract

/// What a preview build gave: the site's files, or the problems that stopped it,
/// each already worded as a located diagnostic.
package enum PreviewBuild: Sendable {
    /// Every file of the site, and how many of them this build made (the others it kept from the last).
    case built([GeneratedFile], made: Int)
    case failed([Diagnostic])
}

/// The site being served: the last good build, and the problems of the last build
/// when it failed. Open pages follow it by asking for `status`.
final class LiveSite: Sendable {
    struct State {
        var files: [String: [UInt8]] = [:]
        /// Counts the builds that changed a file; a page reloads when its generation is behind.
        var generation = 0
        var problems: [Diagnostic] = []
    }

    private let state = Locked(State())

    /// Takes a build's result. A failed build keeps the last good files, so the site stays
    /// readable while the overlay says what is wrong. Returns whether any file changed.
    @discardableResult
    func publish(_ build: PreviewBuild) -> Bool {
        state.withLock { state in
            var changed = false
            switch build {
            case .built(let files, _):
                let next = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
                changed = next != state.files
                if changed {
                    state.files = next
                    state.generation += 1
                }
                state.problems = []
            case .failed(let problems):
                state.problems = problems
            }
            return changed
        }
    }

    func file(_ path: String) -> (bytes: [UInt8], generation: Int)? {
        state.withLock { state in state.files[path].map { ($0, state.generation) } }
    }

    var status: String { state.withLock { Self.status(of: $0) } }

    /// `{"generation": N, "problems": [...], "codes": [...]}`: what the reload script and tests read;
    /// each problem as `path:line:column: error: message [code]`, and its code alone.
    private static func status(of state: State) -> String {
        JSONValue.object([
            ("generation", .number(state.generation)),
            ("problems", .array(state.problems.map { .string($0.description) })),
            ("codes", .array(state.problems.map { .string($0.code.rawValue) })),
        ]).serialized()
    }
}
