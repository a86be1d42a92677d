/// A question across programs answered as steps: migrate the subscription to its equivalent,
/// then upgrade that to the target. Each step is decided by its own program's rules, with the
/// commitment the step before leaves.
package struct MovePlan: Hashable, Sendable {
    package enum Kind: String, Sendable {
        case migrate, upgrade
    }

    package struct Step: Hashable, Sendable {
        package let kind: Kind
        package let decision: Decision
    }

    /// In order; a source with no equivalent has the migration step alone, which says why.
    package let steps: [Step]

    /// Eligible exactly when every step is.
    package var verdict: Verdict { steps.allSatisfy { $0.decision.verdict == .eligible } ? .eligible : .blocked }
    package var reasons: [Reason] { steps.flatMap(\.decision.reasons) }
    package var advisories: [Advisory] { steps.flatMap(\.decision.advisories) }
}

extension RuleCore {
    /// Whether a request from one program to another is one a migration bridges: the source's
    /// program migrates to the target's.
    package func crossesByMigration(from source: Offer, to target: Offer) -> Bool {
        catalog.program(source.program)?.migration?.to == target.program
    }

    /// The migration of `request.from` to its equivalent, as `request` says it is to be done.
    package func migration(of request: Request, terms: MigrationTerms) -> Request {
        let equivalent = request.from.equivalent.flatMap { catalog.offer($0.offer) }
        return Request(
            from: request.from, to: equivalent ?? request.from, status: request.status, asOf: request.asOf,
            commitment: request.commitment, migration: terms)
    }

    /// The plan for a request that migrates (`request.migration` is set): the migration to the
    /// source's equivalent, then the upgrade to `request.to` where that is another offer.
    package func plan(_ request: Request) -> MovePlan {
        let terms = request.migration ?? MigrationTerms()
        let migration = migration(of: request, terms: terms)
        let first = MovePlan.Step(kind: .migrate, decision: decide(migration))
        guard request.from.equivalent != nil, migration.to.id != request.to.id else { return MovePlan(steps: [first]) }
        let upgrade = Request(
            from: migration.to, to: request.to, status: .active, asOf: request.asOf,
            commitment: Self.commitmentAfter(migration, terms: terms))
        return MovePlan(steps: [first, MovePlan.Step(kind: .upgrade, decision: decide(upgrade))])
    }

    /// The new subscription a migration leaves: paid, auto-renewing, on the plan and seats the
    /// migration asked for. It keeps the legacy term's end unless a new term starts or the term
    /// changes; a shorter term then ends within its length (interpretation `migration-then-upgrade`).
    static func commitmentAfter(_ migration: Request, terms: MigrationTerms) -> Commitment {
        let asked = migration.commitment
        // A migration at renewal starts its new term when the legacy one ends.
        let start = asked.timing == .renewal ? asked.ends : migration.asOf
        let fresh = start.adding(months: asked.toTerm.months)
        let ends =
            terms.newTerm || asked.timing == .renewal
            ? fresh : asked.toTerm == asked.term ? asked.ends : min(asked.ends, fresh)
        return Commitment(
            asOf: migration.asOf, term: asked.toTerm, billing: asked.toBilling,
            seats: asked.seats.map { Seats(moved: $0.moved, held: $0.moved) }, ends: ends)
    }
}
