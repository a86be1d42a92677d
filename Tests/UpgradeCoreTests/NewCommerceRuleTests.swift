import Testing
import UpgradeCore

/// The new-commerce rules (new-commerce-rules.yaml), one test per sourced fact they rest on. The
/// facts are those of the research notes on new commerce, by number; each test says which.
@Suite("New commerce: the rules say what Microsoft's pages say")
struct NewCommerceRuleTests {
    static let day = CalendarDate(year: 2026, month: 12, day: 1)!

    static func decide(
        _ from: String, _ to: String, status: SubscriptionStatus = .active, holds: [(String, Channel)] = [],
        in catalog: Catalog = SeedModel.catalog, _ commitment: (CalendarDate) -> Commitment = { Commitment(asOf: $0) }
    ) -> Decision {
        let offer = { (id: String) in catalog.offer(OfferID(id))! }
        return RuleCore(catalog: catalog).decide(
            Request(
                from: offer(from), to: offer(to), status: status,
                holdings: holds.map { Holding(offer: offer($0.0), channel: $0.1) }, asOf: day, commitment: commitment(day)))
    }

    /// The seed model with one offer's sale facts replaced.
    static func catalog(selling id: String, as sale: Sale) throws -> Catalog {
        let seed = SeedModel.catalog
        return try Catalog(
            programs: seed.programs, regions: seed.regions, services: seed.services,
            offers: seed.offers.map { offer in
                guard offer.id.rawValue == id else { return offer }
                return Offer(
                    id: offer.id, name: offer.name, program: offer.program, region: offer.region, variantOf: offer.variantOf,
                    services: offer.services, aliases: offer.aliases, formerly: offer.formerly, sale: sale)
            }, paths: seed.paths, footnotes: seed.footnotes, rules: seed.logic.rules, advisories: seed.logic.advisories,
            roles: seed.roles, portalSteps: seed.portalSteps, interpretations: seed.interpretations, examples: [],
            tables: seed.tables, ruleSets: seed.ruleSets)
    }

    static let basic = "nce-m365-business-basic", standard = "nce-m365-business-standard"
    static let premium = "nce-m365-business-premium", e1 = "nce-o365-e1"

    @Test("A listed conversion, asked plainly, is eligible and told it is final (facts 22, 63)")
    func listedConversion() {
        let decision = Self.decide(Self.basic, Self.standard)
        #expect(decision.verdict == .eligible)
        #expect(decision.advisories.map(\.code.rawValue) == ["upgrade-is-final", "add-ons-stay"])
    }

    @Test("Only an active subscription starts an upgrade; an expired, disabled or deleted one cannot come back (facts 2, 6)")
    func onlyActiveSources() {
        for status in SubscriptionStatus.allCases where status != .active {
            let decision = Self.decide(Self.basic, Self.standard, status: status)
            #expect(decision.reasonCodes.map(\.rawValue) == ["subscription-not-active"], "\(status)")
            let remedy = decision.reasons.first?.remedy ?? ""
            #expect(status == .suspended ? remedy.contains("reactivate") : remedy.contains("cannot be reactivated"), "\(remedy)")
        }
    }

    @Test("Downgrades and the offer itself are not upgrades; a listed conversion is, even to a cheaper offer (facts 1, 67)")
    func onlyListedConversions() {
        #expect(Self.decide(Self.standard, Self.basic).reasonCodes.map(\.rawValue) == ["path-not-supported"])
        #expect(Self.decide(Self.basic, Self.basic).reasonCodes.map(\.rawValue) == ["path-not-supported"])
        #expect(Self.decide(Self.standard, Self.e1).verdict == .eligible, "Business Standard to E1, Microsoft's billing example")
    }

