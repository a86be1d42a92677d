import Foundation
import TestSupport
import Testing
import UpgradeBase
import UpgradeContent
import UpgradeOutput
import UpgradePipeline
import UpgradeSiteBuilder
import UpgradeSiteContract

/// The pipeline every command builds through gives, from any memory of a last build, the bytes
/// the plain full build gives (`SiteBuilder.build`, the oracle); and a build that fails changes
/// nothing, saying which step stopped.
@Suite("One build pipeline")
struct IncrementalSiteTests {
    /// A copy of the fixture content, an output folder and a cache beside it, and the pipeline
    /// both on disk and in memory.
    struct Workspace {
        let root = Scratch.folder()
        let content: String
        let site: IncrementalSite
        let writer: SiteWriter
        let memory: SiteInMemory

        init() throws {
            content = try Scratch.copy(of: Fixtures.content)
            site = IncrementalSite(content: content, templates: Fixtures.templates)
            writer = SiteWriter(output: root + "/site", cache: root + "/cache")
            memory = SiteInMemory(site)
        }

        func remove() {
            for folder in [root, URL(fileURLWithPath: content).deletingLastPathComponent().path] {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
    }

    /// The oracle: the plain full build of a content folder, by path.
    static func fullBuild(of folder: String) throws -> [String: [UInt8]] {
        let content = try ContentLoader.load(from: folder)
        let files = try SiteBuilder.build(
            content, templates: try TemplateSet.load(from: Fixtures.templates), asOf: content.settings.asOf)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    /// Every file of an output folder but its manifest, by path.
    static func files(in folder: String) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue && path != Manifest.fileName {
                found[path] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            }
        }
        return found
    }

    static func edit(_ file: String, in folder: String, _ change: (String) -> String) throws {
        let path = folder + "/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("A published site is the full build's, and compares equal to it")
    func publishedIsTheFullBuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (content, site, writer, root) = (workspace.content, workspace.site, workspace.writer, workspace.root)
        guard case .written(_, let made, let kept, _, _) = try site.publish(with: writer).outcome else {
            Issue.record("the first build wrote nothing")
            return
        }
        let oracle = try Self.fullBuild(of: content)
        #expect(made == oracle.count && kept == 0)
        #expect(try Self.files(in: root + "/site") == oracle)
        #expect(try site.compare(with: writer).differences.isEmpty)
        // Nothing changed: nothing is made or written.
        guard case .unchanged(let files, _) = try site.publish(with: writer).outcome else {
            Issue.record("a build of unchanged inputs made files")
            return
        }
        #expect(files == oracle.count)
    }

    @Test("A rebuild after an edit makes only what changed, and gives the full build's bytes")
    func rebuildEqualsFullBuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (content, site, writer, memory) = (workspace.content, workspace.site, workspace.writer, workspace.memory)
        let root = workspace.root
        _ = try site.publish(with: writer)
        _ = try memory.rebuild()
        try Self.edit("pages/how-to-answer.md", in: content) { $0 + "\nOne more paragraph.\n" }
        let oracle = try Self.fullBuild(of: content)
        guard case .written(_, let made, let kept, _, _) = try site.publish(with: writer).outcome else {
            Issue.record("the edit was not built")
            return
        }
        #expect(made > 0 && made < oracle.count && made + kept == oracle.count)
        #expect(try Self.files(in: root + "/site") == oracle)
        let rebuilt = try memory.rebuild()
        #expect(rebuilt.made > 0 && rebuilt.made < oracle.count)
        #expect(Dictionary(uniqueKeysWithValues: rebuilt.files.map { ($0.path, $0.bytes) }) == oracle)
    }

    @Test("Content that does not load stops at the content step; the output and the preview keep the last good site")
    func brokenContentChangesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (content, site, writer, memory) = (workspace.content, workspace.site, workspace.writer, workspace.memory)
        let root = workspace.root
        _ = try site.publish(with: writer)
        let good = try memory.rebuild().files
        let before = try Self.files(in: root + "/site")
        try Self.edit("offers.yaml", in: content) { $0.replacingOccurrences(of: "program:", with: "programme:") }
        for attempt in [{ _ = try site.publish(with: writer) }, { _ = try memory.rebuild() }] {
            let failure = #expect(throws: BuildFailure.self) { try attempt() }
            #expect(failure?.stage == .content)
            #expect(failure?.diagnostics.contains { $0.code == .unknownKey && $0.location.file.hasSuffix("offers.yaml") } == true)
        }
        #expect(try Self.files(in: root + "/site") == before)
        try Self.edit("offers.yaml", in: content) { $0.replacingOccurrences(of: "programme:", with: "program:") }
        // Only the content's ids are known after a failed build, so the next good one is whole.
        #expect(try memory.rebuild().files.map(\.bytes) == good.map(\.bytes))
    }

    @Test("Content that check rejects stops at the checks step, with every finding")
    func rejectedContentStopsAtTheChecks() throws {
        let content = try Scratch.copy(of: Fixtures.content)
        try Self.edit("examples.yaml", in: content) {
            $0.replacingOccurrences(of: "asOf: 2021-06-01\n    expect: eligible", with: "asOf: 2021-06-01\n    expect: blocked")
        }
        let site = IncrementalSite(content: content, templates: Fixtures.templates)
        let failure = #expect(throws: BuildFailure.self) { try SiteInMemory(site).rebuild() }
        #expect(failure?.stage == .checks)
        #expect(failure?.diagnostics.contains { $0.code == .exampleMismatch } == true)
    }

    @Test("Templates that do not parse stop at the templates step")
    func brokenTemplatesStopAtTheTemplates() throws {
        let templates = try Scratch.copy(of: Fixtures.templates)
        try Self.edit("page.mustache", in: templates) { $0 + "{{#unclosed}}" }
        let site = IncrementalSite(content: Fixtures.content, templates: templates)
        let failure = #expect(throws: BuildFailure.self) { try SiteInMemory(site).rebuild() }
        #expect(failure?.stage == .templates)
        #expect(failure?.diagnostics.contains { $0.code == .templateSyntax } == true)
    }
}
