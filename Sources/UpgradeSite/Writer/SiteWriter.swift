import Foundation

/// Writes a built site into its output folder without ever leaving it.
///
/// Every file is first written into a staging folder inside the output, and
/// only when all of them are written are they renamed into place, so a build
/// that fails leaves the old site whole. A file whose bytes did not change is
/// not touched, and keeps its timestamp. Only files that the previous
/// manifest lists are ever removed.
public struct SiteWriter {
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

    public func write(_ files: [GeneratedFile]) throws(Failure) -> Report {
        try Self.checkPaths(files)
        let fileManager = FileManager.default
        let previous = previousManifestPaths()
        let staging = output + "/" + Self.stagingName
        var report = Report()
        do {
            try fileManager.createDirectory(atPath: output, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging) { try fileManager.removeItem(atPath: staging) }
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            var staged: [String] = []
            for file in files {
                if fileManager.contents(atPath: target(file.path)).map(Array.init) == file.bytes {
                    report.unchanged.append(file.path)
                    continue
                }
                let path = staging + "/" + file.path
                try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
                guard fileManager.createFile(atPath: path, contents: Data(file.bytes)) else {
                    throw Failure(description: "cannot write \(path)")
                }
                staged.append(file.path)
            }
            // The manifest goes last, so an interrupted swap still lists every older file.
            staged.sort { ($0 == Manifest.fileName ? 1 : 0, $0) < ($1 == Manifest.fileName ? 1 : 0, $1) }
            try preflight(staged)
            for path in staged {
                try fileManager.createDirectory(atPath: (target(path) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
                if rename(staging + "/" + path, target(path)) != 0 {
                    throw Failure(description: "cannot move \(path) into \(output): \(String(cString: strerror(errno)))")
                }
                report.written.append(path)
            }
            let current = Set(files.map(\.path))
            for path in previous.sorted() where !current.contains(path) && fileManager.fileExists(atPath: target(path)) {
                try fileManager.removeItem(atPath: target(path))
                removeEmptyFolders(above: path)
                report.removed.append(path)
            }
            try fileManager.removeItem(atPath: staging)
        } catch let failure as Failure {
            try? fileManager.removeItem(atPath: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw Failure(description: "cannot write the site into \(output): \(error.localizedDescription)")
        }
        return report
    }

    /// Before the first rename, everything that could stop the swap halfway: a
    /// folder standing where a file goes, or a file where a folder goes.
    private func preflight(_ paths: [String]) throws(Failure) {
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target(path), isDirectory: &isDirectory), isDirectory.boolValue {
                throw Failure(description: "cannot replace \(target(path)): it is a folder")
            }
            let parts = path.split(separator: "/").dropLast()
            for depth in parts.indices {
                let folder = target(parts[...depth].joined(separator: "/"))
                if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
                    throw Failure(description: "cannot write into \(folder): it is a file, not a folder")
                }
            }
        }
    }

    /// What `write` would change, without writing anything.
    public func differences(from files: [GeneratedFile]) -> [Difference] {
        var differences: [Difference] = []
        for file in files {
            guard let existing = FileManager.default.contents(atPath: target(file.path)) else {
                differences.append(Difference(kind: .missing, path: file.path))
                continue
            }
            if Array(existing) != file.bytes { differences.append(Difference(kind: .stale, path: file.path)) }
        }
        let current = Set(files.map(\.path))
        for path in previousManifestPaths().sorted()
        where !current.contains(path) && FileManager.default.fileExists(atPath: target(path)) {
            differences.append(Difference(kind: .extra, path: path))
        }
        return differences
    }

    private func target(_ path: String) -> String { output + "/" + path }

    /// Paths the manifest on disk lists; a path that would leave the output folder is ignored.
    private func previousManifestPaths() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: target(Manifest.fileName)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = object["files"] as? [[String: Any]]
        else { return [] }
        return Set(files.compactMap { $0["path"] as? String }.filter(Self.staysInside))
    }

    private func removeEmptyFolders(above path: String) {
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
