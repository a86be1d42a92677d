import UpgradeBase
import UpgradeSiteContract
/// Lays out a whole page in each format: HTML through the templates, Markdown directly.
package enum PageRenderer {
    /// Every name the layout is given, its navigation items' included: the templates may use these alone.
    static let layoutNames: Set<String> = [
        "title", "siteTitle", "generator", "root", "kind", "asOf", "nav", "label",
        "href", "current", "hasItems", "items", "crumbs", "hasCrumbs", "outline", "hasOutline",
        "description", "pageStyle", "content", "documentTitle", "hasSiteSearch",
    ]
    /// A page with at least this many sections lists them under "On this page".
    static let outlineMinimum = 3
    /// Every name a page-kind template (and the `facts` partial inside it) is given.
    static let pageNames: Set<String> = [
        "title", "body", "facts", "label", "value", "hasFacts", "summary", "root", "outline", "hasOutline", "href",
    ]

    /// `parses`, when given, holds the trees the page's Markdown twin rendered from.
    static func html(
        _ page: Page, templates: TemplateSet, context: ViewContext, navigation: Navigation,
        parses: ProseParses? = nil
    ) -> String {
        let (pageContext, layout) = contexts(
            page, templates: templates, context: context, navigation: navigation,
            parses: parses)
        return templates.render(kind: page.kind, page: pageContext, layout: layout)
    }

    /// What the page-kind template and the layout are given.
    static func contexts(
        _ page: Page, templates: TemplateSet, context: ViewContext, navigation: Navigation,
        parses: ProseParses? = nil
    ) -> (page: TemplateObject, layout: TemplateObject) {
        let renderer = HTMLRenderer(
            page: page.path, unsafeHTML: context.content.settings.rawHTML,
            reservedIDs: templates.layoutIDs, parses: parses)
        let body = renderer.render(page.blocks)
        let crumbs = navigation.crumbs(for: page.path)
        let outline = renderer.outline.count >= outlineMinimum ? renderer.outline : []
        let facts = page.facts.map { fact in
            TemplateValue.object(TemplateObject(["label": .string(fact.label), "value": .string(renderer.render(fact.value))]))
        }
        let outlineItems = TemplateValue.list(
            outline.map { .object(TemplateObject(["label": .string($0.text), "href": .string("#" + $0.id)])) })
        // The outline is given to both: the layout puts it beside the page on a wide screen, the
        // page under its title where the screen is narrow.
        var pageContext = TemplateObject([
            "title": .string(page.title), "body": .string(body), "facts": .list(facts),
            "hasFacts": .flag(!facts.isEmpty), "root": .string(page.path.root),
            "outline": outlineItems, "hasOutline": .flag(!outline.isEmpty),
        ])
        if let summary = page.summary { pageContext["summary"] = .string(summary) }
        var layout = TemplateObject([
            "title": .string(page.title),
            "siteTitle": .string(context.content.settings.title),
            // The home page is titled as the site: its name once, not twice.
            "documentTitle": .string(
                page.title == context.content.settings.title
                    ? page.title : "\(page.title) · \(context.content.settings.title)"),
            // The search page has its own box; a second in the header would ask the same twice.
            "hasSiteSearch": .flag(page.kind != .search),
            "generator": .string(Generator.name),
            "root": .string(page.path.root),
            "kind": .string(page.kind.rawValue),
            "asOf": .string(context.asOf.description),
            "nav": .shared(navigation.context(for: page.path)),
            "crumbs": .list(
                crumbs.map { crumb in
                    .object(
                        TemplateObject([
                            "label": .string(crumb.label),
                            "href": .string(crumb.path.map { page.path.link(to: $0, anchor: crumb.anchor, format: .html) } ?? ""),
                        ]))
                }),
            "hasCrumbs": .flag(!crumbs.isEmpty),
            "outline": outlineItems,
            "hasOutline": .flag(!outline.isEmpty),
        ])
        if let summary = page.summary { layout["description"] = .string(summary) }
        if let style = PrintStyle.css(for: page.sheets, asOf: context.asOf.description) { layout["pageStyle"] = .string(style) }
        return (pageContext, layout)
    }

    /// `parses`, when given, keeps the prose's trees for the page's HTML twin.
    package static func markdown(_ page: Page, context: ViewContext, parses: ProseParses? = nil) -> String {
        let renderer = MarkdownRenderer(page: page.path, unsafeHTML: context.content.settings.rawHTML, parses: parses)
        var parts = ["# " + MarkdownRenderer.escape(page.title) + "\n"]
        if let summary = page.summary { parts.append(MarkdownRenderer.guardBlockStart(MarkdownRenderer.escape(summary)) + "\n") }
        if !page.facts.isEmpty {
            parts.append(
                page.facts.map { "- **\(MarkdownRenderer.escape($0.label))**: " + renderer.render($0.value) }
                    .joined(separator: "\n") + "\n")
        }
        parts.append(renderer.render(page.blocks))
        parts.append(
            "---\n\n*Decisions as of \(context.asOf). Every answer here is worked out from one set of "
                + "upgrade rules. Made by \(Generator.name).*\n")
        return parts.joined(separator: "\n")
    }
}
