import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

extension OfferView {
    /// "Where to go now", on the page of an offer whose program migrates: the migration to its
    /// equivalent as the rule core decides the plain case (`plans`), then each upgrade that case
    /// allows after it, and what to check before migrating.
    func whereToGo(_ plans: (migration: Decision, upgrades: [Decision])) -> [Block] {
        let catalog = context.catalog
        guard let found = catalog.migration(from: offer.program) else { return [] }
        let (route, logic) = (found.route, found.logic)
        let programName = catalog.program(route.to)?.name ?? route.to.rawValue
        var blocks: [Block] = [.heading(level: 2, [.text("Where to go now")], id: "where-to-go")]
        let migration = plans.migration
        let equivalent = migration.request.to.id == offer.id ? nil : migration.request.to
        var lead: [Inline] = [
            .text("New purchases are made in \(programName). A subscription of \(offer.name) moves there by migration ")
        ]
        lead.append(
            .text(
                equivalent == nil
                    ? "to its offer's equivalent, which this site does not name."
                    : "to its equivalent, then by an upgrade there where the customer needs another offer."))
        lead += [
            .text(
                " For the plain case, an active paid commercial subscription more than a month old, with no add-ons "
                    + "or promotion, keeping its term, as of \(context.asOf):")
        ]
        blocks.append(.paragraph(lead))
        var items = [
            LabelledItem(
                content: Self.migrationStep(migration, to: equivalent, program: programName, context: context),
                attributes: [Attribute(Markup.Data.step, MovePlan.Kind.migrate.rawValue)]
                    + (equivalent.map { [Attribute(Markup.Data.offer, $0.id.rawValue)] } ?? [])
                    + [Attribute(Markup.Data.verdict, migration.verdict.rawValue)])
        ]
        for upgrade in plans.upgrades {
            let target = upgrade.request.to
            let added = target.services.filter { !(equivalent?.services.contains($0) ?? false) }
            items.append(
                LabelledItem(
                    content: [
                        .text("Then upgrade to "), .link([.text(target.name)], to: SitePaths.offer(target.id), anchor: nil),
                        .text(added.isEmpty ? ": adds no service" : ": adds " + catalog.serviceNames(added).joinedAsList),
                    ],
                    attributes: [
                        Attribute(Markup.Data.step, MovePlan.Kind.upgrade.rawValue),
                        Attribute(Markup.Data.offer, target.id.rawValue),
                        Attribute(Markup.Data.verdict, upgrade.verdict.rawValue),
                    ]))
        }
        blocks.append(.labelledList(cssClass: Markup.whereToGo, items: items))
        blocks.append(
            .paragraph([
                .text("For a subscription that differs, or another target, "),
                .checkerLink(
                    [.text("ask the checker for the plan")],
                    query: [Attribute("from", offer.id.rawValue)]
                        + (equivalent.map { [Attribute("to", $0.id.rawValue)] } ?? [Attribute("migrate", "1")])),
                .text(". Before migrating, check each of these:"),
            ]))
        blocks.append(
            .list(
                ordered: false,
                items: logic.rules.map { rule in [.text(rule.title + " ("), context.ruleLink(rule.id), .text(")")] }))
        return blocks
    }

    /// The plain case's plan from `offer`: its migration, and each upgrade after it that is eligible, in
    /// the target program's content order.
    static func plans(from offer: Offer, core: RuleCore, asOf: CalendarDate) -> (migration: Decision, upgrades: [Decision]) {
        let plain = Request(from: offer, to: offer, asOf: asOf, migration: MigrationTerms())
        let migration = core.decide(core.migration(of: plain, terms: MigrationTerms()))
        guard migration.request.to.id != offer.id else { return (migration, []) }
        let equivalent = migration.request.to
        let upgrades = core.catalog.offers(in: equivalent.program).filter { $0.id != equivalent.id }.compactMap { target in
            let plan = core.plan(Request(from: offer, to: target, asOf: asOf, migration: MigrationTerms()))
            return plan.steps.count == 2 && plan.steps[1].decision.verdict == .eligible ? plan.steps[1].decision : nil
        }
        return (migration, upgrades)
    }

    private static func migrationStep(
        _ migration: Decision, to equivalent: Offer?, program: String, context: ViewContext
    ) -> [Inline] {
        guard let equivalent else {
            let reason = migration.reasons.first
            return [.text("No \(program) equivalent is named: " + (reason?.remedy ?? "check the offer matrix."))]
        }
        var inlines: [Inline] = [
            .text("Migrate to "), .link([.text(equivalent.name)], to: SitePaths.offer(equivalent.id), anchor: nil),
            .text(" (\(program)): "),
        ]
        if migration.verdict == .eligible {
            inlines.append(.text("allowed"))
        } else {
            inlines.append(.text("blocked: " + migration.reasons.map(\.message).joined(separator: " ")))
        }
        return inlines
    }
}
