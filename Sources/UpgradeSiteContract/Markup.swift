/// The class and `data-*` names that carry meaning in the HTML, for the
/// checks outside the project and for `verify`: one spelling for writer and reader.
public enum Markup {
    /// The `class` of each kind of table.
    public enum TableClass {
        public static let matrix = "upgrade-matrix"
        public static let list = "upgrade-list"
        /// The overview of a split program's parts.
        public static let parts = "upgrade-parts"
        public static let part = "upgrade-part"
        public static let decision = "decision-table"
    }

    /// The upgrade checker's answer, and its parts.
    public enum Checker {
        public static let answer = "answer"
        public static let code = "data-code"
        public static let advisories = "data-advisories"
    }

    /// Attribute names.
    public enum Data {
        public static let program = "data-program"
        public static let offer = "data-offer"
        public static let from = "data-from"
        public static let to = "data-to"
        public static let verdict = "data-verdict"
        public static let reasons = "data-reasons"
        public static let part = "data-part"
        public static let unshown = "data-unshown"
        public static let targets = "data-targets"
        public static let blocked = "data-blocked"
        public static let table = "data-table"
        public static let hitPolicy = "data-hit-policy"
        public static let rule = "data-rule"
        public static let input = "data-input"
        public static let output = "data-output"
        /// A service an offer page lists.
        public static let service = "data-service"
    }

    /// The header cells that name the matrix tables, in both formats; `verify` finds the Markdown ones by them.
    public enum MarkdownHeader {
        public static let gridCorner = "From ╲ To"
        public static let list = ["From", "Possible upgrades"]
        public static let part = ["From", "Possible upgrades", "Blocked for another reason"]
    }
}
