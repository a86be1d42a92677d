import Foundation
import UpgradeBase
import Glibc

/// The files of `content/` that are read, found once. A file that looks like
/// content but would not be read (`offers.yml`, `pages/guide.markdown`, a page
/// in a sub-folder) is an error that says why, never silently left out; a link
/// that leads outside the folder is refused.
struct ContentListing {
    /// The model's files: a YAML file of the folder by any other name would not be read.
    static let modelFiles = [
        "site.yaml", "programs.yaml", "services.yaml", "offers.yaml", "paths.yaml", "rules.yaml", "roles.yaml",
        "interpretations.yaml", "examples.yaml", "offer-matrix.yaml", "nce-mapping.yaml",
    ]

    /// A program's own rules: `NAME-rules.yaml` in the folder, named by the program in `programs.yaml`.
    static func isRuleFile(_ name: String) -> Bool {
        let stem = name.dropLast("-rules.yaml".count)
        return name.hasSuffix("-rules.yaml") && !stem.isEmpty && !stem.contains("/") && !stem.hasPrefix(".")
    }

    /// YAML files of the folder and of `tables/`, as paths relative to it, sorted.
    let yaml: [String]
    /// The names in `tables/` that are read.
    let tables: [String]
    /// The names in `pages/` that are read.
    let pages: [String]
    /// Names of the folder that are there but must not be opened (a pipe or a device).
    let refused: Set<String>

    init(directory: String, sink: Diagnostics) {
        let guardLinks = LinkedOutside(root: directory)
        var refused: Set<String> = []
        func entries(_ folder: String) -> [(name: String, isFolder: Bool)] {
            let path = folder.isEmpty ? directory : directory + "/" + folder
            // The folder itself is inside, so only a link can lead out; it alone is resolved.
            return (FolderListing.entries(at: path) ?? []).filter { !$0.name.hasPrefix(".") }.compactMap { entry in
                let full = path + "/" + entry.name
                // A pipe or a device would block the read that opens it, or never end: it is named, not opened.
                guard entry.kind != .other else {
                    sink.error(
                        .unreadable, "not a regular file (a pipe, socket or device); it is not read",
                        at: SourceLocation(file: full))
                    refused.insert(folder + entry.name)
                    return nil
                }
                guard entry.kind == .link else { return (entry.name, entry.kind == .folder) }
                if guardLinks.leadsOutside(full) {
                    sink.error(.linkedOutside, LinkedOutside.message, at: SourceLocation(file: full))
                    return nil
                }
                var status = stat()
                guard stat(full, &status) == 0 else { return nil }
                let type = status.st_mode & S_IFMT
                guard type == S_IFREG || type == S_IFDIR else {
                    sink.error(.unreadable, "links to what is not a regular file; it is not read", at: SourceLocation(file: full))
                    refused.insert(folder + entry.name)
                    return nil
                }
                return (entry.name, type == S_IFDIR)
            }
        }
        func yamlFiles(_ folder: String) -> [String] {
            entries(folder).filter { !$0.isFolder }.compactMap { entry in
                let location = SourceLocation(file: directory + "/" + folder + entry.name)
                let lower = entry.name.lowercased()
                if lower.hasSuffix(".yml") || (lower.hasSuffix(".yaml") && !entry.name.hasSuffix(".yaml")) {
                    sink.error(
                        .fileName,
                        "content files end in .yaml; this one is not read: rename it to "
                            + entry.name.dropLast(lower.hasSuffix(".yml") ? 4 : 5) + ".yaml", at: location)
                    return nil
                }
                guard entry.name.hasSuffix(".yaml") else { return nil }
                // Every file of the folder is read by its name; another name would be left out without a word.
                if folder.isEmpty && !Self.modelFiles.contains(entry.name) && !Self.isRuleFile(entry.name) {
                    sink.error(
                        .fileName,
                        "'\(entry.name)' is not a file of the model, so it is not read\(suggestion(for: entry.name, among: Self.modelFiles)); "
                            + "the model's files are " + Self.modelFiles.joined(separator: ", ")
                            + ", and decision tables go in tables/", at: location)
                    return nil
                }
                return entry.name
            }
        }
        let root = yamlFiles(""), tables = yamlFiles("tables/")
        // In the order their numbers give, as a reader counts: 10-… after 9-….
        self.tables = tables.sorted { first, second in
            let (x, y) = (Self.leadingNumber(first), Self.leadingNumber(second))
            return x != y ? x < y : first.utf8.lexicographicallyPrecedes(second.utf8)
        }
        yaml = (root + tables.map { "tables/" + $0 }).sorted()
        pages = entries("pages").compactMap { entry in
            let location = SourceLocation(file: directory + "/pages/" + entry.name)
            if entry.isFolder {
                sink.error(
                    .fileName, "pages in sub-folders are not read; move the pages of this folder into pages/", at: location)
                return nil
            }
            if entry.name.hasSuffix(".md") { return entry.name }
            let lower = entry.name.lowercased()
            if [".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt"].contains(where: lower.hasSuffix) {
                sink.error(.fileName, "prose pages end in .md, in lower case; this one is not read: rename it", at: location)
            }
            return nil
        }
        self.refused = refused
    }

    /// A file name's leading number, so names sort as numbered (`2-…` before `10-…`); a name with no
    /// number comes after every numbered one.
    static func leadingNumber(_ name: String) -> Int {
        let digits = name.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.count <= 9 else { return Int.max }
        return Int(String(decoding: digits, as: UTF8.self)) ?? Int.max
    }
}
