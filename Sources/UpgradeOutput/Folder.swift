import CFileSystem
import Foundation
import UpgradeBase
import Glibc

/// An open folder, and every file operation the output needs, relative to it.
/// Nothing here follows a symbolic link: each name is opened, read, linked,
/// renamed or removed with `O_NOFOLLOW` or `AT_SYMLINK_NOFOLLOW`, so a link
/// planted in the output can neither be written through nor deleted through.
/// It holds nothing mutable, and a descriptor may be used from any thread.
final class Folder: @unchecked Sendable {
    let descriptor: Int32
    /// The folder's path, for messages only; nothing is opened by it.
    let path: String

    enum Entry: Equatable {
        case file, folder, link, other
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens `path` as a folder; nil when nothing is there. A link or a file there is an error.
    static func existing(_ path: String) throws(DiagnosticError) -> Folder? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 { return Folder(descriptor: descriptor, path: path) }
        if errno == ENOENT { return nil }
        throw refusal(at: path)
    }

    /// The folder `name` inside this one; nil when nothing is there.
    /// The folder at `path`, made with any folders above it that are missing; `what` names it in errors.
    static func made(_ path: String, what: String) throws(DiagnosticError) -> Folder {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.disk, "cannot create \(what): \(error.localizedDescription)", at: SourceLocation(file: path))
        }
        guard let folder = try existing(path) else {
            throw DiagnosticError(.disk, "\(what) is missing", at: SourceLocation(file: path))
        }
        return folder
    }

    func folder(_ name: String) throws(DiagnosticError) -> Folder? {
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if child >= 0 { return Folder(descriptor: child, path: path + "/" + name) }
        if errno == ENOENT { return nil }
        throw Self.refusal(at: path + "/" + name)
    }

    /// The folder `name` inside this one, made when it is missing.
    func makeFolder(_ name: String) throws(DiagnosticError) -> Folder {
        if mkdirat(descriptor, name, 0o755) != 0 && errno != EEXIST {
            throw Disk.failure("cannot create the folder", at: path + "/" + name)
        }
        guard let folder = try folder(name) else { throw Disk.failure("cannot open the folder", at: path + "/" + name) }
        return folder
    }

    /// What `name` is, without following a link; nil when nothing is there.
    func entry(_ name: String) -> Entry? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in the folder, sorted, without `.` and `..`.
    func names() throws(DiagnosticError) -> [String] {
        guard let entries = FolderListing.entries(ofOpen: descriptor) else {
            throw Disk.failure("cannot list the folder", at: path)
        }
        return entries.map(\.name)
    }

    /// The bytes of the regular file `name`; nil when it is not one.
    func contents(of name: String) -> [UInt8]? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        return FileBytes.contents(ofOpen: file)
    }

    /// Whether the regular file `name` holds exactly `bytes`; a size check first spares most reads.
    func holds(_ bytes: [UInt8], at name: String) -> Bool {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            Int(info.st_size) == bytes.count
        else { return false }
        return contents(of: name) == bytes
    }

    /// Creates the file `name`, which must not exist yet, holding `bytes`.
    func create(_ name: String, bytes: [UInt8]) throws(DiagnosticError) {
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Disk.failure("cannot write the file", at: path + "/" + name) }
        defer { close(file) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Disk.failure("cannot write the file", at: path + "/" + name) }
            offset += count
        }
    }

    /// When the folder itself was last changed, by the file system's clock: for a folder just
    /// made, the time of "now" that no input written before it can reach.
    var modified: Int64 {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? SourceSnapshot.modified(info) : .max
    }

    /// What tells one version of the regular file `name` from another without reading it:
    /// its inode, size and modification time. Nil when it is not a regular file.
    func identity(of name: String) -> FileIdentity? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(info)
    }

    /// Puts a file holding `bytes` at `name` in one rename, so a reader meets the old file or
    /// the new one, whole. What stands at `name` is replaced, never followed; a folder there is an error.
    /// Replaces `name` whole, through a file beside it that is on disk before the rename, so that
    /// after a crash or a power cut the name holds the old bytes or the new ones.
    func replace(_ name: String, bytes: [UInt8]) throws(DiagnosticError) {
        try stage(name, bytes: bytes)
        do {
            try rename(Self.stagedName(of: name), to: name)
        } catch {
            try? remove(Self.stagedName(of: name))
            throw error
        }
        flushEntries()
    }

    /// Writes `bytes` beside `name`, under `stagedName(of:)`, and puts them on disk; a write that
    /// fails leaves nothing behind.
    func stage(_ name: String, bytes: [UInt8]) throws(DiagnosticError) {
        let temporary = Self.stagedName(of: name)
        try remove(temporary)
        do {
            try create(temporary, bytes: bytes)
            try flush(temporary)
        } catch {
            try? remove(temporary)
            throw error
        }
    }

    static func stagedName(of name: String) -> String { ".upgradedocs-new-" + name }
    static func keptName(of name: String) -> String { ".upgradedocs-old-" + name }

    /// Whether `name` is one an in-place update writes beside a file for a moment.
    static func isUpdateLeftover(_ name: String) -> Bool {
        name.hasPrefix(stagedName(of: "")) || name.hasPrefix(keptName(of: ""))
    }

    /// Renames `source` to `name` in this folder, replacing what `name` was.
    func rename(_ source: String, to name: String) throws(DiagnosticError) {
        if entry(name) == .folder || renameat(descriptor, source, descriptor, name) != 0 {
            throw Disk.failure("cannot put the new file in place", at: path + "/" + name)
        }
    }

    /// Puts this folder's entries (names made, renamed or removed) on disk.
    func flushEntries() {
        fsync(descriptor)
    }

    /// Puts the file `name` on disk.
    func flush(_ name: String) throws(DiagnosticError) {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        defer { if file >= 0 { close(file) } }
        guard file >= 0, fsync(file) == 0 else { throw Disk.failure("cannot write the file to disk", at: path + "/" + name) }
    }

    /// Puts every change of the file system that holds this folder on disk: one call for a
    /// staged site of 20,000 files, where an `fsync` of each would cost a disk flush apiece.
    func flushFileSystem() throws(DiagnosticError) {
        guard upgradedocs_syncfs(descriptor) == 0 else { throw Disk.failure("cannot write the new site to disk", at: path) }
    }

    /// A second name, `name` here, for the file `source` in `folder`: the same bytes and
    /// timestamps, no copy. A link is linked as the link itself, never its target.
    func link(_ name: String, to source: String, in folder: Folder) throws(DiagnosticError) {
        if linkat(folder.descriptor, source, descriptor, name, 0) != 0 {
            throw Disk.failure("cannot carry \(folder.path)/\(source) over", at: path + "/" + name)
        }
    }

    /// Removes `name`: a file or a link is unlinked, a folder emptied first, and nothing is followed.
    func remove(_ name: String) throws(DiagnosticError) {
        switch entry(name) {
        case nil: return
        case .folder?:
            if let child = try folder(name) {
                for inner in try child.names() { try child.remove(inner) }
            }
            if unlinkat(descriptor, name, AT_REMOVEDIR) != 0 {
                throw Disk.failure("cannot remove the folder", at: path + "/" + name)
            }
        default:
            if unlinkat(descriptor, name, 0) != 0 { throw Disk.failure("cannot remove the file", at: path + "/" + name) }
        }
    }

    /// Why `path` cannot be opened as a folder: a link, a file, or what the system says.
    private static func refusal(at path: String) -> DiagnosticError {
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                return DiagnosticError(
                    .unsafePath,
                    "this is a symbolic link; the build never writes through one: replace it with a "
                        + "real folder or remove it", at: SourceLocation(file: path))
            case S_IFDIR: break
            default:
                return DiagnosticError(.disk, "a file stands where the site needs a folder", at: SourceLocation(file: path))
            }
        }
        return Disk.failure("cannot open the folder", at: path)
    }
}

/// A file of the output by its inode, size and modification time: a file that still has all
/// three was not written since they were taken (a writer that keeps the inode moves the time).
typealias FileIdentity = FileStamp
