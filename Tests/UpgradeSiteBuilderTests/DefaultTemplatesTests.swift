import Foundation
import Testing
import TestSupport
import UpgradeContent
@testable import UpgradeSiteBuilder

/// The binary carries the standard templates and assets; `templates/` overrides them file by file.
@Suite("Built-in templates")
struct DefaultTemplatesTests {
    @Test("The built-in templates are templates/, file for file (scripts/embed-templates writes them)")
    func builtInIsTemplatesFolder() throws {
        let root = Repository.path("templates")
        var onDisk: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root) ?? .init()
        where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            onDisk[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        let builtIn = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        #expect(builtIn.keys.sorted() == onDisk.keys.sorted(), "run scripts/embed-templates")
        for (path, text) in onDisk { #expect(builtIn[path] == text, "\(path) differs: run scripts/embed-templates") }
    }

    @Test("Without a templates folder the site is the standard one; a file of the folder overrides its built-in twin")
    func folderOverridesFileByFile() throws {
        let standard = try SiteFixture.build()
        let none = Scratch.folder() + "/no-templates"
        let withoutFolder = try SiteFixture.build(templates: TemplateSet.load(from: none))
        #expect(withoutFolder.map(\.path) == standard.map(\.path))
        #expect(zip(withoutFolder, standard).allSatisfy { $0.bytes == $1.bytes })

        let partial = Scratch.folder()
        try FileManager.default.createDirectory(atPath: partial + "/assets", withIntermediateDirectories: true)
        try "/* a site of our own */\n".write(toFile: partial + "/assets/site.css", atomically: true, encoding: .utf8)
        let overridden = try SiteFixture.build(templates: TemplateSet.load(from: partial))
        #expect(SiteFixture.file("assets/site.css", in: overridden) == "/* a site of our own */\n")
        #expect(SiteFixture.file("assets/checker.js", in: overridden) == SiteFixture.file("assets/checker.js", in: standard))
        #expect(SiteFixture.file("index.html", in: overridden) == SiteFixture.file("index.html", in: standard))
    }
}
