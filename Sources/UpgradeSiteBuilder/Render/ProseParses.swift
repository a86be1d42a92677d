import UpgradeContent

/// The cmark trees of one page's prose, shared by its two twins, so each body is parsed once.
///
/// The Markdown twin renders first and leaves each tree as it was parsed (`renderCommonMark`
/// undoes its changes); the HTML twin then takes the tree, and its changes (ids on headings)
/// need no undoing. A renderer given no parses parses for itself. One page's, on one thread.
package final class ProseParses {
    private var kept: [ObjectIdentifier: MarkdownDocument] = [:]

    package init() {}

    /// The tree of `text` for the Markdown twin, kept for the HTML twin.
    func forMarkdown(_ text: ProseText, unsafeHTML: Bool) -> MarkdownDocument {
        if let document = kept[ObjectIdentifier(text)] { return document }
        let document = MarkdownDocument(parsing: text.value, unsafeHTML: unsafeHTML)
        kept[ObjectIdentifier(text)] = document
        return document
    }

    /// The tree of `text` for the HTML twin, which is its last use.
    func forHTML(_ text: ProseText, unsafeHTML: Bool) -> MarkdownDocument {
        kept.removeValue(forKey: ObjectIdentifier(text)) ?? MarkdownDocument(parsing: text.value, unsafeHTML: unsafeHTML)
    }
}
