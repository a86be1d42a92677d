import Foundation
import Testing
import UpgradeBase
@testable import UpgradeOutput
import UpgradeSiteContract
import TestSupport

/// The output folder is a trust boundary: `site/` is committed, so anyone can
/// put a link or a doctored manifest into it. Nothing outside it may change.
@Suite("Nothing outside the output is touched")
struct TrustBoundaryTests {
    static let day = "2026-11-25"

    static func files(_ pairs: [(String, String)]) -> [GeneratedFile] {
        pairs.map { GeneratedFile(path: $0.0, kind: .page, text: $0.1) }
    }

    /// A scratch root with a site in `root/site` and a precious folder outside it, `root/outside`.
    static func stage() throws -> String {
        let root = Scratch.folder()
        try FileManager.default.createDirectory(atPath: root + "/outside/deep", withIntermediateDirectories: true)
        try "precious".write(toFile: root + "/outside/precious.txt", atomically: true, encoding: .utf8)
        try "deep".write(toFile: root + "/outside/deep/file.txt", atomically: true, encoding: .utf8)
        _ = try SiteWriter(output: root + "/site").write(files([("a.html", "A"), ("matrix/m.html", "M")]), asOf: day)
        return root
    }

    /// Every file under `folder`, path → bytes, links as "→ target".
    static func snapshot(_ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            let full = folder + "/" + path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[path] = "→ " + target
            } else if let data = FileManager.default.contents(atPath: full) {
                result[path] = String(decoding: data, as: UTF8.self)
            } else {
                result[path] = "folder"
            }
        }
        return result
    }

    static func manifest(listing paths: [String]) -> String {
        let entries = paths.map { #"{"path": "\#($0)", "kind": "page", "sha256": "x"}"# }.joined(separator: ", ")
        return #"{"generator": "upgradedocs", "asOf": "2026-11-25", "files": [\#(entries)]}"#
    }

    @Test("A folder in the site that is a link to elsewhere is refused, and its target is never written")
    func linkedFolderIsRefused() throws {
        let root = try Self.stage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/site/matrix")
        try FileManager.default.createSymbolicLink(atPath: root + "/site/matrix", withDestinationPath: root + "/outside")
        let outside = Self.snapshot(root + "/outside"), site = Self.snapshot(root + "/site")
        let error = #expect(throws: DiagnosticError.self) {
            try SiteWriter(output: root + "/site").write(Self.files([("a.html", "A2"), ("matrix/m.html", "M2")]), asOf: Self.day)
        }
        #expect(error?.diagnostics.first?.location.file == root + "/site/matrix")
        #expect(error?.diagnostics.first?.code == .unsafePath)
        #expect(Self.snapshot(root + "/outside") == outside)
        #expect(Self.snapshot(root + "/site") == site)
    }

    @Test("Manifest paths through a link, to a link, or naming folders delete nothing, and the user's folders survive")
    func doctoredManifestDeletesNothing() throws {
        let root = try Self.stage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site"
        try FileManager.default.createSymbolicLink(atPath: site + "/via", withDestinationPath: root + "/outside")
        try FileManager.default.createSymbolicLink(
            atPath: site + "/link.txt", withDestinationPath: root + "/outside/precious.txt")
        try FileManager.default.createDirectory(atPath: site + "/mine/.git", withIntermediateDirectories: true)
        try "notes".write(toFile: site + "/mine/notes.txt", atomically: true, encoding: .utf8)
        try "HEAD".write(toFile: site + "/mine/.git/HEAD", atomically: true, encoding: .utf8)
        try Self.manifest(listing: [
            "via/precious.txt", "via/deep", "link.txt", "mine", "mine/.git", "mine/notes.txt",
            "../outside/precious.txt", "a.html",
        ])
        .write(toFile: site + "/manifest.json", atomically: true, encoding: .utf8)
        let outside = Self.snapshot(root + "/outside")
        let report = try SiteWriter(output: site).write(Self.files([("a.html", "A")]), asOf: Self.day)
        #expect(Self.snapshot(root + "/outside") == outside)
        #expect(Self.read(site, "mine/notes.txt") == "notes")
        #expect(Self.read(site, "mine/.git/HEAD") == "HEAD")
        #expect(
            (try? FileManager.default.destinationOfSymbolicLink(atPath: site + "/link.txt")) == root + "/outside/precious.txt")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site + "/via")) == root + "/outside")
        #expect(report.removed.isEmpty)
        // The link and the note that the manifest names but the build did not write are each left alone, with a warning.
        #expect(Set(report.warnings.map { $0.location.file }) == [site + "/link.txt", site + "/mine/notes.txt"])
    }

    @Test("A file the previous manifest lists with other bytes than it lists is kept, with a warning")
    func editedListedFileIsKept() throws {
        let root = try Self.stage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "edited by hand".write(toFile: root + "/site/matrix/m.html", atomically: true, encoding: .utf8)
        let report = try SiteWriter(output: root + "/site").write(Self.files([("a.html", "A")]), asOf: Self.day)
        #expect(Self.read(root + "/site", "matrix/m.html") == "edited by hand")
        #expect(report.warnings.map(\.location.file) == [root + "/site/matrix/m.html"])
        #expect(report.removed.isEmpty)
    }

    @Test("The output itself as a link is refused")
    func linkedOutputIsRefused() throws {
        let root = try Self.stage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/outside")
        let outside = Self.snapshot(root + "/outside")
        #expect(throws: DiagnosticError.self) {
            try SiteWriter(output: root + "/linked").write(Self.files([("a.html", "A")]), asOf: Self.day)
        }
        #expect(Self.snapshot(root + "/outside") == outside)
    }

    static func read(_ folder: String, _ path: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A crash at any step of a write, and builds that race, leave a whole site.
@Suite("Old or new, never mixed")
struct WholeSiteTests {
    /// A 200-page site in both formats, its assets and data, and a second version of it.
    static func site(version: Int) -> [GeneratedFile] {
        (0..<200).flatMap { page -> [GeneratedFile] in
            // Every third page changes between versions, and version 2 drops the last ten and adds ten.
            let number = version == 2 && page >= 190 ? page + 10 : page
            let text = "page \(number) v\(page % 3 == 0 ? version : 1)"
            return [
                GeneratedFile(path: "pages/p\(number).html", kind: .page, text: text),
                GeneratedFile(path: "pages/p\(number).md", kind: .page, text: text),
            ]
        } + [GeneratedFile(path: "assets/site.css", kind: .asset, text: "css v\(version)")]
    }

    /// Every file a site of `files` has on disk, the manifest and the user's own file included.
    static func expected(_ files: [GeneratedFile]) -> [String: [UInt8]] {
        let manifest = Manifest(describing: files, asOf: TrustBoundaryTests.day)
        var expected = Dictionary(uniqueKeysWithValues: (files + [manifest.file]).map { ($0.path, $0.bytes) })
        expected["CNAME"] = Array("mine".utf8)
        return expected
    }

    static func isWhole(_ folder: String, as files: [GeneratedFile]) -> Bool {
        isWhole(folder, as: expected(files))
    }

    /// Whether `folder` holds exactly these files, byte for byte, and nothing else.
    static func isWhole(_ folder: String, as expected: [String: [UInt8]]) -> Bool {
        var found: [String: [UInt8]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found[path] = FileManager.default.contents(atPath: folder + "/" + path).map(Array.init)
            }
        }
        return found == expected
    }

    @Test("Stopped after any step of the write, the output is the whole old site or the whole new one")
    func crashAtEveryStep() throws {
        let root = Scratch.memoryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        let old = Self.site(version: 1), new = Self.site(version: 2)
        let oldSite = Self.expected(old), newSite = Self.expected(new)
        var step = 0, sawOld = false, sawNew = false
        let pristine = root + "/pristine"
        _ = try SiteWriter(output: pristine).write(old, asOf: TrustBoundaryTests.day)
        try "mine".write(toFile: pristine + "/CNAME", atomically: true, encoding: .utf8)
        while true {
            try? FileManager.default.removeItem(atPath: output)
            try Self.linkCopy(pristine, to: output)
            // The stopped write lets go of its lock when it goes, as a killed process's lock goes with it.
            let finished = try {
                let write = try StagedWrite(writer: SiteWriter(output: output), steps: Steps(stopAfter: step))
                write.add(new)
                return (try? write.finish(new, asOf: TrustBoundaryTests.day)) != nil
            }()
            let isOld = Self.isWhole(output, as: oldSite), isNew = Self.isWhole(output, as: newSite)
            #expect(isOld || isNew, "after step \(step) the site is neither the old nor the new one")
            sawOld = sawOld || isOld
            sawNew = sawNew || isNew
            // The next build cleans up after the killed one and writes the new site whole (checked now and then:
            // each check is a whole build).
            if step % 25 == 0 || finished {
                _ = try SiteWriter(output: output).write(new, asOf: TrustBoundaryTests.day)
                #expect(Self.isWhole(output, as: newSite))
                #expect(Leftovers.beside(output).isEmpty)
            }
            if finished { break }
            step += 1
        }
        #expect(sawOld && sawNew)
        #expect(step > 400, "every file, the carried-over one, the exchange and the clean-up are steps")
    }

    /// `cp -al`: the same files under a second tree, made in no time. The writer never changes a
    /// file in place, so the copy it replaces leaves the original as it was.
    static func linkCopy(_ source: String, to target: String) throws {
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-al", source, target]
        try copy.run()
        copy.waitUntilExit()
    }

    @Test("Two builds at once: one waits for the other, and the site is whole")
    func concurrentBuilds() async throws {
        let root = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        _ = try SiteWriter(output: output).write(Self.site(version: 1), asOf: TrustBoundaryTests.day)
        try "mine".write(toFile: output + "/CNAME", atomically: true, encoding: .utf8)
        async let first: Void = {
            _ = try SiteWriter(output: output).write(Self.site(version: 2), asOf: TrustBoundaryTests.day)
        }()
        async let second: Void = {
            _ = try SiteWriter(output: output).write(Self.site(version: 1), asOf: TrustBoundaryTests.day)
        }()
        _ = try await (first, second)
        #expect(Self.isWhole(output, as: Self.site(version: 1)) || Self.isWhole(output, as: Self.site(version: 2)))
        #expect(Leftovers.beside(output).isEmpty)
    }

    @Test("A build that cannot get the lock in time fails, naming the build that holds it")
    func lockTimeoutNamesTheOtherBuild() throws {
        let root = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let holder = try SiteWriter(output: root + "/site").begin()
        defer { holder.abandon() }
        let error = #expect(throws: DiagnosticError.self) {
            try SiteWriter(output: root + "/site", lockWait: 0.2).write(Self.site(version: 1), asOf: TrustBoundaryTests.day)
        }
        #expect(error?.diagnostics.first?.code == .locked && error?.diagnostics.first?.mentions("\(getpid())") == true)
    }
}

enum Leftovers {
    /// What a write left beside the output folder: nothing, once it is over.
    static func beside(_ output: String) -> [String] {
        let url = URL(fileURLWithPath: output)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? [])
            .filter { $0.hasPrefix("." + url.lastPathComponent + ".upgradedocs") }
    }
}
