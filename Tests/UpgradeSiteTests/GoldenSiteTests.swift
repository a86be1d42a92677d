import Foundation
import Testing
@testable import UpgradeSite

/// The committed `site/` is the golden copy of the reference site: the
/// repository's content and templates, as of the date in `content/site.yaml`.
/// After an intended change, re-record it with
/// `UPGRADEDOCS_RECORD=1 swift test --filter GoldenSiteTests`, and review the diff.
@Suite("Golden files of the reference site")
struct GoldenSiteTests {
    static let folder = SiteFixture.repository + "/site"
    static var recording: Bool { ProcessInfo.processInfo.environment["UPGRADEDOCS_RECORD"] == "1" }

    @Test("Every generated file equals its golden file, and no golden file is left over")
    func matchesGoldenFiles() throws {
        let files = try SiteFixture.build(asOf: SiteFixture.content.settings.asOf)
        if Self.recording { _ = try SiteWriter(output: Self.folder).write(files) }
        var mismatched: [String] = []
        for file in files {
            let golden = FileManager.default.contents(atPath: Self.folder + "/" + file.path).map(Array.init)
            if golden != file.bytes { mismatched.append(file.path) }
        }
        #expect(mismatched == [], "re-record with UPGRADEDOCS_RECORD=1 if the change is intended")
        let goldenPaths = (FileManager.default.enumerator(atPath: Self.folder)?.allObjects as? [String] ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: Self.folder + "/" + path, isDirectory: &isDirectory)
                return !isDirectory.boolValue
            }
        #expect(Set(goldenPaths) == Set(files.map(\.path)))
    }
}
