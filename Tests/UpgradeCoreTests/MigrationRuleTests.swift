import Testing
import UpgradeCore

/// The migration rules (migration-rules.yaml), one test per sourced fact they rest on: the facts
/// of the research notes on new commerce, by number (86–111), and the contradictions (C8, C15,
/// C16) where the rule takes a side.
@Suite("Migration: the rules say what Microsoft's migration pages say")
struct MigrationRuleTests {
    static let day = CalendarDate(year: 2026, month: 12, day: 1)!
    static let basic = "m365-business-basic", premium = "m365-business-premium", e1 = "o365-e1"
    static let apps = "m365-apps-business"

    static func migrate(
        _ from: String, status: SubscriptionStatus = .active, asOf: CalendarDate = day, in catalog: Catalog = SeedModel.catalog,
        _ terms: MigrationTerms = MigrationTerms(), _ commitment: (CalendarDate) -> Commitment = { Commitment(asOf: $0) }
    ) -> Decision {
        let core = RuleCore(catalog: catalog), source = catalog.offer(OfferID(from))!
        let asked = Request(from: source, to: source, status: status, asOf: asOf, commitment: commitment(asOf), migration: terms)
        return core.decide(core.migration(of: asked, terms: terms))
    }

    static func codes(_ decision: Decision) -> [String] { decision.reasonCodes.map(\.rawValue) }

    static func plan(_ from: String, _ to: String, _ commitment: (CalendarDate) -> Commitment = { Commitment(asOf: $0) })
        -> MovePlan
    {
        let catalog = SeedModel.catalog
        return RuleCore(catalog: catalog).plan(
            Request(
                from: catalog.offer(OfferID(from))!, to: catalog.offer(OfferID(to))!, asOf: day, commitment: commitment(day),
                migration: MigrationTerms()))
    }

    /// The seed model with one new-commerce offer sold only on `plans`.
    static func catalog(selling id: String, on plans: [Plan]) throws -> Catalog {
        let seed = SeedModel.catalog
        return try Catalog(
            programs: seed.programs, regions: seed.regions, services: seed.services,
            offers: seed.offers.map { offer in
                guard offer.id.rawValue == id else { return offer }
                return Offer(
                    id: offer.id, name: offer.name, program: offer.program, services: offer.services,
                    sale: Sale(plans: plans, source: "Pricing and offers"), equivalent: offer.equivalent)
            }, paths: seed.paths, footnotes: seed.footnotes, rules: seed.logic.rules, advisories: seed.logic.advisories,
            roles: seed.roles, portalSteps: seed.portalSteps, interpretations: seed.interpretations, examples: [],
            ruleSets: seed.ruleSets, migrationSets: seed.migrationSets)
    }

