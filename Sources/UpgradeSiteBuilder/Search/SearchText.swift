import UpgradeSiteContract

/// The words of a page as a reader meets them, block by block, each marked with the part
/// it plays: what the search index weighs. Prose is read as its CommonMark source, whose
/// markup characters fall between terms; a line that starts with `#` is a heading.
enum SearchText {
    enum Part { case text, heading, listed }

    /// Each piece of `block`'s words, with its part, to `found`.
    static func read(_ block: Block, _ found: (String, Part) -> Void) {
        switch block {
        case .heading(_, let inlines, _): read(inlines, as: .heading, found)
        case .paragraph(let inlines): read(inlines, found)
        case .list(_, let items): for item in items { read(item, found) }
        // An offer's own services, not the services its upgrades would add.
        case .labelledList(_, let items):
            for item in items {
                read(item.content, as: item.attributes.contains { $0.name == Markup.Data.service } ? .listed : .text, found)
            }
        case .note(_, let title, let blocks):
            if let title { found(title, .heading) }
            for block in blocks { read(block, found) }
        case .table(let table):
            read(table.caption, found)
            for row in table.head + table.body { for cell in row.cells { read(cell.content, found) } }
            for note in table.notes { read(note.text, found) }
        case .prose(let markdown, _, _): readProse(markdown.value, found)
        case .command(let text): found(text, .text)
        case .section(_, _, let blocks): for block in blocks { read(block, found) }
        }
    }

    static func read(_ inlines: [Inline], as part: Part = .text, _ found: (String, Part) -> Void) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): found(text, part)
            case .strong(let inner), .link(let inner, _, _), .checkerLink(let inner, _), .htmlLink(let inner, _),
                .webLink(let inner, _), .fileLink(let inner, _):
                read(inner, as: part, found)
            case .symbol(_, let alternative): found(alternative, part)
            case .footnoteMark, .lineBreak: break
            }
        }
    }

    /// The whole source as text, and each line that starts with `#` once more as a heading.
    private static func readProse(_ markdown: String, _ found: (String, Part) -> Void) {
        found(markdown, .text)
        var markdown = markdown
        let headings: [String] = markdown.withUTF8 { bytes in
            var headings: [String] = [], start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if bytes[start] == 0x23 {
                    headings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return headings
        }
        for heading in headings { found(heading, .heading) }
    }
}
