/// A documented upgrade from one offer to another in the same program.
/// A pair that is not listed is not supported: the catalog is a closed world.
public struct UpgradePath: Hashable, Sendable {
    public let from: OfferID
    public let to: OfferID
    /// The footnote whose mark the source table shows on this target.
    public let footnote: FootnoteID?
    /// Set when the path is stated only by a footnote's text, not as a row of
    /// the source table; the list form then leaves it to the footnote.
    public let statedBy: FootnoteID?

    public init(from: OfferID, to: OfferID, footnote: FootnoteID? = nil, statedBy: FootnoteID? = nil) {
        self.from = from
        self.to = to
        self.footnote = footnote
        self.statedBy = statedBy
    }
}

public struct Footnote: Hashable, Sendable {
    public let id: FootnoteID
    /// The superscript the tables show, such as `¹`.
    public let mark: String
    public let text: String

    public init(id: FootnoteID, mark: String, text: String) {
        self.id = id
        self.mark = mark
        self.text = text
    }
}
