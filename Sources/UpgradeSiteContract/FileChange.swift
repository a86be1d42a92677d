/// How a file of one site differs in another.
public enum Change: String, Sendable {
    case added, removed, changed
}

/// A file that one build writes differently from another.
public struct FileChange: Hashable, Sendable {
    public let path: String
    public let change: Change

    public init(path: String, change: Change) {
        self.path = path
        self.change = change
    }

    /// The files two complete builds write differently, by path.
    public static func between(_ base: [GeneratedFile], _ head: [GeneratedFile]) -> [FileChange] {
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
