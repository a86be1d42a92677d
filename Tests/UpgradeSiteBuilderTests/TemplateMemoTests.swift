import Foundation
import Testing
import UpgradeBase
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// Pages of one shape are rendered once and spliced after; every page must still be
/// exactly what Mustache alone makes of it.
@Suite("Templates render once per shape")
struct TemplateMemoTests {
    /// Every page of `plan`, through the memo and through Mustache alone.
    static func expectSpliceEqualsMustache(_ plan: SitePlan, _ label: String) {
        for page in plan.pages {
            let (pageContext, layout) = PageRenderer.contexts(
                page, templates: plan.templates, context: plan.context,
                navigation: plan.navigation)
            let spliced = plan.templates.render(kind: page.kind, page: pageContext, layout: layout)
            let direct = plan.templates.renderDirectly(kind: page.kind, page: pageContext, layout: layout)
            #expect(spliced == direct, "\(label): \(page.path)")
        }
    }

    @Test("Every page of the reference site, and of models whose names need escaping")
    func splicedPagesEqualMustache() throws {
        Self.expectSpliceEqualsMustache(
            try SitePlan(
                SiteFixture.content, templates: SiteFixture.templates,
                asOf: SiteFixture.referenceDate), "reference")
        // A special character that a combining mark follows is escaped here and not by Mustache
        // (see `EscapingTests`), so such names are left out of this comparison.
        let names = RandomModel.hostileNames + ["\u{F0000}<0\u{F0001}", "\u{F0001}", "a'b\"c&amp;"]
        for seed in 1...6 as ClosedRange<UInt64> {
            let (content, asOf) = RandomModel.make(seed: seed, names: names)
            Self.expectSpliceEqualsMustache(try SitePlan(content, templates: SiteFixture.templates, asOf: asOf), "seed \(seed)")
        }
    }

    @Test(
        "Templates that test, loop over and print strings in every way Mustache allows",
        arguments: ["", " \u{F0000}&lt; \u{F0001}", " \u{F0001}", " \u{F0000}<9"])
    func oddTemplatesEqualMustache(markerText: String) throws {
        let folder = try Scratch.copy(of: Repository.path("templates"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let layout = try String(contentsOfFile: folder + "/layout.mustache", encoding: .utf8)
        try
            (layout + """
                {{#title}}[{{.}}|{{{.}}}|{{&.}}]{{/title}}{{^description}}none{{/description}}
                {{#nav}}{{#current}}<b>{{label}}</b>{{/current}}{{^current}}{{label}}{{/current}}{{/nav}}
                {{#nav}}{{title}}{{/nav}} {{title.count}}
                """ + markerText).write(toFile: folder + "/layout.mustache", atomically: true, encoding: .utf8)
        try "{{#facts}}{{label}}={{{value}}};{{/facts}}{{^hasFacts}}no facts{{/hasFacts}}{{{body}}}{{summary}}"
            .write(toFile: folder + "/page.mustache", atomically: true, encoding: .utf8)
        let templates = try TemplateSet.load(from: folder)
        Self.expectSpliceEqualsMustache(
            try SitePlan(
                SiteFixture.content, templates: templates,
                asOf: SiteFixture.referenceDate), "odd templates")
    }

    @Test("Escaping is Mustache's where no combining mark follows a special character")
    func escapingIsMustaches() {
        for text in ["", "plain", "<a href=\"x\">'&'</a>", "e\u{301}&", "\u{F0000}<1\u{F0001}"] {
            #expect(TemplateMemo.escape(text) == text.mustacheEscapedForTest, "\(text)")
        }
    }
}

private extension String {
    /// What swift-mustache's `htmlEscape` gives, written out here from its table.
    var mustacheEscapedForTest: String {
        let table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        return map { table[$0] ?? String($0) }.joined()
    }
}
