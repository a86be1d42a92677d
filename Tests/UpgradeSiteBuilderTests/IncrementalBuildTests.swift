import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// A rebuild makes only the files whose inputs changed, and keeps the rest as the last build
/// left them. That shortcut must never show: after any edit, the site on disk is byte for byte
/// the site a clean build makes.
@Suite("Incremental builds equal clean builds")
struct IncrementalBuildTests {
    /// One edit of a content or template folder: what it touches, and the change to the file's text.
    struct Edit {
        let name: String
        let file: String
        let change: (String) -> String
    }

    /// Edits of every kind the inputs have: prose, templates, assets and the model.
    static func edits(_ step: Int) -> [Edit] {
        [
            Edit(name: "a prose paragraph", file: "content/pages/how-to-answer.md") { $0 + "\nEdit \(step) of the text.\n" },
            Edit(name: "a prose title", file: "content/pages/how-to-answer.md") {
                $0.replacingOccurrences(of: "title: How to answer", with: "title: How \(step) to answer")
            },
            Edit(name: "a prose heading", file: "content/pages/how-to-answer.md") { $0 + "\n## Step \(step)\n\nMore.\n" },
            Edit(name: "a new prose page", file: "content/pages/extra-\(step % 3).md") { _ in
                "---\ntitle: Extra \(step)\n---\n\nSee [the answer](how-to-answer.html).\n"
            },
            Edit(name: "an embed in prose", file: "content/pages/how-to-answer.md") {
                $0 + "\n```upgradedocs matrix legacy\n```\n"
            },
            Edit(name: "the page template", file: "templates/page.mustache") { $0 + "<!-- page \(step) -->\n" },
            Edit(name: "the offer template", file: "templates/offer.mustache") { $0 + "<!-- offer \(step) -->\n" },
            Edit(name: "the layout", file: "templates/layout.mustache") {
                $0.replacingOccurrences(of: "</body>", with: "<!-- layout \(step) --></body>")
            },
            Edit(name: "the stylesheet", file: "templates/assets/site.css") { $0 + "\n/* \(step) */\n" },
            Edit(name: "an offer renamed", file: "content/offers.yaml") {
                $0.replacingLine(
                    startingWith: "    name: Microsoft 365 Apps for business",
                    with: "    name: Microsoft 365 Apps for business \(step)")
            },
            Edit(name: "a remedy reworded", file: "content/rules.yaml") {
                $0.replacingOccurrences(of: "or choose", with: "or (\(step)) choose")
            },
            Edit(name: "the site retitled", file: "content/site.yaml") {
                $0.replacingLine(startingWith: "title: ", with: "title: Upgrades \(step)")
            },
            Edit(name: "a page removed", file: "content/pages/extra-\(step % 3).md") { _ in "" },
        ]
    }

    /// A working copy of the fixture's content and the repository's templates.
    static func workingCopy() throws -> String {
        let root = Scratch.folder()
        try FileManager.default.copyItem(atPath: Fixtures.content, toPath: root + "/content")
        try FileManager.default.copyItem(atPath: Repository.path("templates"), toPath: root + "/templates")
        return root
    }

