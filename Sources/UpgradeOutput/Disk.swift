import Foundation
import UpgradeBase
import UpgradeSiteContract
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the writer needs, in plain POSIX: Foundation's
/// `Data.write` syncs every file to disk, which a site of 20,000 files pays dearly
/// for and gains nothing from; the rename into place is what keeps a site whole.
enum Disk {
    /// Whether the file at `path` holds exactly `bytes`; a size check first spares most reads.
    static func holds(_ bytes: [UInt8], at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        return FileManager.default.contents(atPath: path).map { $0.elementsEqual(bytes) } ?? false
    }

    static func write(_ bytes: [UInt8], to path: String) throws(DiagnosticError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write the file", at: path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw failure("cannot write the file", at: path) }
            offset += count
        }
    }

    /// What went wrong at `path`, with the system's reason.
    static func failure(_ what: String, at path: String) -> DiagnosticError {
        DiagnosticError("\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }

    /// Creates each folder the paths need under `root`, once.
    static func makeFolders(for paths: [String], under root: String) throws(DiagnosticError) {
        var folders = Set<String>()
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        for folder in folders.sorted() {
            let full = root + "/" + folder
            if mkdir(full, 0o755) != 0 && errno != EEXIST {
                throw failure("cannot create the folder", at: full)
            }
        }
    }

    static func rename(_ from: String, to: String) throws {
        if systemRename(from, to) != 0 {
            throw failure("cannot move \(from) here", at: to)
        }
    }
}


// The C library's own functions, named apart from `Disk`'s, on Linux and macOS alike.
#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemRename = Glibc.rename
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemRename = Darwin.rename
#endif
