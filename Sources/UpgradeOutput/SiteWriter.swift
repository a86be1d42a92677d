import Foundation
import UpgradeBase
import UpgradeSiteContract

/// Writes a built site into its output folder without ever leaving it.
///
/// Every changed file is first written into a staging folder inside the
/// output, and only when all of them are written does `SiteSwap` rename them
/// into place, so a build that fails leaves the old site whole. A file whose
/// bytes did not change is not touched, and keeps its timestamp. Only files
/// that the previous manifest lists are ever removed.
public struct SiteWriter: Sendable {
    public let output: String
    static let stagingName = ".upgradedocs-staging"

    public init(output: String) {
        self.output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
    }

    public struct Report: Sendable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case stale, missing, extra }
        public let kind: Kind
        public let path: String
        public var description: String { "\(kind.rawValue): \(path)" }
    }

    /// Writes every file and the manifest at once: `begin`, `add` and `finish` in one call.
    public func write(_ files: [GeneratedFile], asOf: String) throws(DiagnosticError) -> Report {
        let write = try begin()
        write.add(files)
        return try write.finish(files, asOf: asOf)
    }

    /// Starts a write that takes files as they are made, so writing overlaps building.
    public func begin() throws(DiagnosticError) -> StagedWrite {
        try StagedWrite(writer: self)
    }

    /// The folders of `paths` ("" for the output itself) that exist in the output as folders.
    func existingFolders(of paths: [String]) -> Set<String> {
        var isDirectory: ObjCBool = false
        return Set(Set(paths.map(Self.folder(of:))).filter { folder in
            FileManager.default.fileExists(atPath: folder.isEmpty ? output : target(folder), isDirectory: &isDirectory)
                && isDirectory.boolValue
        })
    }

    static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// What `write` would change, the manifest included, without writing anything.
    public func differences(from files: [GeneratedFile], asOf: String) -> [Difference] {
        let files = files + [Manifest(describing: files, asOf: asOf).file]
        var differences: [Difference] = []
        for file in files where !Disk.holds(file.bytes, at: target(file.path)) {
            let exists = FileManager.default.fileExists(atPath: target(file.path))
            differences.append(Difference(kind: exists ? .stale : .missing, path: file.path))
        }
        let current = Set(files.map(\.path))
        for path in previousManifestPaths().sorted()
        where !current.contains(path) && FileManager.default.fileExists(atPath: target(path)) {
            differences.append(Difference(kind: .extra, path: path))
        }
        return differences
    }

    func target(_ path: String) -> String { output + "/" + path }

    /// Paths the manifest on disk lists; a path that would leave the output folder is ignored.
    func previousManifestPaths() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: target(Manifest.fileName)),
              let manifest = Manifest(reading: Array(data))
        else { return [] }
        return Set(manifest.entries.map(\.path).filter(Self.staysInside))
    }

    func checkPaths(_ files: [GeneratedFile]) throws(DiagnosticError) {
        for file in files where !Self.staysInside(file.path) {
            throw DiagnosticError("refusing to write '\(file.path)': it would leave the output folder",
                                  at: SourceLocation(file: output))
        }
    }

    /// A relative path with no `..`, `.` or empty part, and no backslash.
    static func staysInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".upgradedocs") }
    }
}
