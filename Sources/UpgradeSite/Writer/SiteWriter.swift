import Foundation
import UpgradeContent

/// Writes a built site into its output folder without ever leaving it.
///
/// Every changed file is first written into a staging folder inside the
/// output, and only when all of them are written are they renamed into place,
/// so a build that fails leaves the old site whole. A file whose bytes did not
/// change is not touched, and keeps its timestamp. Only files that the
/// previous manifest lists are ever removed.
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

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes every file at once: `begin`, `add` and `finish` in one call.
    public func write(_ files: [GeneratedFile]) throws(Failure) -> Report {
        let write = try begin()
        write.add(files)
        return try write.finish(files)
    }

    /// Starts a write that takes files as they are made, so writing overlaps building.
    public func begin() throws(Failure) -> StagedWrite {
        try StagedWrite(writer: self)
    }

    /// Renames the staged files into place, the manifest last, so an interrupted
    /// swap still leaves a manifest that lists every older file. A top-level
    /// folder the output does not have yet moves in one rename.
    func swapIn(_ paths: [String], from staging: String) throws {
        let ordered = paths.sorted { ($0 == Manifest.fileName ? 1 : 0, $0) < ($1 == Manifest.fileName ? 1 : 0, $1) }
        try preflight(ordered)
        var moved = Set<String>()
        for path in ordered {
            let top = String(path.split(separator: "/").first!)
            if moved.contains(top) { continue }
            if path.contains("/"), !FileManager.default.fileExists(atPath: target(top)) {
                try Disk.rename(staging + "/" + top, to: target(top))
                moved.insert(top)
                continue
            }
            try Disk.makeFolders(for: [path], under: output)
            try Disk.rename(staging + "/" + path, to: target(path))
        }
    }

    /// Before the first rename, everything that could stop the swap halfway: a
    /// folder standing where a file goes, or a file where a folder goes.
    private func preflight(_ paths: [String]) throws(Failure) {
        var isDirectory: ObjCBool = false
        var present = Set<String>(), missing = Set<String>()
        for path in paths {
            let parts = path.split(separator: "/").dropLast()
            var folderMissing = false
            for depth in parts.indices {
                let folder = parts[...depth].joined(separator: "/")
                if missing.contains(folder) { folderMissing = true; break }
                guard !present.contains(folder) else { continue }
                if FileManager.default.fileExists(atPath: target(folder), isDirectory: &isDirectory) {
                    if !isDirectory.boolValue {
                        throw Failure(description: "cannot write into \(target(folder)): it is a file, not a folder")
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
            if FileManager.default.fileExists(atPath: target(path), isDirectory: &isDirectory), isDirectory.boolValue {
                throw Failure(description: "cannot replace \(target(path)): it is a folder")
            }
        }
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

    /// What `write` would change, without writing anything.
    public func differences(from files: [GeneratedFile]) -> [Difference] {
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
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = object["files"] as? [[String: Any]]
        else { return [] }
        return Set(files.compactMap { $0["path"] as? String }.filter(Self.staysInside))
    }

    func removeEmptyFolders(above path: String) {
        var components = path.split(separator: "/").dropLast()
        while !components.isEmpty {
            let folder = target(components.joined(separator: "/"))
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true else { return }
            try? FileManager.default.removeItem(atPath: folder)
            components = components.dropLast()
        }
    }

    static func checkPaths(_ files: [GeneratedFile]) throws(Failure) {
        for file in files where !staysInside(file.path) {
            throw Failure(description: "refusing to write '\(file.path)': it would leave the output folder")
        }
    }

    /// A relative path with no `..`, `.` or empty part, and no backslash.
    static func staysInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".upgradedocs") }
    }
}
