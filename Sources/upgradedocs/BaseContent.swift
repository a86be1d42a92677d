import Foundation
import UpgradeBase

/// The base of a diff: a content folder as given, or the content folder of a git
/// revision, read with `git archive` into a private temporary folder that is
/// removed afterwards. Nothing in the repository or its index is touched.
struct BaseContent {
    let folder: String
    /// The temporary folder, and the name its files go by in diagnostics ("main:content/offers.yaml").
    private let extracted: (root: String, label: String)?
    /// Removes the temporary folder when the command is stopped by a signal.
    private var stop: StopSignal? = nil

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
        try refuseLinks(in: commit, at: relative, of: topPath, base: base)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("upgradedocs-diff-\(UUID().uuidString)").path
        // Ctrl-C or a termination request while the revision is read still removes its copy.
        let stop = StopSignal { number in
            try? FileManager.default.removeItem(atPath: root)
            exit(128 + number)
        }
        let archive = root + "/base.tar"
        do {
            try FileManager.default.createDirectory(
                atPath: root + "/tree", withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            _ = try git(
                ["-C", topPath, "archive", "--format=tar", "-o", archive, commit, "--", relative],
                otherwise: "revision '\(base)' has no \(relative)/ folder")
            _ = try run(
                "/usr/bin/env", ["tar", "-xf", archive, "-C", root + "/tree"],
                otherwise: "cannot unpack \(relative)/ of '\(base)'")
        } catch {
            stop.cancel()
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        return BaseContent(folder: root + "/tree/" + relative, extracted: (root + "/tree/", base + ":"), stop: stop)
    }

    /// Refuses a revision whose content folder, a folder above it, or anything in it is a
    /// symbolic link: unpacked, it would lead the loader out of the private copy and into this
    /// machine's files.
    private static func refuseLinks(in commit: String, at relative: String, of top: String, base: String) throws {
        let listing = try git(
            ["-C", top, "ls-tree", "-r", "-t", "-z", "--full-tree", commit],
            otherwise: "cannot list revision '\(base)'")
        let inside = relative == "." ? "" : relative
        for entry in listing.split(separator: "\0") {
            // "<mode> <type> <object>\t<path>"
            guard let tab = entry.firstIndex(of: "\t"), entry.hasPrefix("120000 ") else { continue }
            let path = String(entry[entry.index(after: tab)...])
            let related =
                inside.isEmpty || path == inside || path.hasPrefix(inside + "/") || inside.hasPrefix(path + "/")
            if related {
                throw Console.fail(
                    "revision '\(base)' has a symbolic link at \(path); a diff reads only the revision's own "
                        + "files, so it does not follow links: compare with a folder instead")
            }
        }
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
        stop?.cancel()
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
