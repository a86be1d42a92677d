import UpgradeBase
import UpgradeCore
import UpgradeSiteContract
import UpgradeContent

/// Text within a block.
indirect enum Inline: Hashable, Sendable {
    case text(String)
    case strong([Inline])
    case code(String)
    case link([Inline], to: PagePath?, anchor: String?)
    /// A question for the upgrade checker, asked by its address. Only the HTML page can answer,
    /// so the Markdown twin shows the text without a link.
    case checkerLink([Inline], query: [Attribute])
    /// A link to a page's HTML form from either twin: for what only the HTML page can do.
    case htmlLink([Inline], to: PagePath)
    /// A file of the site that is no page, such as a table's `.dmn`, by its path from the site's root.
    case fileLink([Inline], file: String)
    /// A page outside the site, such as the Microsoft Learn page a rule cites (an http(s) address from content).
    case webLink([Inline], url: String)
    /// A symbol such as ✓, with the words a screen reader and a Markdown reader get instead.
    case symbol(String, alternative: String)
    /// A footnote mark such as ¹, linking to the note under the table.
    case footnoteMark(String, anchor: String)
    case lineBreak
}

enum NoteKind: String, Sendable {
    case note = "NOTE"
    case important = "IMPORTANT"
}

/// A format-neutral block; both renderers turn each into their own markup.
indirect enum Block: Hashable, Sendable {
    case heading(level: Int, [Inline], id: String?)
    case paragraph([Inline])
    /// A shell command to copy as it is, in a block of its own.
    case command(String)
    case list(ordered: Bool, items: [[Inline]])
    /// A list whose items carry attributes that say what each is, such as `data-service`.
    case labelledList(cssClass: String, items: [LabelledItem])
    case note(NoteKind, title: String?, [Block])
    case table(Table)
    /// CommonMark from content, rendered by cmark. Each `upgradedocs …` fence in it is
    /// replaced by the blocks `embeds` holds for its info string.
    case prose(markdown: ProseText, source: ProseSource, embeds: [String: [Block]])
    /// A group of blocks that stands apart, such as one printed page.
    case section(id: String?, cssClass: String, [Block])
}

/// Where prose came from, for diagnostics that point into the content file.
struct ProseSource: Hashable, Sendable {
    let file: String
    let firstLine: Int

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }
}

struct Table: Hashable, Sendable {
    var caption: [Inline]
    var cssClass: String
    /// Extra attributes of the `<table>` element, in order.
    var attributes: [Attribute]
    var head: [Row]
    var body: [Row]
    /// Footnotes printed under the table: mark, anchor and text.
    var notes: [TableNote]

    init(
        caption: [Inline], cssClass: String, attributes: [Attribute] = [], head: [Row], body: [Row],
        notes: [TableNote] = []
    ) {
        self.caption = caption
        self.cssClass = cssClass
        self.attributes = attributes
        self.head = head
        self.body = body
        self.notes = notes
    }
}

struct LabelledItem: Hashable, Sendable {
    let content: [Inline]
    let attributes: [Attribute]
}

struct TableNote: Hashable, Sendable {
    let mark: String
    let anchor: String
    let text: [Inline]
}

struct Attribute: Hashable, Sendable {
    let name: String
    let value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

struct Row: Hashable, Sendable {
    var cells: [Cell]
    var attributes: [Attribute]

    init(_ cells: [Cell], attributes: [Attribute] = []) {
        self.cells = cells
        self.attributes = attributes
    }
}

struct Cell: Hashable, Sendable {
    enum Scope: String, Sendable { case row, col }

    var content: [Inline]
    /// A header cell is `<th>` with this scope.
    var headerScope: Scope?
    var attributes: [Attribute]
    var cssClass: String?

    init(_ content: [Inline], header: Scope? = nil, attributes: [Attribute] = [], cssClass: String? = nil) {
        self.content = content
        headerScope = header
        self.attributes = attributes
        self.cssClass = cssClass
    }

    static func text(
        _ text: String, header: Scope? = nil, attributes: [Attribute] = [],
        cssClass: String? = nil
    ) -> Cell {
        Cell([.text(text)], header: header, attributes: attributes, cssClass: cssClass)
    }
}

/// One page of the site, before it is rendered in either format.
package struct Page: Sendable, Equatable {
    package let path: PagePath
    let kind: PageKind
    let title: String
    /// One sentence under the title, and the page's description.
    let summary: String?
    /// Key facts shown under the title, such as the as-of date.
    let facts: [Fact]
    let blocks: [Block]
    /// For a printed document: the sheets its sections print on.
    let sheets: [PrintSheet]

    init(
        path: PagePath, kind: PageKind, title: String, summary: String? = nil, facts: [Fact] = [],
        blocks: [Block], sheets: [PrintSheet] = []
    ) {
        self.path = path
        self.kind = kind
        self.title = title
        self.summary = summary
        self.facts = facts
        self.blocks = blocks
        self.sheets = sheets
    }
}

/// How one section of a printed document prints: its own page style, with
/// the table's title, the as-of date and a legend in the margin of every sheet.
struct PrintSheet: Hashable, Sendable {
    /// The id of the section this sheet style applies to.
    let sectionID: String
    let title: String
    let legend: String
    let landscape: Bool

    init(sectionID: String, title: String, legend: String, landscape: Bool) {
        self.sectionID = sectionID
        self.title = title
        self.legend = legend
        self.landscape = landscape
    }
}

struct Fact: Hashable, Sendable {
    let label: String
    let value: [Inline]

    init(_ label: String, _ value: [Inline]) {
        self.label = label
        self.value = value
    }

    /// When the page's content was last held against its sources: from the model or the page's front
    /// matter, never the clock.
    static func reviewed(_ date: CalendarDate) -> Fact {
        Fact("Last reviewed", [.text(date.description)])
    }
}

extension Page {
    /// The page with one more fact under its title.
    func adding(_ fact: Fact) -> Page {
        Page(path: path, kind: kind, title: title, summary: summary, facts: facts + [fact], blocks: blocks, sheets: sheets)
    }
}
