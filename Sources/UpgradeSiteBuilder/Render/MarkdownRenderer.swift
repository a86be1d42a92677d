import UpgradeBase
import UpgradeSiteContract
/// Renders blocks as GitHub-flavoured Markdown: pipe tables, `> [!NOTE]`
/// alerts, `¹` footnotes with a note under the table, and `.md` links.
package struct MarkdownRenderer {
    let page: PagePath
    let unsafeHTML: Bool
    /// Where the prose's trees come from, shared with the page's HTML twin; nil parses here.
    var parses: ProseParses? = nil

    func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined(separator: "\n")
    }

    /// An explicit anchor, in a paragraph of its own, keeps deep links working in any Markdown renderer.
    private static func anchor(_ id: String?) -> String {
        id.map { "<a id=\"\(HTML.escapeAttribute($0))\"></a>\n\n" } ?? ""
    }

    private func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let inlines, let id):
            return Self.anchor(id) + String(repeating: "#", count: level) + " " + render(inlines) + "\n"
        case .paragraph(let inlines):
            return Self.guardBlockStart(render(inlines)) + "\n"
        case .command(let text):
            // A fence longer than any run of backticks in the command, as CommonMark requires.
            let longest = text.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
            let fence = String(repeating: "`", count: max(3, longest + 1))
            return fence + "sh\n" + text + "\n" + fence + "\n"
        case .list(let ordered, let items):
            return items.enumerated().map { index, item in
                (ordered ? "\(index + 1). " : "- ") + Self.guardBlockStart(render(item)) + "\n"
            }.joined()
        case .labelledList(_, let items):
            return items.map { "- " + Self.guardBlockStart(render($0.content)) + "\n" }.joined()
        case .note(let kind, let title, let children):
            var lines = ["[!\(kind.rawValue)]"]
            if let title { lines += ["**\(Self.escape(title))**", ""] }
            let body = render(children).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map(String.init)
            lines += body
            return lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n"
        case .table(let table):
            return render(table)
        case .prose(let markdown, _, let embeds):
            let document =
                parses?.forMarkdown(markdown, unsafeHTML: unsafeHTML)
                ?? MarkdownDocument(parsing: markdown.value, unsafeHTML: unsafeHTML)
            // With nothing to embed, every fence would stay as it is: no need to look for them.
            if !embeds.isEmpty {
                document.replaceFencedBlocks(named: ProseView.fenceWord) { fence in
                    embeds[fence.info].map { render($0).trimmingTrailingNewlines }
                }
            }
            return document.renderCommonMark(rewritingLinks: MarkdownLinks.rewrite)
        case .section(let id, _, let children):
            // As a heading does: a link to the section (the print page's contents) lands here.
            return Self.anchor(id) + render(children)
        }
    }

    private func render(_ table: Table) -> String {
        var out = "*" + render(table.caption) + "*\n\n"
        let rows = table.head.prefix(1) + table.body
        guard let header = rows.first else { return out }
        out += line(header.cells.map { render($0.content, inCell: true) })
        out += line(header.cells.map { _ in "---" })
        for row in table.body {
            // Ids on a row or a cell become anchors, so deep links work in the Markdown twin too.
            let anchors = (row.attributes + (row.cells.first?.attributes ?? [])).filter { $0.name == "id" }
                .map { "<a id=\"\(HTML.escapeAttribute($0.value))\"></a>" }.joined()
            out += line(
                row.cells.enumerated().map { index, cell in
                    (index == 0 ? anchors : "") + render(cell.content, inCell: true)
                })
        }
        for note in table.notes {
            out += "\n" + note.mark + " " + render(note.text) + "\n"
        }
        return out
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
    }

    func render(_ inlines: [Inline], inCell: Bool = false) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): Self.escape(text)
            case .strong(let children): "**" + render(children, inCell: inCell) + "**"
            case .code(let text): Self.code(text, inCell: inCell)
            case .link(let children, let target, let anchor):
                "[" + render(children, inCell: inCell) + "](" + link(to: target, anchor: anchor) + ")"
            case .checkerLink(let children, _): render(children, inCell: inCell)
            case .htmlLink(let children, let target):
                "[" + render(children, inCell: inCell) + "](" + page.link(to: target, format: .html) + ")"
            case .webLink(let children, let url):
                // In angle brackets, so spaces and parentheses stay in the address; only these need encoding there.
                "[" + render(children, inCell: inCell) + "](<"
                    + url.replacingOccurrences(of: "<", with: "%3C")
                    .replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: "\n", with: "%0A")
                    .replacingOccurrences(of: "|", with: "%7C") + ">)"
            case .fileLink(let children, let file):
                "[" + render(children, inCell: inCell) + "](" + page.root + file + ")"
            case .symbol(let glyph, _): Self.escape(glyph)
            case .footnoteMark(let mark, _): mark
            case .lineBreak: inCell ? "<br/>" : "\\\n"
            }
        }.joined()
    }

    private func link(to target: PagePath?, anchor: String?) -> String {
        guard let target else { return "#" + (anchor ?? "") }
        return page.link(to: target, anchor: anchor, format: .md)
    }

    /// Backslash-escapes every character Markdown could read as syntax, and `|`,
    /// so text from content never opens a tag, a link or a table cell.
    package static func escape(_ text: String) -> String {
        guard special.any(in: text) else { return text }
        // By scalar: a combining mark after `*` does not stop cmark reading the `*`.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "!", "~":
                out.append("\\")
                out.append(scalar)
            case "\n":
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static let special = ByteSet("\\`*_[]<>|#&!~\n")

    /// Text that starts a block must not read as a list marker or a setext underline.
    static func guardBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// A code span long enough to hold any backticks in `text`.
    package static func code(_ text: String, inCell: Bool) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let body = inCell ? text.replacingOccurrences(of: "|", with: "\\|") : text
        let pad = body.hasPrefix("`") || body.hasSuffix("`") ? " " : ""
        return fence + pad + body + pad + fence
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
