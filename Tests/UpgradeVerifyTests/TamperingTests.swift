import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeSiteContract
@testable import UpgradeVerify

/// One hand edit of a freshly built site, named after what it changes, and the code of the
/// finding `verify` must make there. The manifest is rewritten with the edited file's hash
/// (see `VerifyTests.verify`), so no edit is caught by its checksum alone.
struct Tampering: CustomStringConvertible, Sendable {
    let name: String
    let file: String
    let code: DiagnosticCode
    let edit: @Sendable (String) -> String

    var description: String { name }
}

extension String {
    /// The text with the first occurrence of `old` replaced; unchanged when there is none.
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }

    /// The text with the lines that start with `prefix` handed to `change`.
    func editingLines(startingWith prefix: String, _ change: (String) -> [String]) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            line.hasPrefix(prefix) ? change(String(line)) : [String(line)]
        }.joined(separator: "\n")
    }
}

let tamperings: [Tampering] = [
    // Markup that content could smuggle past an escaper that works by character.
    Tampering(
        name: "a quote with a combining mark ends an attribute and adds a handler", file: "index.html",
        code: .attribute
    ) {
        $0.replacingFirst(
            #"<meta name="description" content=""#,
            with: "<meta name=\"description\" content=\"Apps\"\u{301} onmouseover=alert(1) x=\"")
    },
    Tampering(
        name: "an event handler on an element", file: "index.html",
        code: .attribute
    ) {
        $0.replacingFirst("<main", with: #"<main onclick="alert(1)""#)
    },
    Tampering(
        name: "a raw < inside an attribute value", file: "index.html",
        code: .attribute
    ) {
        $0.replacingFirst(#"<meta name="description" content=""#, with: #"<meta name="description" content="<b>"#)
    },
    // What a reader sees, changed behind unchanged labels.
    Tampering(
        name: "offer names swapped in two column headers", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(#"data-offer="o365-e1">Office 365 Enterprise E1<"#, with: #"data-offer="o365-e1">TEMP<"#)
            .replacingFirst(
                #"data-offer="o365-e3">Office 365 Enterprise E3<"#, with: #"data-offer="o365-e3">Office 365 Enterprise E1<"#
            )
            .replacingFirst(#"data-offer="o365-e1">TEMP<"#, with: #"data-offer="o365-e1">Office 365 Enterprise E3<"#)
    },
    Tampering(
        name: "an offer name changed in a row header", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"<th scope="row" data-offer="o365-e5">Office 365 Enterprise E5<"#,
            with: #"<th scope="row" data-offer="o365-e5">Office 365 Enterprise E3<"#)
    },
    Tampering(
        name: "screen-reader text that says Eligible on a blocked cell", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"<span class="visually-hidden">Blocked: Path not supported</span>"#,
            with: #"<span class="visually-hidden">Eligible</span>"#)
    },
    Tampering(
        name: "advice worded otherwise than the model words it", file: "rules/advisories.html",
        code: .tableMismatch
    ) {
        $0.replacingFirst("Cancel it with the other partner or channel first <code>", with: "Buy it anyway <code>")
    },
    Tampering(name: "a blocked cell that shows ↪", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.replacingFirst(
            #"to=o365-e1"><span class="symbol" aria-hidden="true">✗</span>"#,
            with: #"to=o365-e1"><span class="symbol" aria-hidden="true">↪</span>"#)
    },
    Tampering(
        name: "a ✓ drawn by the stylesheet", file: "assets/site.css",
        code: .stylesheet
    ) {
        $0 + "\ntd.blocked .symbol::after { content: \"✓\"; }\n"
    },
    Tampering(
        name: "a verdict drawn after a link, as if it were its address", file: "assets/site.css",
        code: .stylesheet
    ) {
        $0 + "\na[href^=\"http\"]::after { content: \" (\" attr(href) \") ✓\"; }\n"
    },
    Tampering(
        name: "a blocked cell's symbol hidden by the stylesheet", file: "assets/site.css",
        code: .stylesheet
    ) {
        $0 + "\n.upgrade-matrix td.blocked .symbol { visibility: hidden }\n"
    },
    Tampering(
        name: "a symbol hidden with the hidden attribute, another shown", file: "matrix/legacy.html",
        code: .pageStructure
    ) {
        $0.replacingFirst(
            #"to=o365-e1"><span class="symbol" aria-hidden="true">✗</span>"#,
            with: #"to=o365-e1"><span class="symbol" aria-hidden="true" hidden>✗</span><span aria-hidden="true">✓</span>"#)
    },
    Tampering(
        name: "a symbol hidden with display:none, another shown", file: "matrix/legacy.html",
        code: .pageStructure
    ) {
        $0.replacingFirst(
            #"to=o365-e1"><span class="symbol" aria-hidden="true">✗</span>"#,
            with: #"to=o365-e1"><span class="symbol" aria-hidden="true" style="display: none">✗</span>✓"#)
    },
    Tampering(
        name: "a ✓ written as a character reference on a blocked cell", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"to=o365-e1"><span class="symbol" aria-hidden="true">✗</span>"#,
            with: #"to=o365-e1"><span class="symbol" aria-hidden="true">&#x2713;</span>"#)
    },
    Tampering(
        name: "a ✓ written as a named reference HTML 4 does not know", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"to=o365-e1"><span class="symbol" aria-hidden="true">✗</span>"#,
            with: #"to=o365-e1"><span class="symbol" aria-hidden="true">&check;</span>"#)
    },
    // Hidden or repeated content.
    Tampering(
        name: "a row wrapped in a comment that contains >", file: "matrix/legacy.html",
        code: .cellMismatch
    ) {
        $0.editingLines(startingWith: #"<tr><th scope="row" data-offer="o365-e3">"#) { ["<!-- a > b", $0, "-->"] }
    },
    Tampering(name: "a matrix row duplicated in HTML", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.editingLines(startingWith: #"<tr><th scope="row" data-offer="o365-e3">"#) { [$0, $0] }
    },
    Tampering(
        name: "a matrix row duplicated in Markdown", file: "matrix/legacy.md", code: .cellMismatch
    ) {
        $0.editingLines(startingWith: "| Office 365 Enterprise E3 | ✗") { [$0, $0] }
    },
    Tampering(name: "a second Markdown grid", file: "matrix/legacy.md", code: .cellMismatch) { text in
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let grid = lines.drop { !$0.hasPrefix("| From ╲ To") }.prefix { $0.hasPrefix("|") }
        return text + "\n" + grid.joined(separator: "\n") + "\n"
    },
    Tampering(
        name: "a matrix column duplicated in Markdown", file: "matrix/legacy.md",
        code: .cellMismatch
    ) {
        $0.replacingFirst("| From ╲ To |", with: "| From ╲ To | Office 365 Enterprise E1 |")
    },
    Tampering(name: "a cell relabelled with another pair", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.replacingFirst(#"data-from="o365-e5" data-to="o365-e1""#, with: #"data-from="o365-e5" data-to="o365-e3""#)
    },
    Tampering(name: "a target added to the HTML list form", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.replacingFirst(
            "Office 365 Enterprise E3<br>Office 365 Enterprise E5</td>",
            with: "Office 365 Enterprise E3<br>Office 365 Enterprise E5<br>Office 365 Enterprise E1</td>")
    },
    Tampering(
        name: "a list-form target swapped for another in Markdown", file: "matrix/legacy.md",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            "| Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |",
            with: "| Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E1 |")
    },
    Tampering(name: "list-form targets out of order", file: "matrix/legacy.md", code: .cellMismatch) {
        $0.replacingFirst(
            "| Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |",
            with: "| Microsoft 365 Business Standard | Office 365 Enterprise E5<br/>Office 365 Enterprise E3 |")
    },
    // The decision-table pages.
    Tampering(
        name: "the hit-policy letter a reader sees changed", file: "rules/eligibility.html", code: .tableMismatch
    ) {
        $0.replacingFirst(
            #"<th scope="col" class="hit-policy"><span class="symbol" aria-hidden="true">R</span>"#,
            with: #"<th scope="col" class="hit-policy"><span class="symbol" aria-hidden="true">U</span>"#)
    },
    Tampering(name: "an input label reworded", file: "rules/eligibility.html", code: .tableMismatch) {
        $0.replacingFirst(">Subscription status<", with: ">Subscription state<")
    },
    Tampering(name: "two rule numbers swapped", file: "rules/eligibility.html", code: .tableMismatch) {
        $0.replacingFirst(#"id="rule-UPG-1">1<"#, with: #"id="rule-UPG-1">2<"#).replacingFirst(
            #"id="rule-UPG-2">2<"#, with: #"id="rule-UPG-2">1<"#)
    },
    Tampering(name: "a rule's annotation reworded", file: "rules/eligibility.html", code: .tableMismatch) {
        $0.replacingFirst("is a listed path. Source:", with: "is any path. Source:")
    },
    Tampering(name: "a decision-table row duplicated", file: "rules/eligibility.html", code: .tableMismatch) {
        $0.editingLines(startingWith: #"<tr data-rule="UPG-4">"#) { [$0, $0] }
    },
    Tampering(
        name: "the Markdown decision table's hit policy changed", file: "rules/eligibility.md", code: .tableMismatch
    ) {
        $0.replacingFirst("| R | Listed path", with: "| U | Listed path")
    },
    Tampering(
        name: "a worked example's verdict flipped in HTML", file: "rules/eligibility.html",
        code: .examplePage
    ) {
        $0.replacingFirst("as of 2021-06-01</td><td>eligible</td>", with: "as of 2021-06-01</td><td>blocked</td>")
    },
    Tampering(
        name: "a worked example's verdict flipped in Markdown", file: "rules/eligibility.md",
        code: .examplePage
    ) {
        $0.replacingFirst("active, as of 2021-06-01 | eligible |", with: "active, as of 2021-06-01 | blocked |")
    },
    // Role guides, the home page and prose.
    Tampering(
        name: "a role guide's checks swapped out of rule order", file: "roles/admin-agent.html",
        code: .rolePage
    ) { text in
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.contains("(<a href=\"../rules/eligibility.html#rule-UPG-1\">") }),
            let second = lines.firstIndex(where: { $0.contains("(<a href=\"../rules/eligibility.html#rule-UPG-2\">") })
        else { return text }
        var swapped = lines
        swapped.swapAt(first, second)
        return swapped.joined(separator: "\n")
    },
    Tampering(
        name: "a role guide's checks swapped in Markdown", file: "roles/admin-agent.md",
        code: .rolePage
    ) { text in
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("1. **") }),
            let second = lines.firstIndex(where: { $0.hasPrefix("2. **") })
        else { return text }
        (lines[first], lines[second]) = ("1. " + lines[second].dropFirst(3), "2. " + lines[first].dropFirst(3))
        return lines.joined(separator: "\n")
    },
    Tampering(name: "a check's remedy reworded", file: "roles/sales-agent.html", code: .rolePage) {
        $0.replacingFirst("Reactivate the subscription", with: "Renew the subscription")
    },
    Tampering(
        name: "the home page's offer count changed", file: "index.html",
        code: .indexPage
    ) {
        $0.replacingFirst("<dt>Offers</dt><dd>16</dd>", with: "<dt>Offers</dt><dd>17</dd>")
    },
    Tampering(
        name: "the home page's path count changed in Markdown", file: "index.md",
        code: .indexPage
    ) {
        $0.replacingFirst("- **Upgrade paths**: 15", with: "- **Upgrade paths**: 16")
    },
    Tampering(
        name: "a role guide unlinked from the home page", file: "index.html",
        code: .indexPage
    ) {
        $0.replacingOccurrences(of: #"href="roles/sales-agent.html""#, with: #"href="roles/admin-agent.html""#)
    },
    Tampering(
        name: "a link on the home page that leads nowhere", file: "index.md", code: .indexPage
    ) {
        $0.replacingFirst("(print/decision-tables.md)", with: "(print/decision-table.md)")
    },
    Tampering(
        name: "a prose page's embedded list changed in HTML", file: "pages/how-to-answer.html",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"data-targets="o365-e3 o365-e5">Office 365 Enterprise E3<br>Office 365 Enterprise E5</td>"#,
            with: #"data-targets="o365-e3 o365-e5">Office 365 Enterprise E3</td>"#)
    },
    Tampering(
        name: "a prose page's embedded list changed in Markdown", file: "pages/how-to-answer.md",
        code: .cellMismatch
    ) {
        $0.replacingFirst(
            "| Microsoft 365 Business Standard | Office 365 Enterprise E3<br/>Office 365 Enterprise E5 |",
            with: "| Microsoft 365 Business Standard | Office 365 Enterprise E3 |")
    },
    Tampering(
        name: "a prose page's embedded decision table changed in Markdown", file: "pages/how-to-answer.md",
        code: .tableMismatch
    ) {
        $0.replacingFirst(
            "| <a id=\"rule-UPG-3\"></a>3 | - | - | inactive |", with: "| <a id=\"rule-UPG-3\"></a>3 | - | - | active |")
    },
    Tampering(
        name: "a print-page matrix row dropped in Markdown", file: "print/decision-tables.md",
        code: .cellMismatch
    ) {
        $0.editingLines(startingWith: "| Office 365 Enterprise E1 | ✗") { _ in [] }
    },
    Tampering(
        name: "a print-page cell flipped in HTML", file: "print/decision-tables.html", code: .cellMismatch
    ) {
        $0.replacingFirst(
            #"data-from="o365-e5" data-to="o365-e1" data-verdict="blocked" data-reasons="path-not-supported""#,
            with: #"data-from="o365-e5" data-to="o365-e1" data-verdict="eligible" data-reasons="""#)
    },
    Tampering(
        name: "an upgrade's visible name changed on an offer page", file: "offers/m365-business-basic.html",
        code: .offerPage
    ) {
        $0.replacingFirst(">Office 365 Enterprise E1</a>: adds", with: ">Office 365 Enterprise E5</a>: adds")
    },
    Tampering(
        name: "a service's name changed on an offer page in Markdown", file: "offers/m365-business-basic.md",
        code: .offerPage
    ) {
        $0.replacingFirst("- OneDrive\n", with: "- OneDrive for Business\n")
    },
    // The caution: an eligible cell whose decision carries a caution is never a plain ✓.
    Tampering(name: "a caution mark dropped from an HTML cell", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.replacingFirst(
            #"aria-hidden="true">✓⚠</span><span class="visually-hidden">Eligible, with caution:"#,
            with: #"aria-hidden="true">✓</span><span class="visually-hidden">Eligible, with caution:"#)
    },
    Tampering(name: "a caution mark dropped from a Markdown cell", file: "matrix/legacy.md", code: .cellMismatch) {
        $0.replacingFirst("| ✓⚠ |", with: "| ✓ |")
    },
    Tampering(name: "an offer page's caution dropped", file: "offers/m365-business-basic.html", code: .offerPage) {
        $0.replacingFirst(#"<span class="visually-hidden">Caution:</span> listed, but confirm"#, with: "<span></span> listed")
    },
    Tampering(name: "an offer page's caution dropped in Markdown", file: "offers/m365-business-basic.md", code: .offerPage) {
        $0.replacingFirst("> ⚠ listed, but confirm", with: "> listed")
    },
    Tampering(name: "a role said to submit new-commerce upgrades it may not", file: "roles/global-admin.html", code: .rolePage) {
        $0.replacingFirst(
            "<dt>Submits upgrades in new commerce</dt><dd>No</dd>", with: "<dt>Submits upgrades in new commerce</dt><dd>Yes</dd>")
    },
    Tampering(name: "a new-commerce check dropped from a role guide in Markdown", file: "roles/admin-agent.md", code: .rolePage) {
        $0.editingLines(startingWith: "3. **The target is listed") { _ in [] }
    },
    Tampering(name: "a legacy offer's equivalent changed on its page", file: "offers/o365-e1.html", code: .offerPage) {
        $0.replacingFirst(">Office 365 E1</a> (source:", with: ">Office 365 E3</a> (source:")
    },
    Tampering(name: "a role said to migrate when it may not", file: "roles/helpdesk-agent.html", code: .rolePage) {
        $0.replacingFirst("<dt>Migrates to new commerce</dt><dd>No</dd>", with: "<dt>Migrates to new commerce</dt><dd>Yes</dd>")
    },
    Tampering(name: "a migration check dropped from a role guide in Markdown", file: "roles/admin-agent.md", code: .rolePage) {
        $0.editingLines(startingWith: "1. **The legacy subscription is active.") { _ in [] }
    },
    Tampering(name: "a legacy offer's migration shown as blocked", file: "offers/m365-business-basic.html", code: .offerPage) {
        $0.replacingFirst(#"data-verdict="eligible">Migrate to"#, with: #"data-verdict="blocked">Migrate to"#)
    },
    Tampering(name: "the upgrade after a migration dropped in Markdown", file: "offers/m365-business-basic.md", code: .offerPage)
    {
        $0.editingLines(startingWith: "- Then upgrade to") { _ in [] }
    },
    Tampering(name: "a migration said to be allowed in Markdown", file: "offers/o365-e1.md", code: .offerPage) {
        $0.replacingFirst("(new commerce): blocked", with: "(new commerce): allowed")
    },
    Tampering(name: "an offer's SKU changed on its page", file: "offers/nce-m365-business-premium.html", code: .offerPage) {
        $0.replacingFirst("CFQ7TTC0LCHC/0002", with: "CFQ7TTC0LCHC/0003")
    },
    Tampering(name: "an offer's seat limit raised in Markdown", file: "offers/nce-m365-business-premium.md", code: .offerPage) {
        $0.replacingFirst("300 seats per customer", with: "3000 seats per customer")
    },
    Tampering(name: "a cell's advice codes dropped", file: "matrix/legacy.html", code: .cellMismatch) {
        $0.replacingFirst(#"data-advisories="legacy-withdrawn""#, with: #"data-advisories="""#)
    },
    // Data files.
    Tampering(
        name: "a former name sent to the offer people confuse it with", file: "data/checker-data.js", code: .checkerData
    ) {
        $0.replacingFirst(
            #""office365businesspremium":{"offer":"m365-business-standard""#,
            with: #""office365businesspremium":{"offer":"m365-business-premium""#)
    },
    Tampering(name: "a test vector's decision changed", file: "data/test-vectors.json", code: .testVectors) {
        $0.replacingFirst(#""reasons": [],"#, with: #""reasons": [{"code": "path-not-supported", "rule": "UPG-1"}],"#)
    },
    Tampering(name: "a test vector dropped", file: "data/test-vectors.json", code: .testVectors) { text in
        guard let start = text.range(of: "  \"vectors\": [\n    {"),
            let next = text.range(of: "\n    },\n    {", range: start.upperBound..<text.endIndex)
        else { return text }
        return text.replacingCharacters(in: start.upperBound..<next.upperBound, with: "")
    },
    // Pages and the manifest.
    Tampering(name: "the page's generator changed", file: "roles/admin-agent.html", code: .pageStructure) {
        $0.replacingFirst(#"<meta name="generator" content="upgradedocs"#, with: #"<meta name="generator" content="otherdocs"#)
    },
    Tampering(name: "the page's as-of date changed", file: "matrix/legacy.html", code: .pageStructure) {
        $0.replacingFirst("<dt>As of</dt><dd>2026-11-25</dd>", with: "<dt>As of</dt><dd>2027-01-01</dd>")
    },
    Tampering(name: "the Markdown footer's date changed", file: "roles/admin-agent.md", code: .pageStructure) {
        $0.replacingFirst("*Decisions as of 2026-11-25.", with: "*Decisions as of 2027-01-01.")
    },
    Tampering(name: "an inline script added to a page", file: "matrix/legacy.html", code: .pageStructure) {
        $0.replacingFirst(
            "</main>", with: "<script>document.querySelectorAll('td').forEach(c => c.textContent = '✓')</script></main>")
    },
    Tampering(
        name: "a script added to a page that has none", file: "roles/admin-agent.html", code: .pageStructure
    ) {
        $0.replacingFirst("</body>", with: #"<script src="../assets/checker.js"></script></body>"#)
    },
    Tampering(name: "a second stylesheet", file: "matrix/legacy.html", code: .pageStructure) {
        $0.replacingFirst("</head>", with: #"<link rel="stylesheet" href="../assets/other.css"></head>"#)
    },
    Tampering(
        name: "a style element that hides the matrix's cells", file: "matrix/legacy.html",
        code: .stylesheet
    ) {
        $0.replacingFirst("</head>", with: "<style>.upgrade-matrix td { display: none }</style></head>")
    },
    Tampering(
        name: "an alias's word taken out of the search index", file: "data/search/terms-0.js",
        code: .searchIndex
    ) {
        $0.replacingFirst("\n\"e3\":[", with: "\n\"e3x\":[")
    },
    Tampering(
        name: "a page left out of the search index", file: "data/search/pages.js",
        code: .searchIndex
    ) {
        $0.replacingFirst("[\"roles/admin-agent.html\",", with: "[\"roles/someone-else.html\",")
    },
    Tampering(name: "two rules of a DMN file swapped", file: "rules/eligibility.dmn", code: .dmnFile) { text in
        let parts = text.components(separatedBy: "      <rule id=")
        guard parts.count > 4 else { return text }
        // The third and fourth rules, whose reasons come out in rule order when both fire.
        var swapped = parts
        swapped.swapAt(3, 4)
        // The last rule ends the table; keep what follows it where it was.
        let tail = { (rule: String) in rule.components(separatedBy: "    </decisionTable>") }
        guard tail(parts[3]).count == 1, tail(parts[4]).count == 1 else { return text }
        return swapped.joined(separator: "      <rule id=")
    },
    Tampering(name: "an entry of a DMN rule changed", file: "rules/eligibility.dmn", code: .dmnFile) {
        $0.replacingFirst("<text>\"inactive\"</text>", with: "<text>\"active\"</text>")
    },
    Tampering(name: "a rule dropped from a DMN file", file: "rules/advisories.dmn", code: .dmnFile) { text in
        guard let start = text.range(of: "      <rule id=\"rule_ADV-2\""),
            let end = text.range(of: "      </rule>\n", range: start.upperBound..<text.endIndex)
        else { return text }
        return text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    },
    Tampering(name: "a DMN file's hit policy changed", file: "rules/eligibility.dmn", code: .dmnFile) {
        $0.replacingFirst("hitPolicy=\"RULE ORDER\"", with: "hitPolicy=\"FIRST\"")
    },
    Tampering(name: "a DMN file that is not XML", file: "rules/advisories.dmn", code: .dmnFile) {
        $0.replacingFirst("</definitions>", with: "</definition>")
    },
    Tampering(
        name: "a table injected into a role guide", file: "roles/admin-agent.html",
        code: .pageStructure
    ) {
        $0.replacingFirst(
            "</article>", with: #"<table class="decision-table" data-table="eligibility"><tr><td>1</td></tr></table></article>"#)
    },
]

@Suite("verify fails on every kind of tampering a reader would meet")
struct TamperingTests {
    @Test("Each tampering is found, at its file, as the kind of finding it is", arguments: tamperings)
    func tamperingIsFound(_ tampering: Tampering) throws {
        let report = try VerifyTests.verify(editing: tampering.file, tampering.edit)
        #expect(!report.problems.isEmpty, "\(tampering.name): verify passed")
        let matching = report.problems.filter { $0.code == tampering.code }
        #expect(!matching.isEmpty, "\(tampering.name): no [\(tampering.code)] finding; found \(report.messages.prefix(4))")
        #expect(
            matching.allSatisfy { $0.location.file.hasSuffix(tampering.file) && $0.location.line >= 1 },
            "\(tampering.name): \(matching.map(\.location))")
    }

    @Test("There are at least forty kinds, across every page kind and both formats")
    func suiteCoversThePageKinds() {
        #expect(tamperings.count >= 40)
        let files = Set(tamperings.map(\.file))
        for needed in [
            "matrix/legacy.html", "matrix/legacy.md", "rules/eligibility.html", "rules/eligibility.md", "index.html",
            "index.md", "pages/how-to-answer.html", "pages/how-to-answer.md", "print/decision-tables.html",
            "print/decision-tables.md", "data/test-vectors.json", "assets/site.css",
        ] {
            #expect(files.contains(needed), "no tampering of \(needed)")
        }
        #expect(
            files.contains { $0.hasPrefix("roles/") && $0.hasSuffix(".html") }
                && files.contains { $0.hasPrefix("roles/") && $0.hasSuffix(".md") })
    }

    @Test("A file changed without its manifest entry is not the file the build wrote")
    func staleChecksum() throws {
        let folder = try SiteFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "tampered".write(toFile: folder + "/roles/admin-agent.md", atomically: true, encoding: .utf8)
        let report = VerifyRun(content: SiteFixture.content, site: folder)
        #expect(!report.findings(.siteFiles, in: "roles/admin-agent.md").isEmpty)
    }

    @Test("A page dropped from the manifest is still verified, and reported")
    func pageDroppedFromManifest() throws {
        let folder = try SiteFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + Manifest.fileName
        let manifest = try #require(Manifest(reading: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        try Data(
            Manifest(
                generator: manifest.generator, asOf: manifest.asOf,
                entries: manifest.entries.filter { $0.path != "matrix/legacy.md" }
            ).file.bytes
        )
        .write(to: URL(fileURLWithPath: path))
        let page = folder + "/matrix/legacy.md"
        try (try String(contentsOfFile: page, encoding: .utf8)).replacingFirst("| ✓⚠ | ✓⚠ |", with: "| ✗ | ✓⚠ |")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let report = VerifyRun(content: SiteFixture.content, site: folder)
        #expect(!report.findings(.siteFiles, in: "matrix/legacy.md").isEmpty)
        #expect(report.findings(.cellMismatch, in: "matrix/legacy.md", mentioning: "eligible").contains { $0.names("✗") })
    }

    @Test("A page the model does not make, and a manifest that names another generator")
    func extraPageAndGenerator() throws {
        let folder = try SiteFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<!DOCTYPE html><html><body>Eligible!</body></html>".write(
            toFile: folder + "/roles/extra.html", atomically: true, encoding: .utf8)
        try VerifyTests.rehash("roles/extra.html", in: folder)
        let path = folder + "/" + Manifest.fileName
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingFirst("\"generator\": \"upgradedocs", with: "\"generator\": \"otherdocs").write(
            toFile: path, atomically: true, encoding: .utf8)
        let report = VerifyRun(content: SiteFixture.content, site: folder)
        #expect(!report.findings(.pageStructure, in: "roles/extra.html").isEmpty)
        #expect(report.problems.contains { $0.code == .siteFiles && $0.mentions("otherdocs") })
    }
}
