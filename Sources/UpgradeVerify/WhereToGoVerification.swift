import UpgradeCore
import UpgradeSiteContract

/// "Where to go now" on the page of an offer whose program migrates, read back against the rule
/// core: the migration to the offer's equivalent as the plain case decides it, then each upgrade
/// a plan allows after it, in the target program's content order.
struct WhereToGoVerification {
    let catalog: Catalog
    let core: RuleCore
    let asOf: CalendarDate

    /// A step as the page must show it: its kind, the offer it goes to, its verdict.
    struct Step: Equatable, CustomStringConvertible {
        let kind: String
        let offer: String?
        let verdict: String

        var description: String { "\(kind) \(offer ?? "nowhere") \(verdict)" }
    }

    /// The steps the plain case gives, worked out here from `RuleCore.plan`: nil for an offer whose
    /// program does not migrate.
    func expected(for offer: Offer) -> [Step]? {
        guard let route = catalog.program(offer.program)?.migration else { return nil }
        let plain = Request(from: offer, to: offer, asOf: asOf, migration: MigrationTerms())
        let first = core.plan(plain).steps[0].decision
        let equivalent = offer.equivalent.flatMap { catalog.offer($0.offer) }
        var steps = [Step(kind: "migrate", offer: equivalent?.id.rawValue, verdict: first.verdict.rawValue)]
        guard let equivalent else { return steps }
        for target in catalog.offers(in: route.to) where target.id != equivalent.id {
            let plan = core.plan(Request(from: offer, to: target, asOf: asOf, migration: MigrationTerms()))
            guard plan.steps.count == 2, plan.steps[1].decision.verdict == .eligible else { continue }
            steps.append(Step(kind: "upgrade", offer: target.id.rawValue, verdict: Verdict.eligible.rawValue))
        }
        return steps
    }

    /// The HTML list `ul.where-to-go`, by its items' `data-step`, `data-offer` and `data-verdict`.
    func verify(_ offer: Offer, html page: HTMLElement, file: String, _ report: inout Tally) {
        let items = HTMLListReader.items(in: page, listClass: Markup.whereToGo)
        guard let wanted = expected(for: offer) else {
            if items != nil {
                report.fail(
                    .offerPage, "\(offer.id): the page says where to go now, but its program does not migrate", file: file,
                    line: 1)
            }
            return
        }
        guard let items else {
            report.fail(.offerPage, "\(offer.id): no list of where to go now (ul.where-to-go)", file: file, line: 1)
            return
        }
        let shown = items.map {
            Step(
                kind: $0.attributes[Markup.Data.step] ?? "", offer: $0.attributes[Markup.Data.offer],
                verdict: $0.attributes[Markup.Data.verdict] ?? "")
        }
        if shown != wanted {
            report.fail(
                .offerPage,
                "\(offer.id): where to go now shows \(shown.map(\.description).joined(separator: "; ")); the rule core "
                    + "plans \(wanted.map(\.description).joined(separator: "; "))", file: file, line: items.first?.line ?? 1)
        }
        for (item, step) in zip(items, wanted) {
            guard let id = step.offer, let target = catalog.offer(OfferID(id)) else { continue }
            let words = step.kind == "migrate" ? "Migrate to \(target.name)" : "Then upgrade to \(target.name)"
            if !item.text.hasPrefix(Perceived.collapse(words)) {
                report.fail(.offerPage, "\(offer.id): the step to \(id) reads '\(item.text)'", file: file, line: item.line)
            }
        }
    }

    /// The Markdown list under "Where to go now": the steps, then the migration's checks, one per rule.
    func verify(_ offer: Offer, markdown lines: [Substring], file: String, _ report: inout Tally) {
        let items = MarkdownTableReader.items(under: "Where to go now", in: lines)
        guard let wanted = expected(for: offer), let logic = catalog.migration(from: offer.program)?.logic else {
            if items != nil {
                report.fail(
                    .offerPage, "\(offer.id): the Markdown says where to go now, but its program does not migrate", file: file,
                    line: 1)
            }
            return
        }
        let plain = (items ?? []).map { Perceived.collapse(MarkdownInline.plain($0)) }
        let program = catalog.program(catalog.migration(from: offer.program)?.route.to ?? offer.program)?.name ?? ""
        let expectedWords = wanted.map { step -> String in
            guard let id = step.offer, let target = catalog.offer(OfferID(id)) else { return "No " }
            guard step.kind == "migrate" else { return Perceived.collapse("Then upgrade to \(target.name)") }
            let verdict = step.verdict == Verdict.eligible.rawValue ? "allowed" : "blocked"
            return Perceived.collapse("Migrate to \(target.name) (\(program)): \(verdict)")
        }
        let checks = logic.rules.map { Perceived.collapse($0.title) }
        let steps = Array(plain.prefix(wanted.count)), listed = Array(plain.dropFirst(wanted.count))
        let stepsRead = zip(steps, expectedWords).allSatisfy { $0.hasPrefix($1) } && steps.count == wanted.count
        let checksRead = listed.count == checks.count && zip(listed, checks).allSatisfy { $0.hasPrefix($1) }
        if !stepsRead || !checksRead {
            report.fail(
                .offerPage,
                "\(offer.id): the Markdown's where to go now lists \(plain.count) items; the rule core plans "
                    + "\(wanted.count) steps and the migration has \(checks.count) checks", file: file, line: 1)
        }
    }
}
