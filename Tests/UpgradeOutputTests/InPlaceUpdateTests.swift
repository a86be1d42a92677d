import Foundation
import Testing
import UpgradeBase
@testable import UpgradeOutput
import UpgradeSiteContract
import TestSupport

/// A rebuild of a large site that changes a few files replaces just those, where the site
/// stands. Stopped at any step, every file is whole (old or new), and the next build puts
/// the new site in place exactly.
@Suite("In-place updates")
struct InPlaceUpdateTests {
    static let always = SiteWriter.InPlacePolicy(minimumFiles: 0, maximumChanges: 64)

    /// Version 2 changes every tenth page of 300 and adds one; nothing is removed.
    static func site(version: Int) -> SiteBuild {
        let count = version == 2 ? 301 : 300
        let files =
            (0..<count).map { page in
                GeneratedFile(path: "pages/p\(page).html", kind: .page, text: "page \(page) v\(page % 10 == 0 ? version : 1)")
            } + [GeneratedFile(path: "assets/site.css", kind: .asset, text: "css")]
        return SiteBuild(made: files, inputs: Dictionary(uniqueKeysWithValues: files.map { ($0.path, SHA256.hex($0.bytes)) }))
    }

    /// Version 2 as a build that knows what version 1 left: the unchanged files are kept.
    static func rebuild(over previous: [String: String]) -> SiteBuild {
        let all = site(version: 2)
        let made = all.made.filter { previous[$0.path] != all.inputs[$0.path] }
        let kept = all.made.filter { previous[$0.path] == all.inputs[$0.path] }
            .map { KeptFile(path: $0.path, kind: $0.kind, inputs: all.inputs[$0.path]!) }
        return SiteBuild(made: made, kept: kept, inputs: all.inputs)
    }

