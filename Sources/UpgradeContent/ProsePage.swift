import UpgradeBase
import UpgradeCore

/// A prose page from `content/pages/NAME.md`: YAML front matter, then CommonMark.
/// A class, though immutable: ten thousand of them go from stage to stage and across
/// threads, and a copy of a class is one reference, not one for each of its strings.
package final class ProsePage: Sendable {
    /// The file name without `.md`; the page is published as `pages/<slug>`.
    package let slug: String
    package let title: String
    package let description: String?
    /// The CommonMark body, after the front matter.
    package var body: String { text.value }
    /// The body, with what a build asks of it before rendering (`ProseText`).
    package let text: ProseText
    /// The file the page came from, and the line its body starts on, so a
    /// problem cmark finds in the body can be reported against the file.
    package let file: String
    package let bodyLine: Int
    /// The SHA-256 of the page's whole text (front matter and body): equal digests, equal pages.
    package let digest: String
    /// When the page was last reviewed (`reviewed:` in its front matter, or Hugo's `lastmod:`).
    package let reviewed: CalendarDate?
    /// Where the page stands among the others (`weight:`, as Hugo and Jekyll order pages): pages
    /// with a weight come first, lightest first, then the rest by file name.
    package let weight: Int?

    package convenience init(
        slug: String, title: String, description: String?, body: String, file: String, bodyLine: Int,
        digest: String? = nil, reviewed: CalendarDate? = nil, weight: Int? = nil
    ) {
        // A page made in code has no file: its parts stand for it.
        self.init(
            slug: slug, title: title, description: description, text: ProseText(body), file: file,
            bodyLine: bodyLine, reviewed: reviewed, weight: weight,
            digest: digest ?? SHA256.hex(Array((title + "\u{0}" + (description ?? "\u{1}") + "\u{0}" + body).utf8)))
    }

    init(
        slug: String, title: String, description: String?, text: ProseText, file: String, bodyLine: Int,
        reviewed: CalendarDate?, weight: Int? = nil, digest: String
    ) {
        self.slug = slug
        self.weight = weight
        self.title = title
        self.description = description
        self.reviewed = reviewed
        self.text = text
        self.file = file
        self.bodyLine = bodyLine
        self.digest = digest
    }
}

extension [ProsePage] {
    /// In the order pages are listed: by weight where they have one, lightest first, then by file name.
    package var inListOrder: [ProsePage] {
        enumerated().sorted { left, right in
            switch (left.element.weight, right.element.weight) {
            case let (a?, b?) where a != b: a < b
            case (_?, nil): true
            case (nil, _?): false
            default: left.offset < right.offset
            }
        }.map(\.element)
    }
}
