import Foundation
import UpgradeContent
import UpgradeCore
@testable import UpgradeSite

/// The repository's own content and templates, and copies of them to break.
enum SiteFixture {
    static let repository = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
    static let referenceDate = CalendarDate(year: 2026, month: 11, day: 25)!

    static let content: LoadedContent = {
        do { return try ContentLoader.load(from: repository + "/content") } catch {
            fatalError("the repository content does not load:\n\(error)")
        }
    }()

    static let templates: TemplateSet = {
        do { return try TemplateSet.load(from: repository + "/templates") } catch {
            fatalError("the repository templates do not load:\n\(error)")
        }
    }()

    static func build(_ loaded: LoadedContent = content, asOf: CalendarDate = referenceDate) throws -> [GeneratedFile] {
        try SiteBuilder.build(loaded, templates: templates, asOf: asOf)
    }

    static func file(_ path: String, in files: [GeneratedFile]) -> String {
        guard let file = files.first(where: { $0.path == path }) else { fatalError("no \(path) in the build") }
        return file.text
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upgradedocs-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the repository's content with `edit` applied to one file.
    static func contentCopy(editing file: String, _ edit: (String) -> String) throws -> String {
        let folder = temporaryFolder() + "/content"
        try FileManager.default.copyItem(atPath: repository + "/content", toPath: folder)
        let path = folder + "/" + file
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }
}
