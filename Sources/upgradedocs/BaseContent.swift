import Foundation
import UpgradeBase

/// The base of a diff: a content folder as given, or the content folder of a git
/// revision, read with `git archive` into a private temporary folder that is
/// removed afterwards. Nothing in the repository or its index is touched.
struct BaseContent {
    let folder: String
    /// The temporary folder, and the name its files go by in diagnostics ("main:content/offers.yaml").
    private let extracted: (root: String, label: String)?

    static func resolve(_ base: String, content: String) throws -> BaseContent {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isFolder), isFolder.boolValue {
            return BaseContent(folder: base, extracted: nil)
        }
        let contentPath = URL(fileURLWithPath: content).standardizedFileURL.resolvingSymlinksInPath().path
        let top = try git(
            ["-C", contentPath, "rev-parse", "--show-toplevel"],
            otherwise: "'\(base)' is not a folder, and \(content)/ is not in a git repository"
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        let relative = contentPath == topPath ? "." : String(contentPath.dropFirst(topPath.count + 1))
        let commit = try git(
            ["-C", topPath, "rev-parse", "--verify", "--quiet", "\(base)^{commit}"],
            otherwise: "'\(base)' is neither a folder nor a git revision of \(topPath)"
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("upgradedocs-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(
            atPath: root + "/tree", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let archive = root + "/base.tar"
        do {
            _ = try git(
                ["-C", topPath, "archive", "--format=tar", "-o", archive, commit, "--", relative],
                otherwise: "revision '\(base)' has no \(relative)/ folder")
            _ = try run(
                "/usr/bin/env", ["tar", "-xf", archive, "-C", root + "/tree"],
                otherwise: "cannot unpack \(relative)/ of '\(base)'")
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        return BaseContent(folder: root + "/tree/" + relative, extracted: (root + "/tree/", base + ":"))
    }

    /// Diagnostics that name the base's files as the revision has them, not the temporary copy.
    func relabel(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard let extracted else { return diagnostics }
        func place(_ location: SourceLocation) -> SourceLocation {
            guard location.file.hasPrefix(extracted.root) else { return location }
            return SourceLocation(
                file: extracted.label + location.file.dropFirst(extracted.root.count),
                line: location.line, column: location.column)
        }
        return diagnostics.map { diagnostic in
            Diagnostic(
                diagnostic.severity, diagnostic.code, diagnostic.message, at: place(diagnostic.location),
                notes: diagnostic.notes.map { Diagnostic.Note($0.message, at: place($0.location)) })
        }
    }

    func remove() {
        guard let extracted else { return }
        try? FileManager.default.removeItem(atPath: String(extracted.root.dropLast("/tree/".count)))
    }

    private static func git(_ arguments: [String], otherwise message: String) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments, otherwise: message)
    }

    /// Runs a tool and returns its output, or fails with `message` and what the tool said.
    private static func run(_ tool: String, _ arguments: [String], otherwise message: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Console.fail(message + " (\(error.localizedDescription))") }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Console.fail(message + (detail.isEmpty ? "" : " (\(detail))"))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
