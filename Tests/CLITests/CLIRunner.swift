import Foundation
import TestSupport

/// Runs the built `upgradedocs` binary the way a user does, from the root of a repository that
/// holds the fixture's content (`Tests/Fixtures/content`), the templates and a site built from them:
/// an editor who changes the live `content/` breaks no test here.
struct CLIRunner {
    static let repository: String = {
        let folder = Scratch.folder() + "/repository"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.content, toPath: folder + "/content")
            try FileManager.default.copyItem(atPath: Repository.path("templates"), toPath: folder + "/templates")
            let built = try run(["build"], in: folder)
            guard built.status == 0 else { fatalError("the fixture repository does not build:\n\(built.stderr)") }
        } catch {
            fatalError("cannot make the fixture repository: \(error)")
        }
        return folder
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Whether stderr holds a diagnostic at `place` (a `file:line:column` or its tail) with `code`,
        /// and naming `subject` (a link, an id: the content's words, not the message's; quoted or as a
        /// word of its own) when given.
        /// Whether `word` stands in `line` on its own: not as a part of a longer id.
        static func mentions(_ line: String, _ word: String) -> Bool {
            func isIDCharacter(_ character: Character?) -> Bool {
                character.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ?? false
            }
            var start = line.startIndex
            while let found = line.range(of: word, range: start..<line.endIndex) {
                let before = found.lowerBound == line.startIndex ? nil : line[line.index(before: found.lowerBound)]
                let after = found.upperBound == line.endIndex ? nil : line[found.upperBound]
                if !isIDCharacter(before) && !isIDCharacter(after) { return true }
                start = line.index(after: found.lowerBound)
            }
            return false
        }

        func diagnosed(
            _ place: String, _ code: String, naming subject: String? = nil, severity: String = "error"
        ) -> Bool {
            stderr.split(separator: "\n").contains { line in
                line.contains(place) && line.contains(": \(severity): ") && line.hasSuffix("[\(code)]")
                    && subject.map { Self.mentions(String(line), $0) } != false
            }
        }
    }

    static var binary: URL {
        // The test bundle sits beside the products in the build folder.
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            let candidate = url.appendingPathComponent("upgradedocs")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        fatalError("upgradedocs binary not found near \(Bundle.main.bundleURL.path)")
    }

    static func run(
        _ arguments: [String], in directory: String = repository,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // Files, not pipes: nothing can block on a full buffer, whatever the process prints.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
