import UpgradeReview
import UpgradeSiteBuilder

extension Review {
    /// The review as a pull-request comment: the summary, then each list folded.
    /// Long lists stop at `shown` rows, so the comment stays within what GitHub accepts.
    func markdown(_ explain: ExplainLine, shown: Int = 100) -> String {
        var out = "### Model change review: \(code(base)) → \(code(head))\n\n"
        guard !isEmpty else {
            return out + "No change: both models decide every request alike, say the same things, and build the same site.\n"
        }
        out += summary.map(escaped).joined(separator: " ") + " Decided as of \(asOf).\n"
        if !model.isEmpty {
            out += folded(
                "Model: \(count(model.count, "entry", "entries"))", ["Change", "Kind", "Id", "Detail"],
                model.map { [$0.change.rawValue, $0.kind, code($0.id), escaped($0.detail)] }, shown: shown)
        }
        if !cells.isEmpty {
            out += folded(
                "Matrix cells: \(cells.count)", ["Program", "From", "To", "Before", "After"],
                cells.map { cell in
                    [
                        escaped(cell.program.rawValue), escaped(name(cell.from)), escaped(name(cell.to)),
                        cell.before.words, cell.after.words,
                    ]
                }, shown: shown)
        }
        if !decisions.isEmpty {
            out += folded(
                "Decisions: \(decisions.count)", ["From", "To", "Before", "After", "Ask"],
                decisionsByImpact.map { change in
                    [
                        escaped(change.request.from.name),
                        (change.request.migration == nil ? "" : "migrated to ") + escaped(change.request.to.name),
                        change.before.words,
                        change.after.words, code(explain(change.request)),
                    ]
                }, shown: shown)
        }
        if !pages.isEmpty {
            out += folded(
                "Site files: \(pages.count)", ["Change", "File"],
                pages.map { [$0.change.rawValue, code($0.path)] }, shown: shown)
        }
        return out
    }

    private func folded(_ title: String, _ header: [String], _ rows: [[String]], shown: Int) -> String {
        var out = "\n<details><summary>\(escaped(title))</summary>\n\n"
        out += "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
        out += rows.prefix(shown).map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
        if rows.count > shown {
            out += "\n…and \(rows.count - shown) more; run \(code("upgradedocs diff --base " + base)) to see them all.\n"
        }
        return out + "\n</details>\n"
    }

    /// Text from the content, safe in a table cell: no HTML, no cell break, no Markdown emphasis.
    private func escaped(_ text: String) -> String { MarkdownRenderer.escape(text) }

    /// A code span that no backtick or cell break in `text` can end early.
    private func code(_ text: String) -> String { MarkdownRenderer.code(text, inCell: true) }
}
