import Foundation
import TestSupport
import Testing
import UpgradeCore
import UpgradeBase
@testable import UpgradeContent

/// The quick reader of `key: value` front matter must read what Yams reads, or step aside.
struct FrontMatterTests {
    @Test func simpleFrontMatterReadsWhatYAMLReads() {
        var random = SeededGenerator(seed: 2026)
        let pieces = [
            "Page", " ", "0", ":", ": ", " #", "#", "\"", "'", "\\", "-", "?", "*", "&", "!", "|", ">",
            "%", "@", "`", "[", "]", "{", "}", ",", ".", "~", "é", "\t", "yes", "null", "2026-11-25", "x",
        ]
        let keys = ["title", "description", "ms.date", "ms.topic", "titel", " title"]
        var quick = 0
        for _ in 0..<20_000 {
            let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ -> Substring in
                let value = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                    .joined()
                let quote = ["", "\"", "'"].randomElement(using: &random)!
                return Substring(
                    keys.randomElement(using: &random)! + ":" + [" ", "  ", ""].randomElement(using: &random)!
                        + quote + value + quote)
            }
            guard let simple = SimpleFrontMatter.read(lines[...], keys: ProsePageReader.keys), simple["title"] != nil
            else { continue }
            quick += 1
            let sink = Diagnostics()
            let composed = ProsePageReader.composedFrontMatter(lines[...], file: "t.md", sink: sink)
            #expect(sink.sorted.isEmpty, "\(lines)")
            #expect(composed == simple.filter { ["title", "description"].contains($0.key) }, "\(lines)")
        }
        #expect(quick > 250)
    }

    @Test func frontMatterThatNeedsYAMLStillGetsItsDiagnostics() {
        let sink = Diagnostics()
        let page = ProsePageReader.read("---\ntitle: \"unclosed\n---\nbody\n", slug: "t", file: "t.md", sink: sink)
        #expect(page == nil)
        #expect(sink.sorted.first?.location.line == 2)
        let typo = Diagnostics()
        let kept = ProsePageReader.read("---\ntitel: A\ntitle: B\n---\nbody\n", slug: "t", file: "t.md", sink: typo)
        #expect(kept?.title == "B")
        #expect(typo.sorted.map(\.severity) == [.warning])
    }

    @Test("A page's review date is a date, read by either reader, and a bad one is reported where it stands")
    func reviewedDate() throws {
        let sink = Diagnostics()
        let page = ProsePageReader.read("---\ntitle: A\nreviewed: 2026-11-01\n---\nbody\n", slug: "t", file: "t.md", sink: sink)
        #expect(page?.reviewed == CalendarDate(year: 2026, month: 11, day: 1))
        // Quoted, the front matter needs YAML: the same date.
        let quoted = ProsePageReader.read(
            "---\ntitle: \"A\"\nreviewed: \"2026-11-01\"\n---\nbody\n", slug: "t",
            file: "t.md", sink: sink)
        #expect(quoted?.reviewed == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(sink.sorted.isEmpty)
        let bad = Diagnostics()
        #expect(
            ProsePageReader.read("---\ntitle: A\nreviewed:  2026-13-01\n---\nbody\n", slug: "t", file: "t.md", sink: bad) == nil)
        #expect(bad.sorted.map { "\($0.location) \($0.code)" } == ["t.md:3:12 content.invalid-value"])
    }

    @Test("Front matter as Hugo and Jekyll write it builds without a warning: weight orders, draft leaves out, lastmod reviews")
    func hugoAndJekyllFrontMatter() throws {
        let folder = try Scratch.copy(of: Fixtures.content, editing: [:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = [
            "zeta.md":
                "---\ntitle: Zeta\nweight: 1\ndate: 2024-01-02\nlastmod: 2026-10-01T09:30:00Z\ntags: [a, b]\naliases:\n  - /old/zeta/\nslug: z\n---\nBody.\n",
            "alpha.md": "---\ntitle: Alpha\nweight: 5\ndraft: false\n---\nBody.\n",
            "beta.md": "---\ntitle: Beta\n---\nBody.\n",
            "secret.md": "---\ntitle: Not yet\ndraft: true\n---\nBody.\n",
        ]
        for (name, text) in pages { try text.write(toFile: folder + "/pages/" + name, atomically: true, encoding: .utf8) }
        let loaded = try ContentLoader.load(from: folder)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let slugs = loaded.pages.map(\.slug)
        #expect(Array(slugs.prefix(2)) == ["zeta", "alpha"], "weighted pages first, lightest first")
        #expect(slugs.contains("beta"))
        #expect(!slugs.contains("secret"), "a draft is left out")
        #expect(loaded.pages.first?.reviewed == CalendarDate(year: 2026, month: 10, day: 1))
    }

    @Test("A weight that is no number and a draft that is no flag are errors where they stand")
    func badWeightAndDraft() {
        let sink = Diagnostics()
        #expect(ProsePageReader.read("---\ntitle: A\nweight: heavy\n---\nbody\n", slug: "a", file: "a.md", sink: sink) == nil)
        #expect(ProsePageReader.read("---\ntitle: B\ndraft: maybe\n---\nbody\n", slug: "b", file: "b.md", sink: sink) == nil)
        #expect(
            sink.sorted.map { "\($0.location) \($0.code)" } == [
                "a.md:3:9 content.invalid-value", "b.md:3:8 content.invalid-value",
            ])
    }
}
