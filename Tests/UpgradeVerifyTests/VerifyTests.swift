import Foundation
import Testing
import UpgradeContent
import UpgradeCore
@testable import UpgradeVerify
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract
import UpgradeBase
import TestSupport

/// `verify` on a freshly built site, and on copies with one hand edit each.
@Suite("verify catches every kind of hand edit")
struct VerifyTests {
    /// Builds the reference site into a temporary folder, applies `edit` to one file, and verifies.
    /// The manifest is rewritten with the edited file's hash, as a careful tamperer would, so what
    /// catches the edit is what a reader would meet, not the checksum.
    static func verify(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> VerifyRun {
        let folder = try SiteFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let file {
            let path = folder + "/" + file
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let edited = edit(original)
            #expect(edited != original, "the edit must change \(file)")
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            try rehash(file, in: folder)
        }
        return VerifyRun(content: SiteFixture.content, site: folder)
    }

    /// Puts `file`'s current SHA-256 into the site's manifest (adding the file when the manifest lacks it).
    static func rehash(_ file: String, in folder: String) throws {
        let manifestPath = folder + "/" + Manifest.fileName
        let manifest = try #require(Manifest(reading: Array(try Data(contentsOf: URL(fileURLWithPath: manifestPath)))))
        let digest = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
        var entries = manifest.entries.map { $0.path == file ? Manifest.Entry(path: file, kind: $0.kind, sha256: digest) : $0 }
        if !entries.contains(where: { $0.path == file }) {
            entries.append(Manifest.Entry(path: file, kind: .page, sha256: digest))
        }
        let rewritten = Manifest(generator: manifest.generator, asOf: manifest.asOf, entries: entries)
        try Data(rewritten.file.bytes).write(to: URL(fileURLWithPath: manifestPath))
    }

    @Test("A fresh build verifies: every table, cell and row agrees")
    func freshBuildVerifies() throws {
        let report = try Self.verify()
        #expect(report.problems.isEmpty, "\(report.problems)")
        // Each cell of the one program's grid is read three times: the HTML grid, the Markdown grid, the print page.
        // Each program's grid, every source against every target of the program.
        let catalog = SiteFixture.content.catalog
        let squares = catalog.programs.map { catalog.offers(in: $0.id).count }.map { $0 * $0 }.reduce(0, +)
        #expect(report.coverage.cells == 4 * squares)
        #expect(report.coverage.tables >= 14)
    }

    @Test("An eligible HTML cell turned blocked")
    func eligibleCellTurnedBlocked() throws {
        let report = try Self.verify(editing: "matrix/legacy.html") {
            $0.replacingOccurrences(
                of: #"data-to="o365-e1" data-verdict="eligible" data-reasons="""#,
                with: #"data-to="o365-e1" data-verdict="blocked" data-reasons="path-not-supported""#)
        }
        // The cell, what the page says, then what the rule core says.
        #expect(
            report.foundOnly(
                .cellMismatch, in: "matrix/legacy.html",
                mentioning: "m365-business-basic", "o365-e1", "blocked", "path-not-supported", "eligible"))
        #expect((report.problems.first?.location.line ?? 0) > 1)
        #expect(report.problems.count == 1)
    }

    @Test("A blocked HTML cell turned eligible")
    func blockedCellTurnedEligible() throws {
        let report = try Self.verify(editing: "matrix/legacy.html") {
            $0.replacingOccurrences(
                of: #"data-from="o365-e5" data-to="o365-e1" data-verdict="blocked" data-reasons="path-not-supported""#,
                with: #"data-from="o365-e5" data-to="o365-e1" data-verdict="eligible" data-reasons="""#)
        }
        #expect(
            report.foundOnly(
                .cellMismatch, in: "matrix/legacy.html",
                mentioning: "o365-e5", "o365-e1", "eligible", "blocked", "path-not-supported"))
    }

    @Test("A ✓ removed from the Markdown grid")
    func checkMarkRemoved() throws {
        let report = try Self.verify(editing: "matrix/legacy.md") { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasPrefix("| Microsoft 365 Business Standard |") else { return String(line) }
                return line.replacingOccurrences(of: "| ✓⚠ | ✓⚠ |", with: "| ✗ | ✓⚠ |")
            }
            return lines.joined(separator: "\n")
        }
        #expect(
            report.foundOnly(.cellMismatch, in: "matrix/legacy.md", mentioning: "m365-business-standard", "o365-e3", "eligible"))
        #expect(report.problems.first?.names("✗", "✓⚠") == true, "what the page shows, then what it should")
    }

    @Test("A target dropped from the Markdown list form")
    func targetDroppedFromList() throws {
        let report = try Self.verify(editing: "matrix/legacy.md") {
            $0.replacingOccurrences(
                of: "| Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |",
                with: "| Microsoft 365 Business Standard | Office 365 Enterprise E3 |")
        }
        #expect(report.foundOnly(.cellMismatch, in: "matrix/legacy.md", mentioning: "m365-business-standard", "1", "2"))
        #expect(report.problems.first?.names("Office 365 Enterprise E5") == true, "the target left out")
    }

    @Test("A decision-table output changed")
    func decisionOutputChanged() throws {
        let report = try Self.verify(editing: "rules/eligibility.html") {
            // Words and code changed together, as a careful hand edit would: the value is what is wrong.
            $0.replacingOccurrences(
                of: #"<td class="output" data-output="reason">Subscription not active <code>subscription-not-active</code></td>"#,
                with: #"<td class="output" data-output="reason">Already owns target <code>already-owns-target</code></td>"#)
        }
        // The row's cell against the content, and the table as published against the rule core.
        let row = report.findings(.tableMismatch, in: "rules/eligibility.html", mentioning: "eligibility", "UPG-3", "reason")
        #expect(row.count == 1 && row.first?.names("already-owns-target", "subscription-not-active") == true)
        #expect(report.findings(.tableMismatch, in: "rules/eligibility.html", mentioning: "eligibility").count >= 2)
    }

    @Test("A decision-table row dropped, in HTML and in Markdown")
    func decisionRowDropped() throws {
        let html = try Self.verify(editing: "rules/eligibility.html") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(#"<tr data-rule="UPG-4">"#) }.joined(separator: "\n")
        }
        #expect(!html.findings(.tableMismatch, in: "rules/eligibility.html", mentioning: "eligibility", "UPG-4", "4").isEmpty)
        let markdown = try Self.verify(editing: "rules/eligibility.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(#"| <a id="rule-UPG-4"></a>4 |"#) }.joined(separator: "\n")
        }
        #expect(markdown.problems.first?.code == .tableMismatch)
        #expect(markdown.problems.first?.mentions("eligibility", "UPG-4", "4") == true)
    }

    @Test("A matrix row dropped, in HTML and in Markdown")
    func matrixRowDropped() throws {
        let html = try Self.verify(editing: "matrix/legacy.html") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(#"<tr><th scope="row" data-offer="o365-e3">"#) }.joined(separator: "\n")
        }
        #expect(html.foundOnly(.cellMismatch, in: "matrix/legacy.html", mentioning: "o365-e3"))
        let markdown = try Self.verify(editing: "matrix/legacy.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("| Office 365 Enterprise E3 | ✗") }.joined(separator: "\n")
        }
        #expect(markdown.foundOnly(.cellMismatch, in: "matrix/legacy.md", mentioning: "o365-e3"))
    }

    @Test("An extra column, a table that cannot be found, and a missing page are all reported")
    func unreadableAndExtra() throws {
        let extra = try Self.verify(editing: "matrix/legacy.md") {
            $0.replacingOccurrences(of: "| From ╲ To |", with: "| From ╲ To | Office 365 Enterprise E9 |")
        }
        #expect(extra.findings(.cellMismatch, in: "matrix/legacy.md").contains { $0.names("Office 365 Enterprise E9") })
        let gone = try Self.verify(editing: "rules/advisories.md") {
            $0.replacingOccurrences(of: "| R |", with: "| X | Y |")
        }
        #expect(!gone.findings(.tableMismatch, in: "rules/advisories.md", mentioning: "advisories", "advisories").isEmpty)
        let folder = try SiteFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/matrix/legacy.md")
        let missing = VerifyRun(content: SiteFixture.content, site: folder)
        #expect(!missing.findings(.pageStructure, in: "matrix/legacy.md").isEmpty)
    }
}

