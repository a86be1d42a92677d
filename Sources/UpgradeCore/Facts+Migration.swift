extension Facts {
    /// The conditions of a migration: the legacy subscription's state, its mapping to the other
    /// program, its add-ons, and the plan and seats it is to have there. `request.to` is the
    /// equivalent, or the source itself where it has none.
    func migrationConditions(_ terms: MigrationTerms) -> ConditionPoint {
        let commitment = request.commitment, from = request.from
        let equivalent = from.equivalent.flatMap { catalog.offer($0.offer) }
        var point = ConditionPoint()
        point.active = request.status == .active
        point.set(.hasEquivalent, equivalent != nil)
        point.set(.migrationEnabled, equivalent != nil && from.equivalent?.migrationEnabled == true)
        point.set(.trial, commitment.trial)
        point.set(
            .firstMonth,
            terms.started.map { request.asOf < MigrationTerms.firstDayPastFirstMonth(after: $0) } ?? false)
        // Days only: the end day and the day before it hold the term's last 24 hours
        // (interpretation `migration-last-day`). A migration at renewal starts a new term.
        point.set(.lastDay, commitment.timing == .now && (commitment.ends.previousDay ?? .earliest) <= request.asOf)
        point.set(.newTerm, terms.newTerm)
        point.set(.promotion, terms.promotion)
        point.set(.specialSegment, terms.segment != .commercial)
        point.set(.inProgress, terms.inProgress)
        point.set(.addOns, terms.addOns != .none)
        point.set(.addOnsBlock, terms.addOns == .ineligible || terms.addOns == .recent)
        let plan = Plan(term: commitment.toTerm, billing: commitment.toBilling)
        point.set(.billingExceedsTerm, commitment.toBilling.months > commitment.toTerm.months)
        point.set(.planOffered, equivalent?.sale.offers(plan) ?? true)
        point.set(
            .overSeatLimit,
            equivalent.flatMap { target in
                target.sale.maxSeats.map { limit in (commitment.seats?.moved ?? 0) > limit }
            } ?? false)
        point[.timing] = commitment.timing.rawValue
        let led = catalog.program(from.program)?.migration?.microsoftLedFrom
        point.set(.microsoftLed, led.map { request.asOf >= $0 } ?? false)
        return point
    }

    /// What a migration's messages can name.
    func migrationValues(_ terms: MigrationTerms) -> FactValue {
        let route = catalog.program(request.from.program)?.migration
        return .record([
            "started": terms.started.map { .text($0.description) } ?? .absent,
            "canMigrateFrom": terms.started.map { .text(MigrationTerms.firstDayPastFirstMonth(after: $0).description) }
                ?? .absent,
            "newTerm": .flag(terms.newTerm), "promotion": .flag(terms.promotion),
            "segment": .text(terms.segment.rawValue), "addOns": .text(terms.addOns.rawValue),
            "addOnProblem": terms.addOns == .recent
                ? .text("was bought in the last 30 days")
                : terms.addOns == .ineligible ? .text("has no eligible new-commerce equivalent") : .absent,
            "inProgress": .flag(terms.inProgress),
            "microsoftLedFrom": route?.microsoftLedFrom.map { .text($0.description) } ?? .absent,
            "mapping": request.from.equivalent.map { .text($0.source) } ?? .absent,
        ])
    }
}
