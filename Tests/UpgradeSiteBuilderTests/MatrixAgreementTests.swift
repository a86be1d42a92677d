import Testing
import UpgradeCore
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// Reads the written HTML back and holds every matrix cell against the rule core.
@Suite("Every matrix cell is the rule core's decision")
struct MatrixAgreementTests {
    /// The attributes of each `<td …>` of the matrix table, read from the HTML text.
    static func cells(inMatrixOf html: String) -> [[String: String]] {
        guard let start = html.range(of: "<table class=\"upgrade-matrix\""),
            let end = html[start.upperBound...].range(of: "</table>")
        else { return [] }
        return html[start.lowerBound..<end.lowerBound].components(separatedBy: "<td").dropFirst().map { chunk in
            attributes(String(chunk.prefix { $0 != ">" }))
        }
    }

    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while let equals = rest.range(of: "=\"") {
            let name = rest[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            rest = rest[equals.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            result[name] = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    @Test(
        "Each cell's data-verdict and data-reasons equal the core's decision, as of the build date",
        arguments: ["2021-06-01", "2026-11-25"])
    func cellsAgree(asOf: String) throws {
        let date = try #require(CalendarDate(iso: asOf))
        let files = try SiteFixture.build(asOf: date)
        let catalog = SiteFixture.content.catalog
        let core = RuleCore(catalog: catalog)
        let cells = Self.cells(inMatrixOf: SiteFixture.file("matrix/legacy.html", in: files))
        #expect(cells.count == 121)
        for cell in cells {
            let from = try #require(cell["data-from"].flatMap { catalog.offer(OfferID($0)) })
            let to = try #require(cell["data-to"].flatMap { catalog.offer(OfferID($0)) })
            let decision = core.decide(Request(from: from, to: to, asOf: date))
            #expect(cell["data-verdict"] == decision.verdict.rawValue, "\(from.id) → \(to.id)")
            #expect(cell["data-reasons"] == decision.reasonCodes.map(\.rawValue).joined(separator: " "))
        }
    }

    @Test("The reader above really reads: a flipped cell is seen")
    func readerSeesAFlippedCell() throws {
        let html = SiteFixture.file("matrix/legacy.html", in: try SiteFixture.build())
        let flipped = html.replacingOccurrences(
            of: "data-from=\"m365-business-basic\" data-to=\"o365-e1\" data-verdict=\"eligible\"",
            with: "data-from=\"m365-business-basic\" data-to=\"o365-e1\" data-verdict=\"blocked\"")
        #expect(flipped != html)
        let cell = Self.cells(inMatrixOf: flipped).first {
            $0["data-from"] == "m365-business-basic" && $0["data-to"] == "o365-e1"
        }
        #expect(cell?["data-verdict"] == "blocked")
    }

    @Test("The Markdown list form reproduces the source page's table")
    func listFormIsTheSourceTable() throws {
        let markdown = SiteFixture.file("matrix/legacy.md", in: try SiteFixture.build())
        let expected = """
            | From | Possible upgrades |
            | --- | --- |
            | Microsoft 365 Apps for business | Microsoft 365 Business Premium¹<br/>Microsoft 365 Apps for enterprise<br/>Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |
            | Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |
            | Microsoft 365 Business Basic | Microsoft 365 Business Standard¹<br/>Office 365 Enterprise E1<br/>Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |
            """
        let rows = expected.split(separator: "\n").map(String.init)
        for row in rows { #expect(markdown.contains(row + "\n"), "\(row)") }
        #expect(
            markdown.contains(
                "\n¹ Microsoft 365 Apps for business India and Microsoft 365 Business Basic India "
                    + "can be upgraded to Microsoft 365 Business Standard India, but not to Microsoft 365 "
                    + "Business Standard.\n"))
    }

    @Test("In the Markdown grid, a cell starts with ✓ exactly when the core says eligible")
    func markdownGridAgrees() throws {
        let files = try SiteFixture.build()
        let markdown = SiteFixture.file("matrix/legacy.md", in: files)
        let catalog = SiteFixture.content.catalog
        let core = RuleCore(catalog: catalog)
        let lines = markdown.split(separator: "\n").map(String.init)
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("| From ╲ To |") })
        let offers = catalog.offers(in: "legacy")
        for (row, source) in offers.enumerated() {
            let cells = lines[headerIndex + 2 + row].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.first == source.name)
            for (column, target) in offers.enumerated() {
                let eligible =
                    core.decide(Request(from: source, to: target, asOf: SiteFixture.referenceDate)).verdict == .eligible
                #expect(cells[column + 1].hasPrefix("✓") == eligible, "\(source.id) → \(target.id)")
            }
        }
    }
}