    @Test("A migration goes to the offer's equivalent only and keeps the term, billing and seats (facts 94, 99, 103)")
    func migratesToEquivalent() {
        let decision = Self.migrate(Self.basic)
        #expect(decision.verdict == .eligible)
        #expect(decision.request.to.id.rawValue == "nce-m365-business-basic")
        #expect(
            decision.advisories.map(\.code.rawValue) == [
                "migration-keeps-term", "legacy-suspended-while-migrating", "migration-cancellation-window",
                "microsoft-led-migration",
            ])
        #expect(decision.advisories[0].message.contains("to 2027-12-01, on P1Y billed monthly"))
    }

    @Test("Only an active subscription migrates (facts 91, 93: 900215)")
    func onlyActive() {
        for status in SubscriptionStatus.allCases where status != .active {
            let decision = Self.migrate(Self.basic, status: status)
            #expect(Self.codes(decision) == ["subscription-not-active"], "\(status)")
            #expect(decision.reasons[0].remedy.contains(status == .suspended ? "reactivate" : "cannot migrate"))
        }
    }

    @Test("An offer with no new-commerce equivalent cannot migrate, and no plan goes past it (facts 91, 107: 900220)")
    func noEquivalent() {
        let decision = Self.migrate(Self.apps)
        #expect(Self.codes(decision) == ["no-new-commerce-equivalent"])
        #expect(decision.reasons[0].remedy.contains("NCE Mapping tab"))
        let plan = Self.plan(Self.apps, "nce-m365-business-standard")
        #expect(plan.steps.map(\.kind) == [.migrate])
        #expect(plan.verdict == .blocked)
    }

    @Test("An offer the mapping does not enable for migration moves by hand (facts 89, 90; C15)")
    func manualMigration() {
        let decision = Self.migrate(Self.e1)
        #expect(Self.codes(decision) == ["migration-not-enabled"])
        #expect(decision.reasons[0].remedy.contains("buy the new-commerce equivalent, reassign the licenses"))
    }

    @Test("A trial does not migrate (fact 91)")
    func trials() {
        #expect(Self.codes(Self.migrate(Self.basic) { Commitment(asOf: $0, trial: true) }) == ["trial-not-migratable"])
    }

    @Test("A subscription active for a month or less waits until the day after its first month (facts 91, 93: 900226)")
    func firstMonth() {
        let started = CalendarDate(year: 2026, month: 11, day: 1)!
        let terms = MigrationTerms(started: started)
        let blocked = Self.migrate(Self.basic, terms)
        #expect(Self.codes(blocked) == ["active-one-month-or-less"])
        #expect(blocked.reasons[0].remedy.contains("Wait until 2026-12-02"))
        #expect(Self.migrate(Self.basic, asOf: CalendarDate(year: 2026, month: 12, day: 2)!, terms).verdict == .eligible)
    }

    @Test("In the term's last 24 hours a migration must start a new full term; at renewal it may wait (facts 91, 104: 900217)")
    func lastDay() {
        let tomorrow = CalendarDate(year: 2026, month: 12, day: 2)!
        let ending = { (asOf: CalendarDate) in Commitment(asOf: asOf, ends: tomorrow) }
        #expect(Self.codes(Self.migrate(Self.basic, MigrationTerms(), ending)) == ["term-ends-within-a-day"])
        let renewed = Self.migrate(Self.basic, MigrationTerms(newTerm: true), ending)
        #expect(renewed.verdict == .eligible)
        #expect(renewed.advisories.first?.code.rawValue == "migration-starts-new-term")
        let atRenewal = Self.migrate(Self.basic, MigrationTerms()) { Commitment(asOf: $0, timing: .renewal, ends: tomorrow) }
        #expect(atRenewal.advisories.map(\.code.rawValue).contains("migration-at-renewal"))
        let twoDays = Self.migrate(Self.basic) { Commitment(asOf: $0, ends: CalendarDate(year: 2026, month: 12, day: 3)!) }
        #expect(twoDays.verdict == .eligible)
    }

    @Test("A subscription with a promotion, or bought with one, does not migrate (facts 91, 93: 900218)")
    func promotions() {
        #expect(Self.codes(Self.migrate(Self.basic, MigrationTerms(promotion: true))) == ["promotion-applied"])
    }

    @Test("Education, government and nonprofit subscriptions stay in legacy (facts 91, 111; C8)")
    func segments() {
        for segment in Segment.allCases {
            let codes = Self.codes(Self.migrate(Self.basic, MigrationTerms(segment: segment)))
            #expect(codes == (segment == .commercial ? [] : ["segment-not-migratable"]), "\(segment)")
        }
    }

    @Test("A migration already being processed blocks another (fact 93: 900216)")
    func inProgress() {
        #expect(Self.codes(Self.migrate(Self.basic, MigrationTerms(inProgress: true))) == ["migration-in-progress"])
    }

    @Test("Add-ons migrate as one bundle: one that cannot, or one bought in the last 30 days, keeps all back (facts 97, 98)")
    func addOnBundle() {
        let recent = Self.migrate(Self.basic, MigrationTerms(addOns: .recent))
        #expect(Self.codes(recent) == ["add-on-not-migratable"])
        #expect(recent.reasons[0].message.contains("was bought in the last 30 days"))
        #expect(recent.reasons[0].remedy.contains("Wait until"))
        let ineligible = Self.migrate(Self.basic, MigrationTerms(addOns: .ineligible))
        #expect(ineligible.reasons[0].remedy.contains("Cancel or move by hand"))
        let together = Self.migrate(Self.basic, MigrationTerms(addOns: .eligible))
        #expect(together.verdict == .eligible)
        #expect(together.advisories.map(\.code.rawValue).contains("add-ons-migrate-together"))
    }

    @Test("The term and billing asked for must be a combination the equivalent sells (facts 92, 94: 900222)")
    func termAndBilling() throws {
        let monthlyAnnual = Self.migrate(Self.basic) { Commitment(asOf: $0, toTerm: .month, toBilling: .annual) }
        #expect(Self.codes(monthlyAnnual) == ["billing-exceeds-term"])
        let catalog = try Self.catalog(selling: "nce-m365-business-basic", on: [Plan(term: .year, billing: .monthly)])
        let triennial = Self.migrate(Self.basic, in: catalog) { Commitment(asOf: $0, toTerm: .threeYears, toBilling: .annual) }
        #expect(Self.codes(triennial) == ["term-not-offered"])
        #expect(triennial.reasons[0].remedy.contains("P1Y/monthly"))
    }

    @Test("Small-business offers keep their 300-seat limit on migration (fact 102)")
    func seatLimit() {
        let over = Self.migrate(Self.premium) { Commitment(asOf: $0, seats: Seats(moved: 301, held: 301)) }
        #expect(Self.codes(over) == ["target-seat-limit"])
        #expect(Self.migrate(Self.premium) { Commitment(asOf: $0, seats: Seats(moved: 300, held: 320)) }.verdict == .eligible)
    }

    @Test("Every blocking reason is given, in rule order (fact 93: 900221, one or more of these)")
    func everyReason() {
        let decision = Self.migrate(
            Self.premium, status: .suspended, MigrationTerms(promotion: true, addOns: .recent)
        ) { Commitment(asOf: $0, trial: true, seats: Seats(moved: 400, held: 400)) }
        #expect(
            Self.codes(decision) == [
                "subscription-not-active", "trial-not-migratable", "promotion-applied", "add-on-not-migratable",
                "target-seat-limit",
            ])
        #expect(decision.advisories.map(\.code.rawValue) == ["microsoft-led-migration"])
    }

    @Test("From 2024 Microsoft itself migrates at renewal, to an annual term; the advice says so only from then (fact 109; C16)")
    func microsoftLed() {
        let before = Self.migrate(Self.basic, asOf: CalendarDate(year: 2023, month: 12, day: 31)!)
        #expect(!before.advisories.map(\.code.rawValue).contains("microsoft-led-migration"))
        let from = Self.migrate(Self.basic, asOf: CalendarDate(year: 2024, month: 1, day: 1)!)
        #expect(from.advisories.last?.message.contains("to an annual term with the same billing and seats") == true)
    }

    @Test("To reach another new-commerce offer: migrate first, then upgrade; the plan is eligible only when both are (fact 103)")
    func migrateThenUpgrade() {
        let plan = Self.plan(Self.basic, "nce-m365-business-standard")
        #expect(plan.steps.map(\.kind) == [.migrate, .upgrade])
        #expect(plan.steps.map(\.decision.request.to.id.rawValue) == ["nce-m365-business-basic", "nce-m365-business-standard"])
        #expect(plan.verdict == .eligible)
        // The upgrade is decided on the subscription the migration leaves: its seats meet the target's limit.
        let seats = Self.plan(Self.basic, "nce-m365-business-premium") {
            Commitment(asOf: $0, seats: Seats(moved: 301, held: 301))
        }
        #expect(seats.steps.map { Self.codes($0.decision) } == [[], ["path-not-supported", "target-seat-limit"]])
        #expect(seats.reasons.map(\.code.rawValue) == ["path-not-supported", "target-seat-limit"])
        #expect(seats.verdict == .blocked)
    }

    @Test(
        "The new subscription keeps the legacy term's end, or starts a new term; a shorter term ends within its length (facts 94, 96)"
    )
    func termAfterMigration() {
        let end = CalendarDate(year: 2027, month: 5, day: 10)!
        let kept = Self.plan(Self.basic, "nce-m365-business-standard") { Commitment(asOf: $0, ends: end) }
        #expect(kept.steps[1].decision.request.commitment.ends == end)
        let monthly = Self.plan(Self.basic, "nce-m365-business-standard") {
            Commitment(asOf: $0, toTerm: .month, ends: end)
        }
        #expect(monthly.steps[1].decision.request.commitment.ends == CalendarDate(year: 2027, month: 1, day: 1)!)
        #expect(monthly.steps[1].decision.request.commitment.term == .month)
    }
}
