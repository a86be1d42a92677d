import Foundation
import Testing
import UpgradeContent
import UpgradeOutput
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// `Tests/Fixtures/site` is the golden copy of the fixture's site: `Tests/Fixtures/content` through
/// the repository's templates, as of the fixture's date. An editor who changes `content/` changes
/// no golden file (`scripts/test` holds the committed `site/` to the live content instead). After an
/// intended change, re-record it with `UPGRADEDOCS_RECORD=1 swift test --filter GoldenSiteTests`,
/// and review the diff.
@Suite("Golden files of the reference site")
struct GoldenSiteTests {
    static let folder = Repository.path("Tests/Fixtures/site")
    static var recording: Bool { ProcessInfo.processInfo.environment["UPGRADEDOCS_RECORD"] == "1" }

    @Test("Every generated file equals its golden file, and no golden file is left over")
    func matchesGoldenFiles() throws {
        let content = SiteFixture.content
        let templates = SiteFixture.templates
        let asOf = content.settings.asOf
        if Self.recording {
            let files = try SiteBuilder.build(content, templates: templates, asOf: asOf)
            _ = try SiteWriter(output: Self.folder).write(files, asOf: asOf.description)
        }
        let files = try SiteFixture.build(content, templates: templates, asOf: asOf)
        var mismatched: [String] = []
        for file in files {
            let golden = FileManager.default.contents(atPath: Self.folder + "/" + file.path).map(Array.init)
            if golden != file.bytes { mismatched.append(Self.firstDifference(file, golden: golden)) }
        }
        #expect(mismatched == [], "re-record with UPGRADEDOCS_RECORD=1 if the change is intended")
        let goldenPaths = (FileManager.default.enumerator(atPath: Self.folder)?.allObjects as? [String] ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: Self.folder + "/" + path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
        #expect(Set(goldenPaths) == Set(files.map(\.path)))
    }

    /// "path:line: golden '…', built '…'" for the first line that differs.
    static func firstDifference(_ file: GeneratedFile, golden: [UInt8]?) -> String {
        guard let golden else { return "\(file.path): no golden file" }
        let built = file.text.components(separatedBy: "\n")
        let expected = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
        let line =
            zip(built, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(built.count, expected.count)
        func at(_ lines: [String]) -> String { line < lines.count ? "'\(lines[line])'" : "end of file" }
        return "\(file.path):\(line + 1): golden \(at(expected)), built \(at(built))"
    }
}
