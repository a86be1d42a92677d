import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The upgrade checker: any question an agent gets, answered in the browser by
/// the rule core's second implementation (`assets/checker.js`). The form and
/// the answer are the template's; this view writes how to ask, which the
/// Markdown twin gives on its own, with `explain` for the command line.
struct CheckerView {
    let context: ViewContext

    /// How the checker reads a name, with the model's own first rename and different product as
    /// the examples, so the page cannot state a name the model does not hold.
    private var namesParagraph: [Inline] {
        let catalog = context.catalog
        var text =
            "An offer answers to its id, its official name, the other names listed on its page, and the official "
            + "names it had before a rename"
        if let offer = catalog.offers.first(where: { !$0.formerly.isEmpty }), let former = offer.formerly.first {
            text += ": \"\(former.name)\" asks about \(offer.name), its name since \(former.renamed), and the answer says so"
        }
        text += ". Nothing else is taken for an offer; a name close to one gets a suggestion, not an answer."
        if let product = catalog.differentProducts.first, let offer = catalog.offer(product.confusedWith) {
            text +=
                " A product the site knows to be different (\"\(product.name)\" is not \(offer.name)) is refused, "
                + "naming the offer it is taken for."
        }
        return [.text(text + " "), .htmlLink([.text("The offers")], to: SitePaths.offers), .text(" list every name.")]
    }

    /// What the caution mark means, for each advice that carries one, with its conditions' words.
    private var cautionParagraph: [Block] {
        context.catalog.advisories.compactMap { advice in
            advice.caution.map { caution in
                .paragraph([
                    .strong([.text("✓\(Markup.cautionMark) Eligible, with caution")]),
                    .text(
                        ": the upgrade is listed and nothing blocks it, but \(advice.words.lowercased()) "
                            + "(advice \(advice.code)): \(caution). The same mark stands beside the ✓ in the "
                            + "matrices; a plain ✓ has no such caution."),
                ])
            }
        }
    }

    func page() -> Page {
        let catalog = context.catalog
        let example = catalog.offers.first { !catalog.paths(from: $0.id).isEmpty }
        var blocks: [Block] =
            [
                .heading(level: 2, [.text("How to ask")], id: "how-to-ask"),
                .list(
                    ordered: true,
                    items: [
                        [
                            .strong([.text("Current offer")]),
                            .text(
                                ": the subscription the customer has now, by official name, "
                                    + "id, a name people use (\"E3\", \"Business Basic\") or a former name. "
                                    + "Case, spacing and punctuation do not matter."),
                        ],
                        [.strong([.text("Upgrade to")]), .text(": the offer they want.")],
                        [.strong([.text("Subscription status")]), .text(": only an active subscription can be upgraded.")],
                        [
                            .strong([.text("Other subscriptions")]),
                            .text(
                                ": every other subscription the customer has, and "
                                    + "whether it was bought through you or another partner "
                                    + "or channel; these decide UPG-4 and UPG-5."),
                        ],
                        [
                            .strong([.text("As of")]),
                            .text(": the day to decide on; it starts at the site's date, \(context.asOf)."),
                        ],
                    ]),
                .heading(level: 2, [.text("How names are read")], id: "names"),
                .paragraph(namesParagraph),
                .heading(level: 2, [.text("The answer")], id: "the-answer"),
                .paragraph([
                    .text(
                        "The answer gives the verdict, every reason in rule order with what to do, and any advice. "
                            + "Copy its one-line summary into a ticket, or share the link to the exact question: "
                            + "opening it shows the same answer.")
                ]),
            ] + cautionParagraph + [
                .heading(level: 2, [.text("Without the checker")], id: "without"),
                .paragraph(
                    [
                        .text(
                            "The checker runs in the browser, from this folder or any web server, with nothing "
                                + "downloaded. Where scripts are off, the ")
                    ]
                        + context.programs.map { program in
                            Inline.link([.text("\(program.name) matrix")], to: SitePaths.matrix(program.id), anchor: nil)
                        } + [
                            .text(" answers an active subscription with no other subscriptions, and the "),
                            .link([.text("role guides")], to: SitePaths.index, anchor: "roles"),
                            .text(" walk through every check."),
                        ]),
                .paragraph([
                    .text("On the command line, "), .code("upgradedocs explain"),
                    .text(" gives the same answers, in the same words:"),
                ]),
            ]
        if let example, let target = catalog.paths(from: example.id).first?.to {
            blocks.append(
                .command(
                    "upgradedocs explain --from \(example.id) --to \(target) --holds "
                        + "OFFER@other --as-of \(context.asOf)"))
            blocks.append(
                .paragraph([
                    .text("Open the checker with a question in its address: "),
                    .htmlLink([.text("the checker")], to: SitePaths.checker),
                    .text(", or, for example, "),
                    .checkerLink(
                        [.text("\(example.name) to \(catalog.offer(target)?.name ?? target.rawValue)")],
                        query: [
                            Attribute("from", example.id.rawValue),
                            Attribute("to", target.rawValue),
                        ]),
                    .text(". The address takes "), .code("from"), .text(", "), .code("to"),
                    .text(", "), .code("status"), .text(", "), .code("holds"),
                    .text(" (comma-separated, "), .code("ID@other"),
                    .text(" for another channel) and "), .code("asOf"), .text("."),
                ]))
        }
        return Page(
            path: SitePaths.checker, kind: .checker, title: "Check an upgrade",
            summary: "Ask about one subscription: any status, any other subscriptions, any day.",
            facts: [context.asOfFact], blocks: blocks)
    }
}
