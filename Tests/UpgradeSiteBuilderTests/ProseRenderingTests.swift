import Foundation
import Testing
import UpgradeBase
@testable import UpgradeContent
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

@Suite("Prose pages render exactly as cmark renders them")
struct ProseRenderingTests {
    /// Heading ids and each heading's anchor link are the one thing the site may add; drop them on both sides.
    static func withoutHeadingIDs(_ html: String) -> String {
        let html = html.replacingOccurrences(
            of: ##" <a class="heading-anchor" href="#[^"]*" aria-hidden="true" tabindex="-1">#</a>(?=</h[1-6]>)"##,
            with: "",
            options: .regularExpression)
        var out = "", rest = Substring(html)
        while let start = rest.range(of: "<h") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let level = rest.first, ("1"..."6").contains(level), rest.dropFirst().hasPrefix(" id=\""),
                let close = rest.dropFirst(6).firstIndex(of: "\"")
            else { continue }
            out.append(level)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func renderAsPage(_ markdown: String, number: Int, unsafe: Bool) throws -> String {
        let text = "---\ntitle: Spec example \(number)\n---\n" + markdown
        let page = try ProsePageReader.parse(text, slug: "example-\(number)", file: "example-\(number).md")
        let problems = Diagnostics()
        let view = ProseView(
            context: ViewContext(content: SiteFixture.content, asOf: SiteFixture.referenceDate),
            page: page
        ).render(into: problems)
        #expect(problems.all.isEmpty)
        return HTMLRenderer(page: view.path, unsafeHTML: unsafe).render(view.blocks)
    }

    @Test(
        "All 652 CommonMark 0.30 examples, each a page behind front matter, match libcmark (raw HTML off and on)",
        arguments: [false, true])
    func specExamplesMatchLibcmark(unsafe: Bool) throws {
        var mismatches: [Int] = []
        for example in SpecExample.all {
            let ours = try Self.renderAsPage(example.markdown, number: example.number, unsafe: unsafe)
            let reference = MarkdownDocument.referenceHTML(example.markdown, unsafeHTML: unsafe)
            if Self.withoutHeadingIDs(ours) != Self.withoutHeadingIDs(reference) { mismatches.append(example.number) }
        }
        #expect(SpecExample.all.count == 652)
        #expect(mismatches == [])
    }

    @Test("Headings gain an id and a visible link to it, and nothing else")
    func headingsGainOnlyAnIDAndItsLink() throws {
        let html = try Self.renderAsPage("# Hello *world*\n\n## Hello *world*\n", number: 0, unsafe: false)
        let link = { (id: String) in
            ##" <a class="heading-anchor" href="#\##(id)" aria-hidden="true" tabindex="-1">#</a>"##
        }
        #expect(
            html == "<h1 id=\"hello-world\">Hello <em>world</em>\(link("hello-world"))</h1>\n"
                + "<h2 id=\"hello-world-1\">Hello <em>world</em>\(link("hello-world-1"))</h2>\n")
        #expect(Self.withoutHeadingIDs(html) == "<h1>Hello <em>world</em></h1>\n<h2>Hello <em>world</em></h2>\n")
    }

    @Test("The id normaliser really removes ids, so the comparison above can fail")
    func normaliserIsNotANoOp() {
        #expect(Self.withoutHeadingIDs("<h2 id=\"x\">A</h2>") == "<h2>A</h2>")
        #expect(Self.withoutHeadingIDs("<h2 id=\"x\">A</h2>") != Self.withoutHeadingIDs("<h2 id=\"x\">B</h2>"))
    }

    @Test("Raw HTML is dropped unless the site turns it on")
    func rawHTMLIsOffByDefault() throws {
        let markdown = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = try Self.renderAsPage(markdown, number: 0, unsafe: false)
        #expect(!safe.contains("<script>") && !safe.contains("<b>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = try Self.renderAsPage(markdown, number: 0, unsafe: true)
        #expect(unsafe.contains("<b>bold</b>"))
    }

