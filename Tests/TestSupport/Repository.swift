import Foundation

/// The repository the tests run in, and scratch folders beside nothing of it.
package enum Repository {
    /// The repository root, found from this file's own path.
    package static let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

    /// A path inside the repository: `Repository.path("content")`.
    package static func path(_ relative: String) -> String { root + "/" + relative }
}

/// Fresh folders under the system's temporary folder.
package enum Scratch {
    /// A fresh, empty temporary folder; the caller removes it.
    package static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upgradedocs-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A fresh folder in memory (`/dev/shm`) where the system has one, for tests that
    /// write many thousands of files; elsewhere a temporary folder.
    package static func memoryFolder() -> String {
        guard FileManager.default.isWritableFile(atPath: "/dev/shm") else { return folder() }
        let path = "/dev/shm/upgradedocs-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of `source` (a folder) in a fresh temporary folder, with `edit` applied to
    /// the text of each file named in `edits`. Returns the copy's path.
    package static func copy(
        of source: String, named name: String? = nil,
        editing edits: [String: (String) -> String] = [:]
    ) throws -> String {
        let folder = Self.folder() + "/" + (name ?? URL(fileURLWithPath: source).lastPathComponent)
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        for (file, edit) in edits {
            let path = folder + "/" + file
            try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Writes `files` (relative path to text) into a fresh folder named `name`, making folders as needed.
    package static func write(_ files: [String: String], into name: String) throws -> String {
        let folder = Self.folder() + "/" + name
        for (path, text) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return folder
    }
}

/// A frozen copy of the reference model. Unit tests read it, never the live
/// `content/`, so an edit of the model breaks no test that has nothing to do
/// with it; only the golden-site and CLI tests read `content/`. Templates are
/// the builder's own code, so the tests use the repository's.
package enum Fixtures {
    package static let content = Repository.path("Tests/Fixtures/content")
    package static let templates = Repository.path("templates")
}
