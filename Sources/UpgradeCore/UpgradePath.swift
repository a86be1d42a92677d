/// A documented upgrade from one offer to another in the same program.
/// A pair that is not listed is not supported: the catalog is a closed world.
package struct UpgradePath: Hashable, Sendable {
    package let from: OfferID
    package let to: OfferID
    /// The footnote whose mark the source table shows on this target.
    package let footnote: FootnoteID?
    /// Set when the path is stated only by a footnote's text, not as a row of
    /// the source table; the list form then leaves it to the footnote.
    package let statedBy: FootnoteID?
    /// Where the path is documented: the start of a source's title in site.yaml, then where on it.
    package let source: String

    package init(
        from: OfferID, to: OfferID, footnote: FootnoteID? = nil, statedBy: FootnoteID? = nil, source: String = ""
    ) {
        self.from = from
        self.to = to
        self.footnote = footnote
        self.statedBy = statedBy
        self.source = source
    }
}

package struct Footnote: Hashable, Sendable {
    package let id: FootnoteID
    /// The superscript the tables show, such as `¹`.
    package let mark: String
    package let text: String

    package init(id: FootnoteID, mark: String, text: String) {
        self.id = id
        self.mark = mark
        self.text = text
    }
}