    @Test(
        "One parse serves both twins: the Markdown twin leaves the tree as parsed, for every spec example with links, raw HTML and an embed after it (raw HTML off and on)",
        arguments: [false, true])
    func twinsFromOneParseEqualTwoParses(unsafe: Bool) throws {
        let context = ViewContext(content: SiteFixture.content, asOf: SiteFixture.referenceDate)
        let embeds = "\n\n```upgradedocs list legacy\n```\n\n[a guide](guide.html#x) <b>raw</b> [js](javascript:x)\n"
        var mismatches: [Int] = []
        for example in SpecExample.all {
            let text = "---\ntitle: Spec example \(example.number)\n---\n" + example.markdown + embeds
            let page = try ProsePageReader.parse(text, slug: "example", file: "example.md")
            let view = ProseView(context: context, page: page).render(into: Diagnostics())
            let parses = ProseParses()
            let markdown = MarkdownRenderer(page: view.path, unsafeHTML: unsafe, parses: parses).render(view.blocks)
            let html = HTMLRenderer(page: view.path, unsafeHTML: unsafe, reservedIDs: [], parses: parses).render(view.blocks)
            if markdown != MarkdownRenderer(page: view.path, unsafeHTML: unsafe).render(view.blocks)
                || html != HTMLRenderer(page: view.path, unsafeHTML: unsafe).render(view.blocks)
            {
                mismatches.append(example.number)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("A fence asking for a generated table is replaced on the node tree, in both formats")
    func embeddedTable() throws {
        let text = "---\ntitle: T\n---\nBefore.\n\n```upgradedocs list legacy\n```\n\nAfter.\n"
        let page = try ProsePageReader.parse(text, slug: "t", file: "t.md")
        let problems = Diagnostics()
        let view = ProseView(
            context: ViewContext(content: SiteFixture.content, asOf: SiteFixture.referenceDate),
            page: page
        ).render(into: problems)
        let html = HTMLRenderer(page: view.path, unsafeHTML: false).render(view.blocks)
        #expect(html.hasPrefix("<p>Before.</p>\n"))
        #expect(html.contains("<table class=\"upgrade-list\" data-program=\"legacy\">"))
        // As of the fixture's date every listed upgrade carries the withdrawal's caution, said above the list.
        let caution = try #require(html.range(of: "⚠")), table = try #require(html.range(of: "upgrade-list"))
        #expect(caution.lowerBound < table.lowerBound)
        #expect(html.hasSuffix("<p>After.</p>\n"))
        #expect(!html.contains("<code"))
        let markdown = MarkdownRenderer(page: view.path, unsafeHTML: false).render(view.blocks)
        #expect(markdown.contains("| From | Possible upgrades |"))
        #expect(!markdown.contains("```"))
    }

    @Test("An unknown embed is an error at its file, line and column")
    func unknownEmbed() throws {
        let text = "---\ntitle: T\n---\nIntro.\n\n  ```upgradedocs matrix nowhere\n  ```\n"
        let page = try ProsePageReader.parse(text, slug: "t", file: "pages/t.md")
        let problems = Diagnostics()
        _ = ProseView(context: ViewContext(content: SiteFixture.content, asOf: SiteFixture.referenceDate), page: page)
            .render(into: problems)
        #expect(problems.all.map { "\($0.location) \($0.code)" } == ["pages/t.md:6:3 content.embed"])
    }

    @Test("Markdown nested past the limit, in emphasis, quotes or lists, is an error at its block")
    func deepNestingIsRefused() throws {
        let context = ViewContext(content: SiteFixture.content, asOf: SiteFixture.referenceDate)
        func problems(_ body: String) throws -> [String] {
            let page = try ProsePageReader.parse("---\ntitle: T\n---\nIntro.\n\n" + body + "\n", slug: "t", file: "pages/t.md")
            let problems = Diagnostics()
            _ = ProseView(context: context, page: page).render(into: problems)
            return problems.all.map { "\($0.location) \($0.code)" }
        }
        let deep = 2_000
        for body in [
            String(repeating: "*a ", count: deep) + "x" + String(repeating: " b*", count: deep),
            String(repeating: "**a _b ", count: deep) + "x" + String(repeating: " c_ d**", count: deep),
            String(repeating: "> ", count: deep) + "x", String(repeating: "- ", count: deep) + "x",
        ] {
            let found = try problems(body)
            // At the block that holds the deep place: the paragraph, or the quote or list item past the limit.
            #expect(
                found.count == 1 && found[0].hasPrefix("pages/t.md:6:") && found[0].hasSuffix(" content.invalid-value"),
                "\(body.prefix(12)): \(found)")
        }
        // Up to the limit, and plenty of marks that do not nest, are prose like any other.
        let limit = ProseText.nestingLimit - 2
        #expect(try problems(String(repeating: "> ", count: limit) + "x").isEmpty)
        #expect(try problems(String(repeating: "*a* _b_ [c](d) - ", count: 500)).isEmpty)
    }

    @Test("Local .html links in prose become .md links in the Markdown twin; others stay")
    func markdownTwinLinks() {
        #expect(MarkdownLinks.rewrite("../roles/admin-agent.html#checks") == "../roles/admin-agent.md#checks")
        #expect(MarkdownLinks.rewrite("index.html") == "index.md")
        #expect(MarkdownLinks.rewrite("https://example.com/a.html") == "https://example.com/a.html")
        #expect(MarkdownLinks.rewrite("#local") == "#local")
        #expect(MarkdownLinks.rewrite("notes.txt") == "notes.txt")
    }
}

/// A page is parsed for embeds only when a byte scan says it may have one; the scan must
/// never miss a fence cmark sees.
@Suite("The embed scan never misses a fence")
struct EmbedScanTests {
    @Test("Every fenced block named upgradedocs is found by the byte scan")
    func scanFindsEveryFence() {
        var random = SeededGenerator(seed: 42)
        let pieces = [
            "```", "~~~", "````", "``", "`", " ", "  ", "\t", "upgradedocs", "upgradedoc", "matrix legacy", "\n",
            "> ", "- ", "    ", "text", "\\", "&#117;", "<!-- -->",
        ]
        var fences = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let found = !MarkdownDocument(parsing: text).fencedBlocks(named: ProseView.fenceWord).isEmpty
            if found { fences += 1 }
            #expect(!found || ProseText.mayEmbed(in: text), "\(text.debugDescription)")
        }
        #expect(fences > 100)
    }
}

@Suite("Heading ids")
struct SluggerTests {
    @Test("The byte-wise slug of ASCII text is the general slug")
    func asciiSlugIsTheGeneralOne() {
        var random = SeededGenerator(seed: 5)
        let alphabet = Array("aZ09 -_.,!?'\"()[]{}#&*:;/\\|<>`~\t@%^+=AbYz")
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...16, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(Slugger.asciiBase(text) == Slugger.base(text), "\(text.debugDescription)")
        }
        #expect(Slugger().slug(for: "Checks, in order") == "checks-in-order")
        #expect(Slugger().slug(for: "Étape 1 — vérifier") == "étape-1-vérifier")
    }
}
