import CFileSystem
import UpgradeBase
import UpgradeSiteContract
import Glibc

/// The one step that changes the published site, and what leads up to it and
/// follows it. Everything the user keeps in the old output is linked into the
/// next site; the two folders are then exchanged in one `renameat2(RENAME_EXCHANGE)`,
/// so a reader, a web server or a crash sees the whole old site or the whole new
/// one, never a mix; last, the old tree, now beside the output, is removed.
///
/// An exchange rather than a journal: it needs no recovery step (a killed build
/// leaves only a folder beside the output, which the next build removes), and no
/// instant exists at which the output holds some new files and some old ones.
struct SiteExchange {
    let parent: Folder
    let name: String
    let nextName: String
    let old: SiteTree
    let next: SiteTree
    let steps: Steps

    /// Links into the next site everything in the old output that the build did not make:
    /// the user's files, folders and links. A regular file the previous manifest lists,
    /// holding the bytes it lists, is the build's own and is dropped; anything else the
    /// manifest lists is left alone, with a warning.
    func carryOver(generated: Set<String>) throws(DiagnosticError) -> (dropped: [String], warnings: [Diagnostic]) {
        guard let root = old.root else { return ([], []) }
        let listed = Dictionary(
            (old.manifest?.entries ?? []).map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let generatedFolders = Set(
            generated.flatMap { path in
                let parts = path.split(separator: "/").dropLast()
                return parts.indices.map { parts[...$0].joined(separator: "/") }
            })
        var dropped: [String] = [], warnings: [Diagnostic] = []
        /// Returns whether anything of `folder` was kept, so a folder the build emptied is not carried.
        func walk(_ folder: Folder, at relative: String, into target: () throws(DiagnosticError) -> Folder)
            throws(DiagnosticError) -> Bool
        {
            var kept = false
            let names = try folder.names()
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                // The staging folder of an older version of this tool is its own, and goes; so do the
                // files an in-place update stopped by a kill left beside their places, at any depth.
                if relative.isEmpty && name.hasPrefix(".upgradedocs") { continue }
                if Folder.isUpdateLeftover(name) { continue }
                let entry = folder.entry(name)
                if entry == .folder {
                    if generated.contains(path) {
                        throw DiagnosticError(
                            .disk, "a folder stands where the site writes a file",
                            at: SourceLocation(file: folder.path + "/" + name))
                    }
                    guard let child = try folder.folder(name) else { continue }
                    var made: Folder?
                    let keptInside = try walk(child, at: path) { () throws(DiagnosticError) -> Folder in
                        if let made { return made }
                        let folder = try target().makeFolder(name)
                        made = folder
                        return folder
                    }
                    // A folder the user made empty stays; one the build emptied goes.
                    if !keptInside, try child.names().isEmpty, !generatedFolders.contains(path) {
                        _ = try target().makeFolder(name)
                        kept = true
                    }
                    kept = kept || keptInside
                    continue
                }
                if generated.contains(path) { continue }
                if generatedFolders.contains(path) {
                    throw DiagnosticError(
                        entry == .link ? .unsafePath : .disk,
                        entry == .link
                            ? "this is a symbolic link; the build never writes through one: replace it with a real folder or remove it"
                            : "a file stands where the site needs a folder",
                        at: SourceLocation(file: folder.path + "/" + name))
                }
                if let sha = listed[path] {
                    if entry == .file, let bytes = folder.contents(of: name), SHA256.hex(bytes) == sha {
                        dropped.append(path)
                        continue
                    }
                    warnings.append(
                        Diagnostic(
                            .warning, .keptFile,
                            "the previous manifest lists this, but it is not the file the build "
                                + "wrote; it is left alone", at: SourceLocation(file: folder.path + "/" + name)))
                }
                try steps.take()
                try target().link(name, to: name, in: folder)
                kept = true
            }
            return kept
        }
        _ = try walk(root, at: "") { () throws(DiagnosticError) -> Folder in next.root! }
        return (dropped, warnings)
    }

    /// Puts the next site in the output's place in one atomic rename.
    func swap() throws(DiagnosticError) {
        try steps.take()
        // The staged files reach the disk before the exchange does, so a power cut cannot leave
        // the new names pointing at files the disk never got.
        try next.root!.flushFileSystem()
        let result =
            old.root == nil
            ? renameat(parent.descriptor, nextName, parent.descriptor, name)
            : upgradedocs_exchange(parent.descriptor, nextName, name)
        if result != 0 {
            throw Disk.failure("cannot put the new site in place", at: parent.path + "/" + name)
        }
        fsync(parent.descriptor)
    }

    /// Removes the old tree, which the exchange left beside the output. The new site is
    /// already published, so a failure here is a warning.
    func removeOld() -> [Diagnostic] {
        do {
            try steps.take()
            try parent.remove(nextName)
            return []
        } catch {
            return error.diagnostics.map {
                Diagnostic(.warning, .disk, "the old site could not be removed: \($0.message)", at: $0.location)
            }
        }
    }
}
