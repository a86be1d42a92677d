import Glibc

/// What the files in some folders are, without reading them: every name, and each file's
/// inode, size and modification time. Two equal snapshots mean no file was added, removed,
/// renamed or written in between, so a build made from the first would be made again, the
/// same, from the second: `make` and `ninja` decide the same way.
package struct SourceSnapshot: Sendable, Equatable {
    package let digest: String
    /// The latest modification time among the files, in nanoseconds. A file written in the
    /// same clock tick as a later write could keep its time; `isSettled(before:)` guards that.
    package let newest: Int64
    /// The stamp of each file (a link as what it leads to) of the folders asked for, by folder and
    /// name: a reader of those folders need not `stat` them again.
    package let stamps: [String: [String: FileStamp]]

    /// The folders' snapshot; nil when one cannot be read. The stamps are kept of the files in
    /// `kept`, which are folders as they are reached from `folders` (`content/pages`).
    package static func take(of folders: [String], keepingStampsOf kept: Set<String> = []) -> SourceSnapshot? {
        var fingerprint = Fingerprint()
        var newest: Int64 = 0
        var stamps: [String: [String: FileStamp]] = [:]
        for folder in folders {
            fingerprint.add(folder)
            guard walk(folder, into: &fingerprint, newest: &newest, stamps: &stamps, kept: kept) else { return nil }
        }
        return SourceSnapshot(digest: fingerprint.hex, newest: newest, stamps: stamps)
    }

    /// Whether every file was last written before `time` (a file-system time, such as a folder
    /// made now): then no write in the same tick can hide behind an unchanged time.
    package func isSettled(before time: Int64) -> Bool {
        newest < time
    }

    /// A file's modification time, in nanoseconds.
    package static func modified(_ info: stat) -> Int64 {
        let time = info.st_mtim
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    private static func walk(
        _ folder: String, into fingerprint: inout Fingerprint, newest: inout Int64,
        stamps: inout [String: [String: FileStamp]], kept: Set<String>
    ) -> Bool {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let entries = FolderListing.entries(ofOpen: descriptor) else { return false }
        var found: [String: FileStamp]? = kept.contains(folder) ? Dictionary(minimumCapacity: entries.count) : nil
        defer { if let found { stamps[folder] = found } }
        for entry in entries {
            let name = entry.name
            var link = stat(), target = stat()
            // Each name is looked up in the open folder, not along its whole path.
            guard fstatat(descriptor, name, &link, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            // A link counts as what it leads to (the readers follow it), and as the link itself;
            // anything else needs this one call.
            let followed = (link.st_mode & S_IFMT) == S_IFLNK && fstatat(descriptor, name, &target, 0) == 0 ? target : link
            let modified = Self.modified(followed), linkModified = Self.modified(link)
            newest = max(newest, modified, linkModified)
            found?[name] = FileStamp(followed)
            fingerprint.add(name)
            for number in [
                Int64(link.st_mode), Int64(bitPattern: UInt64(link.st_ino)), Int64(followed.st_mode),
                Int64(bitPattern: UInt64(followed.st_ino)), Int64(followed.st_size), modified,
            ] {
                fingerprint.add(number)
            }
            // Folders are walked; a link to a folder is not, which the readers refuse anyway.
            if (link.st_mode & S_IFMT) == S_IFDIR,
                !walk(folder + "/" + name, into: &fingerprint, newest: &newest, stamps: &stamps, kept: kept)
            {
                return false
            }
        }
        return true
    }
}
