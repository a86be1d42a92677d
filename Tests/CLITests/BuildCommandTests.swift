import Foundation
import TestSupport
import Testing

@Suite("upgradedocs build")
struct BuildCommandTests {
    static func temporaryFolder() -> String { Scratch.folder() }

    /// Every file of the site in `folder`, path → bytes: the build's record is kept elsewhere.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return result
    }

    static func copyOfRepository(_ items: [String]) throws -> String {
        let folder = temporaryFolder()
        for item in items {
            try FileManager.default.copyItem(atPath: CLIRunner.repository + "/" + item, toPath: folder + "/" + item)
        }
        return folder
    }

    @Test("Two builds under different time zones and locales give identical bytes")
    func deterministicAcrossTimeZonesAndLocales() throws {
        let first = Self.temporaryFolder(), second = Self.temporaryFolder()
        defer { [first, second].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let a = try CLIRunner.run(
            ["build", "--output", first],
            environment: ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"])
        let b = try CLIRunner.run(
            ["build", "--output", second],
            environment: ["TZ": "America/Adak", "LANG": "C", "LC_ALL": "C"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let left = Self.snapshot(first), right = Self.snapshot(second)
        #expect(left.count > 20)
        #expect(left == right)
    }

    @Test("The output holds exactly its manifest's files and the manifest; the record stays in the cache")
    func outputHoldsOnlyTheSite() throws {
        let folder = try Self.copyOfRepository(["content", "templates"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for run in 1...2 {
            let result = try CLIRunner.run(["build", "--output", "out\(run)"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let first = Self.snapshot(folder + "/out1"), second = Self.snapshot(folder + "/out2")
        #expect(first == second, "two identical builds give identical folders")
        let manifest = try #require(first["manifest.json"])
        let listed = try #require(JSONSerialization.jsonObject(with: manifest) as? [String: Any])["files"] as? [[String: Any]]
        #expect(Set(first.keys) == Set((listed ?? []).compactMap { $0["path"] as? String } + ["manifest.json"]))
        // The record of each output is in the cache beside the content, and a rebuild uses it.
        let cache = try FileManager.default.contentsOfDirectory(atPath: folder + "/.upgradedocs")
        #expect(cache.filter { $0.hasPrefix("record-out") }.count == 2)
        let again = try CLIRunner.run(["build", "--output", "out1"], in: folder)
        #expect(again.stdout.contains("is up to date: nothing in"), "\(again.stdout)")
        // Without it, the next build makes everything, and writes the same site.
        try FileManager.default.removeItem(atPath: folder + "/.upgradedocs")
        let full = try CLIRunner.run(["build", "--output", "out1"], in: folder)
        #expect(full.stdout.contains("0 kept from the last build"), "\(full.stdout)")
        #expect(Self.snapshot(folder + "/out1") == first)
    }

    @Test("Beyond 20 warnings of one code a count is printed, and warnings alone keep the no-change shortcut")
    func manyWarnings() throws {
        let folder = try Self.copyOfRepository(["content", "templates"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for index in 0..<25 {
            try "---\ntitle: Page \(index)\ncolour: red\n---\nText.\n"
                .write(toFile: folder + "/content/pages/p\(index).md", atomically: true, encoding: .utf8)
        }
        let first = try CLIRunner.run(["build"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("[content.unknown-key]") && $0.contains(".md:3:1: warning: ") }.count == 20)
        #expect(lines.contains("upgradedocs: warning: 5 more warnings like these [content.unknown-key]"))
        let again = try CLIRunner.run(["build"], in: folder)
        #expect(again.stdout.contains("is up to date: nothing in"), "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("that build warned 25 times"), "\(again.stdout)")
    }

    @Test("--check finds a hand-edited page and writes nothing")
    func checkFindsAnEdit() throws {
        let folder = try Self.copyOfRepository(["content", "templates", "site"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/site/roles/admin-agent.md"
        try (try String(contentsOfFile: page, encoding: .utf8) + "edited\n").write(
            toFile: page, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/site/index.html")
        let before = Self.snapshot(folder + "/site")
        let result = try CLIRunner.run(["build", "--check"], in: folder)
        #expect(result.status != 0)
        #expect(result.stdout.contains("stale: roles/admin-agent.md"))
        #expect(result.stdout.contains("missing: index.html"))
        #expect(Self.snapshot(folder + "/site") == before)
    }

    @Test("A content error fails the build and leaves the old site whole")
    func contentErrorKeepsOldSite() throws {
        let folder = try Self.copyOfRepository(["content", "templates", "site"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = Self.snapshot(folder + "/site")
        let paths = folder + "/content/paths.yaml"
        try (try String(contentsOfFile: paths, encoding: .utf8)).replacingOccurrences(of: "o365-e1", with: "o365-e7")
            .write(toFile: paths, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["build", "--as-of", "2020-01-01"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("content/paths.yaml:", "content.unknown-id", naming: "o365-e7"))
        #expect(Self.snapshot(folder + "/site") == before)
    }

    @Test("A template error names the template file and line, and leaves the old site whole")
    func templateErrorKeepsOldSite() throws {
        let folder = try Self.copyOfRepository(["content", "templates", "site"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = Self.snapshot(folder + "/site")
        try "<article>\n<h1>{{title}}</h1>\n{{#facts}}\n{{{body}}}\n</article>\n"
            .write(toFile: folder + "/templates/role.mustache", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["build", "--as-of", "2020-01-01"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("templates/role.mustache:", "template.syntax"), "\(result.stderr)")
        #expect(Self.snapshot(folder + "/site") == before)
    }

    @Test("A bad embed in a prose page fails with its file and line")
    func badEmbed() throws {
        let folder = try Self.copyOfRepository(["content", "templates"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\ntitle: Bad\n---\n\nText.\n\n```upgradedocs matrix nowhere\n```\n"
            .write(toFile: folder + "/content/pages/bad.md", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("content/pages/bad.md:7:1", "content.embed", naming: "nowhere"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/site"))
    }

    @Test("An output folder that overlaps the content is refused")
    func outputMayNotOverlapContent() throws {
        for output in ["content", ".", "content/pages"] {
            let result = try CLIRunner.run(["build", "--output", output])
            #expect(result.status != 0, "\(output)")
            #expect(result.stderr.contains("overlaps"), "\(output)")
        }
    }

    @Test("--as-of changes the published decisions date, and a bad date is refused")
    func asOfFlag() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLIRunner.run(["build", "--output", folder, "--as-of", "2021-06-01"])
        #expect(result.status == 0)
        let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"asOf\": \"2021-06-01\""))
        let matrix = try String(contentsOfFile: folder + "/matrix/legacy.md", encoding: .utf8)
        #expect(!matrix.contains("[!IMPORTANT]"), "no withdrawal note before March 2022")
        let bad = try CLIRunner.run(["build", "--output", folder, "--as-of", "2021-13-01"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("not a valid date"))
    }
}
