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
/// when it failed. Open pages follow it through `subscribe`.
final class LiveSite: Sendable {
    struct State {
        var files: [String: [UInt8]] = [:]
        /// Counts the builds that changed a file; a page reloads when its generation is behind.
        var generation = 0
        var problems: [Diagnostic] = []
        var clients: [UUID: AsyncStream<String>.Continuation] = [:]
        /// How many pages have connected since the start: each load of a page connects once.
        var connections = 0
    }

    private let state = Locked(State())

    /// Takes a build's result. A failed build keeps the last good files, so the site stays
    /// readable while the overlay says what is wrong. Returns whether any file changed.
    @discardableResult
    func publish(_ build: PreviewBuild) -> Bool {
        let (message, clients, changed) = state.withLock { state in
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
            return (Self.status(of: state), Array(state.clients.values), changed)
        }
        for client in clients { client.yield(message) }
        return changed
    }

    func file(_ path: String) -> (bytes: [UInt8], generation: Int)? {
        state.withLock { state in state.files[path].map { ($0, state.generation) } }
    }

    var status: String { state.withLock { Self.status(of: $0) } }

    /// The current state now, and each new one as builds finish, until the page goes away.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let current = state.withLock { state in
            state.clients[id] = continuation
            state.connections += 1
            return Self.status(of: state)
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.clients.removeValue(forKey: id) }
        }
        continuation.yield(current)
        return stream
    }

    func disconnectAll() {
        let clients = state.withLock { state in
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.finish() }
    }

    /// `{"generation": N, "problems": [...], "codes": [...], "connections": N}`: what the reload script
    /// and tests read; each problem as `path:line:column: error: message [code]`, and its code alone.
    private static func status(of state: State) -> String {
        JSONValue.object([
            ("generation", .number(state.generation)),
            ("problems", .array(state.problems.map { .string($0.description) })),
            ("codes", .array(state.problems.map { .string($0.code.rawValue) })),
            ("connections", .number(state.connections)),
        ]).serialized()
    }
}
