import UpgradeCore

/// The site map: where every kind of page lives, and the anchors other pages
/// link to. The builder writes pages here and `verify` reads them back from here.
package enum SitePaths {
    package static let index = PagePath("index")
    package static let print = PagePath("print", "decision-tables")
    package static let testVectors = "data/test-vectors.json"
    /// The upgrade checker, and the model it decides from.
    package static let checker = PagePath("checker")
    package static let checkerData = "data/checker-data.js"
    /// The assets the templates load: the one stylesheet, the checker's script, and the offer filter.
    package static let stylesheet = "assets/site.css"
    package static let checkerAsset = "assets/checker.js"
    package static let filterAsset = "assets/filter.js"
    /// The small tools of every page: Copy under each command, results as you type in the header.
    package static let siteScript = "assets/site.js"
    /// Search: the page that asks (`search.html?q=TERMS`), its script, and the index the build writes,
    /// a list of pages and the terms in shards.
    package static let search = PagePath("search")
    package static let searchAsset = "assets/search.js"
    package static let searchPages = "data/search/pages.js"
    package static func searchShard(_ number: Int) -> String { "data/search/terms-\(number).js" }
    /// The sections' text of the pages of shard `number`, for the snippets under each result.
    package static func searchText(_ number: Int) -> String { "data/search/text-\(number).js" }
    package static let offers = PagePath("offers", "index")
    /// Every interpretation in full, each under its anchor (`anchor(of:)`).
    package static let interpretations = PagePath("interpretations")
    package static func offer(_ offer: OfferID) -> PagePath { PagePath("offers", offer.rawValue) }

    package static func matrix(_ program: ProgramID) -> PagePath { PagePath("matrix", program.rawValue) }
    /// Whether a file (`matrix/legacy/part-3.html`) is a part page of a split program's matrix.
    package static func isPart(_ file: String) -> Bool {
        let parts = file.split(separator: "/")
        return parts.count == 3 && parts[0] == "matrix" && parts[2].hasPrefix("part-")
    }

    /// One part of a split program's matrix, numbered from 1.
    package static func part(_ number: Int, of program: ProgramID) -> PagePath {
        PagePath("matrix", program.rawValue, "part-\(number)")
    }
    package static func role(_ role: RoleID) -> PagePath { PagePath("roles", role.rawValue) }
    package static func table(_ table: TableID) -> PagePath { PagePath("rules", table.rawValue) }
    /// A decision table as a DMN 1.3 file, beside its page.
    package static func dmn(_ table: TableID) -> String { "rules/\(table.rawValue).dmn" }
    package static func prose(_ slug: String) -> PagePath { PagePath("pages", slug) }

    /// The anchor of an interpretation on the interpretations page.
    package static func anchor(of interpretation: InterpretationID) -> String { "interpretation-\(interpretation)" }
    /// The anchor of a decision table's rule row.
    package static func anchor(ofRule rule: RuleID) -> String { "rule-\(rule)" }
    /// The anchor of a matrix cell: `cell-FROM--TO`, on the page whose grid shows the pair.
    package static func anchor(ofCell from: OfferID, to: OfferID) -> String { "cell-\(from)--\(to)" }
    /// The anchor of a source's row on its part page.
    package static func anchor(ofRow source: OfferID) -> String { "from-\(source)" }
}
