import UpgradeBase
import UpgradeCore

/// Site-wide settings from `site.yaml`.
public struct SiteSettings: Sendable {
    public let title: String
    /// The day every published decision is made as of.
    public let asOf: CalendarDate
    /// Whether raw HTML in prose pages is passed through.
    public let rawHTML: Bool

    public init(title: String, asOf: CalendarDate, rawHTML: Bool) {
        self.title = title
        self.asOf = asOf
        self.rawHTML = rawHTML
    }
}
