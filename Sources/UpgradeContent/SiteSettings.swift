import UpgradeBase
import UpgradeCore

/// Site-wide settings from `site.yaml`.
package struct SiteSettings: Sendable {
    package let title: String
    /// The day every published decision is made as of.
    package let asOf: CalendarDate
    /// Whether raw HTML in prose pages is passed through.
    package let rawHTML: Bool
    /// When the model was last reviewed against its sources: what every page made from it says.
    package let reviewed: CalendarDate?
    /// The pages the model cites, by the title a rule's `source` starts with, and where each is.
    package let sources: [Source]
    /// Words people search with that the pages word otherwise ("reseller"), each with the words
    /// search looks for instead ("other channel"), in the order written.
    package let searchSynonyms: [(words: String, means: String)]

    package struct Source: Sendable, Equatable {
        package let title: String
        /// Where the page is; none for a source with no public address.
        package let url: String?
        /// The site's own guidance: what no outside page states, said so wherever it is cited.
        package let own: Bool

        package init(title: String, url: String?, own: Bool = false) {
            self.title = title
            self.url = url
            self.own = own
        }
    }

    package init(
        title: String, asOf: CalendarDate, rawHTML: Bool, reviewed: CalendarDate? = nil, sources: [Source] = [],
        searchSynonyms: [(words: String, means: String)] = []
    ) {
        self.title = title
        self.asOf = asOf
        self.rawHTML = rawHTML
        self.reviewed = reviewed
        self.sources = sources
        self.searchSynonyms = searchSynonyms
    }
}
