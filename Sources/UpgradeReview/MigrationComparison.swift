import UpgradeCore

/// Migrations whose answers change: every offer both models have in a program that migrates in
/// both, asked each telling migration (`MigrationTerms.tellingCases`) with both statuses. The
/// first that answers differently is the offer's change, as the simplest request that shows it.
/// A changed equivalent with the same answer is a model change (`offer-equivalent`), not this.
struct MigrationComparison {
    let base: Catalog
    let head: Catalog
    let asOf: CalendarDate

    func run() -> [DecisionChange] {
        let (before, after) = (RuleCore(catalog: base), RuleCore(catalog: head))
        var changes: [DecisionChange] = []
        for program in head.programs where program.migration != nil && base.program(program.id)?.migration != nil {
            for offer in head.offers(in: program.id) {
                guard let old = base.offer(offer.id), old.program == offer.program else { continue }
                change: for status in [SubscriptionStatus.active, .suspended] {
                    for (commitment, terms) in MigrationTerms.tellingCases(asOf: asOf) {
                        let asked = { (source: Offer, core: RuleCore) in
                            core.migration(
                                of: Request(from: source, to: source, status: status, asOf: asOf, commitment: commitment),
                                terms: terms)
                        }
                        let request = asked(offer, after)
                        let was = Outcome(before.decide(asked(old, before))), now = Outcome(after.decide(request))
                        guard was != now else { continue }
                        changes.append(DecisionChange(request: request, before: was, after: now))
                        break change
                    }
                }
            }
        }
        return changes
    }
}