@Suite("verify's readers take any text")
struct ReaderRobustnessTests {
    @Test("A page that ends right after an attribute's '=' is read, not a crash (found by fuzzing)")
    func attributeEndingAtEquals() {
        #expect(HTMLTableReader.tables(in: #"<table class="x" data-a="#).count <= 1)
        #expect(MarkdownTableReader.tables(in: "| a |\n|---").count <= 1)
    }

    @Test("An inline style hides an element by what its declarations say, not by the words it contains")
    func inlineStylesByDeclaration() throws {
        func concealed(_ style: String) throws -> Int {
            try #require(
                HTMLTableReader.tables(in: #"<table><tr><td><span style="\#(style)">✓</span></td></tr></table>"#)
                    .first?.rows.first?.cells.first
            ).concealed.count
        }
        #expect(try concealed("opacity: 0.5") == 0)
        #expect(try concealed("line-height: 0.9") == 0)
        #expect(try concealed("width: 0.5em") == 0)
        #expect(try concealed("opacity: 0") == 1)
        #expect(try concealed("Display : NONE !important") == 1)
        #expect(try concealed("width: 0") == 1)
    }

    @Test("Pages are read as a browser reads them: names in any case, comments to -->, character references")
    func readsAsABrowser() throws {
        let table = try #require(
            HTMLTableReader.tables(
                in: #"<TABLE CLASS="x"><TR><TD DATA-A="1">a &amp; &#x2713; &check; &amp;check;</TD></TR>"#
                    + "<!-- <tr><td>hidden > still hidden</td></tr> --><tr><td>b</td></tr></TABLE>"
            ).first)
        #expect(table.attributes["class"] == "x")
        #expect(table.rows.map { $0.cells.map(\.text) } == [["a & ✓ ✓ &check;"], ["b"]])
        #expect(table.rows.first?.cells.first?.attributes["data-a"] == "1")
    }
}

