import Foundation
import Testing
@testable import UpgradeOutput
import UpgradeBase
import UpgradeSiteContract
import TestSupport

@Suite("Writing the site")
struct SiteWriterTests {
    static let day = "2026-11-25"

    static func files(_ pairs: [(String, String)]) -> [GeneratedFile] {
        pairs.map { GeneratedFile(path: $0.0, kind: .page, text: $0.1) }
    }

    static func read(_ folder: String, _ path: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("A rebuild removes only files the previous manifest lists")
    func removesOnlyManifestFiles() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteWriter(output: folder).write(Self.files([("a.html", "A"), ("old/b.html", "B")]), asOf: Self.day)
        try "mine".write(toFile: folder + "/CNAME", atomically: true, encoding: .utf8)
        let report = try SiteWriter(output: folder).write(Self.files([("a.html", "A2")]), asOf: Self.day)
        #expect(report.removed == ["old/b.html"])
        #expect(Self.read(folder, "a.html") == "A2")
        #expect(Self.read(folder, "CNAME") == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder + "/old"))
        #expect(Leftovers.beside(folder).isEmpty)
    }

    @Test("An unchanged file is not rewritten, so it keeps its timestamp")
    func unchangedFilesKeepTheirTimestamp() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = Self.files([("a.html", "A"), ("b.html", "B")])
        _ = try SiteWriter(output: folder).write(files, asOf: Self.day)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder + "/a.html")
        let report = try SiteWriter(output: folder).write(files, asOf: Self.day)
        #expect(report.written.isEmpty)
        #expect(report.unchanged.count == 3)
        let date = try FileManager.default.attributesOfItem(atPath: folder + "/a.html")[.modificationDate] as? Date
        #expect(date == past)
    }

    @Test("--check lists stale, missing and extra files, and nothing when the site is fresh")
    func differences() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = SiteWriter(output: folder)
        _ = try writer.write(Self.files([("a.html", "A"), ("b.html", "B"), ("c.html", "C")]), asOf: Self.day)
        #expect(
            try writer.differences(from: Self.files([("a.html", "A"), ("b.html", "B"), ("c.html", "C")]), asOf: Self.day).isEmpty)
        try FileManager.default.removeItem(atPath: folder + "/b.html")
        let found = try writer.differences(from: Self.files([("a.html", "A!"), ("b.html", "B")]), asOf: Self.day).map(
            \.description)
        #expect(found == ["stale: a.html", "missing: b.html", "stale: manifest.json", "extra: c.html"])
        #expect(Self.read(folder, "a.html") == "A", "check writes nothing")
    }

    @Test("Files staged batch by batch reach the output only when the write finishes")
    func stagedBatchesSwapInAtFinish() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteWriter(output: folder).write(Self.files([("a.html", "old a"), ("b/c.html", "old c")]), asOf: Self.day)
        let files = Self.files([("a.html", "new a"), ("b/c.html", "old c"), ("d/e.md", "e")])
        let write = try SiteWriter(output: folder).begin()
        write.add(Array(files.prefix(2)))
        write.add(Array(files.dropFirst(2)))
        #expect(Self.read(folder, "a.html") == "old a")
        #expect(Self.read(folder, "d/e.md") == nil)
        let report = try write.finish(files, asOf: Self.day)
        #expect(Self.read(folder, "a.html") == "new a")
        #expect(Self.read(folder, "d/e.md") == "e")
        #expect(report.unchanged == ["b/c.html"])
        #expect(Leftovers.beside(folder).isEmpty)
    }

    @Test("An abandoned write leaves the old site whole, and a new output folder not there at all")
    func abandonedWriteChangesNothing() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteWriter(output: folder + "/site").write(Self.files([("a.html", "old a")]), asOf: Self.day)
        let write = try SiteWriter(output: folder + "/site").begin()
        write.add(Self.files([("a.html", "new a"), ("z.html", "z")]))
        write.abandon()
        #expect(Self.read(folder + "/site", "a.html") == "old a")
        #expect(Self.read(folder + "/site", "z.html") == nil)
        #expect(Leftovers.beside(folder + "/site").isEmpty)
        let fresh = try SiteWriter(output: folder + "/fresh").begin()
        fresh.add(Self.files([("a.html", "a")]))
        fresh.abandon()
        #expect(!FileManager.default.fileExists(atPath: folder + "/fresh"))
    }

    @Test("A path that would leave the output folder is refused before anything is written")
    func refusesEscapingPaths() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for bad in ["../evil.html", "/etc/evil", "a/../../evil", "", "a//b", "./a"] {
            #expect(throws: DiagnosticError.self) {
                try SiteWriter(output: folder + "/site").write([GeneratedFile(path: bad, kind: .page, text: "x")], asOf: Self.day)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/evil.html"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true)
    }

    @Test("A manifest that lists paths outside the folder cannot make a rebuild delete them")
    func tamperedManifestDeletesNothingOutside() throws {
        let root = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "precious".write(toFile: root + "/precious.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
        try #"{"files":[{"path":"../precious.txt"},{"path":"/tmp"}]}"#
            .write(toFile: root + "/site/manifest.json", atomically: true, encoding: .utf8)
        _ = try SiteWriter(output: root + "/site").write(Self.files([("a.html", "A")]), asOf: Self.day)
        #expect(Self.read(root, "precious.txt") == "precious")
    }

    @Test("When the swap cannot finish, it does not start: the old site stays whole")
    func failedSwapLeavesOldSite() throws {
        let folder = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteWriter(output: folder).write(Self.files([("a.html", "A"), ("b.html", "B")]), asOf: Self.day)
        // A folder now stands where the new build wants to write a file.
        try FileManager.default.createDirectory(atPath: folder + "/z.html", withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(throws: DiagnosticError.self) {
            try SiteWriter(output: folder).write(Self.files([("a.html", "A2"), ("z.html", "Z")]), asOf: Self.day)
        }
        #expect(Self.read(folder, "a.html") == "A")
        #expect(Self.read(folder, "b.html") == "B")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
    }

    @Test("The manifest written directly is the manifest a JSON tree writes")
    func manifestIsTheJSONTree() {
        for entries in [
            [], [Manifest.Entry(path: "index.html", kind: .index, sha256: "ab")],
            [
                Manifest.Entry(path: "pages/\"q\"\\é\u{202E}.html", kind: .page, sha256: ""),
                Manifest.Entry(path: "data/x.json", kind: .data, sha256: "00"),
            ],
        ] {
            let manifest = Manifest(generator: "upgradedocs 0.1.0", asOf: "2026-11-25", entries: entries)
            let tree =
                JSONValue.object([
                    ("generator", .string(manifest.generator)),
                    ("asOf", .string(manifest.asOf)),
                    (
                        "files",
                        .array(
                            manifest.entries.map { entry in
                                .object([
                                    ("path", .string(entry.path)), ("kind", .string(entry.kind.rawValue)),
                                    ("sha256", .string(entry.sha256)),
                                ])
                            })
                    ),
                ]).serialized(pretty: true) + "\n"
            #expect(manifest.file.text == tree)
        }
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("Relative links work from any depth")
    func relativeLinks() {
        let role = PagePath("roles", "admin-agent")
        #expect(role.link(to: PagePath("index"), format: .html) == "../index.html")
        #expect(
            role.link(to: PagePath("rules", "eligibility"), anchor: "rule-UPG-1", format: .md)
                == "../rules/eligibility.md#rule-UPG-1")
        #expect(PagePath("index").link(to: role, format: .html) == "roles/admin-agent.html")
        #expect(role.link(to: role, anchor: "checks", format: .html) == "#checks")
    }
}
