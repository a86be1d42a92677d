import Foundation
import Testing
import UpgradeBase
@testable import UpgradeVerify

/// Statements a page makes from the model outside its tables, each changed by hand on the
/// reference site (the manifest rehashed): `verify` names the page and what the model says.
@Suite("verify checks every statement a page makes from the model")
struct StatementTamperingTests {
    static func expectFound(
        _ file: String, _ code: DiagnosticCode, _ words: [String], replacing old: String, with new: String
    ) throws {
        let run = try VerifyTests.verify(editing: file) { $0.replacingOccurrences(of: old, with: new) }
        let found = run.problems.filter { $0.code == code && $0.location.file.hasSuffix("/" + file) && $0.mentions(words) }
        #expect(!found.isEmpty, "\(file): \(old) → \(new): \(run.problems)")
    }

    @Test("An offer's region, other names and program changed on its page, in HTML and in Markdown")
    func offerFactsChanged() throws {
        let page = "offers/m365-business-basic-india"
        try Self.expectFound(
            page + ".html", .offerPage, ["Region", "Global", "India"], replacing: "<dt>Region</dt><dd>India</dd>",
            with: "<dt>Region</dt><dd>Global</dd>")
        try Self.expectFound(
            page + ".md", .offerPage, ["Region", "India"], replacing: "- **Region**: India", with: "- **Region**: Global")
        try Self.expectFound(
            page + ".html", .offerPage, ["Also", "called"], replacing: "<dd>Business Basic India</dd>",
            with: "<dd>Business Premium India</dd>")
        try Self.expectFound(
            "offers/o365-e1.html", .offerPage, ["Program", "legacy"],
            replacing: #"<dd><a href="../matrix/legacy.html">legacy</a>"#,
            with: #"<dd><a href="../matrix/legacy.html">new commerce</a>"#)
    }

    @Test("A possible upgrade that links to another offer's page")
    func possibleUpgradeLinkRetargeted() throws {
        try Self.expectFound(
            "offers/m365-business-basic-india.html", .offerPage, ["m365-business-standard-india", "o365-e5"],
            replacing: #"<li data-offer="m365-business-standard-india"><a href="../offers/m365-business-standard-india.html""#,
            with: #"<li data-offer="m365-business-standard-india"><a href="../offers/o365-e5.html""#)
    }

    @Test("A role's limits changed: what it cannot do, and whether it can submit")
    func roleLimitsChanged() throws {
        try Self.expectFound(
            "roles/sales-agent.html", .rolePage, ["sales-agent"],
            replacing: "<li>administer the customer's services after the upgrade</li>", with: "<li>nothing</li>")
        try Self.expectFound(
            "roles/user-management-admin.html", .rolePage, ["user-management-admin"],
            replacing: "You cannot submit the upgrade.", with: "Submit the upgrade.")
        try Self.expectFound(
            "roles/user-management-admin.md", .rolePage, ["user-management-admin"],
            replacing: "You cannot submit the upgrade.", with: "Submit the upgrade.")
    }

    @Test("An interpretation's decision reworded")
    func interpretationDecisionReworded() throws {
        try Self.expectFound(
            "interpretations.html", .pageStructure, ["legacy-withdrawal"],
            replacing: "<strong>Decision</strong>: Every listed path stays",
            with: "<strong>Decision</strong>: No listed path stays")
        try Self.expectFound(
            "interpretations.md", .pageStructure, ["legacy-withdrawal"],
            replacing: "**Decision**: Every listed path stays", with: "**Decision**: No listed path stays")
    }

    @Test("A search title, the home page's count of a program's offers, and the footer's date changed")
    func titlesCountsAndDatesChanged() throws {
        try Self.expectFound(
            "data/search/pages.js", .searchIndex, ["o365-e1", "E5", "E1"],
            replacing: #""offers/o365-e1.html","Office 365 Enterprise E1""#,
            with: #""offers/o365-e1.html","Office 365 Enterprise E5""#)
        try Self.expectFound("index.html", .indexPage, ["legacy", "12", "11"], replacing: "11 offers", with: "12 offers")
        try Self.expectFound("index.md", .indexPage, ["legacy", "12", "11"], replacing: "11 offers", with: "12 offers")
        try Self.expectFound(
            "index.html", .pageStructure, ["2026-11-25"], replacing: "<p>Decisions as of 2026-11-25.",
            with: "<p>Decisions as of 2027-01-01.")
    }

    @Test("The facts under a matrix, a decision table, the offer index and a role guide's title changed")
    func pageFactsChanged() throws {
        try Self.expectFound(
            "matrix/legacy.html", .cellMismatch, ["Offers", "12", "11"], replacing: "<dt>Offers</dt><dd>11</dd>",
            with: "<dt>Offers</dt><dd>12</dd>")
        try Self.expectFound(
            "matrix/legacy.md", .cellMismatch, ["Offers", "12", "11"], replacing: "- **Offers**: 11", with: "- **Offers**: 12")
        try Self.expectFound(
            "rules/eligibility.html", .tableMismatch, ["Rules", "5", "6"], replacing: "<dt>Rules</dt><dd>6</dd>",
            with: "<dt>Rules</dt><dd>5</dd>")
        try Self.expectFound(
            "offers/index.html", .offerPage, ["Offers", "15", "16"], replacing: "<dt>Offers</dt><dd>16</dd>",
            with: "<dt>Offers</dt><dd>15</dd>")
        try Self.expectFound(
            "roles/sales-agent.html", .rolePage, ["Hands", "over", "Sales", "Admin"],
            replacing: #"<dd><a href="../roles/admin-agent.html">Admin agent</a>"#,
            with: #"<dd><a href="../roles/admin-agent.html">Sales agent</a>"#)
    }

    @Test("A row of the offer index changed: a region, a service, a former name, in HTML and in Markdown")
    func offerIndexChanged() throws {
        try Self.expectFound(
            "offers/index.html", .offerPage, ["m365-business-basic-india", "Global", "India"],
            replacing: "<td>India</td>", with: "<td>Global</td>")
        try Self.expectFound(
            "offers/index.md", .offerPage, ["m365-apps-business", "formerly", "Office", "365", "Business"],
            replacing: "formerly Office 365 Business |", with: "formerly Office 365 Business Premium |")
    }

    @Test("What holding an offer blocks changed on its page: a target added to a service, or one dropped")
    func blockedUpgradesChanged() throws {
        try Self.expectFound(
            "offers/o365-e3.html", .offerPage, ["o365-e3", "eDiscovery"],
            replacing: #"<li><strong>eDiscovery</strong>: <a href="../offers/o365-e5.html">Office 365 Enterprise E5</a></li>"#,
            with:
                #"<li><strong>eDiscovery</strong>: <a href="../offers/o365-e5.html">Office 365 Enterprise E5</a>, <a href="../offers/o365-e1.html">Office 365 Enterprise E1</a></li>"#
        )
        try Self.expectFound(
            "offers/o365-e3.md", .offerPage, ["o365-e3", "eDiscovery"],
            replacing: "- **eDiscovery**: [Office 365 Enterprise E5](../offers/o365-e5.md)\n", with: "")
    }

    @Test("A regional variant's region, and a different product taken for an offer, changed on its page")
    func variantsAndDifferentProductsChanged() throws {
        try Self.expectFound(
            "offers/m365-business-basic.html", .offerPage, ["m365-business-basic", "regional", "variants"],
            replacing: "Microsoft 365 Business Basic India</a> (India)", with: "Microsoft 365 Business Basic India</a> (global)")
        try Self.expectFound(
            "offers/m365-business-basic.md", .offerPage, ["m365-business-basic", "regional", "variants"],
            replacing: "(../offers/m365-business-basic-india.md) (India)",
            with: "(../offers/m365-business-basic-india.md) (global)")
        try Self.expectFound(
            "offers/o365-e3.html", .offerPage, ["o365-e3", "different", "products"],
            replacing: "<p><strong>Not Microsoft 365 E3</strong>", with: "<p><strong>Not Microsoft 365 E5</strong>")
    }
}
