import UpgradeContent

/// Where a page lives in the site, without extension: `roles/admin-agent`.
/// Each page is written twice, as `.html` and `.md`.
public struct PagePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let components: [String]

    public init(_ components: String...) { self.components = components }
    public init(components: [String]) { self.components = components }

    public var description: String { components.joined(separator: "/") }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    /// The relative link from this page to `target`, in the given format, so
    /// the site works from `file://` and from any sub-path.
    public func link(to target: PagePath, anchor: String? = nil, fileExtension: String) -> String {
        let up = String(repeating: "../", count: components.count - 1)
        let fragment = anchor.map { "#" + $0 } ?? ""
        if target == self { return fragment.isEmpty ? target.components.last! + "." + fileExtension : fragment }
        return up + target.description + "." + fileExtension + fragment
    }

    /// The prefix that leads from this page back to the site root.
    public var root: String { String(repeating: "../", count: components.count - 1) }
}

/// What kind of page a path is; the manifest records it, and each kind has its own template.
public enum PageKind: String, Sendable, CaseIterable {
    case index, matrix, role, rules, print, page
}

/// Text within a block.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case strong([Inline])
    case code(String)
    case link([Inline], to: PagePath?, anchor: String?)
    /// A symbol such as ✓, with the words a screen reader and a Markdown reader get instead.
    case symbol(String, alternative: String)
    /// A footnote mark such as ¹, linking to the note under the table.
    case footnoteMark(String, anchor: String)
    case lineBreak
}

public enum NoteKind: String, Sendable {
    case note = "NOTE"
    case important = "IMPORTANT"
}

/// A format-neutral block; both renderers turn each into their own markup.
public indirect enum Block: Hashable, Sendable {
    case heading(level: Int, [Inline], id: String?)
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Inline]])
    case note(NoteKind, title: String?, [Block])
    case table(Table)
    /// CommonMark from content, rendered by cmark. Each `upgradedocs …` fence in it is
    /// replaced by the blocks `embeds` holds for its info string.
    case prose(markdown: String, source: ProseSource, embeds: [String: [Block]])
    /// A group of blocks that stands apart, such as one printed page.
    case section(id: String?, cssClass: String, [Block])
}

/// Where prose came from, for diagnostics that point into the content file.
public struct ProseSource: Hashable, Sendable {
    public let file: String
    public let firstLine: Int

    public init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }
}

public struct Table: Hashable, Sendable {
    public var caption: [Inline]
    public var cssClass: String
    /// Extra attributes of the `<table>` element, in order.
    public var attributes: [Attribute]
    public var head: [Row]
    public var body: [Row]
    /// Footnotes printed under the table: mark, anchor and text.
    public var notes: [TableNote]

    public init(caption: [Inline], cssClass: String, attributes: [Attribute] = [], head: [Row], body: [Row],
                notes: [TableNote] = []) {
        self.caption = caption
        self.cssClass = cssClass
        self.attributes = attributes
        self.head = head
        self.body = body
        self.notes = notes
    }
}

public struct TableNote: Hashable, Sendable {
    public let mark: String
    public let anchor: String
    public let text: [Inline]
}

public struct Attribute: Hashable, Sendable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct Row: Hashable, Sendable {
    public var cells: [Cell]
    public var attributes: [Attribute]

    public init(_ cells: [Cell], attributes: [Attribute] = []) {
        self.cells = cells
        self.attributes = attributes
    }
}

public struct Cell: Hashable, Sendable {
    public enum Scope: String, Sendable { case row, col }

    public var content: [Inline]
    /// A header cell is `<th>` with this scope.
    public var headerScope: Scope?
    public var attributes: [Attribute]
    public var cssClass: String?

    public init(_ content: [Inline], header: Scope? = nil, attributes: [Attribute] = [], cssClass: String? = nil) {
        self.content = content
        headerScope = header
        self.attributes = attributes
        self.cssClass = cssClass
    }

    public static func text(_ text: String, header: Scope? = nil, attributes: [Attribute] = [],
                            cssClass: String? = nil) -> Cell {
        Cell([.text(text)], header: header, attributes: attributes, cssClass: cssClass)
    }
}

/// One page of the site, before it is rendered in either format.
public struct Page: Sendable {
    public let path: PagePath
    public let kind: PageKind
    public let title: String
    /// One sentence under the title, and the page's description.
    public let summary: String?
    /// Key facts shown under the title, such as the as-of date.
    public let facts: [Fact]
    public let blocks: [Block]
    /// For a printed document: the sheets its sections print on.
    public let sheets: [PrintSheet]

    public init(path: PagePath, kind: PageKind, title: String, summary: String? = nil, facts: [Fact] = [],
                blocks: [Block], sheets: [PrintSheet] = []) {
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
public struct PrintSheet: Hashable, Sendable {
    /// The id of the section this sheet style applies to.
    public let sectionID: String
    public let title: String
    public let legend: String
    public let landscape: Bool

    public init(sectionID: String, title: String, legend: String, landscape: Bool) {
        self.sectionID = sectionID
        self.title = title
        self.legend = legend
        self.landscape = landscape
    }
}

public struct Fact: Hashable, Sendable {
    public let label: String
    public let value: [Inline]

    public init(_ label: String, _ value: [Inline]) {
        self.label = label
        self.value = value
    }
}
