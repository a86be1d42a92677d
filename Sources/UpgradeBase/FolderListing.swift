import Glibc

/// One name in a folder, and what the folder's own listing says it is.
package struct FolderEntry: Sendable, Equatable {
    package enum Kind: Sendable { case file, folder, link, other }

    package let name: String
    /// Never followed: a link is a link, whatever it leads to.
    package let kind: Kind
}

/// The names in a folder, with their kinds from `readdir`'s entry types: no call per entry,
/// which ten thousand pages would otherwise cost. A file system that leaves the type out is
/// asked with `fstatat`, without following a link.
package enum FolderListing {
    /// The entries of the folder at `path`, sorted by name, without `.` and `..`; nil when it
    /// cannot be opened as a folder.
    package static func entries(at path: String) -> [FolderEntry]? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return entries(ofOpen: descriptor)
    }

    /// The entries of the open folder `descriptor`, which stays open.
    package static func entries(ofOpen descriptor: Int32) -> [FolderEntry]? {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return nil
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var entries: [FolderEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            entries.append(FolderEntry(name: name, kind: kind(Int32(entry.pointee.d_type), name, in: descriptor)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    private static func kind(_ type: Int32, _ name: String, in descriptor: Int32) -> FolderEntry.Kind {
        switch type {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            case S_IFLNK: return .link
            default: return .other
            }
        default: return .other
        }
    }
}
