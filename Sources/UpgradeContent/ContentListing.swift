import Foundation
import UpgradeBase
import Glibc

/// The files of `content/` that are read, found once. A file that looks like
/// content but would not be read (`offers.yml`, `pages/guide.markdown`, a page
/// in a sub-folder) is an error that says why, never silently left out; a link
/// that leads outside the folder is refused.
struct ContentListing {
    /// YAML files of the folder and of `tables/`, as paths relative to it, sorted.
    let yaml: [String]
    /// The names in `tables/` that are read.
    let tables: [String]
    /// The names in `pages/` that are read.
    let pages: [String]

    init(directory: String, sink: Diagnostics) {
        let guardLinks = LinkedOutside(root: directory)
        func entries(_ folder: String) -> [(name: String, isFolder: Bool)] {
            let path = folder.isEmpty ? directory : directory + "/" + folder
            // The folder itself is inside, so only a link can lead out; it alone is resolved.
            return (FolderListing.entries(at: path) ?? []).filter { !$0.name.hasPrefix(".") }.compactMap { entry in
                guard entry.kind == .link else { return (entry.name, entry.kind == .folder) }
                let full = path + "/" + entry.name
                if guardLinks.leadsOutside(full) {
                    sink.error(.linkedOutside, LinkedOutside.message, at: SourceLocation(file: full))
                    return nil
                }
                var target: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &target)
                return (entry.name, target.boolValue)
            }
        }
        func yamlFiles(_ folder: String) -> [String] {
            entries(folder).filter { !$0.isFolder }.compactMap { entry in
                if entry.name.hasSuffix(".yml") {
                    sink.error(
                        .fileName,
                        "content files end in .yaml; this one is not read: rename it to "
                            + entry.name.dropLast(4) + ".yaml",
                        at: SourceLocation(file: directory + "/" + folder + entry.name))
                    return nil
                }
                return entry.name.hasSuffix(".yaml") ? entry.name : nil
            }
        }
        let root = yamlFiles(""), tables = yamlFiles("tables/")
        self.tables = tables
        yaml = (root + tables.map { "tables/" + $0 }).sorted()
        pages = entries("pages").compactMap { entry in
            let location = SourceLocation(file: directory + "/pages/" + entry.name)
            if entry.isFolder {
                sink.error(
                    .fileName, "pages in sub-folders are not read; move the pages of this folder into pages/", at: location)
                return nil
            }
            if entry.name.hasSuffix(".md") { return entry.name }
            if [".markdown", ".mdown", ".mkd", ".mkdn", ".txt"].contains(where: entry.name.hasSuffix) {
                sink.error(.fileName, "prose pages end in .md; this one is not read: rename it", at: location)
            }
            return nil
        }
    }
}
