import Foundation
import Testing
import TestSupport
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// No page depends on what the content happens to call things: with every rule id, offer id and
/// role id of the fixture renamed, every page keeps every interpretation note it had.
@Suite("Content ids are the content's")
struct RenamedIdsTests {
    /// Every link to an interpretation on each HTML page, by page.
    static func notes(in files: [GeneratedFile]) -> [String: [String]] {
        let pattern = try! NSRegularExpression(pattern: "interpretations\\.html#interpretation-[A-Za-z0-9_-]+")
        var found: [String: [String]] = [:]
        for file in files where file.path.hasSuffix(".html") {
            let text = file.text
            found[file.path] = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range, in: text)!]) }.sorted()
        }
        return found
    }

    @Test("Renaming every rule, offer and role id keeps every note on every page")
    func renamedIdsKeepEveryNote() throws {
        let catalog = SiteFixture.content.catalog
        var renames: [(old: String, new: String)] = []
        renames += catalog.rules.enumerated().map { ($0.element.id.rawValue, "RULE-\($0.offset + 1)X") }
        renames += catalog.offers.map { ($0.id.rawValue, "zz-" + $0.id.rawValue) }
        renames += catalog.roles.map { ($0.id.rawValue, "zz-role-" + $0.id.rawValue) }
        // Longest first, whole ids only: one offer's id may begin another's.
        renames.sort { $0.old.count > $1.old.count }
        func rename(_ text: String) -> String {
            renames.reduce(text) { text, pair in
                text.replacingOccurrences(
                    of: "(?<![A-Za-z0-9_-])" + NSRegularExpression.escapedPattern(for: pair.old) + "(?![A-Za-z0-9_-])",
                    with: pair.new, options: .regularExpression)
            }
        }
        // A note that bears on one rule or one role alone, for each: a page that finds its notes by a
        // pinned id loses that id's note once it is renamed.
        let subjects = catalog.rules.map(\.id.rawValue) + catalog.roles.map(\.id.rawValue)
        let extra = subjects.enumerated().map { index, subject in
            """

              - id: only-\(index)
                title: A note on \(subject) alone
                question: q
                source: Add licenses or more services
                decision: d
                rationale: r
                affects: [\(subject)]
            """
        }.joined()
        let folder = try Scratch.copy(of: Fixtures.content, editing: ["interpretations.yaml": { $0 + extra + "\n" }])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = SiteFixture.load(folder)
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init()
        where path.hasSuffix(".yaml") || path.hasSuffix(".md") {
            let file = folder + "/" + path
            try rename(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
        }
        let renamed = SiteFixture.load(folder)
        #expect(renamed.catalog.rules.map(\.id.rawValue) == catalog.rules.map { rename($0.id.rawValue) })

        let before = Self.notes(in: try SiteFixture.build(original))
        let after = Self.notes(in: try SiteFixture.build(renamed))
        #expect(before.values.reduce(0) { $0 + $1.count } > 20, "the fixture's pages carry notes")
        for (path, notes) in before {
            #expect(after[rename(path)] == notes, "\(path)")
        }
    }
}