    @Test("An annual source cannot move to a monthly target; a monthly one may go to annual or triennial (facts 41, 42)")
    func termNeverShrinks() {
        let shorter = Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, term: .year, toTerm: .month) }
        #expect(shorter.reasonCodes.map(\.rawValue) == ["term-shorter"])
        for longer in [Term.year, .threeYears] {
            #expect(
                Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, term: .month, toTerm: longer) }.verdict == .eligible
            )
        }
    }

    @Test("The target is billed at least once per term: annual billing on a monthly term is refused (fact 41, 900270)")
    func billingWithinTerm() {
        let decision = Self.decide(Self.basic, Self.standard) {
            Commitment(asOf: $0, term: .month, toTerm: .month, toBilling: .annual)
        }
        #expect(decision.reasonCodes.map(\.rawValue) == ["billing-exceeds-term"])
    }

    @Test("A target not sold on the chosen term and billing is refused (facts 43, 44)")
    func planMustBeSold() throws {
        let catalog = try Self.catalog(
            selling: Self.standard,
            as: Sale(plans: [Plan(term: .month, billing: .monthly), Plan(term: .year, billing: .annual)], source: "s"))
        let refused = Self.decide(Self.basic, Self.standard, in: catalog)
        #expect(refused.reasonCodes.map(\.rawValue) == ["term-not-offered"])
        #expect(refused.reasons.first?.message.contains("P1M/monthly, P1Y/annual") == true)
        let sold = Self.decide(Self.basic, Self.standard, in: catalog) { Commitment(asOf: $0, billing: .annual) }
        #expect(sold.verdict == .eligible)
    }

    @Test("An offer past its end of sale is no target, unless it is still open to conversions (facts 28, 29)")
    func endOfSale() throws {
        let ended = CalendarDate(year: 2026, month: 1, day: 1)!
        let closed = try Self.catalog(selling: Self.standard, as: Sale(endOfSale: ended, source: "s"))
        #expect(Self.decide(Self.basic, Self.standard, in: closed).reasonCodes.map(\.rawValue) == ["target-end-of-sale"])
        let open = try Self.catalog(
            selling: Self.standard, as: Sale(endOfSale: ended, convertibleAfterEndOfSale: true, source: "s"))
        #expect(Self.decide(Self.basic, Self.standard, in: open).verdict == .eligible)
        let later = try Self.catalog(selling: Self.standard, as: Sale(endOfSale: Self.day.adding(months: 1), source: "s"))
        #expect(Self.decide(Self.basic, Self.standard, in: later).verdict == .eligible, "before its end of sale")
    }

    @Test("An upgrade scheduled for the renewal needs auto-renew on, and a later change can cancel it (facts 13, 54, 56)")
    func scheduledNeedsAutoRenew() {
        let off = Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, autoRenew: false, timing: .renewal) }
        #expect(off.reasonCodes.map(\.rawValue) == ["scheduled-needs-auto-renew"])
        let on = Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, timing: .renewal) }
        #expect(on.verdict == .eligible && on.advisories.map(\.code.rawValue).contains("scheduled-change-can-lapse"))
        #expect(Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, autoRenew: false) }.verdict == .eligible)
    }

    @Test("An existing subscription must be active, past its window, not on a shorter term, not ending earlier (facts 57, 58)")
    func destinationConditions() {
        let decision = Self.decide(Self.basic, Self.standard) { day in
            Commitment(
                asOf: day, term: .year,
                destination: Destination(
                    status: .suspended, term: .month, ends: day.adding(months: 6), inCancellationWindow: true))
        }
        #expect(
            decision.reasonCodes.map(\.rawValue) == [
                "destination-not-active", "destination-in-cancellation-window", "destination-term-shorter",
                "destination-ends-earlier",
            ])
    }

    @Test("An existing subscription with a longer term, ending the same day, is accepted (C1, C2)")
    func destinationInterpretations() {
        let decision = Self.decide(Self.basic, Self.standard) { day in
            Commitment(
                asOf: day, term: .year,
                destination: Destination(
                    status: .active, term: .threeYears, ends: day.adding(months: 12), inCancellationWindow: false))
        }
        #expect(decision.verdict == .eligible)
        #expect(decision.advisories.first?.code.rawValue == "seats-join-destination")
    }

    @Test("Seats join an existing subscription only in an upgrade now (fact 59)")
    func destinationOnlyNow() {
        let decision = Self.decide(Self.basic, Self.standard) { day in
            Commitment(
                asOf: day, timing: .renewal,
                destination: Destination(status: .active, term: .year, ends: day.adding(months: 12), inCancellationWindow: false))
        }
        #expect(decision.reasonCodes.map(\.rawValue) == ["destination-not-now"])
    }

    @Test("A partial upgrade makes a new subscription that ends with the source (facts 47, 51, 52)")
    func partialUpgrade() {
        let decision = Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, seats: Seats(moved: 5, held: 20)) }
        let advice = decision.advisories.first
        #expect(decision.verdict == .eligible && advice?.code.rawValue == "partial-upgrade-new-subscription")
        #expect(advice?.message.contains("5 of 20 seats move") == true && advice?.message.contains("2027-12-01") == true)
        #expect(advice?.message.contains("by hand") == true)
    }

    @Test("A trial converts to its own paid offer or a listed one, whole, without promotions (facts 8, 9, 10, 12)")
    func trialConversion() {
        let own = Self.decide(Self.basic, Self.basic) { Commitment(asOf: $0, trial: true) }
        #expect(own.verdict == .eligible && own.advisories.first?.code.rawValue == "trial-conversion")
        #expect(Self.decide(Self.basic, Self.standard) { Commitment(asOf: $0, trial: true) }.verdict == .eligible)
        let partial = Self.decide(Self.basic, Self.basic) { Commitment(asOf: $0, trial: true, seats: Seats(moved: 10, held: 25)) }
        #expect(partial.reasonCodes.map(\.rawValue) == ["trial-converts-whole"])
        #expect(
            Self.decide(Self.basic, Self.e1) { Commitment(asOf: $0, trial: true) }.reasonCodes.map(\.rawValue) == [
                "path-not-supported"
            ])
    }

    @Test("More seats than Business Premium's 300 cannot move into it (fact 38)")
    func seatLimit() {
        let over = Self.decide(Self.standard, Self.premium) { Commitment(asOf: $0, seats: Seats(moved: 301, held: 400)) }
        #expect(over.reasonCodes.map(\.rawValue) == ["target-seat-limit"])
        let within = Self.decide(Self.standard, Self.premium) { Commitment(asOf: $0, seats: Seats(moved: 300, held: 300)) }
        #expect(within.verdict == .eligible)
    }

    @Test("Holding the target does not block; bought elsewhere, licenses are assigned by hand (fact 49, C5)")
    func heldTarget() {
        #expect(Self.decide(Self.basic, Self.standard, holds: [(Self.standard, .partner)]).verdict == .eligible)
        let elsewhere = Self.decide(Self.basic, Self.standard, holds: [(Self.standard, .other)])
        #expect(elsewhere.verdict == .eligible && elsewhere.advisories.first?.code.rawValue == "assign-licenses-by-hand")
    }

    @Test("Every blocking reason is given, in rule order")
    func everyReasonInOrder() {
        let decision = Self.decide(Self.standard, Self.basic, status: .expired) { day in
            Commitment(
                asOf: day, autoRenew: false, term: .year, toTerm: .month, toBilling: .annual, timing: .renewal,
                destination: Destination(status: .active, term: .year, ends: day.adding(months: 12), inCancellationWindow: false))
        }
        #expect(
            decision.reasonCodes.map(\.rawValue) == [
                "subscription-not-active", "path-not-supported", "term-shorter", "billing-exceeds-term",
                "scheduled-needs-auto-renew", "destination-not-now",
            ])
    }
}