@Suite("verify reads the offer pages and the checker's data")
struct OfferVerifyTests {
    @Test("A fresh build's offer pages and checker data verify")
    func freshOfferPagesVerify() throws {
        let report = try VerifyTests.verify()
        #expect(report.problems.isEmpty, "\(report.problems.prefix(3))")
    }

    @Test("A service dropped from an offer page, in HTML and in Markdown")
    func serviceDropped() throws {
        let html = try VerifyTests.verify(editing: "offers/m365-business-basic.html") {
            $0.replacingOccurrences(of: #"<li data-service="onedrive">OneDrive</li>"#, with: "")
        }
        #expect(!html.findings(.offerPage, in: "offers/m365-business-basic.html", mentioning: "m365-business-basic").isEmpty)
        let markdown = try VerifyTests.verify(editing: "offers/m365-business-basic.md") {
            $0.replacingOccurrences(of: "- OneDrive\n", with: "")
        }
        #expect(!markdown.findings(.offerPage, in: "offers/m365-business-basic.md", mentioning: "m365-business-basic").isEmpty)
    }

    @Test("A service renamed on an offer page")
    func serviceRenamed() throws {
        let report = try VerifyTests.verify(editing: "offers/m365-business-basic.html") {
            $0.replacingOccurrences(
                of: #"<li data-service="onedrive">OneDrive</li>"#,
                with: #"<li data-service="onedrive">OneDrive for Business</li>"#)
        }
        #expect(
            report.foundOnly(.offerPage, in: "offers/m365-business-basic.html", mentioning: "m365-business-basic", "onedrive"))
        #expect(report.problems.first?.names("OneDrive for Business", "OneDrive") == true)
    }

    @Test("A possible upgrade dropped from an offer page, in HTML and in Markdown")
    func upgradeDropped() throws {
        let html = try VerifyTests.verify(editing: "offers/m365-business-basic.html") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix(#"<li data-offer="o365-e3">"#) }.joined(separator: "\n")
        }
        #expect(
            html.foundOnly(
                .offerPage, in: "offers/m365-business-basic.html", mentioning: "m365-business-basic", "o365-e3", "eligible"))
        let markdown = try VerifyTests.verify(editing: "offers/m365-business-basic.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("- [Office 365 Enterprise E3]") }.joined(separator: "\n")
        }
        #expect(
            !markdown.findings(
                .offerPage, in: "offers/m365-business-basic.md", mentioning: "m365-business-basic", "o365-e3", "eligible"
            ).isEmpty)
    }

    @Test("A hand-edited checker data file fails verify")
    func checkerDataTampered() throws {
        let services = try VerifyTests.verify(editing: "data/checker-data.js") {
            $0.replacingOccurrences(
                of: #""id":"o365-e3","name":"Office 365 Enterprise E3","#,
                with: #""id":"o365-e3","name":"Office 365 Enterprise E4","#)
        }
        #expect(services.foundOnly(.checkerData, in: "data/checker-data.js", mentioning: "o365-e3"))
        let paths = try VerifyTests.verify(editing: "data/checker-data.js") {
            $0.replacingOccurrences(
                of: #"{"from":"m365-business-basic","to":["#, with: #"{"from":"m365-business-basic","to":["o365-e5","#)
        }
        #expect(!paths.findings(.checkerData, in: "data/checker-data.js", mentioning: "m365-business-basic", "o365-e5").isEmpty)
        let rules = try VerifyTests.verify(editing: "data/checker-data.js") {
            $0.replacingOccurrences(of: #""code":"path-not-supported""#, with: #""code":"region-mismatch""#)
        }
        #expect(rules.foundOnly(.checkerData, in: "data/checker-data.js"))
    }
}
