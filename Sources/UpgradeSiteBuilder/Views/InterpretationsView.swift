import UpgradeCore
import UpgradeSiteContract

/// Every interpretation in full: where the Partner Center page is ambiguous, the decision
/// this site follows, why, and what it affects. Each page an interpretation affects carries
/// a note that links here, to its anchor.
struct InterpretationsView {
    let context: ViewContext

    func page() -> Page {
        var blocks: [Block] = [
            .paragraph([
                .text(
                    "The Partner Center page these pages follow leaves some questions open. For each, this "
                        + "site takes one decision and applies it everywhere: in the matrices, the role guides, "
                        + "the checker and the decision tables.")
            ])
        ]
        for interpretation in context.catalog.interpretations {
            blocks += [
                .heading(level: 2, [.text(interpretation.title)], id: SitePaths.anchor(of: interpretation.id)),
                .paragraph([.strong([.text("Question")]), .text(": " + interpretation.question)]),
                .paragraph([.strong([.text("Source")]), .text(": ")] + context.cite(interpretation.source) + [.text(".")]),
                .paragraph([.strong([.text("Decision")]), .text(": " + interpretation.decision)]),
                .paragraph([.strong([.text("Why")]), .text(": " + interpretation.rationale)]),
                .paragraph([.strong([.text("Affects")]), .text(": ")] + affects(interpretation)),
            ]
        }
        return Page(
            path: SitePaths.interpretations, kind: .page, title: "Interpretations",
            summary: "Where the source page is ambiguous: the decision these pages follow, and why.",
            facts: [context.asOfFact], blocks: blocks)
    }

    private func affects(_ interpretation: Interpretation) -> [Inline] {
        interpretation.affects.enumerated().flatMap { index, subject -> [Inline] in
            let separator: [Inline] = index > 0 ? [.text(", ")] : []
            switch subject {
            case .rule(let id):
                return separator + [context.ruleLink(id)]
            case .role(let id):
                return separator + [
                    .link(
                        [.text(context.catalog.role(id)?.name ?? id.rawValue)],
                        to: SitePaths.role(id), anchor: nil)
                ]
            case .advisory(let code):
                return separator + [.code(code.rawValue)]
            case .footnote(let id):
                return separator + [.text("footnote " + (context.catalog.footnote(id)?.mark ?? id.rawValue))]
            case .offer(let id):
                return separator + [
                    .link([.text(context.catalog.offer(id)?.name ?? id.rawValue)], to: SitePaths.offer(id), anchor: nil)
                ]
            }
        }
    }
}
