import UpgradeCore
import UpgradeReview

extension Review {
    /// The review for a terminal: what changes for customers first, then why.
    func text(_ explain: ExplainLine) -> String {
        var lines = ["upgradedocs diff: \(base) → \(head), as of \(asOf)", ""]
        guard !isEmpty else {
            lines.append("No change: both models decide every request alike, say the same things, and build the same site.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines += summary.map { "  " + $0 }
        if !model.isEmpty {
            lines += ["", "Model (\(model.count))"]
            lines += model.map { "  \($0.change.rawValue) \($0.kind) \($0.id): \($0.detail)" }
        }
        if !cells.isEmpty {
            lines += ["", "Matrix cells (\(cells.count)), for an active subscription with no other holdings"]
            lines += cells.map { cell in
                "  \(name(cell.from)) → \(name(cell.to)) [\(cell.program)]: \(cell.before.words) → \(cell.after.words)"
            }
        }
        if !decisions.isEmpty {
            lines += ["", "Decisions (\(decisions.count)), each with the simplest request that shows it"]
            for change in decisionsByImpact {
                lines.append(
                    "  \(change.request.from.name) → \(change.request.migration == nil ? "" : "migrated to ")"
                        + "\(change.request.to.name): "
                        + "\(change.before.words) → \(change.after.words)")
                lines.append("    " + explain(change.request))
            }
        }
        if !pages.isEmpty {
            lines += ["", "Site files a build would change (\(pages.count))"]
            lines += pages.map { "  \($0.change.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \($0.path)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A few sentences a reviewer reads first.
    var summary: [String] {
        let pairs = pairsChanged
        var lines: [String] = []
        if pairs.all == 0 {
            lines.append("No decision changes: every request is answered as before.")
        } else {
            let rules = pairs.byRule.map { "\($0.rule.id) (\($0.rule.code.rawValue)) for \(count($0.pairs, "pair"))" }
            let verdicts = Set(
                decisions.filter { $0.before.verdict != $0.after.verdict }
                    .map { [$0.request.from.id, $0.request.to.id] }
            ).count
            lines.append(
                "\(count(pairs.all, "pair")) of offers \(pairs.all == 1 ? "answers" : "answer") differently for "
                    + "some request, \(verdicts) with a new verdict. Rules that flip: \(rules.joined(separator: ", ")).")
        }
        func verb(_ number: Int) -> String { number == 1 ? "changes" : "change" }
        lines.append(
            "\(count(cells.count, "matrix cell")) \(verb(cells.count)); "
                + "\(count(model.count, "model entry", "model entries")) \(verb(model.count)); "
                + "\(count(pages.count, "site file")) would change.")
        return lines
    }

    /// The changes that turn a verdict first, as a reviewer weighs them; otherwise in pair order.
    var decisionsByImpact: [DecisionChange] {
        decisions.filter { $0.before.verdict != $0.after.verdict } + decisions.filter { $0.before.verdict == $0.after.verdict }
    }

    func name(_ offer: OfferID) -> String { catalog.offer(offer)?.name ?? offer.rawValue }

    func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }
}
