/// How a file of one site differs in another.
package enum Change: String, Sendable {
    case added, removed, changed
}

/// A file that one build writes differently from another.
package struct FileChange: Hashable, Sendable {
    package let path: String
    package let change: Change

    package init(path: String, change: Change) {
        self.path = path
        self.change = change
    }

    /// The files two complete builds write differently, by path.
    package static func between(_ base: [GeneratedFile], _ head: [GeneratedFile]) -> [FileChange] {
        let before = Dictionary(base.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(head.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { path in
            switch (before[path], after[path]) {
            case (nil, _?): FileChange(path: path, change: .added)
            case (_?, nil): FileChange(path: path, change: .removed)
            case let (old?, new?) where old != new: FileChange(path: path, change: .changed)
            default: nil
            }
        }
    }
}
