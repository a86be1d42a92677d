import Foundation
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// The fixture model and templates, built in memory, and copies of them to break.
public enum SiteFixture {
    public static let referenceDate = CalendarDate(year: 2026, month: 11, day: 25)!

    public static let content = load(Fixtures.content)
    public static let templates = loadTemplates(Fixtures.templates)

    public static func load(_ folder: String) -> LoadedContent {
        do { return try ContentLoader.load(from: folder) } catch {
            fatalError("\(folder) does not load:\n\(error)")
        }
    }

    public static func loadTemplates(_ folder: String) -> TemplateSet {
        do { return try TemplateSet.load(from: folder) } catch {
            fatalError("\(folder) does not load:\n\(error)")
        }
    }

    /// Every file a build writes, the manifest included.
    public static func build(_ loaded: LoadedContent = content, templates: TemplateSet = templates,
                             asOf: CalendarDate = referenceDate) throws -> [GeneratedFile] {
        let files = try SiteBuilder.build(loaded, templates: templates, asOf: asOf)
        return files + [Manifest(describing: files, asOf: asOf.description).file]
    }

    /// Builds and writes a site into a fresh folder; returns the folder.
    public static func write(_ loaded: LoadedContent = content, asOf: CalendarDate = referenceDate) throws -> String {
        let folder = Scratch.folder()
        let files = try SiteBuilder.build(loaded, templates: templates, asOf: asOf)
        _ = try SiteWriter(output: folder).write(files, asOf: asOf.description)
        return folder
    }

    public static func file(_ path: String, in files: [GeneratedFile]) -> String {
        guard let file = files.first(where: { $0.path == path }) else { fatalError("no \(path) in the build") }
        return file.text
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() -> String { Scratch.folder() }

    /// A copy of the fixture content with `edit` applied to one file; returns the copy's path.
    public static func contentCopy(editing file: String, _ edit: @escaping (String) -> String) throws -> String {
        try Scratch.copy(of: Fixtures.content, editing: [file: edit])
    }
}
