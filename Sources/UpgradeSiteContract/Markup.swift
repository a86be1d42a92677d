/// The class and `data-*` names that carry meaning in the HTML, for the
/// checks outside the project and for `verify`: one spelling for writer and reader.
package enum Markup {
    /// Every attribute a page of the site may carry, besides `aria-*`: what the templates and
    /// views write, and the ordinary attributes a template author may add. Nothing that runs
    /// script (`on*`), loads another document into the page, styles one element, or makes the page
    /// another (`http-equiv`: a refresh leads the reader to a page `verify` never read).
    package static let attributes: Set<String> = [
        "abbr", "accesskey", "action", "alt", "async", "autocomplete", "autofocus", "charset", "checked", "cite",
        "class", "colspan", "content", "crossorigin", "data-advisories", "data-code", "data-from", "data-hit-policy",
        "data-input", "data-offer", "data-output", "data-part", "data-program", "data-reasons", "data-rule",
        "data-service", "data-step", "data-table", "data-targets", "data-to", "data-unshown", "data-verdict", "datetime",
        "decoding", "defer", "dir", "disabled", "download", "for", "headers", "height", "hidden", "href", "hreflang",
        "id", "inputmode", "integrity", "lang", "list", "loading", "max", "maxlength", "media", "method",
        "min", "minlength", "multiple", "name", "open", "pattern", "placeholder", "property", "readonly", "referrerpolicy",
        "rel", "required", "reversed", "role", "rowspan", "scope", "selected", "size", "sizes", "span", "spellcheck",
        "src", "srcset", "start", "step", "tabindex", "target", "title", "translate", "type", "value", "width",
    ]

    /// Every element a page of the site may hold: what the templates, the views and cmark write,
    /// and the ordinary text-level elements a template author may add. Nothing a browser leaves
    /// unshown or replaces (`template`, `noframes`, a closed `dialog`), restyles (`font`), or fills
    /// with another document (`iframe`, `object`, `embed`), and no `base` that re-points every
    /// link: what `verify` reads there is not what a reader sees.
    package static let elements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "button", "caption", "cite",
        "code", "col", "colgroup", "datalist", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "mark", "meta", "nav",
        "noscript", "ol", "optgroup", "option", "p", "pre", "q", "s", "samp", "script", "search", "section", "select",
        "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th",
        "thead", "time", "title", "tr", "u", "ul", "var", "wbr",
    ]

    /// What a `<noscript>` may hold: a browser with scripts on shows none of it, so it carries a
    /// note about scripts and never a statement `verify` would read.
    package static let noscriptElements: Set<String> = ["p", "a", "strong", "em", "code"]

    /// The mark beside a ✓ whose decision carries a caution (an advice with `caution:` words): such
    /// a decision is never shown as a plain ✓.
    package static let cautionMark = "⚠"
    /// The mark of a blocked matrix cell: a cross, which cannot be taken on paper for the dash a
    /// decision table writes for "any value".
    package static let blockedMark = "✗"

    /// The `class` of each kind of table.
    package enum TableClass {
        package static let matrix = "upgrade-matrix"
        package static let list = "upgrade-list"
        /// The overview of a split program's parts.
        package static let parts = "upgrade-parts"
        package static let part = "upgrade-part"
        package static let decision = "decision-table"
    }

    /// The upgrade checker's answer, and its parts.
    package enum Checker {
        package static let answer = "answer"
        package static let code = "data-code"
        package static let advisories = "data-advisories"
    }

    /// Attribute names.
    package enum Data {
        package static let program = "data-program"
        package static let offer = "data-offer"
        package static let from = "data-from"
        package static let to = "data-to"
        package static let verdict = "data-verdict"
        package static let reasons = "data-reasons"
        /// A matrix cell's advice codes, in `explain` order.
        package static let advisories = "data-advisories"
        package static let part = "data-part"
        package static let unshown = "data-unshown"
        package static let targets = "data-targets"
        package static let blocked = "data-blocked"
        package static let table = "data-table"
        package static let hitPolicy = "data-hit-policy"
        package static let rule = "data-rule"
        package static let input = "data-input"
        package static let output = "data-output"
        /// A service an offer page lists.
        package static let service = "data-service"
        /// The kind of a plan's step, `migrate` or `upgrade`: an offer page's way on, the checker's answer.
        package static let step = "data-step"
    }

    /// The list of a legacy offer page's way on: the migration, then each upgrade after it.
    package static let whereToGo = "where-to-go"

    /// The header cells that name the matrix tables, in both formats; `verify` finds the Markdown ones by them.
    package enum MarkdownHeader {
        package static let gridCorner = "From ╲ To"
        package static let list = ["From", "Possible upgrades"]
        package static let part = ["From", "Possible upgrades", "Blocked for another reason"]
    }
}