    static func apply(_ edit: Edit, in root: String) throws {
        let path = root + "/" + edit.file
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let changed = edit.change(text)
        if changed.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// A build as `upgradedocs build` makes one: what the output's record lets it keep is kept, and
    /// each page whose file is unchanged is taken from the pages the record notes.
    @discardableResult
    static func build(_ root: String, into output: String, policy: SiteWriter.InPlacePolicy) throws -> SiteBuild {
        let write = try SiteWriter(output: output, inPlace: policy).begin()
        let content = try ContentLoader.load(from: root + "/content", reusing: PageCache(bytes: write.previousPages))
        let templates = try TemplateSet.load(from: root + "/templates")
        let build = try SitePlan(content, templates: templates, asOf: content.settings.asOf)
            .build(keeping: write.previousInputs, emit: write.streams ? { write.add($0) } : nil)
        _ = try write.finish(
            build, asOf: content.settings.asOf.description,
            pages: content.pageCache.bytes(settledBefore: write.startedAt))
        return build
    }

    /// Every file of a site.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    @Test(
        "After random edits of prose, templates and model, the incremental site is the clean one",
        arguments: [SiteWriter.InPlacePolicy(minimumFiles: 0, maximumChanges: 64), .never])
    func randomEditsKeepTheSiteExact(policy: SiteWriter.InPlacePolicy) throws {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var random = SeededGenerator(seed: policy.maximumChanges == 0 ? 7 : 11)
        try Self.build(root, into: root + "/site", policy: policy)
        var kept = 0
        for step in 1...40 {
            var names: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let edit = Self.edits(step).randomElement(using: &random)!
                try Self.apply(edit, in: root)
                names.append(edit.name)
            }
            let incremental = try Self.build(root, into: root + "/site", policy: policy)
            kept += incremental.kept.count
            let clean = root + "/clean-\(step)"
            try Self.build(root, into: clean, policy: policy)
            let have = Self.snapshot(root + "/site"), want = Self.snapshot(clean)
            #expect(have.keys.sorted() == want.keys.sorted(), "step \(step): \(names)")
            for (path, bytes) in want where have[path] != bytes {
                Issue.record("step \(step) (\(names.joined(separator: ", "))): \(path) differs from a clean build")
            }
            try FileManager.default.removeItem(atPath: clean)
        }
        #expect(kept > 40 * 20, "most files are kept: an edit touches few")
    }

    /// The files a rebuild makes after one edit.
    static func made(after edit: Edit) throws -> Set<String> {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.build(root, into: root + "/site", policy: .never)
        try Self.apply(edit, in: root)
        return Set(try Self.build(root, into: root + "/site", policy: .never).made.map(\.path))
    }

    @Test("A prose edit makes that page's two files and its shard of the search index (terms, text), nothing else")
    func proseEditMakesOnePage() throws {
        // The fixture's pages fit one shard: its terms and its text.
        let shard: Set = [SitePaths.searchShard(0), SitePaths.searchText(0)]
        #expect(try Self.made(after: Self.edits(1)[0]) == shard.union(["pages/how-to-answer.html", "pages/how-to-answer.md"]))
        // A new title shows on the home page too, in the search index's list of pages, and in the header
        // of every HTML page, which names the guides while there are few; the Markdown twins have no header.
        let retitled = try Self.made(after: Self.edits(1)[1])
        let html = Set(try SiteFixture.build().map(\.path).filter { $0.hasSuffix(".html") })
        #expect(
            retitled == html.union(shard).union(["pages/how-to-answer.md", "index.md", SitePaths.searchPages]),
            "\(retitled.sorted())")
    }

    @Test("A template edit makes the HTML pages that go through it, and nothing else")
    func templateEditMakesItsPages() throws {
        // page.mustache: the prose page's HTML and the interpretations page's, the one model page of that kind.
        #expect(try Self.made(after: Self.edits(1)[5]) == ["pages/how-to-answer.html", SitePaths.interpretations.file(.html)])
        let offers = try Self.made(after: Self.edits(1)[6])
        #expect(!offers.isEmpty && offers.allSatisfy { $0.hasPrefix("offers/") && $0.hasSuffix(".html") })
        #expect(
            offers.count == SiteFixture.content.catalog.offers.count + 1,
            "each offer's page and the list of offers, which shares the template")
        #expect(try Self.made(after: Self.edits(1)[8]) == ["assets/site.css"])
    }

    @Test("A model edit makes what shows the model, and no prose page that does not embed it")
    func modelEditSparesPlainProse() throws {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "---\ntitle: Plain\n---\n\nNo tables here.\n".write(
            toFile: root + "/content/pages/plain.md", atomically: true,
            encoding: .utf8)
        try Self.build(root, into: root + "/site", policy: .never)
        try Self.apply(Self.edits(1)[10], in: root)
        let made = Set(try Self.build(root, into: root + "/site", policy: .never).made.map(\.path))
        #expect(made.contains("rules/eligibility.html") && made.contains("data/checker-data.js"))
        #expect(made.contains("pages/how-to-answer.html"), "it embeds a decision table")
        #expect(!made.contains("pages/plain.html") && !made.contains("pages/plain.md"))
        #expect(!made.contains("assets/site.css"))
    }

    @Test("Only prose that changed, or may link to what changed, is checked again")
    func proseChecksFollowTheChange() throws {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (name, body) in [
            ("plain", "No links."), ("linker", "See [the answer](how-to-answer.html#step)."),
            ("entity", "Terms &amp; conditions."),
        ] {
            try "---\ntitle: \(name)\n---\n\n\(body)\n".write(
                toFile: root + "/content/pages/\(name).md", atomically: true,
                encoding: .utf8)
        }
        func plan() throws -> SitePlan {
            let content = try ContentLoader.load(from: root + "/content")
            return try SitePlan(content, templates: try TemplateSet.load(from: root + "/templates"), asOf: content.settings.asOf)
        }
        let previous = try plan().build().inputs
        #expect(try plan().proseToCheck(since: previous) == [])
        try Self.apply(Self.edits(1)[0], in: root)
        #expect(try plan().proseToCheck(since: previous) == ["how-to-answer", "linker", "entity"])
        try Self.apply(Self.edits(1)[10], in: root)
        #expect(try plan().proseToCheck(since: previous) == nil, "a model edit checks every page")
    }

    @Test("A rebuild with nothing changed makes nothing and writes nothing")
    func unchangedRebuildWritesNothing() throws {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.build(root, into: root + "/site", policy: .never)
        let before = try FileManager.default.attributesOfItem(atPath: root + "/site/manifest.json")[.modificationDate] as? Date
        let build = try Self.build(root, into: root + "/site", policy: SiteWriter.InPlacePolicy(minimumFiles: 0))
        #expect(build.made.isEmpty)
        let after = try FileManager.default.attributesOfItem(atPath: root + "/site/manifest.json")[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test("A page edited by hand is made again, even when its inputs did not change")
    func handEditIsRepaired() throws {
        let root = try Self.workingCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.build(root, into: root + "/site", policy: .never)
        let page = root + "/site/offers/o365-e3.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: page))
        let build = try Self.build(root, into: root + "/site", policy: SiteWriter.InPlacePolicy(minimumFiles: 0))
        #expect(build.made.map(\.path) == ["offers/o365-e3.html"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == original)
    }
}

private extension String {
    /// The text with the first line that starts with `prefix` replaced by `line`.
    func replacingLine(startingWith prefix: String, with line: String) -> String {
        var lines = components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) { lines[index] = line }
        return lines.joined(separator: "\n")
    }
}