    static func contents(_ folder: String) -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found[path] = FileManager.default.contents(atPath: folder + "/" + path).map(Array.init)
            }
        }
        return found
    }

    @Test("A rebuild of few files replaces only those, keeps the rest untouched, and writes the manifest")
    func fewChangesAreReplacedInPlace() throws {
        let root = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        _ = try SiteWriter(output: output, inPlace: Self.always).write(Self.site(version: 1), asOf: "2026-11-25")
        let untouched = try FileManager.default.attributesOfItem(atPath: output + "/pages/p1.html")[.systemFileNumber] as? Int
        let write = try SiteWriter(output: output, inPlace: Self.always).begin()
        #expect(!write.streams)
        let report = try write.finish(Self.rebuild(over: write.previousInputs), asOf: "2026-11-25")
        #expect(Set(report.written) == Set((0..<30).map { "pages/p\($0 * 10).html" } + ["pages/p300.html", Manifest.fileName]))
        #expect(
            try FileManager.default.attributesOfItem(atPath: output + "/pages/p1.html")[.systemFileNumber] as? Int == untouched)
        let clean = root + "/clean"
        _ = try SiteWriter(output: clean).write(Self.site(version: 2), asOf: "2026-11-25")
        #expect(Self.contents(output) == Self.contents(clean))
        #expect(Leftovers.beside(output).isEmpty)
    }

    @Test("The record hands the next build the pages it was given, and a damaged record is no record")
    func damagedRecordIsNoRecord() throws {
        let root = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        let pages = Array("what the load learnt of the pages".utf8)
        _ = try SiteWriter(output: output).begin().finish(Self.site(version: 1), asOf: "2026-11-25", pages: pages)
        let write = try SiteWriter(output: output).begin()
        #expect(Array(write.previousPages) == pages)
        #expect(write.previousInputs.count == 301)
        write.abandon()
        let path = SiteWriter(output: output).records.path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        var random = SeededGenerator(seed: 3)
        for _ in 0..<20 {
            var damaged = [UInt8](bytes)
            // A byte of the entries, past the header: a digest or an identity changed by the disk or a hand.
            let at = Int.random(in: (damaged.count / 2)..<damaged.count, using: &random)
            damaged[at] = damaged[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let write = try SiteWriter(output: output).begin()
            #expect(write.previousInputs.isEmpty, "everything is made and compared again")
            write.abandon()
        }
    }

    @Test("Stopped after any step, every file is whole, and the next build makes the new site exactly")
    func crashAtEveryStep() throws {
        let root = Scratch.memoryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site", clean = root + "/clean"
        _ = try SiteWriter(output: clean).write(Self.site(version: 2), asOf: "2026-11-25")
        let newSite = Self.contents(clean)
        let pristine = root + "/pristine"
        _ = try SiteWriter(output: pristine, inPlace: Self.always).write(Self.site(version: 1), asOf: "2026-11-25")
        let oldSite = Self.contents(pristine)
        var step = 0
        while true {
            try? FileManager.default.removeItem(atPath: output)
            // A real copy: the update replaces files where they stand, which a linked copy would share.
            try FileManager.default.copyItem(atPath: pristine, toPath: output)
            try Self.restoreIdentities(from: pristine, to: output)
            let write = try StagedWrite(writer: SiteWriter(output: output, inPlace: Self.always), steps: Steps(stopAfter: step))
            #expect(!write.streams, "the copy's record holds")
            let finished = (try? write.finish(Self.rebuild(over: write.previousInputs), asOf: "2026-11-25")) != nil
            // A failure at any step leaves the old site or the new one, manifest included, and nothing else.
            let now = Self.contents(output)
            let (isOld, isNew) = (now == oldSite, now == newSite)
            #expect(isOld || isNew, "after a failure at step \(step): \(Self.mixture(now, oldSite, newSite))")
            if !finished { #expect(isOld, "a failed update says the site is unchanged; after step \(step) it is not") }
            // The next build, told nothing, makes what its record allows and ends with the new site.
            let next = try SiteWriter(output: output, inPlace: Self.always).begin()
            _ = try next.finish(Self.rebuild(over: next.previousInputs), asOf: "2026-11-25")
            #expect(Self.contents(output) == newSite, "after step \(step)")
            if finished { break }
            step += 1
        }
        #expect(step > 30, "each replaced file, the manifest and the record are steps")
    }

    @Test("After a kill inside an update's renames, the next build leaves none of its files behind")
    func killInsideTheRenames() throws {
        let root = Scratch.memoryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site", clean = root + "/clean"
        _ = try SiteWriter(output: clean).write(Self.site(version: 2), asOf: "2026-11-25")
        let first = try SiteWriter(output: output, inPlace: Self.always).begin()
        _ = try first.finish(Self.site(version: 1), asOf: "2026-11-25")
        // What a kill between two renames leaves: one file new with its old version kept beside it,
        // one new version not yet in place, and no record.
        let pages = output + "/pages/"
        try FileManager.default.linkItem(atPath: pages + "p0.html", toPath: pages + ".upgradedocs-old-p0.html")
        try Data("page 0 v2".utf8).write(to: URL(fileURLWithPath: pages + "p0.html.swap"))
        #expect(rename(pages + "p0.html.swap", pages + "p0.html") == 0)
        try Data("page 10 v2".utf8).write(to: URL(fileURLWithPath: pages + ".upgradedocs-new-p10.html"))
        try SiteWriter(output: output).records.remove()
        let next = try SiteWriter(output: output, inPlace: Self.always).begin()
        _ = try next.finish(Self.rebuild(over: next.previousInputs), asOf: "2026-11-25")
        let (now, wanted) = (Self.contents(output), Self.contents(clean))
        let same = now == wanted
        #expect(same, "\(Self.mixture(now, [:], wanted))")
    }

    /// What a site holds besides the old and the new one: files of neither, and files of both.
    static func mixture(_ now: [String: [UInt8]], _ old: [String: [UInt8]], _ new: [String: [UInt8]]) -> String {
        let neither = now.keys.filter { now[$0] != old[$0] && now[$0] != new[$0] }.sorted()
        let fromNew = now.keys.filter { now[$0] != old[$0] && now[$0] == new[$0] }.count
        let fromOld = now.keys.filter { now[$0] == old[$0] && now[$0] != new[$0] }.count
        return "\(fromOld) old files, \(fromNew) new, neither: \(neither.prefix(5))"
    }

    /// A copied site has new inodes and times, so the original's record would not hold for it; this
    /// writes the copy's own record, the original's with the copy's identities, as if the build had
    /// written the copy.
    static func restoreIdentities(from source: String, to copy: String) throws {
        guard let folder = try Folder.existing(copy), let tool = BuildRecord.currentTool,
            let bytes = SiteWriter(output: source).records.read(),
            var record = BuildRecord(reading: bytes, tool: tool)
        else { return }
        let tree = SiteTree(root: folder)
        for path in record.entries.keys {
            let (place, name) = try tree.place(of: path)
            if let identity = place?.identity(of: name), let entry = record.entries[path] {
                record.entries[path] = BuildRecord.Entry(inputs: entry.inputs, sha256: entry.sha256, identity: identity)
            }
        }
        try SiteWriter(output: copy).records.write(record.bytes)
    }
}
