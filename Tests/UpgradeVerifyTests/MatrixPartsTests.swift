import Foundation
import Testing
@testable import UpgradeContent
import UpgradeCore
@testable import UpgradeVerify
import UpgradeOutput
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import UpgradeBase
import TestSupport

/// A program beyond the grid limit: its matrix page becomes an overview, and
/// part pages list the source offers in name order; `verify` follows them.
@Suite("Large programs are split into readable parts")
struct MatrixPartsTests {
    /// A random model of 130 to 160 global offers, with India variants: two parts.
    static let large = RandomModel.make(seed: 7, size: 130...160)

    static func built() throws -> (folder: String, files: [GeneratedFile]) {
        let folder = SiteFixture.temporaryFolder()
        let files = try SiteBuilder.build(large.0, templates: SiteFixture.templates, asOf: large.1)
        _ = try SiteWriter(output: folder).write(files, asOf: large.1.description)
        return (folder, files)
    }

    /// Builds the large site, applies `edit` to one file, and verifies.
    static func verify(editing file: String, _ edit: (String) -> String) throws -> VerifyRun {
        let (folder, _) = try built()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + file
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(original)
        #expect(edited != original, "the edit must change \(file)")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return VerifyRun(content: large.0, site: folder)
    }

    @Test("A program beyond the grid limit gets an overview and parts, each page under 1 MB, every offer in one part")
    func splitLayout() throws {
        let (folder, files) = try Self.built()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = Self.large.0.catalog, offers = catalog.offers(in: "legacy")
        #expect(offers.count > MatrixSplit.gridLimit)
        let overview = SiteFixture.file("matrix/legacy.html", in: files)
        #expect(!overview.contains("upgrade-matrix"))
        #expect(overview.contains(#"class="upgrade-parts""#))
        let parts = files.filter { $0.path.hasPrefix("matrix/legacy/") && $0.path.hasSuffix(".html") }
        #expect(parts.count == (offers.count + MatrixSplit.partSize - 1) / MatrixSplit.partSize)
        for file in files where file.path.hasPrefix("matrix/") { #expect(file.bytes.count < 1_000_000, "\(file.path)") }
        let rows = parts.flatMap { part in
            HTMLTableReader.tables(in: part.text).flatMap(\.rows).compactMap { $0.cells.first?.attributes["data-offer"] }
        }
        #expect(rows.sorted() == offers.map(\.id.rawValue).sorted())
        let report = VerifyRun(content: Self.large.0, site: folder)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(3))")
        // The parts in both formats, and the small second program's grid in four places.
        let small = catalog.offers.count - offers.count
        #expect(report.coverage.cells == 2 * offers.count * offers.count + 4 * small * small)
    }

    @Test("Parts list offers the way a reader sorts names: case aside, numbers by value")
    func nameOrder() {
        let names = ["offer 10", "Offer 2", "Office 365 E5", "Office 365 E3", "Offer 2 India", "offer 1"]
        #expect(
            names.sorted { NameKey($0) < NameKey($1) }
                == ["offer 1", "Offer 2", "Offer 2 India", "offer 10", "Office 365 E3", "Office 365 E5"])
    }

    @Test("A possible upgrade dropped from a part row, in HTML and in Markdown")
    func possibleUpgradeDropped() throws {
        let (folder, files) = try Self.built()
        try? FileManager.default.removeItem(atPath: folder)
        let html = SiteFixture.file("matrix/legacy/part-1.html", in: files)
        let row = try #require(
            HTMLTableReader.tables(in: html).first?.rows.first {
                !($0.cells.count > 1 && ($0.cells[1].attributes["data-targets"] ?? "").isEmpty) && $0.cells.count > 1
            })
        let target = String(row.cells[1].attributes["data-targets"]!.split(separator: " ")[0])
        let source = row.cells[0].attributes["data-offer"]!
        let htmlProblems = try Self.verify(editing: "matrix/legacy/part-1.html") { text in
            text.replacingOccurrences(
                of: #"data-from="\#(source)" data-targets=""#,
                with: #"data-from="\#(source)" data-targets="x "#)
        }
        #expect(!htmlProblems.findings(.cellMismatch, in: "matrix/legacy/part-1.html", mentioning: source, "x").isEmpty)
        let name = Self.large.0.catalog.offer(OfferID(target))!.name
        let markdownProblems = try Self.verify(editing: "matrix/legacy/part-1.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains(#"<a id="from-\#(source)"></a>"#)
                    ? line.replacingOccurrences(of: MarkdownRenderer.escape(name), with: "") : String(line)
            }.joined(separator: "\n")
        }
        #expect(!markdownProblems.findings(.cellMismatch, in: "matrix/legacy/part-1.md", mentioning: source, target).isEmpty)
    }

    @Test("A row dropped from a part leaves its offer without a row")
    func rowDropped() throws {
        let (folder, files) = try Self.built()
        try? FileManager.default.removeItem(atPath: folder)
        let markdown = SiteFixture.file("matrix/legacy/part-2.md", in: files)
        let line = try #require(markdown.split(separator: "\n").first { $0.contains(#"<a id="from-"#) })
        let id = String(line.split(separator: "\"")[1].dropFirst("from-".count))
        let problems = try Self.verify(editing: "matrix/legacy/part-2.md") {
            $0.replacingOccurrences(of: line + "\n", with: "")
        }
        #expect(problems.problems.contains { $0.code == .cellMismatch && $0.mentions(id, "legacy") })
    }

    @Test("A target blocked for another reason, left out or given the wrong reasons")
    func otherReasonTampered() throws {
        let (folder, files) = try Self.built()
        try? FileManager.default.removeItem(atPath: folder)
        let parts = files.filter { $0.path.hasPrefix("matrix/legacy/part-") && $0.path.hasSuffix(".html") }
        let (file, entry) = try #require(
            parts.lazy.compactMap { part -> (String, String)? in
                guard let range = part.text.range(of: #"data-blocked="[^"]+""#, options: .regularExpression) else { return nil }
                return (part.path, String(part.text[range]))
            }.first)
        let wrong = try Self.verify(editing: file) {
            $0.replacingOccurrences(
                of: entry, with: entry.replacingOccurrences(of: "region-mismatch", with: "subscription-not-active"))
        }
        #expect(!wrong.findings(.cellMismatch, in: file, mentioning: "subscription-not-active", "region-mismatch").isEmpty)
        let target = String(entry.dropFirst(#"data-blocked=""#.count).split(separator: "=")[0])
        let left = try Self.verify(editing: file.replacingOccurrences(of: ".html", with: ".md")) { text in
            let name = Self.large.0.catalog.offer(OfferID(target))!.name
            return text.replacingOccurrences(of: MarkdownRenderer.escape(name) + " — use", with: "nothing — use")
        }
        #expect(
            !left.findings(
                .cellMismatch, in: file.replacingOccurrences(of: ".html", with: ".md"), mentioning: target, "path-not-supported"
            )
            .isEmpty)
    }

    @Test("A split program cannot be embedded in prose as one grid")
    func splitProgramNotEmbedded() throws {
        let (content, asOf) = Self.large
        let page = ProsePage(
            slug: "guide", title: "Guide", description: nil, body: "```upgradedocs matrix legacy\n```\n",
            file: "pages/guide.md", bodyLine: 3)
        let loaded = LoadedContent(catalog: content.catalog, settings: content.settings, pages: [page])
        #expect(throws: DiagnosticError.self) { try SiteBuilder.build(loaded, templates: SiteFixture.templates, asOf: asOf) }
    }
}
