import Foundation

/// Notices saves in the watched folders: each file's size and modification time,
/// compared with the last look. Polling rather than inotify, because editors save in
/// many ways (rename over, truncate and write, new folders) and every one of them
/// changes what `stat` says; a look at a few dozen files costs microseconds.
struct FolderWatcher: Sendable {
    let folders: [String]

    struct Stamp: Equatable {
        let size: Int
        let modified: Double
    }

    func look() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: keys)
            while let url = enumerator?.nextObject() as? URL {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[url.path] = Stamp(size: values.fileSize ?? 0,
                                         modified: values.contentModificationDate?.timeIntervalSinceReferenceDate ?? 0)
            }
        }
        return stamps
    }
}
