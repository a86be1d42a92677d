import Foundation
import UpgradeBase
import UpgradeSiteContract

/// The one step that changes the published site: staged files renamed into
/// place, the manifest last, then the files the previous manifest lists and
/// the new site no longer has removed, with the folders they leave empty.
struct SiteSwap {
    let writer: SiteWriter
    let staging: String

    /// Renames `staged` into place and removes `stale`; returns the paths removed.
    func run(staged: [String], removing stale: [String]) throws -> [String] {
        try moveIn(staged)
        var removed: [String] = []
        for path in stale where FileManager.default.fileExists(atPath: writer.target(path)) {
            try FileManager.default.removeItem(atPath: writer.target(path))
            removeEmptyFolders(above: path)
            removed.append(path)
        }
        return removed
    }

    /// The manifest goes last, so an interrupted swap still leaves a manifest that lists
    /// every older file. A top-level folder the output does not have yet moves in one rename.
    private func moveIn(_ paths: [String]) throws {
        let ordered = paths.sorted { ($0 == Manifest.fileName ? 1 : 0, $0) < ($1 == Manifest.fileName ? 1 : 0, $1) }
        try preflight(ordered)
        var moved = Set<String>()
        for path in ordered {
            let top = String(path.split(separator: "/").first!)
            if moved.contains(top) { continue }
            if path.contains("/"), !FileManager.default.fileExists(atPath: writer.target(top)) {
                try Disk.rename(staging + "/" + top, to: writer.target(top))
                moved.insert(top)
                continue
            }
            try Disk.makeFolders(for: [path], under: writer.output)
            try Disk.rename(staging + "/" + path, to: writer.target(path))
        }
    }

    /// Before the first rename, everything that could stop the swap halfway: a
    /// folder standing where a file goes, or a file where a folder goes.
    private func preflight(_ paths: [String]) throws(DiagnosticError) {
        var isDirectory: ObjCBool = false
        var present = Set<String>(), missing = Set<String>()
        for path in paths {
            let parts = path.split(separator: "/").dropLast()
            var folderMissing = false
            for depth in parts.indices {
                let folder = parts[...depth].joined(separator: "/")
                if missing.contains(folder) { folderMissing = true; break }
                guard !present.contains(folder) else { continue }
                if FileManager.default.fileExists(atPath: writer.target(folder), isDirectory: &isDirectory) {
                    if !isDirectory.boolValue {
                        throw DiagnosticError("a file stands where the site needs a folder",
                                              at: SourceLocation(file: writer.target(folder)))
                    }
                    present.insert(folder)
                } else {
                    missing.insert(folder)
                    folderMissing = true
                    break
                }
            }
            // In a folder the output does not have yet, nothing can stand in the way.
            if folderMissing { continue }
            if FileManager.default.fileExists(atPath: writer.target(path), isDirectory: &isDirectory), isDirectory.boolValue {
                throw DiagnosticError("a folder stands where the site writes a file",
                                      at: SourceLocation(file: writer.target(path)))
            }
        }
    }

    private func removeEmptyFolders(above path: String) {
        var components = path.split(separator: "/").dropLast()
        while !components.isEmpty {
            let folder = writer.target(components.joined(separator: "/"))
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true else { return }
            try? FileManager.default.removeItem(atPath: folder)
            components = components.dropLast()
        }
    }
}
