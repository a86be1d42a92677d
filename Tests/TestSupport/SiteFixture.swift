import Foundation
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// The fixture model and templates, built in memory, and copies of them to break.
package enum SiteFixture {
    package static let referenceDate = CalendarDate(year: 2026, month: 11, day: 25)!

    package static let content = load(Fixtures.content)
    package static let templates = loadTemplates(Fixtures.templates)

    package static func load(_ folder: String) -> LoadedContent {
        do { return try ContentLoader.load(from: folder) } catch {
            fatalError("\(folder) does not load:\n\(error)")
        }
    }

    package static func loadTemplates(_ folder: String) -> TemplateSet {
        do { return try TemplateSet.load(from: folder) } catch {
            fatalError("\(folder) does not load:\n\(error)")
        }
    }

    /// Every file a build writes, the manifest included.
    package static func build(
        _ loaded: LoadedContent = content, templates: TemplateSet = templates,
        asOf: CalendarDate = referenceDate
    ) throws -> [GeneratedFile] {
        let files = try SiteBuilder.build(loaded, templates: templates, asOf: asOf)
        return files + [Manifest(describing: files, asOf: asOf.description).file]
    }

    /// Builds and writes a site into a fresh folder; returns the folder.
    package static func write(_ loaded: LoadedContent = content, asOf: CalendarDate = referenceDate) throws -> String {
        let folder = Scratch.folder()
        let files = try SiteBuilder.build(loaded, templates: templates, asOf: asOf)
        _ = try SiteWriter(output: folder).write(files, asOf: asOf.description)
        return folder
    }

    package static func file(_ path: String, in files: [GeneratedFile]) -> String {
        guard let file = files.first(where: { $0.path == path }) else { fatalError("no \(path) in the build") }
        return file.text
    }

    /// A fresh temporary folder, removed by the caller.
    package static func temporaryFolder() -> String { Scratch.folder() }

    /// A copy of the fixture content with `edit` applied to one file; returns the copy's path.
    package static func contentCopy(editing file: String, _ edit: @escaping (String) -> String) throws -> String {
        try Scratch.copy(of: Fixtures.content, editing: [file: edit])
    }
}
