import Foundation
import UpgradeBase
import UpgradeSiteContract

/// Writes a built site into its output folder, and never touches anything else.
///
/// A write builds the whole new site in a folder beside the output,
/// `.NAME.upgradedocs-next`: changed files are written there, unchanged files and
/// everything the user keeps in the output are hard-linked (so they keep their
/// timestamps), then `SiteExchange` swaps the two folders in one atomic rename.
/// At every instant, and after a crash at any step, the output is the whole old
/// site or the whole new one. What the build wrote is noted outside the output, in
/// the cache folder (`RecordStore`), so the output holds exactly its manifest's files. One build at a time holds `OutputLock`. No symbolic
/// link inside the output is ever followed, and only a regular file that the
/// previous manifest lists, with the bytes it lists, is ever dropped.
package struct SiteWriter: Sendable {
    package let output: String
    /// How long a build waits for another build of the same output to finish.
    package let lockWait: Double

    /// When a rebuild may replace the files it changed one by one instead of exchanging the whole site.
    package let inPlace: InPlacePolicy

    /// The folder that keeps what the last build wrote (`RecordStore`), outside the output.
    package let cache: String

    /// `cache` defaults to `.upgradedocs` in the folder that holds the output, which is the one
    /// beside `content/` when the site is built beside its content, as `site/` is.
    package init(output: String, cache: String? = nil, lockWait: Double = 10, inPlace: InPlacePolicy = InPlacePolicy()) {
        var output = output
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        self.output = output
        self.cache = cache ?? Self.defaultCache(besideParentOf: output)
        self.lockWait = lockWait
        self.inPlace = inPlace
    }

    /// `.upgradedocs` in the folder that holds `path`.
    package static func defaultCache(besideParentOf path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return ".upgradedocs" }
        return (slash == path.startIndex ? "" : String(path[..<slash])) + "/.upgradedocs"
    }

    var records: RecordStore { RecordStore(cache: cache, output: output) }

    /// The exchange links every file of the site into a new folder, which costs about 13 µs a
    /// file on ext4 here: 0.26 s for 20,000 files, whatever changed. So when a rebuild of a
    /// large site changes a few files and removes none, it replaces just those, each in one
    /// rename (a reader meets each file old or new, whole), then the manifest. While it runs,
    /// the record is gone, so a build stopped half-way is followed by a full one.
    package struct InPlacePolicy: Sendable {
        /// Sites with fewer files are always exchanged whole: the exchange is cheap there.
        package var minimumFiles: Int
        /// More changed files than this, and the site is exchanged whole.
        package var maximumChanges: Int

        package init(minimumFiles: Int = 2_000, maximumChanges: Int = 64) {
            self.minimumFiles = minimumFiles
            self.maximumChanges = maximumChanges
        }

        package static let never = InPlacePolicy(minimumFiles: .max, maximumChanges: 0)
    }

    package struct Report: Sendable {
        package var written: [String] = []
        package var unchanged: [String] = []
        package var removed: [String] = []
        /// Things the write left alone that the user should know about.
        package var warnings: [Diagnostic] = []
    }

    package struct Difference: Sendable, Equatable, CustomStringConvertible {
        package enum Kind: String, Sendable { case stale, missing, extra }
        package let kind: Kind
        package let path: String
        /// For a stale file: what the output holds, and what a build would write.
        package var onDisk: [UInt8]? = nil
        package var built: [UInt8]? = nil
        package var description: String { "\(kind.rawValue): \(path)" }
    }

    /// Writes every file and the manifest at once: `begin`, `add` and `finish` in one call.
    package func write(_ files: [GeneratedFile], asOf: String) throws(DiagnosticError) -> Report {
        try write(SiteBuild(made: files), asOf: asOf)
    }

    /// Writes a build, keeping the files it kept.
    package func write(_ build: SiteBuild, asOf: String) throws(DiagnosticError) -> Report {
        try begin().finish(build, asOf: asOf)
    }

    /// Starts a write that takes files as they are made, so writing overlaps building.
    package func begin() throws(DiagnosticError) -> StagedWrite {
        try StagedWrite(writer: self)
    }

    /// What `write` would change, the manifest included, without writing anything.
    package func differences(from files: [GeneratedFile], asOf: String) throws(DiagnosticError) -> [Difference] {
        let files = files + [Manifest(describing: files, asOf: asOf).file]
        let tree = SiteTree(root: try Folder.existing(output))
        var differences: [Difference] = []
        for file in files {
            let (folder, name) = try tree.place(of: file.path)
            guard let folder, folder.holds(file.bytes, at: name) else {
                let stale = folder?.entry(name) != nil
                differences.append(
                    Difference(
                        kind: stale ? .stale : .missing, path: file.path,
                        onDisk: stale ? folder?.contents(of: name) : nil,
                        built: stale ? file.bytes : nil))
                continue
            }
        }
        let current = Set(files.map(\.path))
        for entry in tree.manifest?.entries ?? [] where !current.contains(entry.path) && Self.staysInside(entry.path) {
            if let (folder, name) = try? tree.place(of: entry.path), folder?.entry(name) == .file {
                differences.append(Difference(kind: .extra, path: entry.path))
            }
        }
        return differences
    }

    func checkPaths(_ files: [GeneratedFile]) throws(DiagnosticError) {
        for file in files where !Self.staysInside(file.path) {
            throw DiagnosticError(
                .unsafePath, "refusing to write '\(file.path)': it would leave the output folder",
                at: SourceLocation(file: output))
        }
    }

    /// A relative path with no `..`, `.` or empty part, no backslash, and no name the writer keeps for itself.
    static func staysInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".upgradedocs") }
    }

    /// The folder that holds the output, and the output's own name in it.
    var parentAndName: (parent: String, name: String) {
        let url = URL(fileURLWithPath: output)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }
}

/// A site on disk, read without following links: its folders, opened once each,
/// and its manifest.
final class SiteTree: @unchecked Sendable {
    let root: Folder?
    /// Folders opened so far, by relative path; `nil` for one that is not there.
    private let folders = Locked<[String: Folder?]>([:])
    private let readManifest = Locked<Manifest??>(nil)

    init(root: Folder?) {
        self.root = root
    }

    /// The tree's manifest, read when first asked for: a rebuild that changes a few files never needs it.
    var manifest: Manifest? {
        readManifest.withLock { read in
            if let read { return read }
            let manifest = root?.contents(of: Manifest.fileName).flatMap(Manifest.init(reading:))
            read = .some(manifest)
            return manifest
        }
    }

    /// The folder that would hold `path`, and the file's name in it; the folder is nil
    /// when the tree does not have it. A link on the way is an error, never followed.
    func place(of path: String) throws(DiagnosticError) -> (folder: Folder?, name: String) {
        // Cut at the last slash, without splitting the path: a rebuild places each of 20,000 files.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (root, path) }
        return (try folder(String(path[..<slash])), String(path[path.utf8.index(after: slash)...]))
    }

    func folder(_ relative: String) throws(DiagnosticError) -> Folder? {
        if relative.isEmpty { return root }
        if let known = folders.withLock({ $0[relative] }) { return known }
        let parts = relative.split(separator: "/").map(String.init)
        let parent = try folder(parts.dropLast().joined(separator: "/"))
        let opened = try parent?.folder(parts.last!)
        folders.withLock { $0[relative] = .some(opened) }
        return opened
    }
}
