import UpgradeBase
import UpgradeCore

/// Site-wide settings from `site.yaml`.
public struct SiteSettings: Sendable {
    public let title: String
    /// The day every published decision is made as of.
    public let asOf: CalendarDate
    /// Whether raw HTML in prose pages is passed through.
    public let rawHTML: Bool
    /// When the model was last reviewed against its sources: what every page made from it says.
    public let reviewed: CalendarDate?
    /// The pages the model cites, by the title a rule's `source` starts with, and where each is.
    public let sources: [Source]

    public struct Source: Sendable, Equatable {
        public let title: String
        public let url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public init(title: String, asOf: CalendarDate, rawHTML: Bool, reviewed: CalendarDate? = nil, sources: [Source] = []) {
        self.title = title
        self.asOf = asOf
        self.rawHTML = rawHTML
        self.reviewed = reviewed
        self.sources = sources
    }
}
