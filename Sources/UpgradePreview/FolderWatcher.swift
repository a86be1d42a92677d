import Foundation
import Glibc

/// Notices saves in the watched folders through inotify: the kernel queues an event for
/// each write, rename, creation or deletion, and a look is one `read` of that queue, so an
/// idle preview over 10,000 pages costs nothing between saves. Editors save in many ways
/// (rename over, truncate and write, new folders); each of them raises one of the events
/// watched, and a new folder is watched as soon as it appears. Where inotify cannot be had
/// (no more watches, say), it falls back to comparing every file's size and time.
final class FolderWatcher: @unchecked Sendable {
    let folders: [String]
    /// The inotify queue, or -1 when polling.
    private let queue: Int32
    /// Folders by watch descriptor, to watch the new folders an event names. Touched only
    /// by the one task that calls `changed()`.
    private var watched: [Int32: String] = [:]
    private var stamps: [String: Stamp] = [:]

    private static let events = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    struct Stamp: Equatable {
        let size: Int
        let modified: Double
    }

    init(folders: [String], useInotify: Bool = true) {
        self.folders = folders
        var queue = useInotify ? inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) : -1
        if queue >= 0 {
            for folder in folders where !Self.watchTree(folder, queue: queue, into: &watched) {
                close(queue)
                queue = -1
                watched = [:]
                break
            }
        }
        self.queue = queue
        if queue < 0 { stamps = look() }
    }

    deinit { if queue >= 0 { close(queue) } }

    /// Whether the kernel watches the folders, rather than a poll of every file.
    var isEvented: Bool { queue >= 0 }

    /// Whether anything changed since the last call (or since the watcher was made).
    func changed() -> Bool {
        guard queue >= 0 else {
            let now = look()
            defer { stamps = now }
            return now != stamps
        }
        var any = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(queue, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = watched[descriptor] {
                    let name = String(decoding: buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }, as: UTF8.self)
                    _ = Self.watchTree(parent + "/" + name, queue: queue, into: &watched)
                }
                offset = nameStart + length
            }
        }
        return any
    }

    /// Watches `folder` and every folder below it; false when the kernel refuses a watch.
    private static func watchTree(_ folder: String, queue: Int32, into watched: inout [Int32: String]) -> Bool {
        let descriptor = inotify_add_watch(queue, folder, events | UInt32(IN_ONLYDIR))
        // A folder that is gone (or not a folder) is nothing to watch; a refusal for lack of watches is.
        guard descriptor >= 0 else { return errno != ENOSPC && errno != ENOMEM }
        watched[descriptor] = folder
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for child in children.sorted() {
            var isFolder: ObjCBool = false
            let path = folder + "/" + child
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            if !watchTree(path, queue: queue, into: &watched) { return false }
        }
        return true
    }

    /// Every file's size and modification time: the fallback's look.
    func look() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: keys)
            while let url = enumerator?.nextObject() as? URL {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[url.path] = Stamp(
                    size: values.fileSize ?? 0,
                    modified: values.contentModificationDate?.timeIntervalSinceReferenceDate ?? 0)
            }
        }
        return stamps
    }
}
