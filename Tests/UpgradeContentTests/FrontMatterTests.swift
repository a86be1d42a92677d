import TestSupport
import Testing
import UpgradeCore
import UpgradeBase
@testable import UpgradeContent

/// The quick reader of `key: value` front matter must read what Yams reads, or step aside.
struct FrontMatterTests {
    @Test func simpleFrontMatterReadsWhatYAMLReads() {
        var random = SeededGenerator(seed: 2026)
        let pieces = ["Page", " ", "0", ":", ": ", " #", "#", "\"", "'", "\\", "-", "?", "*", "&", "!", "|", ">",
                      "%", "@", "`", "[", "]", "{", "}", ",", ".", "~", "é", "\t", "yes", "null", "2026-11-25", "x"]
        let keys = ["title", "description", "ms.date", "ms.topic", "titel", " title"]
        var quick = 0
        for _ in 0..<20_000 {
            let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ -> Substring in
                let value = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                let quote = ["", "\"", "'"].randomElement(using: &random)!
                return Substring(keys.randomElement(using: &random)! + ":" + [" ", "  ", ""].randomElement(using: &random)!
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
        let quoted = ProsePageReader.read("---\ntitle: \"A\"\nreviewed: \"2026-11-01\"\n---\nbody\n", slug: "t",
                                          file: "t.md", sink: sink)
        #expect(quoted?.reviewed == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(sink.sorted.isEmpty)
        let bad = Diagnostics()
        #expect(ProsePageReader.read("---\ntitle: A\nreviewed:  2026-13-01\n---\nbody\n", slug: "t", file: "t.md", sink: bad) == nil)
        #expect(bad.sorted.map { "\($0.location) \($0.code)" } == ["t.md:3:12 content.invalid-value"])
    }
}
