import UpgradeBase
import UpgradeContent
import UpgradeSiteContract
/// Renders blocks as HTML fragments. Everything from content is escaped; prose
/// goes through cmark, and raw HTML in it is dropped unless the site allows it.
package final class HTMLRenderer {
    let page: PagePath
    let unsafeHTML: Bool
    private let slugger: Slugger
    /// The page's second-level headings as rendered, in order, with their ids: its "on this page" list.
    private(set) var outline: [(text: String, id: String)] = []

    /// Where the prose's trees come from, shared with the page's Markdown twin; nil parses here.
    private let parses: ProseParses?

    /// `reservedIDs` are the ids the layout around the body uses, which no heading may take;
    /// `parses`, when given, holds the trees the page's Markdown twin rendered from.
    package init(page: PagePath, unsafeHTML: Bool, reservedIDs: Set<String> = [], parses: ProseParses? = nil) {
        self.page = page
        self.unsafeHTML = unsafeHTML
        self.parses = parses
        slugger = Slugger(reserved: reservedIDs)
    }

    /// The page's body, without the layout around it.
    package func render(_ page: Page) -> String {
        render(page.blocks)
    }

    func render(_ blocks: [Block]) -> String {
        // Ids the views chose come first, so a prose heading never takes one of them.
        reserveIDs(in: blocks)
        return blocks.map(render).joined()
    }

    private func reserveIDs(in blocks: [Block]) {
        for block in blocks {
            switch block {
            case .heading(_, _, let id?): slugger.reserve(id)
            case .section(let id, _, let children):
                if let id { slugger.reserve(id) }
                reserveIDs(in: children)
            case .note(_, _, let children): reserveIDs(in: children)
            case .table(let table):
                for row in table.head + table.body {
                    for attribute in row.attributes + row.cells.flatMap(\.attributes) where attribute.name == "id" {
                        slugger.reserve(attribute.value)
                    }
                }
                for note in table.notes { slugger.reserve(note.anchor) }
            case .prose(_, _, let embeds):
                for key in embeds.keys.sorted() { reserveIDs(in: embeds[key]!) }
            default: break
            }
        }
    }

    /// A heading's visible link to itself, for copying a section's address. Screen readers skip
    /// it (the heading already names the section) and so does the tab order, which the outline serves.
    static func anchorLink(to id: String) -> String {
        " <a class=\"heading-anchor\" href=\"#\(HTML.escapeAttribute(id))\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
    }

    private func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let inlines, let id):
            let anchor = id ?? slugger.slug(for: Self.plainText(inlines))
            if level == 2 { outline.append((Self.plainText(inlines), anchor)) }
            return "<h\(level) id=\"\(HTML.escapeAttribute(anchor))\">\(render(inlines))"
                + "\(Self.anchorLink(to: anchor))</h\(level)>\n"
        case .paragraph(let inlines):
            return "<p>\(render(inlines))</p>\n"
        case .command(let text):
            return "<pre><code class=\"language-sh\">\(HTML.escape(text))</code></pre>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(render($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .labelledList(let cssClass, let items):
            return "<ul class=\"\(HTML.escapeAttribute(cssClass))\">\n"
                + items.map { item in
                    "<li" + item.attributes.map { " \($0.name)=\"\(HTML.escapeAttribute($0.value))\"" }.joined() + ">"
                        + render(item.content) + "</li>\n"
                }.joined() + "</ul>\n"
        case .note(let kind, let title, let children):
            let heading = title ?? (kind == .note ? "Note" : "Important")
            return "<div class=\"alert alert-\(kind.rawValue.lowercased())\" role=\"note\">\n"
                + "<p class=\"alert-title\">\(HTML.escape(heading))</p>\n" + children.map(render).joined() + "</div>\n"
        case .table(let table):
            return render(table)
        case .prose(let markdown, _, let embeds):
            return renderProse(markdown, embeds: embeds)
        case .section(let id, let cssClass, let children):
            let idAttribute = id.map { " id=\"\(HTML.escapeAttribute($0))\"" } ?? ""
            return "<section class=\"\(HTML.escapeAttribute(cssClass))\"\(idAttribute)>\n"
                + children.map(render).joined() + "</section>\n"
        }
    }

    private func render(_ table: Table) -> String {
        let caption = render(table.caption)
        var html =
            "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(HTML.escapeAttribute(Self.plainText(table.caption)))\" tabindex=\"0\">\n"
        html += "<table class=\"\(HTML.escapeAttribute(table.cssClass))\"\(attributes(table.attributes))>\n"
        html += "<caption>\(caption)</caption>\n"
        html += "<thead>\n" + table.head.map(render).joined() + "</thead>\n"
        html += "<tbody>\n" + table.body.map(render).joined() + "</tbody>\n"
        html += "</table>\n</div>\n"
        for note in table.notes {
            html +=
                "<p class=\"table-note\" id=\"\(HTML.escapeAttribute(note.anchor))\">"
                + "\(HTML.escape(note.mark)) \(render(note.text))</p>\n"
        }
        return html
    }

    private func render(_ row: Row) -> String {
        "<tr\(attributes(row.attributes))>"
            + row.cells.map { cell in
                let tag = cell.headerScope == nil ? "td" : "th"
                let scope = cell.headerScope.map { " scope=\"\($0.rawValue)\"" } ?? ""
                let cssClass = cell.cssClass.map { " class=\"\(HTML.escapeAttribute($0))\"" } ?? ""
                return "<\(tag)\(scope)\(cssClass)\(attributes(cell.attributes))>\(render(cell.content))</\(tag)>"
            }.joined() + "</tr>\n"
    }

    private func attributes(_ list: [Attribute]) -> String {
        list.map { " \($0.name)=\"\(HTML.escapeAttribute($0.value))\"" }.joined()
    }

    func render(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): HTML.escape(text)
            case .strong(let children): "<strong>\(render(children))</strong>"
            case .code(let text): "<code>\(HTML.escape(text))</code>"
            case .link(let children, let target, let anchor):
                "<a href=\"\(HTML.escapeAttribute(link(to: target, anchor: anchor)))\">\(render(children))</a>"
            case .htmlLink(let children, let target):
                "<a href=\"\(HTML.escapeAttribute(page.link(to: target, format: .html)))\">\(render(children))</a>"
            case .checkerLink(let children, let query):
                "<a href=\"\(HTML.escapeAttribute(checkerAddress(query)))\">\(render(children))</a>"
            case .webLink(let children, let url):
                "<a href=\"\(HTML.escapeAttribute(url))\">\(render(children))</a>"
            case .fileLink(let children, let file):
                "<a href=\"\(HTML.escapeAttribute(page.root + file))\">\(render(children))</a>"
            case .symbol(let glyph, let alternative):
                alternative.isEmpty
                    ? "<span class=\"symbol\" aria-hidden=\"true\">\(HTML.escape(glyph))</span>"
                    : "<span class=\"symbol\" aria-hidden=\"true\">\(HTML.escape(glyph))</span>"
                        + "<span class=\"visually-hidden\">\(HTML.escape(alternative))</span>"
            case .footnoteMark(let mark, let anchor):
                "<a class=\"footnote-mark\" href=\"#\(HTML.escapeAttribute(anchor))\">"
                    + "<span aria-hidden=\"true\">\(HTML.escape(mark))</span>"
                    + "<span class=\"visually-hidden\"> (see note \(HTML.escape(mark)))</span></a>"
            case .lineBreak: "<br>"
            }
        }.joined()
    }

    private func link(to target: PagePath?, anchor: String?) -> String {
        guard let target else { return "#" + (anchor ?? "") }
        return page.link(to: target, anchor: anchor, format: .html)
    }

    /// The checker's address from this page, with the question in its query.
    func checkerAddress(_ query: [Attribute]) -> String {
        page.link(to: SitePaths.checker, format: .html) + "?"
            + query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
    }

    /// Everything but letters, digits and `-._~` is percent-encoded, so an id or a date reads back as written.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~".contains(character) {
                out.append(character)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Prose through cmark; embedded tables replace their fences on the node tree.
    private func renderProse(_ markdown: ProseText, embeds: [String: [Block]]) -> String {
        let document =
            parses?.forHTML(markdown, unsafeHTML: unsafeHTML)
            ?? MarkdownDocument(parsing: markdown.value, unsafeHTML: unsafeHTML)
        // With nothing to embed, every fence would stay as it is: no need to look for them.
        if !embeds.isEmpty {
            document.replaceFencedBlocks(named: ProseView.fenceWord) { fence in
                embeds[fence.info].map { $0.map(render).joined() }
            }
        }
        document.addHeadingIDs(
            { text, level in
                let id = slugger.slug(for: text)
                if level == 2 { outline.append((text, id)) }
                return id
            }, ending: Self.anchorLink)
        return document.renderHTML()
    }

    static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .strong(let children), .link(let children, _, _), .checkerLink(let children, _),
                .htmlLink(let children, _), .webLink(let children, _), .fileLink(let children, _):
                plainText(children)
            case .symbol(_, let alternative): alternative
            case .footnoteMark(let mark, _): mark
            case .lineBreak: " "
            }
        }.joined()
    }
}

/// Prose links other pages by their `.html` name, and the HTML twin keeps every
/// link exactly as cmark renders it. The Markdown twin links `.md` instead.
enum MarkdownLinks {
    static func rewrite(_ url: String) -> String {
        // Only relative links to local pages change; anything with a scheme or a leading '/' is left alone.
        // Looked at by bytes: Foundation's `contains` would bridge every link of every page.
        let bytes = url.utf8
        guard !bytes.contains(UInt8(ascii: ":")), bytes.first != UInt8(ascii: "/"), bytes.first != UInt8(ascii: "#")
        else { return url }
        let fragment = bytes.firstIndex(of: UInt8(ascii: "#")) ?? url.endIndex
        let path = url[..<fragment]
        guard path.hasSuffix(".html") else { return url }
        return String(path.dropLast(5)) + ".md" + url[fragment...]
    }
}
